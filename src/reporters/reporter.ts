import type { FileResult } from '../engine/finding';
import type { RuleDefinition } from '../engine/rule';

export interface ReportContext {
  color: boolean;
  toolVersion: string;
  /** Every rule, for formats that describe the rules that fired (SARIF), and for suggestions. */
  rules: readonly RuleDefinition[];
  /** Show each finding's suggestion (stylish; default true). */
  suggestions?: boolean;
  /** Where a format keeps text it writes only at the end (JSON's findings, which follow its list of files); in memory without one. */
  holdText?: () => HeldText;
}

/** Text kept back until the report ends, in order. */
export interface HeldText {
  add(text: string): void;
  /** The text as UTF-8 pieces, in order, letting go of it. */
  drain(): Iterable<Uint8Array>;
}

/** The rule of a finding, looked up once per rule list. */
const rulesById = new WeakMap<readonly RuleDefinition[], ReadonlyMap<string, RuleDefinition>>();

export function ruleOf(rules: readonly RuleDefinition[], id: string): RuleDefinition | undefined {
  let byId = rulesById.get(rules);
  if (!byId) {
    byId = new Map(rules.map((rule) => [rule.id, rule]));
    rulesById.set(rules, byId);
  }
  return byId.get(id);
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
export type Reporter = (context: ReportContext, write: (text: string | Uint8Array) => void) => ReportWriter;

/** A whole report at once, from all results. */
export function formatResults(reporter: Reporter, results: readonly FileResult[], context: ReportContext): string {
  const parts: string[] = [];
  const writer = reporter(context, (text) => parts.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8')));
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

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from the linted files (identifiers in messages, file names) with its
 * control characters written as escapes (`\u001b`, `\n`): a crafted identifier
 * cannot drive the terminal or break a line of the report.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The same for a line of source shown under a finding: one visible character each, so columns stay put. */
export function maskControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '\ufffd');
}
