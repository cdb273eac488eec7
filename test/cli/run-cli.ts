import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process against a fake terminal. */
export async function runCli(
  args: string[],
  options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => options.stdin ?? '',
  });
  return { code, stdout, stderr };
}

/** A throw-away project folder with the given files. */
export function tempProject(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

/**
 * Runs `action` while reading files whose path ends with `suffix` fails with
 * the given error code. Permissions do not stop root, so the failure is
 * simulated at the file system call (on the module object itself: TypeScript's
 * `import * as fs` copies are read-only views of it).
 */
export async function withFailingRead<T>(suffix: string, code: 'EACCES' | 'ENOENT', action: () => Promise<T>): Promise<T> {
  const nodeFs = jest.requireActual<typeof fs>('node:fs');
  const realRead = nodeFs.readFileSync;
  const realOpen = nodeFs.openSync;
  const read = jest.spyOn(nodeFs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, options?: unknown) => {
    if (String(file).endsWith(suffix)) throw Object.assign(new Error(`${code}: simulated`), { code });
    return realRead(file, options as BufferEncoding);
  }) as typeof fs.readFileSync);
  const open = jest.spyOn(nodeFs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
    if (String(file).endsWith(suffix)) throw Object.assign(new Error(`${code}: simulated`), { code });
    return (realOpen as (...args: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync);
  try {
    return await action();
  } finally {
    read.mockRestore();
    open.mockRestore();
  }
}
