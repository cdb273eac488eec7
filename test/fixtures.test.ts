import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { RuleSettings } from '../src/config/rule-settings';
import { isSkipped, lintText, prepareLinting } from '../src/lint';

beforeAll(prepareLinting);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'sql');

/** Every finding on the bundled SQL fixtures with the recommended preset: `file:line:column rule`. */
function lintFixtures(): string[] {
  const options = { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) };
  return fs
    .readdirSync(FIXTURES)
    .sort()
    .flatMap((name) => {
      const result = lintText(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), name, options);
      return isSkipped(result) ? [] : result.findings.map((f) => `${name}:${f.line}:${f.column} ${f.rule}`);
    });
}

test('the SQL fixtures produce exactly the findings their comments describe', () => {
  expect(lintFixtures()).toEqual([
    '000004_users_require_phone.up.sql:2:1 adding-required-field',
    '000004_users_require_phone.up.sql:2:1 require-lock-timeout',
    '000004_users_require_phone.up.sql:4:1 adding-field-with-default',
    '000005_index_orders_by_user.up.sql:3:1 require-concurrent-index-creation',
    '000005_index_orders_by_user.up.sql:5:1 adding-foreign-key-constraint',
    '000008_rename_full_name.up.sql:3:1 renaming-column',
    '000008_rename_full_name.up.sql:5:1 changing-column-type',
    '000008_rename_full_name.up.sql:7:1 ban-drop-column',
    '000010_archive_sessions.up.sql:7:1 ban-truncate-cascade',
  ]);
});
