import { type Hmac, createHash, createHmac, hash as oneShotHash, randomBytes, timingSafeEqual } from 'node:crypto';
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
 * at the start of every cached run). What its suggestion is built from is kept
 * apart (the entry's `targets`), read only by a run that needs it; `target` says
 * there is one.
 */
type CachedFinding = Omit<Finding, 'file' | 'help' | 'docs' | 'target'> & { help?: string; suggestion?: Suggestion; target?: true };
type CachedResult = (Omit<FileResult, 'source' | 'findings' | 'schemaEffect'> & { findings: CachedFinding[] }) | SkippedFile;

const helpByRule = new Map(allRules.map((rule) => [rule.id, rule.meta.help]));
const ruleById = new Map(allRules.map((rule) => [rule.id, rule]));

/** Whether reporting a cached result needs PostgreSQL's scanner: a suggestion the cache did not keep. */
export function writesSuggestions(result: FileResult): boolean {
  return result.findings.some((finding) => !suggestionKnown(finding, result, ruleById.get(finding.rule)));
}

/**
 * A part of an entry, as JSON: the bytes of the cache file it was read from,
 * parsed only when asked for (a run answered from the cache reads few of
 * them), or a value to write. Unchanged parts are written back as they were read.
 */
class Part<T> {
  private parsed: { value: unknown } | undefined;

  private constructor(
    private readonly bytes: Buffer | undefined,
    value?: T,
  ) {
    if (bytes === undefined) this.parsed = { value };
  }

  static read<T>(bytes: Buffer): Part<T> {
    return new Part<T>(bytes);
  }

  static of<T>(value: T): Part<T> {
    return new Part<T>(undefined, value);
  }

  /** The value, not yet checked for its shape (the HMAC says who wrote it, not that this version can read it); undefined when it is not JSON. */
  value(): unknown {
    if (!this.parsed) {
      try {
        this.parsed = { value: JSON.parse(this.bytes!.toString('utf8')) as unknown };
      } catch {
        this.parsed = { value: undefined };
      }
    }
    return this.parsed.value;
  }

  /** The part as written in the cache file. */
  toBytes(): Buffer {
    return this.bytes ?? Buffer.from(JSON.stringify(this.parsed!.value), 'utf8');
  }
}

/**
 * What the cache keeps of a file with a given text: what it does to the schema
 * (`effect`, with that effect's digest, see SchemaReplay), and its result when it
 * was linted (under `hash`: its text and the schema it was checked against). A
 * file read only as context for others (an earlier migration of a pre-commit
 * run) has an effect and no result.
 */
interface CacheEntry {
  textHash: string;
  effectDigest?: string;
  /** Whether the effect says parts of the file could not be read (the replayed digest needs it before the effect is read). */
  unreadable?: boolean;
  effect?: Part<SchemaEffect>;
  hash?: string;
  result?: Part<CachedResult>;
  /** What each finding's suggestion is built from (null for a finding without). */
  targets?: Part<Array<FindingTarget | null>>;
}

/** The names of an entry's parts, in the order they are written. */
const PARTS = ['result', 'effect', 'targets'] as const;

/** A cached schema effect, read when the replayed model is (a run answered from the cache never reads it). */
export interface CachedEffect {
  digest: string;
  unreadable: boolean;
  /** The effect; throws if the entry is damaged (the HMAC makes that a fault of this program, not of its input). */
  load(): SchemaEffect;
}

// One call where there is one (Node.js 20.12): most of what is hashed is short.
const sha1 = (text: string) => (typeof oneShotHash === 'function' ? oneShotHash('sha1', text, 'hex') : createHash('sha1').update(text).digest('hex'));

/**
 * A cache file is JSON: `{"key":…,"index":[…],"entries":{…},"mac":…}`. The key
 * (tool version and every setting that changes results; another key empties the
 * cache) comes first; the HMAC, made with the user's key, of the key and all that
 * follows it up to the HMAC, last. A file not written by this user (a committed
 * cache), changed since, or damaged is not used at all. The index gives each
 * entry's hashes and where its parts (`entries[file].result`, `.effect`,
 * `.targets`) are, in bytes from the start of `entries`: a part is read only
 * when it is needed.
 */
const HEADER = /^\{"key":"([0-9a-f]{40})",/;
const TRAILER = /^,"mac":"([0-9a-f]{64})"\}$/;
const TRAILER_BYTES = ',"mac":""}'.length + 64;
const ENTRIES_START = Buffer.from('],"entries":{');

/** An entry in the index: the file, its hashes, and where its parts are ([start, length] each). */
interface IndexEntry {
  file: string;
  textHash: string;
  effectDigest?: string;
  unreadable?: true;
  hash?: string;
  result?: [number, number];
  effect?: [number, number];
  targets?: [number, number];
}

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
    // `format` changes when a cached result's shape does (2: findings carry their lock; 3: results carry their schema effect; 4: findings carry what their suggestion is built from; 5: one HMAC for the file, effects carry their digest, context files their effect; 6: an index, and parts read when needed).
    return sha1(JSON.stringify({ version, format: 6, settings }));
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
    // The header and trailer are ASCII: their lengths in characters are their lengths in bytes.
    const header = HEADER.exec(bytes.toString('latin1', 0, 64));
    const trailer = bytes.length > TRAILER_BYTES ? TRAILER.exec(bytes.toString('latin1', bytes.length - TRAILER_BYTES)) : null;
    if (!header || !trailer || header[1] !== this.key) return { entries: new Map() };
    const signed = bytes.subarray(header[0].length, bytes.length - TRAILER_BYTES);
    if (!this.macMatches(trailer[1], signed)) return { entries: new Map() };
    try {
      return { entries: entriesOf(signed) };
    } catch {
      return { entries: new Map() }; // an unreadable cache: start afresh
    }
  }

  private macOf(): Hmac {
    return createHmac('sha256', this.userKey).update(`${this.key}\u0000`);
  }

  private macMatches(given: string, signed: Buffer): boolean {
    const expected = this.macOf().update(signed).digest();
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
  schemaEffect(file: string, text: string): CachedEffect | undefined {
    const entry = this.entryOf(file, text);
    return entry && effectOf(file, entry);
  }

  /** A cached result, with its schema effect (if it has one); `withTargets` for a run that fixes. */
  get(file: string, text: string, contextDigest: string, withTargets: boolean): { result: FileResult | SkippedFile; effect?: CachedEffect } | undefined {
    const entry = this.entries.get(file);
    if (!entry?.result || entry.hash !== this.hashOf(sha1(text), contextDigest)) return undefined;
    const result = resultOf(entry, text, withTargets);
    if (!result) return undefined;
    const effect = isSkippedResult(result) ? undefined : effectOf(file, entry);
    if (!isSkippedResult(result) && entry.effect && !effect) return undefined;
    return { result, effect };
  }

  /** A linted file's result; `effectDigest` is the digest of its schema effect (SchemaReplay.lastEffectDigest after it). */
  set(file: string, text: string, contextDigest: string, result: FileResult | SkippedFile, effectDigest: string): void {
    const textHash = sha1(text);
    const hash = this.hashOf(textHash, contextDigest);
    if ('skipped' in result) {
      this.entries.set(file, { textHash, hash, result: Part.of<CachedResult>(result) });
      this.changed = true;
      return;
    }
    const { source: _source, findings, schemaEffect, ...rest } = result; // the source is the file itself
    const targets = findings.map((finding) => finding.target ?? null);
    // A help that is not the rule's usual one (written for the file's front-end, say) is kept.
    const stripped = (finding: Finding): CachedFinding => {
      const { rule, severity, line, column, endLine, endColumn, message, help, lock, target } = finding;
      // Written now (reporters are given it again), kept so that a cached run writes none.
      const suggestion = target ? suggestionFor(finding, result, ruleById.get(rule)) : undefined;
      return { rule, severity, line, column, endLine, endColumn, message, ...(help !== helpByRule.get(rule) ? { help } : {}), ...(lock ? { lock } : {}), ...(target ? { target: true as const } : {}), ...(suggestion ? { suggestion } : {}) };
    };
    this.entries.set(file, {
      textHash,
      hash,
      result: Part.of<CachedResult>({ ...rest, findings: findings.map(stripped) }),
      ...(targets.some((target) => target !== null) ? { targets: Part.of(targets) } : {}),
      ...(schemaEffect ? { effectDigest, ...(schemaEffect.unreadable ? { unreadable: true } : {}), effect: Part.of(storedEffect(schemaEffect)) } : {}),
    });
    this.changed = true;
  }

  /** What a context file does to the schema, unless a result of this text (which carries it) is cached. */
  setEffect(file: string, text: string, effect: SchemaEffect, effectDigest: string): void {
    if (this.entryOf(file, text)?.result) return;
    this.entries.set(file, { textHash: sha1(text), effectDigest, ...(effect.unreadable ? { unreadable: true } : {}), effect: Part.of(storedEffect(effect)) });
    this.changed = true;
  }

  /** Writes the cache (atomically) if anything changed; a cache that cannot be written is only a slower next run. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    try {
      // Written entry by entry: no object keyed by file paths is built (a file named __proto__ stays an entry).
      const pieces: Buffer[] = [];
      const index: IndexEntry[] = [];
      let offset = 0;
      const add = (piece: Buffer) => {
        pieces.push(piece);
        offset += piece.length;
      };
      add(Buffer.from('{'));
      for (const [file, entry] of this.entries) {
        const { textHash, effectDigest, unreadable, hash } = entry;
        const indexed: IndexEntry = { file, textHash, ...(effectDigest !== undefined ? { effectDigest } : {}), ...(unreadable ? { unreadable } : {}), ...(hash !== undefined ? { hash } : {}) };
        add(Buffer.from(`${index.length > 0 ? ',' : ''}${JSON.stringify(file)}:{`));
        let first = true;
        for (const name of PARTS) {
          const part = entry[name];
          if (!part) continue;
          add(Buffer.from(`${first ? '' : ','}"${name}":`));
          const bytes = part.toBytes();
          indexed[name] = [offset, bytes.length];
          add(bytes);
          first = false;
        }
        add(Buffer.from('}'));
        index.push(indexed);
      }
      add(Buffer.from('}'));
      const signed = Buffer.concat([Buffer.from(`"index":${JSON.stringify(index)},"entries":`), ...pieces]);
      const mac = this.macOf().update(signed).digest('hex');
      writeFileAtomically(this.location, Buffer.concat([Buffer.from(`{"key":${JSON.stringify(this.key)},`), signed, Buffer.from(`,"mac":"${mac}"}`)]), { replacePipes: true });
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.location}: ${(error as Error).message.split('\n')[0]}`;
    }
  }
}

/** The entries of a cache file from its signed part (`"index":[…],"entries":{…}`); throws where it is not of that shape. */
function entriesOf(signed: Buffer): Map<string, CacheEntry> {
  const prefix = '"index":';
  if (signed.toString('latin1', 0, prefix.length) !== prefix) throw new Error('no index');
  // The index holds JSON strings, in which a quote is always escaped: the first `],"entries":{` ends it.
  const indexEnd = signed.indexOf(ENTRIES_START);
  if (indexEnd < 0) throw new Error('no entries');
  const index = JSON.parse(signed.toString('utf8', prefix.length, indexEnd + 1)) as unknown;
  if (!Array.isArray(index)) throw new Error('not an index');
  const entriesStart = indexEnd + ENTRIES_START.length - 1;
  const entries = new Map<string, CacheEntry>();
  for (const indexed of index as unknown[]) {
    if (!isIndexEntry(indexed)) continue;
    const { file, textHash, effectDigest, unreadable, hash } = indexed;
    const entry: CacheEntry = { textHash, ...(effectDigest !== undefined ? { effectDigest } : {}), ...(unreadable ? { unreadable } : {}), ...(hash !== undefined ? { hash } : {}) };
    for (const name of PARTS) {
      const place = indexed[name];
      if (!place) continue;
      const [start, length] = place;
      if (entriesStart + start + length > signed.length) throw new Error('a part past the end');
      entry[name] = Part.read(signed.subarray(entriesStart + start, entriesStart + start + length)) as never;
    }
    entries.set(file, entry);
  }
  return entries;
}

function isIndexEntry(value: unknown): value is IndexEntry {
  const place = (part: unknown) => part === undefined || (Array.isArray(part) && part.length === 2 && part.every((number) => Number.isInteger(number) && (number as number) >= 0));
  return (
    isRecord(value) && typeof value.file === 'string' && typeof value.textHash === 'string' && (value.effectDigest === undefined || typeof value.effectDigest === 'string') &&
    (value.unreadable === undefined || value.unreadable === true) && (value.hash === undefined || typeof value.hash === 'string') && PARTS.every((name) => place(value[name]))
  );
}

/** A file's cached effect, if the entry has one (read when asked for). */
function effectOf(file: string, entry: CacheEntry): CachedEffect | undefined {
  const { effect, effectDigest } = entry;
  if (!effect || effectDigest === undefined) return undefined;
  return {
    digest: effectDigest,
    unreadable: entry.unreadable === true,
    load: () => {
      const value = effect.value();
      if (!isEffect(value)) throw new Error(`the cached schema effect of ${file} is damaged`);
      return value;
    },
  };
}

/** Where a schema effect's operations are in their file: not needed to replay them, so not kept. */
function withoutPlaces(key: string, value: unknown): unknown {
  return key === 'location' || key === 'anchorLine' || key === 'sqlLocation' || key === 'identifiers' ? undefined : value;
}

/** Where a schema effect's operations are is not needed to replay them: not kept. */
function storedEffect(effect: SchemaEffect): SchemaEffect {
  return JSON.parse(JSON.stringify(effect, withoutPlaces)) as SchemaEffect;
}

function isSkippedResult(result: FileResult | SkippedFile): result is SkippedFile {
  return 'skipped' in result;
}

function isEffect(value: unknown): value is SchemaEffect {
  return isRecord(value) && Array.isArray(value.operations) && value.operations.every((operation) => isRecord(operation) && typeof operation.kind === 'string');
}

/** A stored result as a result again; undefined when it is not of the shape this version writes. */
function resultOf(entry: CacheEntry, text: string, withTargets: boolean): FileResult | SkippedFile | undefined {
  const stored = entry.result?.value();
  if (!isRecord(stored) || typeof stored.file !== 'string') return undefined;
  if ('skipped' in stored) return typeof stored.skipped === 'string' ? (stored as unknown as SkippedFile) : undefined;
  const { findings } = stored;
  if (!Array.isArray(findings) || !findings.every(isCachedFinding)) return undefined;
  const file = stored.file;
  // What suggestions are built from is read only where needed: a run that fixes, or a suggestion not kept.
  const needed = findings.map(({ target, suggestion }) => target === true && (withTargets || !suggestion));
  let targets: unknown[] = [];
  if (needed.includes(true)) {
    const stored = entry.targets?.value();
    if (!Array.isArray(stored) || stored.length !== findings.length) return undefined;
    targets = stored;
    if (needed.some((need, index) => need && !isTarget(targets[index]))) return undefined;
  }
  const result: FileResult = {
    ...(stored as unknown as Omit<FileResult, 'findings' | 'source'>),
    findings: findings.map(
      ({ rule, severity, line, column, endLine, endColumn, message, help, lock }, index): Finding => {
        const target = needed[index] ? (targets[index] as FindingTarget) : undefined;
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
    (help === undefined || typeof help === 'string') && (lock === undefined || isRecord(lock)) && (target === undefined || target === true) &&
    (suggestion === undefined || isSuggestion(suggestion)) &&
    [line, column, endLine, endColumn].every((number) => Number.isInteger(number) && (number as number) >= 1)
  );
}

/** A written suggestion, as a cache may hold it: a description and steps of code. */
function isSuggestion(value: unknown): boolean {
  return isRecord(value) && typeof value.description === 'string' && Array.isArray(value.steps) && value.steps.every((step) => isRecord(step) && typeof step.migration === 'string' && typeof step.code === 'string');
}

/** What a suggestion is built from, as a cache may hold it: an operation and the facts of its place. */
function isTarget(value: unknown): value is FindingTarget {
  return isRecord(value) && isRecord(value.operation) && typeof value.operation.kind === 'string' && isRecord(value.operation.location) && isRecord(value.facts);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
