import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ConfigFile } from '../config/config-file';
import { UsageError } from '../config/errors';
import { type DecodedText, decodeFile } from '../frontends/decode';
import { isDjangoMigrationPath, isMigrationCandidate, postgresVersionOf } from '../frontends/detect';
import { leftOutOfDrizzleJournal } from '../frontends/sql/drizzle-journal';
import { parseOrder, sortMigrations } from '../schema/order';
import type { LintArgs } from './args';
import { defaultInputs, displayPath, resolveInputs, toPosix, walk } from './discover';
import { enclosingMigrationFolder } from './migration-folders';
import { SchemaManifests } from './schema-manifests';

/**
 * Which files a run goes through, which of them it reports, and which earlier
 * ones it reads only as context. This is the one place that decides context.
 *
 * Migrations are linted in the order their runner applies them (see
 * src/schema/order.ts; Django's by their dependencies), each against the schema
 * the earlier ones built, replayed statically.
 * - Folders and globs: every file is reported, each in the context of those before it.
 * - `--since` / `--staged`: the files of the change are reported; the other files
 *   of the same inputs are context.
 * - Files given by name (pre-commit and lint-staged call `migralint a.sql b.sql`):
 *   they are reported, and the other migrations of their folder are context, so
 *   the result equals `--staged`'s. Their folder is the config's `include` when it
 *   holds the file, else the outermost folder above it named like a migrations
 *   folder (with its sub-folders), else its own folder (its own files only).
 * Context after the last reported file cannot inform it and is left out.
 */
export interface RunPlan {
  /**
   * Files in migration order (Django migrations still in path order: see inDjangoOrder), reported or
   * context, each with the set of migrations it belongs to (`group`): each set builds its own schema.
   */
  files: Array<{ file: string; reported: boolean; group: string }>;
  /** With --staged: the index content of each staged file, decoded as a file on disk is. */
  staged?: Map<string, DecodedText>;
  /**
   * Whether a reported file is new in this change (not in git's HEAD): the tables
   * it creates are new for later migrations. Asks git only when called.
   */
  isNew(file: string): boolean;
}

interface PlanInputs {
  /** The git selection (`--staged`, `--since`); without it, every migration found is reported. */
  args?: Pick<LintArgs, 'staged' | 'since'>;
  cwd: string;
  config: ConfigFile;
  /** The folder config globs are relative to. */
  baseDir: string;
  /** A note for --verbose. */
  note: (message: string) => void;
  /** A note always shown. */
  notice: (message: string) => void;
  /** A migration the runner's own listing leaves out, so never applied, and why: skipped (a lint run counts them); a `note` by default. */
  leftOut?: (shownAs: string, reason: string) => void;
  /** Paths to lint (without `-`), or none for the default inputs. */
  paths: string[];
  /** A file's text for a quick test (empty when it cannot be read: linting it reports that). */
  read: (file: string) => string;
  /** Told of each folder that cannot be read (skipped); without it, such a folder stops the run. */
  onUnreadableFolder?: (folder: string, error: unknown) => void;
}

// git loads only for runs that need it (it pulls in node:child_process).
const loadGit = () => require('./git') as typeof import('./git');

export function planRun({ args, cwd, config, baseDir, paths, note, notice, leftOut: skipLeftOut = (shownAs, reason) => note(`skipped ${shownAs}: ${reason}`), read, onUnreadableFolder }: PlanInputs): RunPlan {
  const exclude = [...(config.exclude ?? [])];
  let inputs = paths;
  if (paths.length === 0) {
    const defaults = defaultInputs(config.include, baseDir, cwd);
    if (defaults.searched) {
      notice(`no "include" in a config and none of the usual folders here; linting the migrations folders found: ${defaults.searched.join(', ')} (migralint init writes a config that names them)`);
    }
    inputs = defaults.inputs;
    exclude.push(...defaults.exclude);
  }
  const git = gitChanges(args, cwd);
  // A file staged and then deleted from disk is still linted, from the index.
  const onlyInIndex = git?.staged ? new Set([...git.staged.keys()].filter((file) => !fs.existsSync(file))) : undefined;
  const discovery = { cwd, exclude, baseDir, note, onUnreadableFolder, onlyInIndex };
  const { files, named, foundBy } = resolveInputs(inputs, discovery);
  const context = contextOfNamedFiles(named, { ...discovery, include: config.include });
  const inputFiles = new Set(files);
  const isReported = (file: string) => inputFiles.has(file) && (!git || git.changed.has(file));
  const candidates = new Set([...files, ...context.keys()]);
  // A migration for every database that has a PostgreSQL version beside it (ory/pop): PostgreSQL runs that one only.
  for (const file of candidates) {
    const postgresVersion = postgresVersionOf(file, (other) => candidates.has(other));
    if (!postgresVersion) continue;
    candidates.delete(file);
    if (isReported(file)) note(`skipped ${displayPath(file, cwd)}: ${path.basename(postgresVersion)} is what runs on PostgreSQL`);
  }
  // temporal's schema tool applies the files its manifest.json lists, in that order, and no others;
  // drizzle's migrator the migrations its journal lists, and no others.
  const manifests = new SchemaManifests();
  for (const file of candidates) {
    const leftOut = manifests.leftOut(file) ?? (leftOutOfDrizzleJournal(file) ? "not in drizzle-kit's meta/_journal.json, so drizzle's migrator does not apply it" : undefined);
    if (!leftOut) continue;
    candidates.delete(file);
    if (isReported(file)) skipLeftOut(displayPath(file, cwd), leftOut);
  }
  const all = manifests.inListedOrder(sortMigrations([...candidates], parseOrder(config.order)));
  // The migrations of one folder (or glob, or the config's include) apply to one database; Django's apps share one.
  const fromInclude = paths.length === 0 && (config.include?.length ?? 0) > 0;
  const groupOf = (file: string) => (isDjangoMigrationPath(file) ? 'django' : fromInclude ? 'include' : (context.get(file) ?? foundBy.get(file) ?? file));
  let lastReported = all.length - 1;
  // Django applies migrations in its own order, not the paths': their context is kept whole.
  if (!all.some(isDjangoMigrationPath)) while (lastReported >= 0 && !isReported(all[lastReported])) lastReported--;
  let committed: Set<string> | undefined;
  return {
    files: all.slice(0, lastReported + 1).map((file) => ({ file, reported: isReported(file), group: groupOf(file) })),
    staged: git?.staged,
    isNew: (file) => {
      if (git) return git.added.has(file);
      if (!named.has(file)) return false; // a folder run treats every migration as deployed
      committed ??= loadGit().committedFiles([...named], cwd);
      return !committed.has(file);
    },
  };
}

/** The run's files in migration order, except that Django migrations take their slots in Django's order. */
export function inDjangoOrder(files: RunPlan['files'], djangoOrder: readonly string[] | undefined): RunPlan['files'] {
  if (!djangoOrder || djangoOrder.length === 0) return files;
  const byFile = new Map(files.map((item) => [item.file, item]));
  const queue = djangoOrder.filter((file) => byFile.has(file));
  const ordered = new Set(queue);
  return files.map((item) => (ordered.has(item.file) ? (byFile.get(queue.shift() as string) as RunPlan['files'][number]) : item));
}

function gitChanges(args: Pick<LintArgs, 'staged' | 'since'> | undefined, cwd: string) {
  if (args === undefined) return undefined;
  if (args.staged) {
    const staged = loadGit().stagedFiles(cwd);
    return { changed: staged.changed, added: staged.added, staged: new Map([...staged.content].map(([file, bytes]) => [file, decodeFile(bytes)])) };
  }
  if (args.since !== undefined) return { ...loadGit().changedSince(args.since, cwd), staged: undefined };
  return undefined;
}

/** The migrations in the folders of files given by name, which are context for them (see above). */
function contextOfNamedFiles(
  named: Set<string>,
  options: { cwd: string; exclude: string[]; baseDir: string; include?: string[] },
): Map<string, string> {
  // Each file, named or context, with the folder whose migrations it belongs to.
  const context = new Map<string, string>();
  if (named.size === 0) return context;
  const include = options.include?.length ? options.include.map((glob) => toPosix(path.resolve(options.baseDir, glob))) : undefined;
  const isIncluded = include ? picomatch(include, { dot: true }) : () => false;
  const isExcluded = options.exclude.length > 0 ? picomatch(options.exclude.map((glob) => toPosix(path.resolve(options.baseDir, glob))), { dot: true }) : () => false;
  const folders = new Set<string>();
  let includeAdded = false;
  for (const file of named) {
    if (isIncluded(toPosix(file))) {
      if (!includeAdded) for (const glob of include ?? []) for (const found of filesOrNone(glob, options)) context.set(found, 'include');
      context.set(file, 'include');
      includeAdded = true;
      continue;
    }
    const enclosing = enclosingMigrationFolder(file, options.cwd);
    const folder = enclosing?.folder ?? path.dirname(file);
    context.set(file, folder);
    if (folders.has(folder)) continue;
    folders.add(folder);
    // Another database's migrations are not context for PostgreSQL's (unless the file is one of them).
    const others = (enclosing?.otherDatabases ?? []).map((name) => path.join(folder, name) + path.sep).filter((other) => !file.startsWith(other));
    // A folder named like a migrations folder holds its migrations in sub-folders too (Prisma's, diesel's);
    // any other folder (a repository's root, /tmp) is read only for its own files, not walked whole.
    for (const candidate of walk(folder, undefined, { recursive: enclosing !== undefined })) {
      if (isMigrationCandidate(candidate) && !isExcluded(toPosix(candidate)) && !others.some((other) => candidate.startsWith(other)) && !named.has(candidate)) context.set(candidate, folder);
    }
  }
  return context;
}

/** The files of an `include` glob; one that matches nothing adds no context (a run with no path reports it). */
function filesOrNone(glob: string, options: { cwd: string; exclude: string[]; baseDir: string }): string[] {
  try {
    return resolveInputs([glob], options).files;
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
}
