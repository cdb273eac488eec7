import * as path from 'node:path';
import { allRules } from '../../rules';
import { UsageError } from '../config/errors';
import type { FileResult } from '../engine/finding';
import { reporterFor } from '../reporters';
import { Tally } from '../reporters/reporter';
import { type OutputFile, openOutputFile } from '../files/atomic-file';
import type { LintArgs } from './args';
import { describe } from './describe-error';
import type { CliIO } from './io';
import { SpilledText } from './spilled-text';

/**
 * Where a run's report goes, as the run goes: each file's result is handed to
 * the reporter when the file is done, and `finish` ends the report.
 */
export interface ReportOutput {
  add(result: FileResult): void;
  /** Ends the report; with --output-file, puts the file in place. Returns why the report could not be written, if it could not. */
  finish(): string | undefined;
  /** Files and findings reported so far (after --quiet). */
  readonly tally: Tally;
}

export function openReport(args: LintArgs, io: CliIO, version: string): ReportOutput {
  // Under GitHub Actions, annotations are what reviewers see, unless a format is asked for.
  const format = args.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  const color = args.outputFile ? args.color === true : (args.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR));
  const target = args.outputFile ? path.resolve(io.cwd, args.outputFile) : undefined;
  const file = target ? reportFile(target) : undefined;
  // The first failure to write stops the writing: one line for the whole report, not one per file.
  let failure: string | undefined;
  const write = (text: string | Uint8Array) => {
    if (failure !== undefined) return;
    try {
      if (file) file.write(text);
      else io.stdout.write(text);
    } catch (error) {
      failure = describe(error);
    }
  };
  // JSON holds its findings until its list of files is written: past a few megabytes, in a temporary file.
  // A file is written synchronously; standard output has taken a piece when it holds nothing queued.
  const consumed = () => file !== undefined || (io.stdout as { writableLength?: number }).writableLength === 0;
  const holdText = () => new SpilledText(consumed);
  const writer = reporterFor(format)({ color, toolVersion: version, rules: allRules, suggestions: args.suggestions, holdText }, write);
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
      if (!file) return failure;
      try {
        if (failure === undefined) file.commit();
        else file.abandon();
      } catch (error) {
        failure ??= describe(error);
        file.abandon();
      }
      return failure === undefined ? undefined : `cannot write the report to ${args.outputFile}: ${failure}`;
    },
  };
}

/** The --output-file, begun (its folder made) before linting starts, so a bad path fails at once. */
function reportFile(target: string): OutputFile {
  try {
    return openOutputFile(target);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${target}: ${describe(error)}`);
  }
}

function withoutWarnings(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };
}
