import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A file written all at once or not at all: the text goes to a temporary file
 * created exclusively (a new random name, never an existing file or symbolic
 * link) in the target's folder, which `commit` renames over the target. A
 * symbolic link at the target is so replaced, never written through, and a
 * run that stops half way leaves the target as it was.
 *
 * Devices and pipes (`/dev/stdout`, `/dev/full`, a FIFO) are written in place:
 * they are streams, not files to replace.
 */
export interface OutputFile {
  /** Text is written as UTF-8; bytes as they are (a file in another encoding). */
  write(content: string | Uint8Array): void;
  /** Puts the written text in place. */
  commit(): void;
  /** Removes what was written, leaving the target as it was. */
  abandon(): void;
}

/** Temporaries older than this, or of a process that is gone, are from runs that crashed. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

export interface OutputOptions {
  /** The new file's permissions, exactly (not narrowed by the umask). */
  mode?: number;
  /** Replace a FIFO or socket found at the target rather than write into it (a cache must never block on one). */
  replacePipes?: boolean;
}

export function openOutputFile(target: string, options: OutputOptions = {}): OutputFile {
  if (isStream(target, options.replacePipes === true)) return streamFile(target);
  const folder = path.dirname(target);
  fs.mkdirSync(folder, { recursive: true });
  removeStaleTemporaries(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomSuffix()}.tmp`);
  const descriptor = fs.openSync(temporary, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, options.mode ?? 0o666);
  if (options.mode !== undefined) fs.fchmodSync(descriptor, options.mode);
  let open = true;
  const close = () => {
    if (open) fs.closeSync(descriptor);
    open = false;
  };
  return {
    write: (content) => writeAll(descriptor, content),
    commit() {
      close();
      fs.renameSync(temporary, target);
    },
    abandon() {
      try {
        close();
      } finally {
        fs.rmSync(temporary, { force: true });
      }
    },
  };
}

// node:crypto loads when a file is written (it takes milliseconds to load; most lint runs write none).
const randomSuffix = () => (require('node:crypto') as typeof import('node:crypto')).randomBytes(8).toString('hex');

/** Writes a whole file atomically. */
export function writeFileAtomically(target: string, content: string | Uint8Array, options?: OutputOptions): void {
  const file = openOutputFile(target, options);
  try {
    file.write(content);
    file.commit();
  } catch (error) {
    file.abandon();
    throw error;
  }
}

function writeAll(descriptor: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(descriptor, bytes, written);
}

/** Whether the target is a device or pipe (or names one, as /dev/stdout does): written in place, never replaced. */
function isStream(target: string, replacePipes: boolean): boolean {
  if (process.platform !== 'win32' && /^\/(dev|proc)\//.test(path.resolve(target))) return true;
  try {
    const stats = fs.lstatSync(target);
    return stats.isCharacterDevice() || stats.isBlockDevice() || (!replacePipes && (stats.isFIFO() || stats.isSocket()));
  } catch {
    return false;
  }
}

function streamFile(target: string): OutputFile {
  const descriptor = fs.openSync(target, 'w');
  return {
    write: (content) => writeAll(descriptor, content),
    commit: () => fs.closeSync(descriptor),
    abandon: () => fs.closeSync(descriptor),
  };
}

/** Removes `.<name>.<pid>.<random>.tmp` files beside the target left by runs that crashed. */
function removeStaleTemporaries(target: string): void {
  const folder = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]{16}\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!match) continue;
    const file = path.join(folder, name);
    try {
      const stats = fs.lstatSync(file);
      if (Date.now() - stats.mtimeMs > STALE_AFTER_MS || !isRunning(Number(match[1]))) fs.rmSync(file, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // this process has just started: the file is from an earlier one
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
