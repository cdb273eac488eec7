import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import type { FileResult } from '../../src/engine/finding';
import { type LintOptions, isSkipped, lintText } from '../../src/lint';

/** Lints a migration's text under its file name (which picks the front-end) with the recommended preset. */
export function lintFile(text: string, file: string, overrides: Partial<LintOptions> = {}): FileResult {
  const result = lintText(text, file, { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules), ...overrides });
  if (isSkipped(result)) throw new Error(`${file} was skipped: ${result.skipped}`);
  return result;
}

/** `rule@line:column` for each finding, in report order, leaving out require-lock-timeout (covered on its own). */
export function keys(result: FileResult): string[] {
  return result.findings.filter((finding) => finding.rule !== 'require-lock-timeout').map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);
}
