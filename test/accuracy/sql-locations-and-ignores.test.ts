import { loadSqlParser } from '../../src/frontends/sql';
import { findingKeys, lintSql } from '../helpers';

beforeAll(loadSqlParser);

describe('each clause of a multi-clause ALTER TABLE is located on its own', () => {
  const sql = `SET lock_timeout = '2s';

ALTER TABLE "public"."users"
  ADD COLUMN "height" numeric(5, 2) NOT NULL,
  DROP COLUMN "legacy_flags",
  ALTER COLUMN "age" TYPE bigint USING ("age"::bigint),
  ADD CONSTRAINT users_age_check CHECK (age > 0 AND age < 200);
`;

  test('rule, line and column of each finding are those of its clause', () => {
    expect(findingKeys(lintSql(sql))).toEqual([
      'adding-required-field@4:3',
      'ban-drop-column@5:3',
      'changing-column-type@6:3',
      'constraint-missing-not-valid@7:3',
    ]);
  });

  test('the span covers the clause, without the comma', () => {
    const [required] = lintSql(sql).findings;
    expect(required).toMatchObject({ line: 4, column: 3, endLine: 4, endColumn: 45 });
  });

  test('commas inside strings, parentheses, dollar quotes and comments do not split clauses', () => {
    const tricky = `SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text DEFAULT 'a, b' /* x, y */, ADD COLUMN total numeric(10, 2) DEFAULT $$1,0$$::numeric NOT NULL,
  DROP COLUMN memo;
`;
    expect(findingKeys(lintSql(tricky))).toEqual(['ban-drop-column@3:3']);
    const [drop] = lintSql(tricky.replace('DEFAULT $$1,0$$::numeric ', '')).findings;
    expect(drop).toMatchObject({ rule: 'adding-required-field', line: 2, column: 68 });
  });

  test('an ignore comment before the statement still covers every clause', () => {
    expect(findingKeys(lintSql(`-- migralint-ignore -- reviewed: maintenance window\n${sql.replace("SET lock_timeout = '2s';\n\n", '')}`))).toEqual([]);
  });
});

describe("squawk's ignore comments", () => {
  test('squawk-ignore before a statement or a clause silences the rules of the same id', () => {
    const sql = `-- +migrate Up
SET lock_timeout = '2s';
-- squawk-ignore ban-drop-column
ALTER TABLE convoy.sources DROP COLUMN IF EXISTS custom_response_body;
ALTER TABLE convoy.endpoints
  -- squawk-ignore changing-column-type -- widening only
  ALTER COLUMN secret TYPE text,
  DROP COLUMN legacy;
-- squawk-ignore prefer-robust-stmts, require-timeout-settings
ALTER TABLE convoy.events RENAME COLUMN payload TO data;
-- +migrate Down
ALTER TABLE convoy.sources ADD COLUMN custom_response_body text;
`;
    expect(findingKeys(lintSql(sql))).toEqual(['ban-drop-column@8:3', 'renaming-column@10:1']);
  });

  test('squawk-ignore-file with a list of rules silences them in the whole file, and is never reported as unused', () => {
    const sql = `-- squawk-ignore-file ban-drop-column, changing-column-type
SET lock_timeout = '2s';
ALTER TABLE convoy.subscriptions DROP COLUMN retry_config;
ALTER TABLE convoy.subscriptions ALTER COLUMN name TYPE text;
ALTER TABLE convoy.subscriptions RENAME COLUMN alert TO alert_config;
-- squawk-ignore ban-char-field
ALTER TABLE convoy.subscriptions ADD COLUMN kind text;
`;
    expect(findingKeys(lintSql(sql))).toEqual(['renaming-column@5:1']);
  });

  test('a bare squawk-ignore-file silences everything', () => {
    expect(findingKeys(lintSql('-- squawk-ignore-file\nALTER TABLE t DROP COLUMN c;\n'))).toEqual([]);
  });
});
