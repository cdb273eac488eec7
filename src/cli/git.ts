import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { UsageError } from '../config/errors';
import { toPosix } from './discover';

/** git failed: its own message (stderr), on one line. */
class GitFailure extends Error {}

function git(args: string[], cwd: string): string {
  return gitBytes(args, cwd).toString('utf8');
}

function gitBytes(args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 29 });
  } catch (error) {
    const { code, stderr, message } = error as NodeJS.ErrnoException & { stderr?: string };
    if (code === 'ENOENT') throw new GitFailure('git is not installed (or not on PATH)');
    const said = (String(stderr ?? '') || message).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join(' ');
    throw new GitFailure(`git ${args[0]} failed: ${said}`);
  }
}

function tryGit(args: string[], cwd: string): string | undefined {
  try {
    return git(args, cwd);
  } catch {
    return undefined;
  }
}

/** Runs a git mode, turning any failure of git into one line naming the flag. */
function asUsage<T>(flag: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof GitFailure) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}

function repositoryRoot(cwd: string, flag: string): string {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (error) {
    if (error instanceof GitFailure && /not a git repository/i.test(error.message)) throw new UsageError(`${flag} needs a git repository, and ${cwd} is not inside one`);
    throw error;
  }
}

const splitNul = (output: string) => output.split('\0').filter((entry) => entry.length > 0);

/**
 * Added and modified files from one `git diff --name-status -z -M` (a status,
 * then a path, or for a rename two). A rename with edits (R below 100) is a
 * change like any other; a pure rename (R100) is not, and neither counts as new.
 */
function addedAndModified(diffArgs: string[], root: string): { added: string[]; modified: string[] } {
  const fields = splitNul(git(['diff', '--name-status', '-z', '--diff-filter=AMR', '-M', ...diffArgs], root));
  const added: string[] = [];
  const modified: string[] = [];
  for (let index = 0; index < fields.length; ) {
    const status = fields[index];
    if (status.startsWith('R')) {
      const renamedTo = fields[index + 2];
      if (status !== 'R100' && renamedTo !== undefined) modified.push(path.join(root, renamedTo));
      index += 3;
    } else {
      const file = fields[index + 1];
      if (file !== undefined) (status === 'A' ? added : modified).push(path.join(root, file));
      index += 2;
    }
  }
  return { added, modified };
}

export interface ChangedFiles {
  /** Added or modified (absolute paths). */
  changed: Set<string>;
  /** Of those, the added ones: new migrations, whose tables have no rows yet. */
  added: Set<string>;
}

/**
 * Migration files added or modified since the merge base with `ref`: committed,
 * staged, unstaged and untracked. Renamed files are not new (-M, and only A/M kept).
 */
export function changedSince(ref: string, cwd: string): ChangedFiles {
  refuseControlCharacters(ref);
  return asUsage(`--since ${ref}`, () => changedSinceRef(ref, cwd));
}

/** A revision never holds a control character; one that does (a line break) would make a message of several lines. */
function refuseControlCharacters(ref: string): void {
  if (/[\u0000-\u001f\u007f]/.test(ref)) throw new UsageError(`--since ${JSON.stringify(ref)}: not a git revision (it holds a control character)`);
}

function changedSinceRef(ref: string, cwd: string): ChangedFiles {
  const root = repositoryRoot(cwd, '--since');
  if (tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root) === undefined) {
    const shallow = tryGit(['rev-parse', '--is-shallow-repository'], root)?.trim() === 'true';
    const branch = ref.replace(/^origin\//, '');
    throw new UsageError(
      `--since ${ref}: no such revision here${shallow ? ' (this is a shallow clone)' : ''}; fetch it first, e.g. git fetch --no-tags origin ${branch}:refs/remotes/origin/${branch}`,
    );
  }
  const base = tryGit(['merge-base', ref, 'HEAD'], root)?.trim();
  if (!base) {
    throw new UsageError(
      `--since ${ref}: ${ref} and HEAD share no history here, as in a shallow clone; fetch more of it (git fetch --deepen=200 origin, or fetch-depth: 0 in actions/checkout)`,
    );
  }
  const { added, modified } = addedAndModified([base], root);
  const untracked = splitNul(git(['ls-files', '-z', '--others', '--exclude-standard'], root)).map((file) => path.join(root, file));
  return { changed: new Set([...added, ...modified, ...untracked]), added: new Set([...added, ...untracked]) };
}

/**
 * Files added or modified in the index (what the next commit holds), with
 * their staged bytes, which are decoded as a file on disk is.
 */
export function stagedFiles(cwd: string): ChangedFiles & { content: Map<string, Buffer> } {
  return asUsage('--staged', () => stagedFilesOf(cwd));
}

function stagedFilesOf(cwd: string): ChangedFiles & { content: Map<string, Buffer> } {
  const root = repositoryRoot(cwd, '--staged');
  const { added, modified } = addedAndModified(['--cached'], root);
  const content = new Map<string, Buffer>();
  for (const file of [...added, ...modified].sort()) {
    content.set(file, gitBytes(['show', `:${toPosix(path.relative(root, file))}`], root));
  }
  return { changed: new Set(content.keys()), added: new Set(added), content };
}

/**
 * Of `files` (absolute paths), those in HEAD's tree: the others are new in the
 * change being committed. Outside a repository every file counts as committed
 * (nothing is known to be new); before the first commit none does.
 */
export function committedFiles(files: readonly string[], cwd: string): Set<string> {
  const root = tryGit(['rev-parse', '--show-toplevel'], cwd)?.trim();
  if (root === undefined) return new Set(files);
  const listed = tryGit(['ls-tree', '-r', '-z', '--name-only', '--full-tree', 'HEAD', '--', ...files.map((file) => toPosix(path.relative(root, file)))], root);
  return new Set(splitNul(listed ?? '').map((file) => path.join(root, file)));
}
