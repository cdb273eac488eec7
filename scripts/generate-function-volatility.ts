/**
 * Writes src/frontends/sql/function-volatility.json: every function name of a
 * PostgreSQL server's catalogue (pg_catalog, and the extensions the server ships)
 * by volatility, as pg_proc.provolatile says. A DEFAULT that calls a volatile
 * function is evaluated per row, so adding the column rewrites the table.
 *
 * How it was generated (PostgreSQL 15, Debian's server, with every contrib
 * extension it ships that installs):
 *
 *   export MIGRALINT_TEST_PG_PORT=54331 && source .ci/services
 *   npm run build && node dist/scripts/generate-function-volatility.js
 *
 * The server is found through MIGRALINT_TEST_DATABASE_URL (or `--database-url URL`);
 * psql is taken from PATH, else from /usr/lib/postgresql/<version>/bin. The
 * script creates and drops a scratch database, and changes nothing else.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const OUTPUT = path.join(ROOT, 'src', 'frontends', 'sql', 'function-volatility.json');
const SCRATCH = 'migralint_function_volatility';

function databaseUrl(): string {
  const index = process.argv.indexOf('--database-url');
  const url = index >= 0 ? process.argv[index + 1] : process.env.MIGRALINT_TEST_DATABASE_URL;
  if (!url) throw new Error('no server: set MIGRALINT_TEST_DATABASE_URL (source .ci/services) or pass --database-url URL');
  return url;
}

function psqlPath(): string {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'psql')).find((file) => fs.existsSync(file));
  if (onPath) return onPath;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => path.join(base, version, 'bin', 'psql')).find((file) => fs.existsSync(file));
  if (!found) throw new Error('psql not found on PATH or under /usr/lib/postgresql');
  return found;
}

/** Runs SQL and returns the rows as arrays of fields (unaligned, tab-separated output). */
function query(url: string, sql: string): string[][] {
  const output = execFileSync(psqlPath(), [url, '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  });
  return output
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

function inDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Pseudo-types no DEFAULT expression can produce or pass. */
const PSEUDO_TYPES = ['internal', 'cstring', 'trigger', 'event_trigger', 'language_handler', 'fdw_handler', 'index_am_handler', 'table_am_handler', 'tsm_handler'];

/** A name's class is its most volatile overload's: `ts_rewrite` has an immutable and a volatile form. */
const RANK = { i: 0, s: 1, v: 2 } as const;

function main(): void {
  const url = databaseUrl();
  const [[version]] = query(url, 'SHOW server_version');
  query(url, `DROP DATABASE IF EXISTS ${SCRATCH}`);
  query(url, `CREATE DATABASE ${SCRATCH}`);
  const scratch = inDatabase(url, SCRATCH);
  try {
    const extensions: string[] = [];
    for (const [name] of query(scratch, 'SELECT name FROM pg_available_extensions WHERE installed_version IS NULL ORDER BY name')) {
      try {
        query(scratch, `CREATE EXTENSION IF NOT EXISTS "${name}" CASCADE`);
        extensions.push(name);
      } catch {
        // Some extensions need a preloaded library or another server setting: their functions are left out.
      }
    }
    const rows = query(
      scratch,
      // Only what a DEFAULT can call: plain functions (not aggregates, window functions or procedures)
      // that neither take nor return the pseudo-types of internal support functions (type I/O, triggers, handlers).
      `SELECT p.proname, p.provolatile FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE (n.nspname = 'pg_catalog'
              OR EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'))
         AND p.prokind = 'f'
         AND NOT EXISTS (SELECT 1 FROM pg_type t
                         WHERE (t.oid = p.prorettype OR t.oid = ANY (p.proargtypes))
                           AND t.typtype = 'p' AND t.typname IN (${PSEUDO_TYPES.map((name) => `'${name}'`).join(', ')}))`,
    );
    const byName = new Map<string, keyof typeof RANK>();
    for (const [name, volatility] of rows) {
      const kind = volatility as keyof typeof RANK;
      const known = byName.get(name);
      if (known === undefined || RANK[kind] > RANK[known]) byName.set(name, kind);
    }
    const names = (kind: keyof typeof RANK) => [...byName].filter(([, value]) => value === kind).map(([name]) => name).sort();
    const data = {
      description: 'Function names by volatility (pg_proc.provolatile; a name takes its most volatile overload). Generated by scripts/generate-function-volatility.ts; do not edit.',
      postgresql: version,
      extensions,
      volatile: names('v'),
      stable: names('s'),
      immutable: names('i'),
    };
    // One key per line, each list on its line: small to load, and a regeneration diffs by list.
    const lines = Object.entries(data).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    fs.writeFileSync(OUTPUT, `{\n${lines.join(',\n')}\n}\n`);
    console.log(`${path.relative(ROOT, OUTPUT)}: ${data.volatile.length} volatile, ${data.stable.length} stable, ${data.immutable.length} immutable names (PostgreSQL ${version}, ${extensions.length} extensions)`);
  } finally {
    query(url, `DROP DATABASE IF EXISTS ${SCRATCH}`);
  }
}

main();
