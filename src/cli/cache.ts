import { type Hmac, createHash, createHmac, hash as oneShotHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import type { FileResult, Finding, FindingTarget } from '../engine/finding';
import { docsFor } from '../engine/rule';
import type { SkippedFile } from '../lint';
import { openOutputFile } from '../files/atomic-file';
import { readRegularFile } from '../files/read-regular-file';
import type { SchemaEffect } from '../schema/replay';
import { type Suggestion, rememberSuggestions, suggestionFor, suggestionKnown } from '../fixes/suggest';

/**
 * A finding as stored: its file, help and docs follow from the entry and the
 * rule, and leaving them out makes the cache a fraction of the size (it is read
 * at the start of every cached run). What its suggestion is built from is kept
 * apart (the entry's `targets`), read only by a run that needs it; `target` says
 * there is one.
 */
type CachedFinding = Omit<Finding, 'file' | 'help' | 'docs' | 'target'> & { help?: string; suggestion?: Suggestion; target?: true };
type CachedResult = (Omit<FileResult, 'source' | 'findings' | 'schemaEffect'> & { findings: CachedFinding[] }) | SkippedFile;
/**
 * A finding as the file holds it: its message, lock and suggestion are numbers,
 * places in the file's `values`, which many findings share (the same suggestion
 * for each file's dropped column), so that a cached run reads each once.
 */
type StoredFinding = Omit<CachedFinding, 'message' | 'lock' | 'suggestion'> & { message: number; lock?: number; suggestion?: number };

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
    /** Read from the cache file (a result's findings then give their values by place). */
    readonly read: boolean,
    value?: T,
  ) {
    if (bytes === undefined) this.parsed = { value };
  }

  static read<T>(bytes: Buffer): Part<T> {
    return new Part<T>(bytes, true);
  }

  static of<T>(value: T): Part<T> {
    return new Part<T>(undefined, false, value);
  }

  /** A value written out now: what it refers to (a linted file's operations, say) need not stay in memory until the cache is saved. */
  static serialized<T>(value: T, replacer?: (key: string, value: unknown) => unknown): Part<T> {
    return new Part<T>(Buffer.from(JSON.stringify(value, replacer), 'utf8'), false);
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
  /** Other files the result was read with (modules constants are imported from), and the hash of each as read. */
  depends?: Array<[string, string]>;
  effectDigest?: string;
  /** Whether the effect says parts of the file could not be read (the replayed digest needs it before the effect is read). */
  unreadable?: boolean;
  effect?: Part<SchemaEffect>;
  hash?: string;
  /** As read, with the findings' values as places in the file's `values`; as set, with the values themselves. */
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
 * A cache file is JSON: `{"key":…,"layout":[…],"index":[…],"values":[…],"entries":{…},"mac":…}`.
 * The key (tool version and every setting that changes results; another key
 * empties the cache) comes first; the HMAC, made with the user's key, of the key
 * and all that follows it up to the HMAC, last. A file not written by this user
 * (a committed cache), changed since, or damaged is not used at all. The layout
 * gives the index's and the values' lengths in bytes; the index, each entry's
 * hashes and where its parts (`entries[file].result`, `.effect`, `.targets`) are,
 * in bytes from the start of `entries`: a part is read only when it is needed.
 */
const HEADER = /^\{"key":"([0-9a-f]{40})",/;
const TRAILER = /^,"mac":"([0-9a-f]{64})"\}$/;
const TRAILER_BYTES = ',"mac":""}'.length + 64;
const LAYOUT = /^"layout":\[(\d{1,10}),(\d{1,10})\],"index":/;

/** An entry in the index: the file, its hashes, and where its parts are ([start, length] each). */
interface IndexEntry {
  file: string;
  textHash: string;
  depends?: Array<[string, string]>;
  effectDigest?: string;
  unreadable?: true;
  hash?: string;
  result?: [number, number];
  effect?: [number, number];
  targets?: [number, number];
}

/** The most an imported module may hold for its hash to be checked (a larger one is not read: see imported-constants). */
const MAX_DEPENDENCY_BYTES = 2 * 1024 * 1024;

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
  /** The values the findings of the results read from the file refer to (read when a result is). */
  private readonly storedValues: Part<unknown[]>;
  private valueList: readonly unknown[] | undefined;
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
    this.storedValues = loaded.values ?? Part.of([]);
    this.problem = loaded.problem;
  }

  static keyOf(version: string, settings: unknown): string {
    // `format` changes when a cached result's shape does (2: findings carry their lock; 3: results carry their schema effect; 4: findings carry what their suggestion is built from; 5: one HMAC for the file, effects carry their digest, context files their effect; 6: an index, and parts read when needed; 7: findings' values shared; 8: entries carry the other files they were read with).
    return sha1(JSON.stringify({ version, format: 8, settings }));
  }

  private load(): { entries: Map<string, CacheEntry>; values?: Part<unknown[]>; problem?: string } {
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
      return contentOf(signed);
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

  /** The values the findings of stored results refer to (none where they are not a list: then those results are misses). */
  private values(): readonly unknown[] {
    if (!this.valueList) {
      const values = this.storedValues.value();
      this.valueList = Array.isArray(values) ? values : [];
    }
    return this.valueList;
  }

  /** `contextDigest` identifies the schema the earlier migrations built (SchemaReplay's digest). */
  private hashOf(textHash: string, contextDigest: string): string {
    return sha1(`${textHash}\u0000${contextDigest}`);
  }

  /** The entry for this text of the file, if any. */
  private entryOf(file: string, text: string): CacheEntry | undefined {
    const entry = this.entries.get(file);
    return entry && entry.textHash === sha1(text) && this.dependenciesUnchanged(entry) ? entry : undefined;
  }

  /** Whether the other files an entry was read with are as they were (each read once a run). */
  private dependenciesUnchanged(entry: CacheEntry): boolean {
    return (entry.depends ?? []).every(([file, hash]) => this.currentHash(file) === hash);
  }

  private readonly currentHashes = new Map<string, string | undefined>();

  private currentHash(file: string): string | undefined {
    if (!this.currentHashes.has(file)) {
      let hash: string | undefined;
      try {
        hash = sha1(readRegularFile(file, MAX_DEPENDENCY_BYTES).toString('utf8'));
      } catch {
        hash = undefined; // gone or unreadable: the entry is not used
      }
      this.currentHashes.set(file, hash);
    }
    return this.currentHashes.get(file);
  }

  /** The other files a result or effect was read with, with their hashes now; undefined when one cannot be read (then nothing is kept). */
  private dependenciesOf(files: readonly string[] | undefined): Array<[string, string]> | undefined | 'unreadable' {
    if (!files || files.length === 0) return undefined;
    const depends: Array<[string, string]> = [];
    for (const file of files) {
      const hash = this.currentHash(file);
      if (hash === undefined) return 'unreadable';
      depends.push([file, hash]);
    }
    return depends;
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
    if (!entry?.result || entry.hash !== this.hashOf(sha1(text), contextDigest) || !this.dependenciesUnchanged(entry)) return undefined;
    const result = resultOf(entry, this.values(), text, withTargets);
    if (!result) return undefined;
    const effect = isSkippedResult(result) ? undefined : effectOf(file, entry);
    if (!isSkippedResult(result) && entry.effect && !effect) return undefined;
    return { result, effect };
  }

  /** A linted file's result; `effectDigest` is the digest of its schema effect (SchemaReplay.lastEffectDigest after it). */
  set(file: string, text: string, contextDigest: string, result: FileResult | SkippedFile, effectDigest: string): void {
    const textHash = sha1(text);
    const hash = this.hashOf(textHash, contextDigest);
    const depends = 'skipped' in result ? undefined : this.dependenciesOf(result.readsFiles);
    if (depends === 'unreadable') return;
    if ('skipped' in result) {
      this.entries.set(file, { textHash, hash, result: Part.of<CachedResult>(result) });
      this.changed = true;
      return;
    }
    const { source: _source, findings, schemaEffect, readsFiles: _readsFiles, ...rest } = result; // the source is the file itself
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
      ...(depends ? { depends } : {}),
      hash,
      result: Part.of<CachedResult>({ ...rest, findings: findings.map(stripped) }),
      ...(targets.some((target) => target !== null) ? { targets: Part.serialized(targets) } : {}),
      ...(schemaEffect ? { effectDigest, ...(schemaEffect.unreadable ? { unreadable: true } : {}), effect: storedEffect(schemaEffect) } : {}),
    });
    this.changed = true;
  }

  /** What a context file does to the schema, unless a result of this text (which carries it) is cached. */
  setEffect(file: string, text: string, effect: SchemaEffect, effectDigest: string): void {
    if (this.entryOf(file, text)?.result) return;
    const depends = this.dependenciesOf(effect.readsFiles);
    if (depends === 'unreadable') return;
    this.entries.set(file, { textHash: sha1(text), ...(depends ? { depends } : {}), effectDigest, ...(effect.unreadable ? { unreadable: true } : {}), effect: storedEffect(effect) });
    this.changed = true;
  }

  /** Writes the cache (atomically) if anything changed; a cache that cannot be written is only a slower next run. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    try {
      // The values are gathered afresh from the results kept (so that none of a replaced result stays).
      const values = new Interned();
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
        const resolved = entry.result && (entry.result.read ? resolvedResult(entry.result.value(), this.values()) : (entry.result.value() as CachedResult));
        if (entry.result && !resolved) continue; // a damaged result is dropped
        const { textHash, depends, effectDigest, unreadable, hash } = entry;
        const indexed: IndexEntry = { file, textHash, ...(depends ? { depends } : {}), ...(effectDigest !== undefined ? { effectDigest } : {}), ...(unreadable ? { unreadable } : {}), ...(hash !== undefined ? { hash } : {}) };
        add(Buffer.from(`${index.length > 0 ? ',' : ''}${JSON.stringify(file)}:{`));
        let first = true;
        for (const name of PARTS) {
          const part = entry[name];
          if (!part) continue;
          add(Buffer.from(`${first ? '' : ','}"${name}":`));
          const bytes = name === 'result' ? Buffer.from(JSON.stringify(storedResult(resolved!, values)), 'utf8') : part.toBytes();
          indexed[name] = [offset, bytes.length];
          add(bytes);
          first = false;
        }
        add(Buffer.from('}'));
        index.push(indexed);
      }
      add(Buffer.from('}'));
      const indexBytes = Buffer.from(JSON.stringify(index), 'utf8');
      const valuesBytes = Buffer.from(JSON.stringify(values.list), 'utf8');
      const signed = [Buffer.from(`"layout":[${indexBytes.length},${valuesBytes.length}],"index":`), indexBytes, Buffer.from(',"values":'), valuesBytes, Buffer.from(',"entries":'), ...pieces];
      const mac = this.macOf();
      for (const piece of signed) mac.update(piece);
      writeInPieces(this.location, [Buffer.from(`{"key":${JSON.stringify(this.key)},`), ...signed, Buffer.from(`,"mac":"${mac.digest('hex')}"}`)]);
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.location}: ${(error as Error).message.split('\n')[0]}`;
    }
  }
}

/** Writes the pieces as one file, atomically, a megabyte at a time (the file is not copied whole into memory). */
function writeInPieces(location: string, pieces: readonly Buffer[]): void {
  const file = openOutputFile(location, { replacePipes: true });
  try {
    let batch: Buffer[] = [];
    let size = 0;
    const flush = () => {
      file.write(batch.length === 1 ? batch[0] : Buffer.concat(batch, size));
      batch = [];
      size = 0;
    };
    for (const piece of pieces) {
      batch.push(piece);
      size += piece.length;
      if (size >= 1 << 20) flush();
    }
    if (size > 0) flush();
    file.commit();
  } catch (error) {
    file.abandon();
    throw error;
  }
}

/** Values kept once, each at its place in `list`. */
class Interned {
  readonly list: unknown[] = [];
  private readonly strings = new Map<string, number>();
  /** Objects by their JSON text. */
  private readonly objects = new Map<string, number>();

  placeOf(value: unknown): number {
    const [places, key] = typeof value === 'string' ? [this.strings, value] : [this.objects, JSON.stringify(value)];
    let place = places.get(key);
    if (place === undefined) {
      place = this.list.length;
      this.list.push(value);
      places.set(key, place);
    }
    return place;
  }
}

/** A result as the file holds it: its findings' values as places in `values`. */
function storedResult(result: CachedResult, values: Interned): unknown {
  if ('skipped' in result) return result;
  const findings = result.findings.map(({ message, lock, suggestion, ...rest }): StoredFinding => ({
    ...rest,
    message: values.placeOf(message),
    ...(lock ? { lock: values.placeOf(lock) } : {}),
    ...(suggestion ? { suggestion: values.placeOf(suggestion) } : {}),
  }));
  return { ...result, findings };
}

/** A result read from the file, with its findings' values in place; undefined where a place is not in `values`. */
function resolvedResult(stored: unknown, values: readonly unknown[]): CachedResult | undefined {
  if (!isRecord(stored) || !('findings' in stored)) return isRecord(stored) ? (stored as unknown as CachedResult) : undefined;
  if (!Array.isArray(stored.findings)) return undefined;
  const valueAt = (place: unknown) => (Number.isInteger(place) && (place as number) >= 0 && (place as number) < values.length ? values[place as number] : undefined);
  const findings: unknown[] = [];
  for (const finding of stored.findings as unknown[]) {
    if (!isRecord(finding)) return undefined;
    const { message, lock, suggestion } = finding;
    const resolved = { ...finding, message: valueAt(message), ...(lock !== undefined ? { lock: valueAt(lock) } : {}), ...(suggestion !== undefined ? { suggestion: valueAt(suggestion) } : {}) };
    if (resolved.message === undefined || (lock !== undefined && resolved.lock === undefined) || (suggestion !== undefined && resolved.suggestion === undefined)) return undefined;
    findings.push(resolved);
  }
  return { ...(stored as unknown as CachedResult), findings } as CachedResult;
}

/** The entries and values of a cache file from its signed part (`"layout":[…],"index":[…],"values":[…],"entries":{…}`); throws where it is not of that shape. */
function contentOf(signed: Buffer): { entries: Map<string, CacheEntry>; values: Part<unknown[]> } {
  const layout = LAYOUT.exec(signed.toString('latin1', 0, 64));
  if (!layout) throw new Error('no layout');
  const indexStart = layout[0].length;
  const indexEnd = indexStart + Number(layout[1]);
  const valuesStart = indexEnd + ',"values":'.length;
  const valuesEnd = valuesStart + Number(layout[2]);
  const entriesStart = valuesEnd + ',"entries":'.length;
  if (signed.toString('latin1', indexEnd, valuesStart) !== ',"values":' || signed.toString('latin1', valuesEnd, entriesStart) !== ',"entries":') throw new Error('not the layout given');
  const index = JSON.parse(signed.toString('utf8', indexStart, indexEnd)) as unknown;
  if (!Array.isArray(index)) throw new Error('not an index');
  const values = Part.read<unknown[]>(signed.subarray(valuesStart, valuesEnd));
  const entries = new Map<string, CacheEntry>();
  for (const indexed of index as unknown[]) {
    if (!isIndexEntry(indexed)) continue;
    const { file, textHash, depends, effectDigest, unreadable, hash } = indexed;
    const entry: CacheEntry = { textHash, ...(depends ? { depends } : {}), ...(effectDigest !== undefined ? { effectDigest } : {}), ...(unreadable ? { unreadable } : {}), ...(hash !== undefined ? { hash } : {}) };
    for (const name of PARTS) {
      const place = indexed[name];
      if (!place) continue;
      const [start, length] = place;
      if (entriesStart + start + length > signed.length) throw new Error('a part past the end');
      entry[name] = Part.read(signed.subarray(entriesStart + start, entriesStart + start + length)) as never;
    }
    entries.set(file, entry);
  }
  return { entries, values };
}

function isIndexEntry(value: unknown): value is IndexEntry {
  const place = (part: unknown) => part === undefined || (Array.isArray(part) && part.length === 2 && part.every((number) => Number.isInteger(number) && (number as number) >= 0));
  return (
    isRecord(value) && typeof value.file === 'string' && typeof value.textHash === 'string' && (value.effectDigest === undefined || typeof value.effectDigest === 'string') &&
    (value.unreadable === undefined || value.unreadable === true) && (value.hash === undefined || typeof value.hash === 'string') && PARTS.every((name) => place(value[name])) &&
    (value.depends === undefined || (Array.isArray(value.depends) && value.depends.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((item) => typeof item === 'string'))))
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
function storedEffect(effect: SchemaEffect): Part<SchemaEffect> {
  return Part.serialized(effect, withoutPlaces);
}

function isSkippedResult(result: FileResult | SkippedFile): result is SkippedFile {
  return 'skipped' in result;
}

function isEffect(value: unknown): value is SchemaEffect {
  return isRecord(value) && Array.isArray(value.operations) && value.operations.every((operation) => isRecord(operation) && typeof operation.kind === 'string');
}

/** A stored result as a result again; undefined when it is not of the shape this version writes. */
function resultOf(entry: CacheEntry, values: readonly unknown[], text: string, withTargets: boolean): FileResult | SkippedFile | undefined {
  const stored = entry.result?.value();
  if (!isRecord(stored) || typeof stored.file !== 'string') return undefined;
  if ('skipped' in stored) return typeof stored.skipped === 'string' ? (stored as unknown as SkippedFile) : undefined;
  const { findings: storedFindings } = stored;
  if (!Array.isArray(storedFindings)) return undefined;
  // Findings read from the file give their message, lock and suggestion as places in its values (null: no such place).
  const read = entry.result?.read === true;
  const valueOf = (value: unknown) => (!read || value === undefined ? value : Number.isInteger(value) && (value as number) >= 0 && (value as number) < values.length ? values[value as number] : null);
  const file = stored.file;
  const findings: Finding[] = [];
  const suggestions: Array<Suggestion | undefined> = [];
  // What suggestions are built from is read only where needed: a run that fixes, or a suggestion not kept.
  const needed: boolean[] = [];
  for (const item of storedFindings as unknown[]) {
    if (!isRecord(item)) return undefined;
    const { rule, severity, line, column, endLine, endColumn, help, target } = item;
    const message = valueOf(item.message);
    const lock = valueOf(item.lock);
    const suggestion = valueOf(item.suggestion);
    const valid =
      typeof rule === 'string' && helpByRule.has(rule) && (severity === 'error' || severity === 'warning') && typeof message === 'string' &&
      (help === undefined || typeof help === 'string') && (lock === undefined || isRecord(lock)) && (target === undefined || target === true) &&
      (suggestion === undefined || isSuggestion(suggestion)) && isPosition(line) && isPosition(column) && isPosition(endLine) && isPosition(endColumn);
    if (!valid) return undefined;
    findings.push({ rule, severity, file, line, column, endLine, endColumn, message, help: help ?? helpByRule.get(rule) ?? '', docs: docsFor(rule), ...(lock ? { lock: lock as unknown as Finding['lock'] } : {}) });
    suggestions.push(suggestion as Suggestion | undefined);
    needed.push(target === true && (withTargets || !suggestion));
  }
  if (needed.includes(true)) {
    const targets = entry.targets?.value();
    if (!Array.isArray(targets) || targets.length !== findings.length) return undefined;
    if (needed.some((need, index) => need && !isTarget(targets[index]))) return undefined;
    needed.forEach((need, index) => {
      if (need) findings[index].target = targets[index] as FindingTarget;
    });
  }
  const result: FileResult = { ...(stored as unknown as Omit<FileResult, 'findings' | 'source'>), findings, source: text };
  rememberSuggestions(result, suggestions, (id) => ruleById.get(id));
  return result;
}

const isPosition = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;

/** Suggestions found to be of the right shape (findings share them). */
const checkedSuggestions = new WeakSet<object>();

/** A written suggestion, as a cache may hold it: a description and steps of code. */
function isSuggestion(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && checkedSuggestions.has(value)) return true;
  const ok = isRecord(value) && typeof value.description === 'string' && Array.isArray(value.steps) && value.steps.every((step) => isRecord(step) && typeof step.migration === 'string' && typeof step.code === 'string');
  if (ok) checkedSuggestions.add(value as object);
  return ok;
}

/** What a suggestion is built from, as a cache may hold it: an operation and the facts of its place. */
function isTarget(value: unknown): value is FindingTarget {
  return isRecord(value) && isRecord(value.operation) && typeof value.operation.kind === 'string' && isRecord(value.operation.location) && isRecord(value.facts);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
