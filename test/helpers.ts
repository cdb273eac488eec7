import { allRules } from '../rules';
import { RuleSettings } from '../src/config/rule-settings';
import type { FileResult } from '../src/engine/finding';
import { type LintOptions, isSkipped, lintText } from '../src/lint';

/** Lints SQL text with the recommended preset (or given settings) and returns the result. */
export function lintSql(sql: string, overrides: Partial<LintOptions> = {}, fileName = 'migration.sql'): FileResult {
  const options: LintOptions = {
    pgVersion: 15,
    assumeInTransaction: false,
    settings: new RuleSettings(allRules),
    ...overrides,
  };
  const result = lintText(sql, fileName, options);
  if (isSkipped(result)) throw new Error(`unexpectedly skipped: ${result.skipped}`);
  return result;
}

/** `rule@line:column` for each finding, in report order. */
export function findingKeys(result: FileResult): string[] {
  return result.findings.map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);
}
