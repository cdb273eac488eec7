import { createHash, createHmac, hash as oneShotHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import type { FileResult, Finding, FindingTarget } from '../engine/finding';
import { docsFor } from '../engine/rule';
import type { SkippedFile } from '../lint';
import { writeFileAtomically } from '../files/atomic-file';
import { readRegularFile } from '../files/read-regular-file';
import type { SchemaEffect } from '../schema/replay';
import { type Suggestion, rememberSuggestion, suggestionFor, suggestionKnown } from '../fixes/suggest';

/**
 * A finding as stored: its file, help and docs follow from the entry and the
 * rule, and leaving them out makes the cache a fraction of the size (it is read
 * whole at the start of every cached run).
 */
type CachedFinding = Omit<Finding, 'file' | 'help' | 'docs' | 'target'> & { help?: string; suggestion?: Suggestion; target?: string };
type CachedResult = (Omit<FileResult, 'source' | 'findings'> & { findings: CachedFinding[] }) | SkippedFile;

const helpByRule = new Map(allRules.map((rule) => [rule.id, rule.meta.help]));
const ruleById = new Map(allRules.map((rule) => [rule.id, rule]));

/** Whether reporting a cached result needs PostgreSQL's scanner: a suggestion the cache did not keep. */
export function writesSuggestions(result: FileResult): boolean {
  return result.findings.some((finding) => !suggestionKnown(finding, result, ruleById.get(finding.rule)));
}

/**
 * What the cache keeps of a file with a given text: what it does to the schema
 * (and that effect's digest, see SchemaReplay), and its result when it was
 * linted (under `hash`: its text and the schema it was checked against). A file
 * read only as context for others (an earlier migration of a pre-commit run) has
 * an effect and no result.
 */
interface CacheEntry {
  textHash: string;
  effectDigest?: string;
  /** The effect of a file that has no result (a result carries its own). */
  effect?: SchemaEffect;
  hash?: string;
  result?: CachedResult;
}

// One call where there is one (Node.js 20.12): most of what is hashed is short.
const sha1 = (text: string) => (typeof oneShotHash === 'function' ? oneShotHash('sha1', text, 'hex') : createHash('sha1').update(text).digest('hex'));

/**
 * How a cache file starts: the key (tool version and every setting that changes
 * results; another key empties the cache), then the HMAC, made with the user's
 * key, of the key and the entries' text as written. A file not written by this
 * user (a committed cache), changed since, or damaged is not used at all.
 */
const HEADER = /^\{"key":"([0-9a-f]{40})","mac":"([0-9a-f]{64})","entries":/;

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
 * of the tool version and settings. Each entry keeps what the file does to the
 * schema, so an unchanged file is replayed without being read again.
 * The file carries one HMAC made with the user's key over all of it: a cache
 * changed since, written by someone else (a committed cache file), or damaged is
 * not used.
 */
export class LintCache {
  private readonly entries: Map<string, CacheEntry>;
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
    // `format` changes when a cached result's shape does (2: findings carry their lock; 3: results carry their schema effect; 4: findings carry what their suggestion is built from; 5: one HMAC for the file, effects carry their digest, context files their effect).
    return sha1(JSON.stringify({ version, format: 5, settings }));
  }

  private load(): { entries: Map<string, CacheEntry>; problem?: string } {
    let bytes: Buffer;
    try {
      bytes = readRegularFile(this.location, MAX_CACHE_BYTES);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { entries: new Map() };
      return { entries: new Map(), problem: `not reading the cache ${this.location}: ${(error as Error).message.split('\n')[0]}` };
    }
    // The header is ASCII: its length in characters is its length in bytes.
    const header = HEADER.exec(bytes.toString('latin1', 0, 256));
    if (!header || header[1] !== this.key || bytes[bytes.length - 1] !== 0x7d) return { entries: new Map() };
    const entriesBytes = bytes.subarray(header[0].length, bytes.length - 1);
    if (!this.macMatches(header[2], entriesBytes)) return { entries: new Map() };
    try {
      const entries = JSON.parse(entriesBytes.toString('utf8')) as unknown;
      return { entries: isRecord(entries) ? new Map(Object.entries(entries as Record<string, CacheEntry>).filter(([, entry]) => isEntry(entry))) : new Map() };
    } catch {
      return { entries: new Map() }; // an unreadable cache: start afresh
    }
  }

  private macOf(entriesText: string | Buffer): Buffer {
    return createHmac('sha256', this.userKey).update(`${this.key}\u0000`).update(entriesText).digest();
  }

  private macMatches(given: string, entriesText: Buffer): boolean {
    const expected = this.macOf(entriesText);
    const mac = Buffer.from(given, 'hex');
    return mac.length === expected.length && timingSafeEqual(mac, expected);
  }

  /** `contextDigest` identifies the schema the earlier migrations built (SchemaReplay's digest). */
  private hashOf(textHash: string, contextDigest: string): string {
    return sha1(`${textHash}\u0000${contextDigest}`);
  }

  /** The entry for this text of the file, if any. */
  private entryOf(file: string, text: string): CacheEntry | undefined {
    const entry = this.entries.get(file);
    return entry && entry.textHash === sha1(text) ? entry : undefined;
  }

  /** Whether the file's text is cached (under some context): then it need not be parsed ahead. */
  hasContent(file: string, text: string): boolean {
    return this.entryOf(file, text)?.result !== undefined;
  }

  /** What a file with this text does to the schema, and its digest, from any cached result or reading of it. */
  schemaEffect(file: string, text: string): { effect: SchemaEffect; digest: string } | undefined {
    const entry = this.entryOf(file, text);
    const effect = entry?.result ? ('skipped' in entry.result ? undefined : entry.result.schemaEffect) : entry?.effect;
    return effect && entry?.effectDigest !== undefined ? { effect, digest: entry.effectDigest } : undefined;
  }

  /** A cached result, with the digest of its schema effect (if it has one); `withTargets` for a run that fixes. */
  get(file: string, text: string, contextDigest: string, withTargets: boolean): { result: FileResult | SkippedFile; effectDigest?: string } | undefined {
    const entry = this.entries.get(file);
    if (!entry?.result || entry.hash !== this.hashOf(sha1(text), contextDigest)) return undefined;
    const result = resultOf(entry.result, text, withTargets);
    if (!result || (!isSkippedResult(result) && result.schemaEffect && entry.effectDigest === undefined)) return undefined;
    return { result, effectDigest: entry.effectDigest };
  }

  /** A linted file's result; `effectDigest` is the digest of its schema effect (SchemaReplay.lastEffectDigest after it). */
  set(file: string, text: string, contextDigest: string, result: FileResult | SkippedFile, effectDigest: string): void {
    let stored: CachedResult;
    if ('skipped' in result) stored = result;
    else {
      const { source: _source, findings, ...rest } = result; // the source is the file itself
      // A help that is not the rule's usual one (written for the file's front-end, say) is kept.
      const stripped = (finding: Finding): CachedFinding => {
        const { rule, severity, line, column, endLine, endColumn, message, help, lock, target } = finding;
        // Written now (reporters are given it again), kept so that a cached run writes none.
        const suggestion = target ? suggestionFor(finding, result, ruleById.get(rule)) : undefined;
        // What the suggestion was built from is kept as text: read only by a run that fixes (or a finding whose suggestion was not kept).
        return { rule, severity, line, column, endLine, endColumn, message, ...(help !== helpByRule.get(rule) ? { help } : {}), ...(lock ? { lock } : {}), ...(target ? { target: JSON.stringify(target) } : {}), ...(suggestion ? { suggestion } : {}) };
      };
      const schemaEffect = rest.schemaEffect && storedEffect(rest.schemaEffect);
      stored = { ...rest, ...(schemaEffect ? { schemaEffect } : {}), findings: findings.map(stripped) };
    }
    const textHash = sha1(text);
    const hasEffect = !('skipped' in result) && result.schemaEffect !== undefined;
    this.entries.set(file, { textHash, ...(hasEffect ? { effectDigest } : {}), hash: this.hashOf(textHash, contextDigest), result: stored });
    this.changed = true;
  }

  /** What a context file does to the schema, unless a result of this text (which carries it) is cached. */
  setEffect(file: string, text: string, effect: SchemaEffect, effectDigest: string): void {
    if (this.entryOf(file, text)?.result) return;
    this.entries.set(file, { textHash: sha1(text), effectDigest, effect: storedEffect(effect) });
    this.changed = true;
  }

  /** Writes the cache (atomically) if anything changed; a cache that cannot be written is only a slower next run. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    try {
      // Written entry by entry: no object keyed by file paths is built (a file named __proto__ stays an entry).
      const entriesText = `{${Array.from(this.entries, ([file, entry]) => `${JSON.stringify(file)}:${JSON.stringify(entry)}`).join(',')}}`;
      const mac = this.macOf(entriesText).toString('hex');
      writeFileAtomically(this.location, `{"key":${JSON.stringify(this.key)},"mac":"${mac}","entries":${entriesText}}`, { replacePipes: true });
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.location}: ${(error as Error).message.split('\n')[0]}`;
    }
  }
}

/** Where a schema effect's operations are is not needed to replay them: not kept. */
function storedEffect(effect: SchemaEffect): SchemaEffect {
  return JSON.parse(JSON.stringify(effect, withoutPlaces)) as SchemaEffect;
}

function isSkippedResult(result: FileResult | SkippedFile): result is SkippedFile {
  return 'skipped' in result;
}

/** An entry of the shape this version writes (the HMAC says who wrote it; this, that it can be used). */
function isEntry(value: unknown): value is CacheEntry {
  return (
    isRecord(value) && typeof value.textHash === 'string' && (value.effectDigest === undefined || typeof value.effectDigest === 'string') &&
    (value.hash === undefined || typeof value.hash === 'string') && (value.result === undefined || isRecord(value.result)) && (value.effect === undefined || isEffect(value.effect))
  );
}

function isEffect(value: unknown): value is SchemaEffect {
  return isRecord(value) && Array.isArray(value.operations) && value.operations.every((operation) => isRecord(operation) && typeof operation.kind === 'string');
}

/** A stored result as a result again; undefined when it is not of the shape this version writes. */
function resultOf(stored: unknown, text: string, withTargets: boolean): FileResult | SkippedFile | undefined {
  if (!isRecord(stored) || typeof stored.file !== 'string') return undefined;
  if ('skipped' in stored) return typeof stored.skipped === 'string' ? (stored as unknown as SkippedFile) : undefined;
  const { findings } = stored;
  if (!Array.isArray(findings) || !findings.every(isCachedFinding)) return undefined;
  const file = stored.file;
  const targets = findings.map(({ target, suggestion }) => (target !== undefined && (withTargets || !suggestion) ? targetOf(target) : undefined));
  if (targets.includes(null)) return undefined;
  const result: FileResult = {
    ...(stored as unknown as Omit<FileResult, 'findings' | 'source'>),
    findings: findings.map(
      ({ rule, severity, line, column, endLine, endColumn, message, help, lock }, index): Finding => {
        const target = targets[index];
        return { rule, severity, file, line, column, endLine, endColumn, message, help: help ?? helpByRule.get(rule) ?? '', docs: docsFor(rule), ...(lock ? { lock } : {}), ...(target ? { target } : {}) };
      },
    ),
    source: text,
  };
  findings.forEach(({ rule, suggestion }, index) => {
    if (suggestion) rememberSuggestion(result.findings[index], result, ruleById.get(rule), suggestion);
  });
  return result;
}

function isCachedFinding(value: unknown): value is CachedFinding {
  if (!isRecord(value)) return false;
  const { rule, severity, line, column, endLine, endColumn, message, help, lock, target, suggestion } = value;
  return (
    typeof rule === 'string' && helpByRule.has(rule) && (severity === 'error' || severity === 'warning') && typeof message === 'string' &&
    (help === undefined || typeof help === 'string') && (lock === undefined || isRecord(lock)) && (target === undefined || typeof target === 'string') &&
    (suggestion === undefined || isSuggestion(suggestion)) &&
    [line, column, endLine, endColumn].every((number) => Number.isInteger(number) && (number as number) >= 1)
  );
}

/** A written suggestion, as a cache may hold it: a description and steps of code. */
function isSuggestion(value: unknown): boolean {
  return isRecord(value) && typeof value.description === 'string' && Array.isArray(value.steps) && value.steps.every((step) => isRecord(step) && typeof step.migration === 'string' && typeof step.code === 'string');
}

/** What a suggestion is built from, from its text in the cache; null when it is not of that shape. */
function targetOf(text: string): FindingTarget | null {
  try {
    const target = JSON.parse(text) as unknown;
    return isTarget(target) ? target : null;
  } catch {
    return null;
  }
}

/** What a suggestion is built from, as a cache may hold it: an operation and the facts of its place. */
function isTarget(value: unknown): value is FindingTarget {
  return isRecord(value) && isRecord(value.operation) && typeof value.operation.kind === 'string' && isRecord(value.operation.location) && isRecord(value.facts);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
