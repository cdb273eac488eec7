import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import type { FileResult, Finding } from '../engine/finding';
import { docsFor } from '../engine/rule';
import type { SkippedFile } from '../lint';
import { writeFileAtomically } from '../files/atomic-file';
import { readRegularFile } from '../files/read-regular-file';
import type { SchemaEffect } from '../schema/replay';

/**
 * A finding as stored: its file, help and docs follow from the entry and the
 * rule, and leaving them out makes the cache a fraction of the size (it is read
 * whole at the start of every cached run).
 */
type CachedFinding = Omit<Finding, 'file' | 'help' | 'docs'> & { help?: string };
type CachedResult = (Omit<FileResult, 'source' | 'findings'> & { findings: CachedFinding[] }) | SkippedFile;

const helpByRule = new Map(allRules.map((rule) => [rule.id, rule.meta.help]));

interface CacheEntry {
  hash: string;
  textHash: string;
  result: CachedResult;
  /** HMAC of the entry (and the cache key) with the user's key: an entry not written by this user is not used. */
  mac: string;
}

interface CacheFile {
  /** Tool version and every setting that changes results; a different key empties the cache. */
  key: string;
  entries: Record<string, CacheEntry>;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The most a cache file may hold; a larger one (or a device, a FIFO) is not read. */
const MAX_CACHE_BYTES = 512 << 20;

/**
 * Where the cache lives by default: outside the working tree, so that no
 * commit carries it. node_modules/.cache/migralint when there is a
 * node_modules (as ESLint does); else the user's cache folder, under a name
 * kept apart per project path.
 */
export function defaultCacheLocation(cwd: string, env: NodeJS.ProcessEnv): string {
  if (fs.existsSync(path.join(cwd, 'node_modules'))) return path.join(cwd, 'node_modules', '.cache', 'migralint', 'cache.json');
  let project = path.resolve(cwd);
  try {
    project = fs.realpathSync(project);
  } catch {
    // the path as given
  }
  const name = `${path.basename(project).replace(/[^\w.-]+/g, '_') || 'root'}-${createHash('sha256').update(project).digest('hex').slice(0, 16)}`;
  return path.join(userCacheFolder(env), 'migralint', name, 'cache.json');
}

/** The user's cache folder: XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows. */
export function userCacheFolder(env: NodeJS.ProcessEnv): string {
  const home = env.HOME || os.homedir();
  if (process.platform === 'win32') return env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches');
  return env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
}

/**
 * The user's key for the cache's HMACs, made on first use: 32 random bytes,
 * in a file of the user's cache folder created exclusively, readable by the
 * user alone. A key that is missing, damaged, or readable by others is made anew.
 */
export function userCacheKey(env: NodeJS.ProcessEnv): Buffer {
  const file = path.join(userCacheFolder(env), 'migralint', 'cache-key');
  const existing = readKey(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(8).toString('hex')}`;
  fs.writeFileSync(temporary, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  try {
    fs.rmSync(file, { force: true }); // a damaged key, if any
    fs.linkSync(temporary, file); // fails if another run has just made one: then that one is the key
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  const key = readKey(file);
  if (!key) throw new Error(`cannot make the cache key ${file}`);
  return key;
}

function readKey(file: string): Buffer | undefined {
  try {
    const stats = fs.lstatSync(file);
    if (!stats.isFile() || (stats.mode & 0o077) !== 0) return undefined;
    const text = readRegularFile(file, 1024).toString('utf8');
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
  } catch {
    return undefined;
  }
}

/** Where a schema effect's operations are in their file: not needed to replay them, so not kept. */
function withoutPlaces(key: string, value: unknown): unknown {
  return key === 'location' || key === 'anchorLine' || key === 'sqlLocation' || key === 'identifiers' ? undefined : value;
}

/** The hash the replayed schema's digest is made with (see SchemaReplay). */
export const hashText = sha1;

/**
 * Results of earlier runs, keyed by file content and by the digest of the schema
 * the earlier migrations built (what the file was checked against), under a key
 * of the tool version and settings. Each result keeps what the file does to the
 * schema, so an unchanged file is replayed without being read again.
 * Each entry carries an HMAC made with the user's key: an entry changed since,
 * written by someone else (a committed cache file), or damaged is a miss.
 */
export class LintCache {
  private readonly entries: Map<string, CacheEntry>;
  /** Entries checked so far (undefined: not to be used). */
  private readonly verified = new Map<string, CacheEntry | undefined>();
  private changed = false;
  /** Why the stored cache was not read, if it was not (a note for the user). */
  readonly problem: string | undefined;

  constructor(
    private readonly location: string,
    private readonly key: string,
    private readonly userKey: Buffer,
  ) {
    const loaded = this.load();
    this.entries = loaded.entries;
    this.problem = loaded.problem;
  }

  static keyOf(version: string, settings: unknown): string {
    // `format` changes when a cached result's shape does (2: findings carry their lock; 3: results carry their schema effect; 4: findings carry what their suggestion is built from).
    return sha1(JSON.stringify({ version, format: 4, settings }));
  }

  private load(): { entries: Map<string, CacheEntry>; problem?: string } {
    let text: string;
    try {
      text = readRegularFile(this.location, MAX_CACHE_BYTES).toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { entries: new Map() };
      return { entries: new Map(), problem: `not reading the cache ${this.location}: ${(error as Error).message.split('\n')[0]}` };
    }
    try {
      const file = JSON.parse(text) as Partial<CacheFile>;
      if (file.key !== this.key || !isRecord(file.entries)) return { entries: new Map() };
      return { entries: new Map(Object.entries(file.entries)) };
    } catch {
      return { entries: new Map() }; // an unreadable cache: start afresh
    }
  }

  private macOf(file: string, entry: Omit<CacheEntry, 'mac'>): string {
    return createHmac('sha256', this.userKey).update(JSON.stringify([this.key, file, entry.hash, entry.textHash, entry.result])).digest('hex');
  }

  /** The entry for a file, when it is one this user wrote; anything else is a miss. */
  private entryFor(file: string): CacheEntry | undefined {
    if (!this.verified.has(file)) this.verified.set(file, this.verify(file));
    return this.verified.get(file);
  }

  private verify(file: string): CacheEntry | undefined {
    const entry = this.entries.get(file);
    if (!isRecord(entry) || typeof entry.hash !== 'string' || typeof entry.textHash !== 'string' || typeof entry.mac !== 'string') return undefined;
    try {
      const expected = Buffer.from(this.macOf(file, entry), 'hex');
      const given = Buffer.from(entry.mac, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** `contextDigest` identifies the schema the earlier migrations built (SchemaReplay's digest). */
  private hashOf(textHash: string, contextDigest: string): string {
    return sha1(`${textHash}\u0000${contextDigest}`);
  }

  /** Whether the file's text is cached (under some context): then it need not be parsed ahead. */
  hasContent(file: string, text: string): boolean {
    return this.entryFor(file)?.textHash === sha1(text);
  }

  /** What a file with this text does to the schema, from any cached result of it (whatever it was checked against). */
  schemaEffect(file: string, text: string): SchemaEffect | undefined {
    const entry = this.entryFor(file);
    if (!entry || entry.textHash !== sha1(text) || 'skipped' in entry.result) return undefined;
    return entry.result.schemaEffect;
  }

  get(file: string, text: string, contextDigest: string): FileResult | SkippedFile | undefined {
    const entry = this.entryFor(file);
    if (!entry || entry.hash !== this.hashOf(sha1(text), contextDigest)) return undefined;
    return resultOf(entry.result, text);
  }

  set(file: string, text: string, contextDigest: string, result: FileResult | SkippedFile): void {
    let stored: CachedResult = result;
    if (!('skipped' in result)) {
      const { source: _source, findings, ...rest } = result; // the source is the file itself
      // A help that is not the rule's usual one (written for the file's front-end, say) is kept.
      const stripped = (finding: Finding): CachedFinding => {
        const { rule, severity, line, column, endLine, endColumn, message, help, lock, target } = finding;
        return { rule, severity, line, column, endLine, endColumn, message, ...(help !== helpByRule.get(rule) ? { help } : {}), ...(lock ? { lock } : {}), ...(target ? { target } : {}) };
      };
      // Where the schema effect's operations are is not needed to replay them.
      const schemaEffect = rest.schemaEffect && (JSON.parse(JSON.stringify(rest.schemaEffect, withoutPlaces)) as SchemaEffect);
      stored = { ...rest, ...(schemaEffect ? { schemaEffect } : {}), findings: findings.map(stripped) };
    }
    const textHash = sha1(text);
    const entry = { hash: this.hashOf(textHash, contextDigest), textHash, result: stored };
    this.entries.set(file, { ...entry, mac: this.macOf(file, entry) });
    this.verified.delete(file);
    this.changed = true;
  }

  /** Writes the cache (atomically) if anything changed; a cache that cannot be written is only a slower next run. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    try {
      writeFileAtomically(this.location, JSON.stringify({ key: this.key, entries: Object.fromEntries(this.entries) } satisfies CacheFile), { replacePipes: true });
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.location}: ${(error as Error).message.split('\n')[0]}`;
    }
  }
}

/** A stored result as a result again; undefined when it is not of the shape this version writes. */
function resultOf(stored: unknown, text: string): FileResult | SkippedFile | undefined {
  if (!isRecord(stored) || typeof stored.file !== 'string') return undefined;
  if ('skipped' in stored) return typeof stored.skipped === 'string' ? (stored as unknown as SkippedFile) : undefined;
  const { findings } = stored;
  if (!Array.isArray(findings) || !findings.every(isCachedFinding)) return undefined;
  const file = stored.file;
  return {
    ...(stored as unknown as Omit<FileResult, 'findings' | 'source'>),
    findings: findings.map(
      ({ rule, severity, line, column, endLine, endColumn, message, help, lock, target }): Finding => ({
        rule, severity, file, line, column, endLine, endColumn, message, help: help ?? helpByRule.get(rule) ?? '', docs: docsFor(rule), ...(lock ? { lock } : {}), ...(target ? { target } : {}),
      }),
    ),
    source: text,
  };
}

function isCachedFinding(value: unknown): value is CachedFinding {
  if (!isRecord(value)) return false;
  const { rule, severity, line, column, endLine, endColumn, message, help, lock, target } = value;
  return (
    typeof rule === 'string' && helpByRule.has(rule) && (severity === 'error' || severity === 'warning') && typeof message === 'string' &&
    (help === undefined || typeof help === 'string') && (lock === undefined || isRecord(lock)) && (target === undefined || isTarget(target)) &&
    [line, column, endLine, endColumn].every((number) => Number.isInteger(number) && (number as number) >= 1)
  );
}

/** What a suggestion is built from, as a cache may hold it: an operation and the facts of its place. */
function isTarget(value: unknown): boolean {
  return isRecord(value) && isRecord(value.operation) && typeof value.operation.kind === 'string' && isRecord(value.operation.location) && isRecord(value.facts);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
