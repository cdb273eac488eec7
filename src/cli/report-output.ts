import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { UsageError } from '../config/errors';
import type { FileResult } from '../engine/finding';
import { reporterFor } from '../reporters';
import { Tally } from '../reporters/reporter';
import type { LintArgs } from './args';
import { describe } from './describe-error';
import type { CliIO } from './io';

/**
 * Where a run's report goes, as the run goes: each file's result is handed to
 * the reporter when the file is done, and `finish` ends the report.
 */
export interface ReportOutput {
  add(result: FileResult): void;
  finish(): void;
  /** Files and findings reported so far (after --quiet). */
  readonly tally: Tally;
}

export function openReport(args: LintArgs, io: CliIO, version: string): ReportOutput {
  // Under GitHub Actions, annotations are what reviewers see, unless a format is asked for.
  const format = args.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  const color = args.outputFile ? args.color === true : (args.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR));
  const file = args.outputFile ? reportFile(path.resolve(io.cwd, args.outputFile)) : undefined;
  const write = file ? file.write : (text: string) => io.stdout.write(text);
  const writer = reporterFor(format)({ color, toolVersion: version, rules: allRules }, write);
  const tally = new Tally();
  return {
    tally,
    add(result) {
      const reported = args.quiet ? withoutWarnings(result) : result;
      tally.add(reported);
      writer.file(reported);
    },
    finish() {
      writer.end();
      file?.close();
    },
  };
}

/** The --output-file, created (with its folder) before linting starts, so a bad path fails at once. */
function reportFile(file: string): { write(text: string): void; close(): void } {
  let descriptor: number;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    descriptor = fs.openSync(file, 'w');
  } catch (error) {
    throw new UsageError(`cannot write the report to ${file}: ${describe(error)}`);
  }
  return {
    write: (text) => fs.writeSync(descriptor, text),
    close: () => fs.closeSync(descriptor),
  };
}

function withoutWarnings(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };
}
