import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../config/errors';
import { isMigrationCandidate } from '../frontends/detect';

/** Folders that migration tools use by default, tried when no path and no `include` are given. */
export const DEFAULT_MIGRATION_FOLDERS = ['migrations', 'db/migrations', 'src/migrations', 'prisma/migrations'];

export interface DiscoveryOptions {
  cwd: string;
  /** `exclude` globs, relative to `baseDir`. */
  exclude: readonly string[];
  /** The folder config globs are relative to. */
  baseDir: string;
}

/** Absolute paths of the files to lint, sorted, without duplicates. */
export function discoverFiles(inputs: readonly string[], options: DiscoveryOptions): string[] {
  const isExcluded = exclusionMatcher(options);
  const found = new Set<string>();
  for (const input of inputs) {
    const files = filesFor(input, options.cwd).filter((file) => !isExcluded(file));
    if (files.length === 0) throw new UsageError(noFilesMessage(input, options.cwd));
    for (const file of files) found.add(file);
  }
  return [...found].sort();
}

/** Files matching the config's `include` globs, or the default migration folders that exist. */
export function defaultInputs(include: readonly string[] | undefined, baseDir: string, cwd: string): string[] {
  if (include && include.length > 0) return include.map((glob) => path.resolve(baseDir, glob));
  // A Django project: the migrations/ folder of every app.
  if (statOrUndefined(path.join(cwd, 'manage.py'))?.isFile()) return [path.join(cwd, '**', 'migrations', '*.py')];
  const folders = DEFAULT_MIGRATION_FOLDERS.filter((folder) => isDirectory(path.join(cwd, folder)));
  if (folders.length === 0) {
    throw new UsageError(
      `No paths given and no migrations folder found (looked for ${DEFAULT_MIGRATION_FOLDERS.map((f) => `${f}/`).join(', ')}); pass a path or set "include" in migralint.config.json`,
    );
  }
  return folders.map((folder) => path.join(cwd, folder));
}

function filesFor(input: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, input);
  const stats = statOrUndefined(absolute);
  if (stats?.isFile()) return [absolute];
  if (stats?.isDirectory()) return walk(absolute).filter(isMigrationCandidate);
  const scan = picomatch.scan(toPosix(input));
  if (!scan.isGlob) throw new UsageError(`No such file or directory: ${input}`);
  const base = path.resolve(cwd, scan.base || '.');
  const matches = picomatch(toPosix(path.resolve(cwd, input)), { dot: false });
  return isDirectory(base) ? walk(base).filter((file) => matches(toPosix(file))) : [];
}

function noFilesMessage(input: string, cwd: string): string {
  const stats = statOrUndefined(path.resolve(cwd, input));
  if (stats?.isDirectory()) return `No migration files (.sql, .js, .ts, Django .py) found in ${input}`;
  return `No files match the pattern ${input}`;
}

/**
 * Walks a folder recursively, skipping node_modules, .git and dot-folders.
 * Symbolic links are followed once: a link back to a folder already walked is skipped.
 */
function walk(root: string): string[] {
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
      throw new UsageError(`Cannot read directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? statOrUndefined(full) : entry;
      if (!kind) continue; // a dangling link
      if (kind.isDirectory()) {
        // Installed packages (node_modules, a virtual environment's site-packages) hold other projects' migrations.
        if (entry.name === 'node_modules' || entry.name === 'site-packages' || entry.name.startsWith('.')) continue;
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
