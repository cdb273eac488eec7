import { allRules } from '../rules';
import type { RuleDefinition, RuleExample } from '../src/engine/rule';
import { RuleSettings } from '../src/config/rule-settings';
import { type LintOptions, checkAnalysis, isSkipped, lintText, prepareLinting } from '../src/lint';
import { analyzeDjangoFile } from '../src/frontends/django';
import type { FileResult } from '../src/engine/finding';
import type { FrontendName } from '../src/model/file';
import { SchemaReplay } from '../src/schema/replay';

beforeAll(prepareLinting);

const DEFAULT_FILE_NAMES: Record<FrontendName, string> = {
  sql: 'migration.sql',
  knex: '20240101000000_migration.js',
  typeorm: '1700000000000-Migration.ts',
  django: 'shop/migrations/0002_example.py',
};

function frontendOf(example: RuleExample): FrontendName {
  if ('sql' in example) return 'sql';
  if ('knex' in example) return 'knex';
  if ('django' in example) return 'django';
  return 'typeorm';
}

function sourceOf(example: RuleExample): string {
  if ('sql' in example) return example.sql;
  if ('knex' in example) return example.knex;
  if ('django' in example) return example.django;
  return example.typeorm;
}

/** Lints an example with every rule on (off rules as warnings), as the strict preset would, through its front-end. */
function lintExample(example: RuleExample): FileResult {
  const frontend = frontendOf(example);
  const options: LintOptions = {
    pgVersion: example.options?.pgVersion ?? 15,
    assumeInTransaction: example.options?.assumeInTransaction ?? false,
    settings: new RuleSettings(allRules, 'strict'),
    frontend,
  };
  const fileName = example.options?.fileName ?? DEFAULT_FILE_NAMES[frontend];
  // Earlier migrations in SQL: the schema the example is checked against.
  if (example.options?.history) {
    options.replay = new SchemaReplay();
    example.options.history.forEach((sql, index) => lintText(sql, `${String(index).padStart(4, '0')}_earlier.sql`, { ...options, frontend: 'sql' }));
  }
  const history = example.options?.djangoHistory;
  if (history) {
    // A Django example that follows earlier migrations of its app: replayed as a project would be.
    const analyzed = analyzeDjangoFile(sourceOf(example), fileName, history);
    return checkAnalysis({ analyzed, source: sourceOf(example) }, fileName, options);
  }
  const result = lintText(sourceOf(example), fileName, options);
  if (isSkipped(result)) throw new Error(`example skipped: ${result.skipped}`);
  return result;
}

const cases = (rule: RuleDefinition, kind: 'valid' | 'invalid') =>
  rule.examples[kind].map((example) => [`${frontendOf(example)}: ${sourceOf(example)}`, example] as const);

describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  const invalid = cases(rule, 'invalid');
  const valid = cases(rule, 'valid');

  if (invalid.length > 0) {
    test.each(invalid)('flags %s', (_title, example) => {
      const findings = lintExample(example).findings.filter((finding) => finding.rule === rule.id);
      expect(findings.map((finding) => finding.line)).toEqual([example.line]);
      if (example.column !== undefined) expect(findings[0].column).toBe(example.column);
    });
  }
  if (valid.length > 0) {
    test.each(valid)('accepts %s', (_title, example) => {
      const findings = lintExample(example).findings.filter((finding) => finding.rule === rule.id);
      expect(findings).toEqual([]);
    });
  }
});
