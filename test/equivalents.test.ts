import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { RuleSettings } from '../src/config/rule-settings';
import { isSkipped, lintText, prepareLinting } from '../src/lint';

beforeAll(prepareLinting);

const ROOT = path.join(__dirname, '..');

/** Sorted rule ids a file produces with every rule on. */
function ruleIds(file: string): string[] {
  const options = { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules, 'strict') };
  const result = lintText(fs.readFileSync(file, 'utf8'), path.relative(ROOT, file), options);
  if (isSkipped(result)) throw new Error(`${file} was skipped: ${result.skipped}`);
  return [...new Set(result.findings.map((finding) => finding.rule))].sort();
}

/**
 * Each Knex fixture beside the SQL that Knex runs for it, written by hand:
 * both must produce the same rule ids.
 */
describe.each(['knex', 'typeorm'])('%s migrations and their SQL equivalents', (frontend) => {
  const equivalents = fs.readdirSync(path.join(__dirname, 'equivalents', frontend)).filter((name) => name.endsWith('.sql'));
  const fixtures = fs.readdirSync(path.join(ROOT, 'fixtures', frontend));

  test('pair at least six fixtures', () => {
    expect(equivalents.length).toBeGreaterThanOrEqual(6);
  });

  test.each(equivalents)('%s', (sqlName) => {
    const base = sqlName.replace(/\.sql$/, '');
    const fixture = fixtures.find((name) => name.replace(/\.(js|ts)$/, '') === base);
    expect(fixture).toBeDefined();
    const sqlIds = ruleIds(path.join(__dirname, 'equivalents', frontend, sqlName));
    expect(ruleIds(path.join(ROOT, 'fixtures', frontend, fixture as string))).toEqual(sqlIds);
  });
});
