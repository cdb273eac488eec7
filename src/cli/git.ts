import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { UsageError } from '../config/errors';
import { toPosix } from './discover';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
}

function tryGit(args: string[], cwd: string): string | undefined {
  try {
    return git(args, cwd);
  } catch {
    return undefined;
  }
}

function repositoryRoot(cwd: string, flag: string): string {
  const root = tryGit(['rev-parse', '--show-toplevel'], cwd);
  if (root === undefined) throw new UsageError(`${flag} needs a git repository, and ${cwd} is not inside one`);
  return root.trim();
}

const splitNul = (output: string) => output.split('\0').filter((entry) => entry.length > 0);

/** Added and modified files from one `git diff --name-status -z` (a status, then a path), renames not counted as new. */
function addedAndModified(diffArgs: string[], root: string): { added: string[]; modified: string[] } {
  const fields = splitNul(git(['diff', '--name-status', '-z', '--diff-filter=AM', '-M', ...diffArgs], root));
  const added: string[] = [];
  const modified: string[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    (fields[index] === 'A' ? added : modified).push(path.join(root, fields[index + 1]));
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

/** Files added or modified in the index (what the next commit holds), with their staged content. */
export function stagedFiles(cwd: string): ChangedFiles & { content: Map<string, string> } {
  const root = repositoryRoot(cwd, '--staged');
  const { added, modified } = addedAndModified(['--cached'], root);
  const content = new Map<string, string>();
  for (const file of [...added, ...modified].sort()) {
    content.set(file, git(['show', `:${toPosix(path.relative(root, file))}`], root));
  }
  return { changed: new Set(content.keys()), added: new Set(added), content };
}
