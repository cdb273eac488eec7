import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempProject } from '../cli/run-cli';

/**
 * Where migralint reads a file by a fixed name (a config, package.json, a
 * knexfile, the cache) or a path it is given, something other than a regular
 * file (a FIFO, a device such as /dev/zero, a folder it cannot read) is one line
 * on stderr, never a hang or a run that reads gigabytes.
 */

const BIN = path.join(__dirname, '..', '..', 'bin', 'migralint');
const DROP = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n";
const KNEX = "exports.up = async (knex) => {\n  await knex.schema.dropTable('users');\n};\n";

function fifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

const zero = (file: string) => fs.symlinkSync('/dev/zero', file);

describe.each([
  ['a /dev/zero symbolic link', zero],
  ['a FIFO', fifo],
])('%s', (_kind, make) => {
  const kind = make === zero ? 'a device' : 'a FIFO';

  test.each(['migralint.config.json', '.migralintrc.json', 'package.json'])('at %s: exit 2, one line naming it', async (name) => {
    const cwd = tempProject({ 'm/001.sql': DROP });
    make(path.join(cwd, name));
    const run = await runCli(['m'], { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `migralint: Cannot read config file ${path.join(cwd, name)}: not a regular file (${kind})\n` });
  });

  test('at knexfile.js: ignored with a note, once; the migrations are linted as if it were not there', () => {
    // The knexfile is found from the migration's path as shown, relative to the process's folder: run the executable there.
    const cwd = tempProject({ 'migrations/001_drop.js': KNEX, 'migrations/002_drop.js': KNEX });
    make(path.join(cwd, 'knexfile.js'));
    const run = spawnSync(process.execPath, [BIN, 'migrations', '--format', 'compact'], { cwd, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe(`migralint: note: ignoring ${path.join(fs.realpathSync(cwd), 'knexfile.js')}: not a regular file (${kind})\n`);
    expect(run.stdout).toMatch(/^migrations\/001_drop\.js:2:21: error ban-drop-table /);
    expect(run.status).toBe(1);
  });

  test('at the cache: not read (a note), and replaced by the cache this run writes', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP });
    make(path.join(cwd, 'cache.json'));
    const env = { XDG_CACHE_HOME: path.join(cwd, '.user-cache') };
    const run = await runCli(['m', '--format', 'compact', '--cache-location', 'cache.json'], { cwd, env });
    expect(run.stderr).toBe(`migralint: note: not reading the cache ${path.join(cwd, 'cache.json')}: not a regular file (${kind})\n`);
    expect(run.code).toBe(1);
    expect(fs.lstatSync(path.join(cwd, 'cache.json')).isFile()).toBe(true);
  });

  test('given as a path: exit 2, one line that says what it is', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP });
    make(path.join(cwd, 'm', '002.sql'));
    const run = await runCli(['m/002.sql'], { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `migralint: m/002.sql is not a regular file (${kind})\n` });
  });

  test('in a folder: skipped, the regular files are linted', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP });
    make(path.join(cwd, 'm', '002.sql'));
    const run = await runCli(['m', '--format', 'compact'], { cwd });
    expect(run.stdout).toMatch(/^m\/001\.sql:2:1: error ban-drop-column /);
    expect(run.stderr).toBe('');
  });
});

test('a config file over 1 MB is not read: exit 2, one line', async () => {
  const cwd = tempProject({ 'm/001.sql': DROP, 'migralint.config.json': `{"include": ["m"]${' '.repeat(2 << 20)}}` });
  const run = await runCli(['m'], { cwd });
  expect(run).toEqual({ code: 2, stdout: '', stderr: `migralint: Cannot read config file ${path.join(cwd, 'migralint.config.json')}: larger than 1 MB\n` });
});

test('a migration that turns into a FIFO after it was found is one line, not a hang; the others are linted', async () => {
  const cwd = tempProject({ 'm/001.sql': DROP, 'm/002.sql': DROP });
  const nodeFs = jest.requireActual<typeof fs>('node:fs');
  const realOpen = nodeFs.openSync;
  // Found as a regular file, then replaced (as by a concurrent checkout) just before it is read.
  let replaced = false;
  const open = jest.spyOn(nodeFs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
    if (!replaced && String(file).endsWith('001.sql')) {
      replaced = true;
      fs.rmSync(file);
      fifo(String(file));
    }
    return (realOpen as (...args: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync);
  try {
    const run = await runCli(['m/001.sql', 'm/002.sql', '--format', 'compact'], { cwd });
    expect(run.stderr).toBe('migralint: cannot read m/001.sql: not a regular file (a FIFO)\n');
    expect(run.stdout).toMatch(/^m\/002\.sql:2:1: error ban-drop-column /);
    expect(run.code).toBe(2);
  } finally {
    open.mockRestore();
  }
});

test('an unreadable folder is one line on stderr and exit code 2, as an unreadable file is; the others are still linted', async () => {
  const cwd = tempProject({ 'm/a/001.sql': DROP, 'm/b/002.sql': DROP });
  const nodeFs = jest.requireActual<typeof fs>('node:fs');
  const realReaddir = nodeFs.readdirSync;
  // Permissions do not stop root: the failure is simulated at the call.
  const readdir = jest.spyOn(nodeFs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options?: unknown) => {
    if (String(folder).endsWith(`${path.sep}a`)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(folder)}'`), { code: 'EACCES' });
    return (realReaddir as (...args: unknown[]) => unknown)(folder, options);
  }) as typeof fs.readdirSync);
  try {
    const run = await runCli(['m', '--format', 'compact'], { cwd });
    expect(run.stderr).toBe('migralint: cannot read the folder m/a: permission denied\n');
    expect(run.stdout).toMatch(/^m\/b\/002\.sql:2:1: error ban-drop-column /);
    expect(run.code).toBe(2);
  } finally {
    readdir.mockRestore();
  }
});
