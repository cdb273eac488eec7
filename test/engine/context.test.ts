import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { prepareLinting } from '../../src/lint';
import { findingKeys, lintSql } from '../helpers';

beforeAll(prepareLinting);

const LOCKED = "SET lock_timeout = '2s';\n";

describe('context the engine gives rules', () => {
  test('a table created earlier in the file is new: no findings for work on it', () => {
    const result = lintSql(
      'CREATE TABLE s.events (id bigint);\nALTER TABLE events ADD COLUMN kind text NOT NULL;\nCREATE INDEX events_kind_idx ON s.events (kind);\nALTER TABLE s.events RENAME TO audit_events;\nALTER TABLE audit_events DROP COLUMN kind;',
    );
    expect(findingKeys(result)).toEqual([]);
  });

  test('a table in another schema with the same name is not the new one', () => {
    const result = lintSql(`${LOCKED}CREATE TABLE a.events (id bigint);\nALTER TABLE b.events DROP COLUMN id;`);
    expect(findingKeys(result)).toEqual(['ban-drop-column@3:1']);
  });

  test('the PostgreSQL version changes what a default costs', () => {
    const sql = `${LOCKED}ALTER TABLE users ADD COLUMN status text DEFAULT 'active';`;
    expect(findingKeys(lintSql(sql, { pgVersion: 10 }))).toEqual(['adding-field-with-default@2:1']);
    expect(findingKeys(lintSql(sql, { pgVersion: 11 }))).toEqual([]);
  });

  test('COMMIT ends an explicit transaction: CONCURRENTLY after it is fine', () => {
    const result = lintSql(`BEGIN;\n${LOCKED}ALTER TABLE users ADD COLUMN bio text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY users_bio_idx ON users (bio);`);
    expect(findingKeys(result)).toEqual([]);
  });

  test('severities follow the preset and overrides; off rules report nothing', () => {
    const settings = new RuleSettings(allRules, 'strict');
    settings.apply({ 'ban-drop-column': 'warn', 'require-lock-timeout': 'off' }, 'test');
    const result = lintSql('ALTER TABLE users DROP COLUMN age;', { settings });
    expect(result.findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual([
      'ban-drop-column:warning',
      'prefer-robust-stmts:warning',
      'require-statement-timeout:warning',
      'require-table-schema:warning',
    ]);
  });

  test('findings carry the help text and the docs pointer', () => {
    const [finding] = lintSql(`${LOCKED}DROP TABLE users;`).findings;
    expect(finding).toMatchObject({
      rule: 'ban-drop-table',
      file: 'migration.sql',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 17,
      message: 'Dropping table "users" breaks application code that still queries it, and loses its data.',
      help: 'Remove every code reference to the table, deploy, and drop it in a later release.',
      docs: 'migralint explain ban-drop-table',
    });
  });
});
