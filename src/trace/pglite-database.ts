import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';
import { UsageError } from '../config/errors';
import { type TraceDatabase, statementError } from './database';
import { writeFileAtomically } from '../files/atomic-file';

/** The folder for files worth keeping between runs: the user's cache folder, or MIGRALINT_CACHE_DIR. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MIGRALINT_CACHE_DIR) return env.MIGRALINT_CACHE_DIR;
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'migralint', 'Cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'migralint');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'migralint');
}

export function pgliteVersion(): string {
  const entry = require.resolve('@electric-sql/pglite');
  const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Where the initialised data directory of this PGlite version is kept (a tar archive, as PGlite dumps it). */
export function dataDirArchive(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheFolder(env), `pglite-${pgliteVersion()}`, 'datadir.tar');
}

/**
 * Starts an embedded PostgreSQL. A fresh one runs initdb (seconds); so the first run
 * saves the initialised data directory and later runs start from it (under a second).
 * A saved one that does not load is made again.
 */
export async function openPglite(env: NodeJS.ProcessEnv = process.env, extensionNames: readonly string[] = []): Promise<TraceDatabase> {
  const { PGlite } = loadPglite();
  const extensions = contribExtensions(extensionNames);
  const archive = dataDirArchive(env);
  const saved = readOptional(archive);
  if (saved) {
    const db = new PGlite({ loadDataDir: new Blob([saved]), extensions });
    try {
      await db.waitReady;
      await db.query('SELECT 1');
      return await wrap(db);
    } catch {
      await db.close().catch(() => undefined); // a broken archive: make it again below
    }
  }
  const db = new PGlite({ extensions });
  await db.waitReady;
  await save(db, archive);
  return wrap(db);
}

/**
 * The extensions PGlite ships (contrib) that the migrations create: each costs start-up
 * time, so only those named. Another one fails at its CREATE EXTENSION, as it would
 * on a server without it.
 */
const CONTRIB = new Set(['amcheck', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dict_int', 'dict_xsyn', 'earthdistance', 'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree', 'pg_trgm', 'pgcrypto', 'seg', 'tablefunc', 'tcn', 'tsm_system_rows', 'tsm_system_time', 'unaccent', 'uuid_ossp']);

function contribExtensions(names: readonly string[]): Extensions {
  const extensions: Extensions = {};
  for (const name of new Set(names.map((extension) => extension.toLowerCase().replace(/-/g, '_')))) {
    if (CONTRIB.has(name)) extensions[name] = (require(`@electric-sql/pglite/contrib/${name}`) as Extensions)[name];
  }
  return extensions;
}

/** The extensions a migration creates: `CREATE EXTENSION IF NOT EXISTS "uuid-ossp"` → `uuid-ossp`. */
export function extensionsCreatedIn(text: string): string[] {
  return [...text.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)].map((match) => match[1]);
}

/** PGlite (27 MB) is an optional dependency: installs that only lint may leave it out with --omit=optional. */
function loadPglite(): typeof import('@electric-sql/pglite') {
  try {
    return require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new UsageError(`trace runs PostgreSQL from the package @electric-sql/pglite, an optional dependency that was left out of this install (--omit=optional?): npm install @electric-sql/pglite@${PGLITE_RANGE}`);
  }
}

/** The versions of PGlite this migralint was verified with (package.json's optionalDependencies). */
const PGLITE_RANGE = '^0.5.17';

/** Written to a temporary file and renamed, so that a run that stops half way leaves no half archive. */
async function save(db: PGlite, archive: string): Promise<void> {
  try {
    const dump = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
    writeFileAtomically(archive, dump);
  } catch {
    // A cache folder we cannot write to only costs the next run its start-up time.
  }
}

function readOptional(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

async function wrap(db: PGlite): Promise<TraceDatabase> {
  const ignoreNotice = () => undefined; // NOTICEs (`… does not exist, skipping`) are not the trace's output
  const [{ version }] = (await db.query<{ version: string }>('SELECT version()')).rows;
  return {
    version: describeVersion(version),
    embedded: true,
    async run(sql) {
      try {
        await db.exec(sql, { onNotice: ignoreNotice });
      } catch (error) {
        throw statementError(error);
      }
    },
    async rows<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params, { onNotice: ignoreNotice })).rows;
    },
    close: () => db.close(),
  };
}

/** `PostgreSQL 18.7 (PGlite 0.5.17) on wasm32…` → `PostgreSQL 18.7 (PGlite 0.5.17)`. */
export function describeVersion(version: string): string {
  return /^PostgreSQL [\d.]+(?: \(PGlite [\d.]+\))?/.exec(version)?.[0] ?? version;
}
