import type { FileResult } from '../engine/finding';
import type { RuleDefinition } from '../engine/rule';

export interface ReportContext {
  color: boolean;
  toolVersion: string;
  /** Every rule, for formats that describe the rules that fired (SARIF). */
  rules: readonly RuleDefinition[];
}

/**
 * A report in the making: `file` takes each file's result, in run order, and
 * `end` finishes the report; both write through the `write` they were given.
 * Formats that can (stylish, compact, github) write each file's part at once,
 * and json keeps only text: memory does not grow with the results of the run.
 */
export interface ReportWriter {
  file(result: FileResult): void;
  end(): void;
}

/** A reporter is pure formatting: it makes a writer for one report. */
export type Reporter = (context: ReportContext, write: (text: string) => void) => ReportWriter;

/** A whole report at once, from all results. */
export function formatResults(reporter: Reporter, results: readonly FileResult[], context: ReportContext): string {
  const parts: string[] = [];
  const writer = reporter(context, (text) => parts.push(text));
  for (const result of results) writer.file(result);
  writer.end();
  return parts.join('');
}

/** A format that is one document built from every result (SARIF, JUnit, GitLab): results are kept until the end. */
export function wholeDocument(format: (results: readonly FileResult[], context: ReportContext) => string): Reporter {
  return (context, write) => {
    const results: FileResult[] = [];
    return {
      file: (result) => results.push(result),
      end: () => write(format(results, context)),
    };
  };
}

/** Running totals of a report: files, and findings by severity. */
export class Tally {
  files = 0;
  skipped = 0;
  errors = 0;
  warnings = 0;

  add(result: FileResult): void {
    this.files++;
    if (result.skippedReason !== undefined) this.skipped++;
    for (const finding of result.findings) {
      if (finding.severity === 'error') this.errors++;
      else this.warnings++;
    }
  }
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
