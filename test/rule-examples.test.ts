import { allRules } from '../rules';
import type { RuleDefinition, RuleExample } from '../src/engine/rule';
import { RuleSettings } from '../src/config/rule-settings';
import { type LintOptions, isSkipped, lintText, prepareLinting } from '../src/lint';
import type { FileResult } from '../src/engine/finding';

beforeAll(prepareLinting);

/** Lints an example with every rule on (off rules as warnings), as the strict preset would. */
function lintExample(example: RuleExample): FileResult {
  const options: LintOptions = {
    pgVersion: example.options?.pgVersion ?? 15,
    assumeInTransaction: example.options?.assumeInTransaction ?? false,
    settings: new RuleSettings(allRules, 'strict'),
  };
  if (!('sql' in example)) throw new Error('only SQL examples are supported by this runner');
  const result = lintText(example.sql, example.options?.fileName ?? 'migration.sql', options);
  if (isSkipped(result)) throw new Error(`example skipped: ${result.skipped}`);
  return result;
}

const sqlExamples = (rule: RuleDefinition, kind: 'valid' | 'invalid') =>
  rule.examples[kind].filter((example): example is RuleExample & { sql: string } => 'sql' in example);

describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  const invalid = sqlExamples(rule, 'invalid');
  const valid = sqlExamples(rule, 'valid');

  if (invalid.length > 0) {
    test.each(invalid.map((example) => [example.sql, example] as const))('flags %s', (_sql, example) => {
      const findings = lintExample(example).findings.filter((finding) => finding.rule === rule.id);
      expect(findings).toHaveLength(1);
      expect(findings[0].line).toBe(example.line);
      if (example.column !== undefined) expect(findings[0].column).toBe(example.column);
    });
  }
  if (valid.length > 0) {
    test.each(valid.map((example) => [example.sql, example] as const))('accepts %s', (_sql, example) => {
      const findings = lintExample(example).findings.filter((finding) => finding.rule === rule.id);
      expect(findings).toEqual([]);
    });
  }
});
