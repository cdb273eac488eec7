import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import type { FileResult, Finding } from '../../src/engine/finding';
import type { RuleDefinition, RuleExample } from '../../src/engine/rule';
import { analyzeDjangoFile } from '../../src/frontends/django';
import { type LintOptions, checkAnalysis, isSkipped, lintText } from '../../src/lint';
import type { FrontendName } from '../../src/model/file';
import { SchemaReplay } from '../../src/schema/replay';

/** The rules' flagged examples, linted as the rule-example tests lint them, for the tests of suggestions and fixes. */

export const FILE_NAMES: Record<FrontendName, string> = {
  sql: 'migration.sql',
  knex: '20240101000000_migration.js',
  typeorm: '1700000000000-Migration.ts',
  django: 'shop/migrations/0002_example.py',
};

export function frontendOf(example: RuleExample): FrontendName {
  if ('sql' in example) return 'sql';
  if ('knex' in example) return 'knex';
  if ('django' in example) return 'django';
  return 'typeorm';
}

export function sourceOf(example: RuleExample): string {
  if ('sql' in example) return example.sql;
  if ('knex' in example) return example.knex;
  if ('django' in example) return example.django;
  return example.typeorm;
}

export function optionsOf(example: RuleExample): LintOptions {
  return {
    pgVersion: example.options?.pgVersion ?? 15,
    assumeInTransaction: example.options?.assumeInTransaction ?? false,
    settings: new RuleSettings(allRules, 'strict'),
    frontend: frontendOf(example),
  };
}

export function fileNameOf(example: RuleExample): string {
  return example.options?.fileName ?? FILE_NAMES[frontendOf(example)];
}

/** An example linted with every rule on (the strict preset), through its front-end (a Django one after its history). */
export function lintExample(example: RuleExample): FileResult {
  const fileName = fileNameOf(example);
  const history = example.options?.djangoHistory;
  const options = optionsOf(example);
  // Earlier migrations in SQL: the schema the example is checked against, as the rule-example tests replay it.
  if (example.options?.history) {
    options.replay = new SchemaReplay();
    example.options.history.forEach((sql, index) => lintText(sql, `${String(index).padStart(4, '0')}_earlier.sql`, { ...options, frontend: 'sql' }));
  }
  if ('django' in example) {
    const analyzed = analyzeDjangoFile(example.django, fileName, history ?? []);
    return checkAnalysis({ analyzed, source: example.django }, fileName, options);
  }
  const result = lintText(sourceOf(example), fileName, options);
  if (isSkipped(result)) throw new Error(`example skipped: ${result.skipped}`);
  return result;
}

export interface ExampleCase {
  rule: RuleDefinition;
  example: RuleExample;
  frontend: FrontendName;
}

/** Every flagged example of every rule with a suggestion (linted by `flagged`, once the parser is loaded). */
export function exampleCases(rules: readonly RuleDefinition[] = allRules): ExampleCase[] {
  return rules.filter((rule) => rule.meta.suggestion).flatMap((rule) => rule.examples.invalid.map((example) => ({ rule, example, frontend: frontendOf(example) })));
}

/** A case's result, and the rule's finding in it. */
export function flagged(item: ExampleCase): { result: FileResult; finding: Finding } {
  const result = lintExample(item.example);
  const finding = result.findings.find((candidate) => candidate.rule === item.rule.id && candidate.line === (item.example.line ?? candidate.line));
  if (!finding) throw new Error(`${item.rule.id}: no finding for ${sourceOf(item.example)}`);
  return { result, finding };
}
