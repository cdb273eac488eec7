import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A deterministic generator of SQL migrations that exercise every rule's
 * pattern (and safe variants), one statement per line, for side-by-side runs.
 */

/** Mulberry32: small, seeded, reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `{t}` table, `{c}` column, `{n}` a number, `{i}` an index name. */
export const STATEMENT_PATTERNS: readonly string[] = [
  'ALTER TABLE {t} DROP COLUMN {c};',
  'ALTER TABLE {t} DROP COLUMN IF EXISTS {c};',
  'DROP TABLE {t};',
  'DROP TABLE IF EXISTS {t}_old;',
  'DROP DATABASE db_{n};',
  'ALTER TABLE {t} RENAME COLUMN {c} TO {c}_renamed;',
  'ALTER TABLE {t} RENAME TO {t}_renamed;',
  'ALTER TABLE {t} ADD COLUMN {c}_req text NOT NULL;',
  "ALTER TABLE {t} ADD COLUMN {c}_def text NOT NULL DEFAULT 'x';",
  'ALTER TABLE {t} ADD COLUMN {c}_opt text;',
  'ALTER TABLE {t} ALTER COLUMN {c} SET NOT NULL;',
  'ALTER TABLE {t} ALTER COLUMN {c} DROP NOT NULL;',
  'ALTER TABLE {t} ALTER COLUMN {c} TYPE bigint;',
  'ALTER TABLE {t} ALTER COLUMN {c} SET DEFAULT 0;',
  'CREATE INDEX {i} ON {t} ({c});',
  'CREATE UNIQUE INDEX {i} ON {t} ({c});',
  'CREATE INDEX CONCURRENTLY {i} ON {t} ({c});',
  'CREATE INDEX CONCURRENTLY IF NOT EXISTS {i} ON {t} ({c});',
  'DROP INDEX {i};',
  'DROP INDEX CONCURRENTLY IF EXISTS {i};',
  'ALTER TABLE {t} ADD CONSTRAINT {t}_{c}_fk FOREIGN KEY ({c}) REFERENCES parents_{n} (id);',
  'ALTER TABLE {t} ADD CONSTRAINT {t}_{c}_fk FOREIGN KEY ({c}) REFERENCES parents_{n} (id) NOT VALID;',
  'ALTER TABLE {t} ADD CONSTRAINT {t}_{c}_check CHECK ({c} > 0);',
  'ALTER TABLE {t} ADD CONSTRAINT {t}_{c}_check CHECK ({c} > 0) NOT VALID;',
  'ALTER TABLE {t} VALIDATE CONSTRAINT {t}_{c}_check;',
  'ALTER TABLE {t} ADD CONSTRAINT {t}_{c}_key UNIQUE ({c});',
  'ALTER TABLE {t} ADD CONSTRAINT {t}_{c}_key UNIQUE USING INDEX {i};',
  'ALTER TABLE {t} ADD PRIMARY KEY ({c});',
  'ALTER TABLE {t} ADD CONSTRAINT {t}_pkey PRIMARY KEY USING INDEX {i};',
  'ALTER TABLE {t} ADD COLUMN {c}_uuid uuid DEFAULT gen_random_uuid();',
  'ALTER TABLE {t} ADD COLUMN {c}_at timestamptz DEFAULT now();',
  'REINDEX TABLE {t};',
  'REINDEX TABLE CONCURRENTLY {t};',
  'ALTER TABLE {t} DETACH PARTITION {t}_p{n};',
  'ALTER TABLE {t} DETACH PARTITION {t}_p{n} CONCURRENTLY;',
  'TRUNCATE {t} CASCADE;',
  'TRUNCATE {t};',
  'CREATE DOMAIN d_{n} AS integer CHECK (VALUE > 0);',
  'ALTER DOMAIN d_{n} ADD CONSTRAINT d_{n}_check CHECK (VALUE > 1);',
  'ALTER TABLE {t} ADD COLUMN {c}_int integer;',
  'ALTER TABLE {t} ADD COLUMN {c}_small smallint;',
  'ALTER TABLE {t} ADD COLUMN {c}_vc varchar(255);',
  'ALTER TABLE {t} ADD COLUMN {c}_ts timestamp;',
  'ALTER TABLE {t} ADD COLUMN {c}_ch char(2);',
  'CREATE TABLE {t}_new_{n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);',
  'CREATE TABLE {t}_ser_{n} (id serial PRIMARY KEY, code varchar(20));',
  'UPDATE {t} SET {c} = 0 WHERE {c} IS NULL;',
  "COMMENT ON TABLE {t} IS 'DROP TABLE {t}; -- not a statement';",
  'BEGIN;',
  'COMMIT;',
];

const TABLES = ['users', 'orders', 'accounts', 'invoices', 'events', 'payments', 'sessions', 'products'];
const COLUMNS = ['email', 'status', 'total', 'region_id', 'created_by', 'amount', 'kind', 'parent_id'];

export interface CorpusOptions {
  files: number;
  statementsPerFile: number;
  seed: number;
}

/** Generates the files' contents (name → SQL). */
export function generateSqlCorpus(options: CorpusOptions): Map<string, string> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const files = new Map<string, string>();
  for (let fileIndex = 0; fileIndex < options.files; fileIndex++) {
    const lines: string[] = [];
    const style = random();
    if (style < 0.25) lines.push("SET lock_timeout = '2s';");
    const wrapped = style > 0.75;
    if (wrapped) lines.push('BEGIN;');
    for (let statement = 0; statement < options.statementsPerFile; statement++) {
      const table = pick(TABLES);
      const column = pick(COLUMNS);
      const number = Math.floor(random() * 1000);
      lines.push(
        pick(STATEMENT_PATTERNS)
          .replace(/\{t\}/g, table)
          .replace(/\{c\}/g, column)
          .replace(/\{n\}/g, String(number))
          .replace(/\{i\}/g, `${table}_${column}_idx`),
      );
    }
    if (wrapped) lines.push('COMMIT;');
    files.set(`${String(fileIndex + 1).padStart(5, '0')}_generated.sql`, lines.join('\n') + '\n');
  }
  return files;
}

export function writeCorpus(directory: string, files: Map<string, string>): string[] {
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  return [...files].map(([name, text]) => {
    const file = path.join(directory, name);
    fs.writeFileSync(file, text);
    return file;
  });
}
