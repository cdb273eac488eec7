import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSqlParser } from '../../src/frontends/sql';
import { findingKeys, lintSql } from '../helpers';

beforeAll(loadSqlParser);

const DATA = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'frontends', 'sql', 'function-volatility.json'), 'utf8')) as Record<
  'volatile' | 'stable' | 'immutable',
  string[]
>;

describe('a DEFAULT is as volatile as PostgreSQL says its function is', () => {
  const migration = (expression: string) =>
    `SET lock_timeout = '2s';\n\n-- Backfilled by the default itself\nALTER TABLE public.invoices\n  ADD COLUMN rounding numeric DEFAULT ${expression};\n`;

  test.each([
    ['pi()', []],
    ['round(pi()::numeric, 2)', []],
    ['now()', []],
    ["date_trunc('day', now())", []],
    ["coalesce(current_setting('app.rounding', true), '0')::numeric", []],
    ['random()', ['adding-field-with-default@4:1']],
    ['round(random()::numeric, 2)', ['adding-field-with-default@4:1']],
    ['clock_timestamp()', ['adding-field-with-default@4:1']],
    ['app_rounding()', ['adding-field-with-default@4:1']],
  ])('DEFAULT %s', (expression, expected) => {
    expect(findingKeys(lintSql(migration(expression)))).toEqual(expected);
  });

  test('the message says which function, and whether PostgreSQL knows it', () => {
    const [volatile] = lintSql(migration('gen_random_uuid()')).findings;
    expect(volatile.message).toContain('a volatile default (gen_random_uuid())');
    const [unknown] = lintSql(migration('app_rounding()')).findings;
    expect(unknown.message).toContain('calls app_rounding(), which may be volatile');
  });

  test('DEFAULT NULL NOT NULL is no default: the column cannot be added to a table with rows', () => {
    const sql = "SET lock_timeout = '2s';\nALTER TABLE public.users\n  ADD COLUMN tenant_id bigint DEFAULT NULL NOT NULL;\n";
    expect(findingKeys(lintSql(sql))).toEqual(['adding-required-field@2:1']);
    expect(findingKeys(lintSql(sql.replace('DEFAULT NULL', 'DEFAULT NULL::bigint')))).toEqual(['adding-required-field@2:1']);
    expect(findingKeys(lintSql(sql.replace('DEFAULT NULL', 'DEFAULT 0')))).toEqual([]);
  });
});

/** psql from PATH or Debian's server packages. */
function psql(): string | undefined {
  const candidates = [
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'psql')),
    ...(fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin/psql`) : []),
  ];
  return candidates.find((file) => fs.existsSync(file));
}

const databaseUrl = process.env.MIGRALINT_TEST_DATABASE_URL;
const server = databaseUrl && psql();
if (!server && process.env.MIGRALINT_REQUIRE_SERVICES !== '1') {
  console.warn('function-volatility: no PostgreSQL server (MIGRALINT_TEST_DATABASE_URL, see .ci/services); the data file is not compared with pg_proc');
}

(server || process.env.MIGRALINT_REQUIRE_SERVICES === '1' ? describe : describe.skip)('the data file matches the catalogue of a running PostgreSQL', () => {
  test('every pg_catalog function a DEFAULT can call has the volatility the server gives it', () => {
    const output = execFileSync(
      server as string,
      [
        databaseUrl as string, '-X', '-A', '-t', '-F', '\t', '-c',
        `SELECT proname, string_agg(DISTINCT provolatile::text, '') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'pg_catalog' AND p.prokind = 'f' GROUP BY proname`,
      ],
      { encoding: 'utf8' },
    );
    const expected = (letters: string) => (letters.includes('v') ? 'volatile' : letters.includes('s') ? 'stable' : 'immutable');
    const classOf = new Map<string, string>();
    for (const kind of ['volatile', 'stable', 'immutable'] as const) for (const name of DATA[kind]) classOf.set(name, kind);
    const mismatches = output
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .filter(([name, letters]) => classOf.has(name) && classOf.get(name) !== expected(letters))
      .map(([name]) => name);
    expect(mismatches).toEqual([]);
    expect(classOf.get('pi')).toBe('immutable');
    expect(classOf.get('now')).toBe('stable');
    expect(classOf.get('gen_random_uuid')).toBe('volatile');
  });
});
