import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../config/errors';
import { isMigrationCandidate } from '../frontends/detect';
import { findMigrationFolders } from './migration-folders';

/** Folders that migration tools use by default, tried when no path and no `include` are given. */
export const DEFAULT_MIGRATION_FOLDERS = ['migrations', 'db/migrations', 'src/migrations', 'prisma/migrations'];

export interface DiscoveryOptions {
  cwd: string;
  /** `exclude` globs, relative to `baseDir`. */
  exclude: readonly string[];
  /** The folder config globs are relative to. */
  baseDir: string;
  /** Told what was skipped: a file given by name that the config excludes, a folder with no migrations among other paths. */
  note?: (message: string) => void;
  /** Told of each folder that cannot be read (it is skipped, the walk goes on); without it, such a folder stops the run. */
  onUnreadableFolder?: (folder: string, error: unknown) => void;
  /** Files (absolute) that exist only in git's index, staged and deleted from disk: found as if they were on disk. */
  onlyInIndex?: ReadonlySet<string>;
}

export interface DiscoveredFiles {
  /** Absolute paths of the files to lint, sorted, without duplicates. */
  files: string[];
  /** Those given by name (not found in a folder or by a glob): their folders' earlier migrations are their context. */
  named: Set<string>;
  /** The folder or glob each file was found by (the first, when several found it); not set for files given by name. */
  foundBy: Map<string, string>;
}

/** Absolute paths of the files to lint, sorted, without duplicates. */
export function discoverFiles(inputs: readonly string[], options: DiscoveryOptions): string[] {
  return resolveInputs(inputs, options).files;
}

/**
 * The files that paths, folders and globs stand for. A file given by name that
 * the config excludes is skipped, as ESLint does, and so is a folder with no
 * migrations when other paths were given; either alone is an error otherwise.
 */
export function resolveInputs(inputs: readonly string[], options: DiscoveryOptions): DiscoveredFiles {
  const isExcluded = exclusionMatcher(options);
  const found = new Set<string>();
  const named = new Set<string>();
  const foundBy = new Map<string, string>();
  for (const input of inputs) {
    const absolute = path.resolve(options.cwd, input);
    const isFile = statOrUndefined(absolute)?.isFile() === true;
    if (isFile && isExcluded(absolute)) {
      options.note?.(`skipped ${input}: excluded by the config's "exclude"`);
      continue;
    }
    const inIndex = indexFilesFor(input, options);
    const onDisk = inIndex.includes(absolute) ? [] : filesFor(input, options.cwd, options.onUnreadableFolder);
    const files = [...onDisk, ...inIndex].filter((file) => !isExcluded(file));
    if (files.length === 0) {
      const isFolder = !isFile && statOrUndefined(absolute)?.isDirectory() === true;
      if (isFolder && inputs.length > 1) options.note?.(`skipped ${input}: no migration files (.sql, .js, .ts, Django .py) in it`);
      else throw new UsageError(noFilesMessage(input, options.cwd));
    }
    for (const file of files) {
      found.add(file);
      if (!isFile && !foundBy.has(file)) foundBy.set(file, absolute);
    }
    if (isFile || inIndex.includes(absolute)) named.add(absolute);
  }
  return { files: [...found].sort(), named, foundBy };
}

/** What a run with no path lints: the config's `include` globs, the usual folders, or else the folders a search finds. */
export interface DefaultInputs {
  inputs: string[];
  /** Sub-folders of searched folders that hold other databases' migrations. */
  exclude: string[];
  /** Set when the folders were found by a search: which ones, to tell the user. */
  searched?: string[];
}

/** Files matching the config's `include` globs, or the default migration folders that exist, or those found below `cwd`. */
export function defaultInputs(include: readonly string[] | undefined, baseDir: string, cwd: string): DefaultInputs {
  if (include && include.length > 0) return { inputs: include.map((glob) => path.resolve(baseDir, glob)), exclude: [] };
  // A Django project: the migrations/ folder of every app.
  if (statOrUndefined(path.join(cwd, 'manage.py'))?.isFile()) return { inputs: [path.join(cwd, '**', 'migrations', '*.py')], exclude: [] };
  const folders = DEFAULT_MIGRATION_FOLDERS.filter((folder) => isDirectory(path.join(cwd, folder)));
  if (folders.length > 0) return { inputs: folders.map((folder) => path.join(cwd, folder)), exclude: [] };
  // A monorepo keeps its migrations deeper: search as `init` does, and lint the folders that hold migration files.
  const found = findMigrationFolders(cwd).filter((candidate) => walk(candidate.folder).some(isMigrationCandidate));
  if (found.length === 0) {
    throw new UsageError(
      `No paths given and no migrations folder found (looked for ${DEFAULT_MIGRATION_FOLDERS.map((f) => `${f}/`).join(', ')} and for folders named like migrations below this one); pass a path, or run \`migralint init\` to write a config that names them`,
    );
  }
  return {
    inputs: found.map((candidate) => candidate.folder),
    exclude: found.flatMap((candidate) => candidate.otherDatabases.map((other) => path.join(candidate.folder, other, '**'))),
    searched: found.map((candidate) => displayPath(candidate.folder, cwd)),
  };
}

function filesFor(input: string, cwd: string, onUnreadableFolder: DiscoveryOptions['onUnreadableFolder']): string[] {
  const absolute = path.resolve(cwd, input);
  const stats = statOrUndefined(absolute);
  if (stats?.isFile()) return [absolute];
  if (stats?.isDirectory()) return walk(absolute, onUnreadableFolder).filter(isMigrationCandidate);
  if (stats) throw new UsageError(`${input} is not a regular file (${stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : 'a device'})`);
  const scan = picomatch.scan(toPosix(input));
  if (!scan.isGlob) throw new UsageError(`No such file or directory: ${input}`);
  const base = path.resolve(cwd, scan.base || '.');
  const matches = picomatch(toPosix(path.resolve(cwd, input)), { dot: false });
  return isDirectory(base) ? walk(base, onUnreadableFolder).filter((file) => matches(toPosix(file))) : [];
}

/** The index-only files an input stands for: the file itself, those in the folder (walked as on disk), or those the glob matches. */
function indexFilesFor(input: string, options: DiscoveryOptions): string[] {
  if (!options.onlyInIndex || options.onlyInIndex.size === 0) return [];
  const absolute = path.resolve(options.cwd, input);
  const scan = picomatch.scan(toPosix(input));
  const matches = scan.isGlob ? picomatch(toPosix(absolute), { dot: false }) : undefined;
  return [...options.onlyInIndex].filter((file) => {
    if (file === absolute) return true;
    if (matches) return matches(toPosix(file));
    const relative = path.relative(absolute, file);
    const folders = relative.split(path.sep).slice(0, -1);
    return !relative.startsWith('..') && !path.isAbsolute(relative) && isMigrationCandidate(file) && !folders.some((name) => name === 'node_modules' || name.startsWith('.'));
  });
}

function noFilesMessage(input: string, cwd: string): string {
  const stats = statOrUndefined(path.resolve(cwd, input));
  if (stats?.isDirectory()) return `No migration files (.sql, .js, .ts, Django .py) found in ${input}`;
  return `No files match the pattern ${input}`;
}

/**
 * Walks a folder recursively, skipping node_modules, .git and dot-folders (or
 * lists its own files only, with `recursive: false`). Symbolic links are
 * followed once: a link back to a folder already walked is skipped.
 */
export function walk(root: string, onUnreadableFolder?: DiscoveryOptions['onUnreadableFolder'], options: { recursive?: boolean } = {}): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    const real = realpathOrUndefined(dir);
    if (!real || visited.has(real)) continue;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (!onUnreadableFolder) throw new UsageError(`Cannot read directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      onUnreadableFolder(dir, error);
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? statOrUndefined(full) : entry;
      if (!kind) continue; // a dangling link
      if (kind.isDirectory()) {
        // Installed packages (node_modules, a virtual environment's site-packages) hold other projects' migrations.
        if (entry.name === 'node_modules' || entry.name === 'site-packages' || entry.name.startsWith('.') || options.recursive === false) continue;
        pending.push(full);
      } else if (kind.isFile()) files.push(full);
    }
  }
  return files;
}

function exclusionMatcher(options: DiscoveryOptions): (file: string) => boolean {
  if (options.exclude.length === 0) return () => false;
  const matches = picomatch(options.exclude.map((glob) => toPosix(path.resolve(options.baseDir, glob))), { dot: true });
  return (file) => matches(toPosix(file));
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function isDirectory(file: string): boolean {
  return statOrUndefined(file)?.isDirectory() === true;
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** The path shown in findings: relative to the current directory, `/`-separated. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return toPosix(path.isAbsolute(relative) ? file : relative);
}
