import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../config/errors';
import { isMigrationCandidate } from '../frontends/detect';
import { displayPath } from './discover';

/**
 * The report and the cache never go onto a migration: not onto a file being
 * linted (under any name), nor onto any file named like one (`-o db/*.sql`,
 * which the shell expands, makes the first migration the report).
 */
export function refuseToOverwriteMigrations(flag: string, given: string, files: readonly string[], cwd: string): void {
  const suggestion = flag === '--cache-location' ? 'migralint-cache.json' : 'migralint-report.json';
  const target = path.resolve(cwd, given);
  if (isMigrationCandidate(target)) {
    throw new UsageError(`${flag} ${given} would overwrite a migration (a .sql, .js or .ts file); choose another name, such as ${suggestion}`);
  }
  const real = realpathOrSelf(target);
  const linted = files.find((file) => file === target || (mayResolveTo(file, real) && realpathOrSelf(file) === real));
  if (linted) throw new UsageError(`${flag} ${given} is ${displayPath(linted, cwd)}, a file being linted; choose another name, such as ${suggestion}`);
}

/**
 * Whether a file's real path may be `real`: a file's real path keeps its name
 * unless the file is a symbolic link, so only a file of the same name, or a
 * link, needs resolving (one lstat, where realpath looks at every folder of the path).
 */
function mayResolveTo(file: string, real: string): boolean {
  if (path.basename(file) === path.basename(real)) return true;
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The operating system's realpath (one call a file, where Node.js's own walks the path a folder at a time). */
function realpathOrSelf(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}
