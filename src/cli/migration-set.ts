import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ConfigFile } from '../config/config-file';
import { UsageError } from '../config/errors';
import { type DecodedText, decodeFile } from '../frontends/decode';
import { isDjangoMigrationPath, isMigrationCandidate } from '../frontends/detect';
import type { LintArgs } from './args';
import { defaultInputs, resolveInputs, toPosix, walk } from './discover';
import { enclosingMigrationFolder } from './migration-folders';

/**
 * Which files a run goes through, which of them it reports, and which earlier
 * ones it reads only as context. This is the one place that decides context.
 *
 * Migrations are linted in path order, each against what the earlier ones did
 * (a validated CHECK (col IS NOT NULL) lets a later SET NOT NULL pass).
 * - Folders and globs: every file is reported, each in the context of those before it.
 * - `--since` / `--staged`: the files of the change are reported; the other files
 *   of the same inputs are context.
 * - Files given by name (pre-commit and lint-staged call `migralint a.sql b.sql`):
 *   they are reported, and the other migrations of their folder are context, so
 *   the result equals `--staged`'s. Their folder is the config's `include` when it
 *   holds the file, else the outermost folder above it named like a migrations
 *   folder, else its own folder.
 * Context after the last reported file cannot inform it and is left out.
 */
export interface RunPlan {
  /** Files in migration order, reported or context. */
  files: Array<{ file: string; reported: boolean }>;
  /** With --staged: the index content of each staged file, decoded as a file on disk is. */
  staged?: Map<string, DecodedText>;
  /**
   * Whether a reported file is new in this change (not in git's HEAD): the tables
   * it creates are new for later migrations. Asks git only when called.
   */
  isNew(file: string): boolean;
}

interface PlanInputs {
  args: LintArgs;
  cwd: string;
  config: ConfigFile;
  /** The folder config globs are relative to. */
  baseDir: string;
  /** A note for --verbose. */
  note: (message: string) => void;
  /** A note always shown. */
  notice: (message: string) => void;
  /** Paths to lint (without `-`), or none for the default inputs. */
  paths: string[];
  /** A file's text for a quick test (empty when it cannot be read: linting it reports that). */
  read: (file: string) => string;
  /** Told of each folder that cannot be read (skipped); without it, such a folder stops the run. */
  onUnreadableFolder?: (folder: string, error: unknown) => void;
}

// git loads only for runs that need it (it pulls in node:child_process).
const loadGit = () => require('./git') as typeof import('./git');

export function planRun({ args, cwd, config, baseDir, paths, note, notice, read, onUnreadableFolder }: PlanInputs): RunPlan {
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
  const { files, named } = resolveInputs(inputs, discovery);
  // Their folders are listed only when context can change their findings (see selectContext).
  const needsContext = [...named].some((file) => mayUseHistory(git?.staged?.get(file)?.text ?? read(file)));
  const context = needsContext ? contextOfNamedFiles(named, { ...discovery, include: config.include }) : new Set<string>();
  const inputFiles = new Set(files);
  const isReported = (file: string) => inputFiles.has(file) && (!git || git.changed.has(file));
  const all = [...new Set([...files, ...context])].sort();
  let lastReported = all.length - 1;
  // Django applies migrations in its own order, not the paths': their context is kept whole.
  if (!all.some(isDjangoMigrationPath)) while (lastReported >= 0 && !isReported(all[lastReported])) lastReported--;
  let committed: Set<string> | undefined;
  return {
    files: all.slice(0, lastReported + 1).map((file) => ({ file, reported: isReported(file) })),
    staged: git?.staged,
    isNew: (file) => {
      if (git) return git.added.has(file);
      if (!named.has(file)) return false; // a folder run treats every migration as deployed
      committed ??= loadGit().committedFiles([...named], cwd);
      return !committed.has(file);
    },
  };
}

/**
 * The context a run reads: only files whose text may inform a later migration
 * (a CHECK … IS NOT NULL or its validation), and none at all when no reported
 * file may set NOT NULL, so a pre-commit run in a large repository reads little.
 * Returns the files to lint, and the texts of context files it read.
 */
export function selectContext(plan: RunPlan, read: (file: string) => string): { work: RunPlan['files']; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  let readsHistory: boolean | undefined;
  const work = plan.files.filter(({ file, reported }) => {
    if (reported) return true;
    readsHistory ??= plan.files.some((item) => item.reported && mayUseHistory(plan.staged?.get(item.file)?.text ?? read(item.file)));
    const text = readsHistory ? read(file) : '';
    if (!mayInformLaterMigrations(text)) return false;
    texts.set(file, text);
    return true;
  });
  return { work, texts };
}

/** Whether an earlier migration's text holds context later ones depend on: a CHECK (col IS NOT NULL) or its validation. */
function mayInformLaterMigrations(text: string): boolean {
  return /is\s+not\s+null|validate\s*constraint|createCheckConstraint|\.check\(|__isnull/i.test(text);
}

/** Whether a reported migration's text may set NOT NULL, which history can excuse. */
function mayUseHistory(text: string): boolean {
  return /set\s+not\s+null|dropNullable|\.alter\(|changeColumn|AlterField/i.test(text);
}

function gitChanges(args: LintArgs, cwd: string) {
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
): Set<string> {
  const context = new Set<string>();
  if (named.size === 0) return context;
  const include = options.include?.length ? options.include.map((glob) => toPosix(path.resolve(options.baseDir, glob))) : undefined;
  const isIncluded = include ? picomatch(include, { dot: true }) : () => false;
  const isExcluded = options.exclude.length > 0 ? picomatch(options.exclude.map((glob) => toPosix(path.resolve(options.baseDir, glob))), { dot: true }) : () => false;
  const folders = new Set<string>();
  let includeAdded = false;
  for (const file of named) {
    if (isIncluded(toPosix(file))) {
      if (!includeAdded) for (const glob of include ?? []) for (const found of filesOrNone(glob, options)) context.add(found);
      includeAdded = true;
      continue;
    }
    const enclosing = enclosingMigrationFolder(file, options.cwd);
    const folder = enclosing?.folder ?? path.dirname(file);
    if (folders.has(folder)) continue;
    folders.add(folder);
    // Another database's migrations are not context for PostgreSQL's (unless the file is one of them).
    const others = (enclosing?.otherDatabases ?? []).map((name) => path.join(folder, name) + path.sep).filter((other) => !file.startsWith(other));
    for (const candidate of walk(folder)) {
      if (isMigrationCandidate(candidate) && !isExcluded(toPosix(candidate)) && !others.some((other) => candidate.startsWith(other))) context.add(candidate);
    }
  }
  for (const file of named) context.delete(file);
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
