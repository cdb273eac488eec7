import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules';
import type { FileResult, Finding } from '../engine/finding';
import { docsFor } from '../engine/rule';
import type { MigrationContext } from '../engine/run-rules';
import type { SkippedFile } from '../lint';

/**
 * A finding as stored: its file, help and docs follow from the entry and the
 * rule, and leaving them out makes the cache a fraction of the size (it is read
 * whole at the start of every cached run).
 */
type CachedFinding = Omit<Finding, 'file' | 'help' | 'docs'> & { help?: string };
type CachedResult = (Omit<FileResult, 'source' | 'findings'> & { findings: CachedFinding[] }) | SkippedFile;

const helpByRule = new Map(allRules.map((rule) => [rule.id, rule.meta.help]));

interface CacheFile {
  /** Tool version and every setting that changes results; a different key empties the cache. */
  key: string;
  entries: Record<string, { hash: string; textHash: string; result: CachedResult }>;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** Where the cache lives by default: node_modules/.cache/migralint when there is a node_modules, as ESLint does. */
export function defaultCacheLocation(cwd: string): string {
  return fs.existsSync(path.join(cwd, 'node_modules'))
    ? path.join(cwd, 'node_modules', '.cache', 'migralint', 'cache.json')
    : path.join(cwd, '.migralintcache');
}

/**
 * A digest of a growing migration context, updated as each migration adds to it
 * (hashing the whole context for every file would be quadratic).
 */
export class ContextDigest {
  value = '';

  add(context: MigrationContext['history'] | MigrationContext['newTables']): void {
    if (context.length > 0) this.value = sha1(`${this.value}\u0000${JSON.stringify(context)}`);
  }
}

/**
 * Results of earlier runs, keyed by file content and by what earlier migrations
 * told the file (its context), under a key of the tool version and settings.
 */
export class LintCache {
  private readonly entries: CacheFile['entries'];
  private changed = false;

  constructor(
    private readonly location: string,
    private readonly key: string,
  ) {
    this.entries = this.load();
  }

  static keyOf(version: string, settings: unknown): string {
    // `format` changes when a cached result's shape does (2: findings carry their lock).
    return sha1(JSON.stringify({ version, format: 2, settings }));
  }

  private load(): CacheFile['entries'] {
    try {
      const file = JSON.parse(fs.readFileSync(this.location, 'utf8')) as CacheFile;
      return file.key === this.key && typeof file.entries === 'object' ? file.entries : {};
    } catch {
      return {}; // no cache yet, or an unreadable one: start afresh
    }
  }

  /** `contextDigest` identifies what earlier migrations told this one (see ContextDigest). */
  private hashOf(textHash: string, contextDigest: string): string {
    return sha1(`${textHash}\u0000${contextDigest}`);
  }

  /** Whether the file's text is cached (under some context): then it need not be parsed ahead. */
  hasContent(file: string, text: string): boolean {
    return this.entries[file]?.textHash === sha1(text);
  }

  get(file: string, text: string, contextDigest: string): FileResult | SkippedFile | undefined {
    const entry = this.entries[file];
    if (!entry || entry.hash !== this.hashOf(sha1(text), contextDigest)) return undefined;
    const stored = entry.result;
    if ('skipped' in stored) return stored;
    if (!stored.findings.every((finding) => helpByRule.has(finding.rule))) return undefined; // a rule this version lacks
    const findings = stored.findings.map(
      ({ rule, severity, line, column, endLine, endColumn, message, help, lock }): Finding => ({
        rule, severity, file: stored.file, line, column, endLine, endColumn, message, help: help ?? helpByRule.get(rule) ?? '', docs: docsFor(rule), ...(lock ? { lock } : {}),
      }),
    );
    return { ...stored, findings, source: text };
  }

  set(file: string, text: string, contextDigest: string, result: FileResult | SkippedFile): void {
    let stored: CachedResult = result;
    if (!('skipped' in result)) {
      const { source: _source, findings, ...rest } = result; // the source is the file itself
      // A help that is not the rule's usual one (written for the file's front-end, say) is kept.
      const stripped = (finding: Finding): CachedFinding => {
        const { rule, severity, line, column, endLine, endColumn, message, help, lock } = finding;
        return { rule, severity, line, column, endLine, endColumn, message, ...(help !== helpByRule.get(rule) ? { help } : {}), ...(lock ? { lock } : {}) };
      };
      stored = { ...rest, findings: findings.map(stripped) };
    }
    const textHash = sha1(text);
    this.entries[file] = { hash: this.hashOf(textHash, contextDigest), textHash, result: stored };
    this.changed = true;
  }

  /** Writes the cache if anything changed; a cache that cannot be written is only a slower next run. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    try {
      fs.mkdirSync(path.dirname(this.location), { recursive: true });
      const temporary = `${this.location}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify({ key: this.key, entries: this.entries } satisfies CacheFile));
      fs.renameSync(temporary, this.location);
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.location}: ${(error as Error).message.split('\n')[0]}`;
    }
  }
}
