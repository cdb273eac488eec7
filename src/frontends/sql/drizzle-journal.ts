import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile } from '../../files/read-regular-file';

/**
 * drizzle-kit's journal (`meta/_journal.json` beside the migrations) lists the
 * migrations by tag, the file name without `.sql`; drizzle's migrator applies
 * those files, in that order, and no others. The tag's prefix is drizzle-kit's
 * `migrations.prefix`: a 4-digit index by default, or a timestamp, or none.
 */
export interface DrizzleJournal {
  file: string;
  /** The tags of the journal's entries; undefined when the journal cannot be read as one. */
  tags: ReadonlySet<string> | undefined;
  /** The database drizzle-kit wrote the migrations for (`postgresql`, `mysql`, `sqlite`, …), where the journal says. */
  dialect?: string;
}

/** A journal lists a few hundred entries; anything larger is not one. */
const MAX_JOURNAL_BYTES = 8 * 1024 * 1024;

// Keyed by folder; kept while the journal's size and time are the same (an editor session sees it grow).
const journals = new Map<string, { stamp: string; checked: number; journal: DrizzleJournal | undefined }>();
/**
 * How long a folder's answer stands without looking at the journal again: a run
 * asks for each of its files (thousands in one folder), an editor session for
 * each lint, seconds apart.
 */
const RECHECK_MS = 1000;

/** The journal of the folder a migration is in, if there is one. */
export function drizzleJournalOf(filePath: string): DrizzleJournal | undefined {
  return drizzleJournalIn(path.dirname(path.resolve(filePath)));
}

/** The journal of a folder of migrations, if it has one. */
export function drizzleJournalIn(dir: string): DrizzleJournal | undefined {
  const cached = journals.get(dir);
  const now = Date.now();
  if (cached && now - cached.checked < RECHECK_MS) return cached.journal;
  const file = path.join(dir, 'meta', '_journal.json');
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  const stamp = stats ? `${stats.size}:${stats.mtimeMs}` : 'none';
  if (cached && cached.stamp === stamp) {
    cached.checked = now;
    return cached.journal;
  }
  const journal = stamp === 'none' ? undefined : readJournal(file);
  journals.set(dir, { stamp, checked: now, journal });
  return journal;
}

/** The database a folder's journal names when it is not PostgreSQL (a journal that names none is taken for PostgreSQL's). */
export function otherDrizzleDialectIn(dir: string): string | undefined {
  const dialect = drizzleJournalIn(dir)?.dialect;
  return dialect === undefined || /^(?:postgres(?:ql)?|pg)$/i.test(dialect) ? undefined : dialect;
}

/** The migration's tag: its file name without `.sql`. */
export function drizzleTag(filePath: string): string {
  return path.basename(filePath).replace(/\.sql$/i, '');
}

/** A `.sql` file beside a journal that lists the migrations, but not this one: drizzle's migrator never applies it. */
export function leftOutOfDrizzleJournal(filePath: string): boolean {
  if (!/\.sql$/i.test(filePath)) return false;
  const tags = drizzleJournalOf(filePath)?.tags;
  return tags !== undefined && !tags.has(drizzleTag(filePath));
}

function readJournal(file: string): DrizzleJournal {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readRegularFile(file, MAX_JOURNAL_BYTES).toString('utf8'));
  } catch {
    // Unreadable, or not JSON: not a listing to go by.
    return { file, tags: undefined };
  }
  if (typeof parsed !== 'object' || parsed === null) return { file, tags: undefined };
  const dialect = 'dialect' in parsed && typeof parsed.dialect === 'string' ? { dialect: parsed.dialect } : {};
  if (!('entries' in parsed) || !Array.isArray(parsed.entries)) return { file, tags: undefined, ...dialect };
  const tags = parsed.entries.map((entry: unknown) => (typeof entry === 'object' && entry !== null && 'tag' in entry ? entry.tag : undefined));
  return { file, tags: tags.every((tag): tag is string => typeof tag === 'string') ? new Set(tags) : undefined, ...dialect };
}
