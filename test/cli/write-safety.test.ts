import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as lint from '../../src/lint';
import { runCli, tempProject } from './run-cli';

/** Lint mode writes nothing it should not: never a migration, never through a symbolic link, never half a file. */

const DROP = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n";
const DROP_TABLE = "SET lock_timeout = '2s';\nDROP TABLE users;\n";

/** An environment whose user cache folder is a fresh temporary folder. */
function userEnvironment(): NodeJS.ProcessEnv {
  return { XDG_CACHE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-user-cache-')) };
}

describe('the report and the cache are never written onto a migration', () => {
  test.each([
    ['-o', 'db/migrations/001.sql'],
    ['--output-file', 'db/migrations/002.sql'],
    ['-o', 'db/migrations/notes.ts'],
    ['--cache-location', 'db/migrations/001.sql'],
    ['--cache-location', 'scripts/seed.js'],
  ])('%s %s is a usage error, and the file is untouched', async (flag, target) => {
    const cwd = tempProject({ 'db/migrations/001.sql': DROP, 'db/migrations/002.sql': DROP, 'db/migrations/notes.ts': '// notes\n', 'scripts/seed.js': '// seed\n' });
    // As the shell expands `-o db/migrations/*.sql`: the first migration becomes the target, the others paths.
    const run = await runCli([flag, target, 'db/migrations/002.sql', 'db/migrations/001.sql'], { cwd, env: userEnvironment() });
    const option = flag === '-o' ? '--output-file' : flag;
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `migralint: ${option} ${target} would overwrite a migration (a .sql, .js or .ts file); choose another name, such as ${flag === '--cache-location' ? 'migralint-cache.json' : 'migralint-report.json'}\n`,
    });
    expect(fs.readFileSync(path.join(cwd, target), 'utf8')).toBe(target.endsWith('.sql') ? DROP : target.endsWith('.ts') ? '// notes\n' : '// seed\n');
  });

  test('a target that is a linted file under another name (a symbolic link to it) is refused too', async () => {
    const cwd = tempProject({ 'db/migrations/001.sql': DROP });
    fs.symlinkSync(path.join(cwd, 'db/migrations/001.sql'), path.join(cwd, 'report.txt'));
    const run = await runCli(['db/migrations', '-o', 'report.txt'], { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'migralint: --output-file report.txt is db/migrations/001.sql, a file being linted; choose another name, such as migralint-report.json\n' });
    expect(fs.readFileSync(path.join(cwd, 'db/migrations/001.sql'), 'utf8')).toBe(DROP);
  });

  test('a linted file that is a symbolic link to the target, under another name, is refused too', async () => {
    const cwd = tempProject({ 'db/migrations/001.sql': DROP, 'shared/report.txt': DROP });
    fs.symlinkSync(path.join(cwd, 'shared/report.txt'), path.join(cwd, 'db/migrations/002.sql'));
    const run = await runCli(['db/migrations', '-o', 'shared/report.txt'], { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'migralint: --output-file shared/report.txt is db/migrations/002.sql, a file being linted; choose another name, such as migralint-report.json\n' });
    expect(fs.readFileSync(path.join(cwd, 'shared/report.txt'), 'utf8')).toBe(DROP);
  });
});

describe('writes are atomic and replace a symbolic link rather than write through it', () => {
  test('a committed symbolic link at the report path is replaced by the report; its target is untouched', async () => {
    const outside = tempProject({ 'precious.txt': 'keep me\n' });
    const cwd = tempProject({ 'm/001.sql': DROP });
    fs.symlinkSync(path.join(outside, 'precious.txt'), path.join(cwd, 'gl-code-quality-report.json'));
    const run = await runCli(['m', '--format', 'gitlab', '-o', 'gl-code-quality-report.json'], { cwd });
    expect(run.code).toBe(1);
    expect(fs.readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(fs.lstatSync(path.join(cwd, 'gl-code-quality-report.json')).isFile()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'gl-code-quality-report.json'), 'utf8'))).toHaveLength(1);
  });

  test('a symbolic link at the cache path, or at any name a temporary file could have, is never written through', async () => {
    const outside = tempProject({ 'precious.txt': 'keep me\n' });
    const cwd = tempProject({ 'm/001.sql': DROP });
    const cache = path.join(cwd, 'cache', 'results.json');
    fs.mkdirSync(path.dirname(cache));
    fs.symlinkSync(path.join(outside, 'precious.txt'), cache);
    // The name the cache's temporary file used to have: predictable, and followed.
    for (let pid = process.pid - 5; pid < process.pid + 5; pid++) fs.symlinkSync(path.join(outside, 'precious.txt'), `${cache}.${pid}.tmp`);
    const run = await runCli(['m', '--cache-location', cache], { cwd, env: userEnvironment() });
    expect(run.stderr).toBe('');
    expect(fs.readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(fs.lstatSync(cache).isFile()).toBe(true);
  });

  test('temporaries of a run that crashed are removed by the next run that writes there', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP, 'reports/.report.json.999999999.a1b2c3d4e5f60718.tmp': '{"partial":', 'reports/.other.json.999999999.a1b2c3d4e5f60718.tmp': '' });
    const run = await runCli(['m', '-o', 'reports/report.json', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    expect(fs.readdirSync(path.join(cwd, 'reports')).sort()).toEqual(['.other.json.999999999.a1b2c3d4e5f60718.tmp', 'report.json']);
  });

  test('a report that fails half way (a full disk) leaves the target as it was, and no temporary file', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP, 'm/002.sql': DROP, 'report.txt': 'the last report\n' });
    const nodeFs = jest.requireActual<typeof fs>('node:fs');
    const realWrite = nodeFs.writeSync;
    // Only writes to the report's temporary file count: other writes in the process (a code cache, jest) must not shift which one fails.
    const isReport = (descriptor: number) => /\.report\.txt\.[^/]*\.tmp$/.test(nodeFs.readlinkSync(`/proc/self/fd/${descriptor}`));
    let writes = 0;
    const write = jest.spyOn(nodeFs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (isReport(args[0]) && ++writes === 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (realWrite as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    try {
      const run = await runCli(['m', '--format', 'compact', '-o', 'report.txt'], { cwd });
      expect(run).toEqual({ code: 2, stdout: '', stderr: 'migralint: cannot write the report to report.txt: ENOSPC: no space left on device, write\n' });
    } finally {
      write.mockRestore();
    }
    expect(fs.readdirSync(cwd).sort()).toEqual(['m', 'report.txt']);
    expect(fs.readFileSync(path.join(cwd, 'report.txt'), 'utf8')).toBe('the last report\n');
  });

  test('a report written to a device (a full disk) fails once, in one line, with no partial file anywhere', async () => {
    const cwd = tempProject(Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`m/${String(index).padStart(3, '0')}.sql`, DROP])));
    const run = await runCli(['m', '--format', 'compact', '-o', '/dev/full'], { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'migralint: cannot write the report to /dev/full: ENOSPC: no space left on device, write\n' });
  });
});

describe('the cache is not trusted', () => {
  function tamper(cacheFile: string, change: (entries: Record<string, { result: { findings: unknown[] } }>) => void): void {
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { result: { findings: unknown[] } }> };
    change(stored.entries);
    fs.writeFileSync(cacheFile, JSON.stringify(stored));
  }

  test('an entry changed after it was written (forged "clean" results) is a miss: the file is linted again', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP_TABLE });
    const env = userEnvironment();
    const cacheFile = path.join(cwd, 'cache.json');
    const first = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    expect(first.code).toBe(1);
    tamper(cacheFile, (entries) => (entries['m/001.sql'].result.findings = []));
    const forged = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    expect(forged.stdout).toBe(first.stdout);
    expect(forged.code).toBe(1);
  });

  test('one changed entry makes the whole file untrusted: every file is linted again', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP_TABLE, 'm/002.sql': DROP });
    const env = userEnvironment();
    const cacheFile = path.join(cwd, 'cache.json');
    const first = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    tamper(cacheFile, (entries) => (entries['m/002.sql'].result.findings = []));
    const linted = jest.spyOn(lint, 'lintText');
    const forged = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    expect(linted.mock.calls.map((call) => call[1])).toEqual(['m/001.sql', 'm/002.sql']);
    linted.mockRestore();
    expect(forged).toEqual(first);
  });

  test('a committed cache file written with another key (another user, another machine) is a miss', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP_TABLE });
    const cacheFile = path.join(cwd, '.migralintcache');
    const theirs = await runCli(['m', '--cache-location', cacheFile], { cwd, env: userEnvironment() });
    expect(theirs.code).toBe(1);
    tamper(cacheFile, (entries) => (entries['m/001.sql'].result.findings = []));
    // Re-signed by them, with their key; we have ours.
    const ours = await runCli(['m', '--format', 'compact', '--cache-location', cacheFile], { cwd, env: userEnvironment() });
    expect(ours.stdout).toMatch(/^m\/001\.sql:2:1: error ban-drop-table /);
    expect(ours.code).toBe(1);
  });

  test.each<[string, (entry: Record<string, unknown>) => unknown]>([
    ['findings that are not a list', (entry) => ({ ...entry, result: { ...(entry.result as object), findings: null } })],
    ['a finding of the wrong shape', (entry) => ({ ...entry, result: { ...(entry.result as object), findings: [{ rule: 'ban-drop-table', line: 'x' }] } })],
    ['no result', (entry) => ({ ...entry, result: undefined })],
    ['a result that is a string', (entry) => ({ ...entry, result: 'clean' })],
  ])('an entry with %s never fails a run: it is a miss', async (_name, damage) => {
    const cwd = tempProject({ 'm/001.sql': DROP_TABLE });
    const env = userEnvironment();
    const first = await runCli(['m', '--format', 'compact', '--cache-location', 'cache.json'], { cwd, env });
    const stored = JSON.parse(fs.readFileSync(path.join(cwd, 'cache.json'), 'utf8')) as { entries: Record<string, Record<string, unknown>> };
    stored.entries['m/001.sql'] = damage(stored.entries['m/001.sql']) as Record<string, unknown>;
    fs.writeFileSync(path.join(cwd, 'cache.json'), JSON.stringify(stored));
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = await runCli(['m', '--format', 'compact', '--cache-location', 'cache.json'], { cwd, env });
      expect(run).toEqual(first);
    }
  });

  /**
   * Changes the cache file's bytes and signs it again with the user's key, as only this program could: what
   * is read must still be of the shape this version writes. (A change to an entry keeps its length: the index gives places in bytes.)
   */
  function damageSigned(cacheFile: string, env: NodeJS.ProcessEnv, from: string, to: string): void {
    const text = fs.readFileSync(cacheFile, 'utf8');
    expect(text).toContain(from);
    const userKey = Buffer.from(fs.readFileSync(path.join(env.XDG_CACHE_HOME as string, 'migralint', 'cache-key'), 'utf8'), 'hex');
    const [, key, damaged] = /^\{"key":"([0-9a-f]{40})",(.*),"mac":"[0-9a-f]{64}"\}$/s.exec(text.replace(from, to))!;
    // The layout gives the index's length in bytes: a change to the index changes it.
    const inIndex = text.indexOf(from) < text.indexOf(',"values":');
    const signed = damaged.replace(/^"layout":\[(\d+),/, (_, length: string) => `"layout":[${Number(length) + (inIndex ? Buffer.byteLength(to) - Buffer.byteLength(from) : 0)},`);
    const mac = createHmac('sha256', userKey).update(`${key}\u0000`).update(signed).digest('hex');
    fs.writeFileSync(cacheFile, `{"key":"${key}",${signed},"mac":"${mac}"}`);
  }

  test.each([
    ['a finding of the wrong shape', '"severity":"error"', '"severity":"erorr"'],
    ['a result that is not JSON', '"findings":[', '"findings":{'],
    ['an index that places a part past the end', '"result":[', '"result":[9999999'],
    ['a finding whose message is not among the values', '"message":0', '"message":9'],
    ['values that are not a list', '"values":[', '"values":{'],
  ])('a cache signed with the user\'s key but holding %s never fails a run: the file is linted again', async (_name, from, to) => {
    const cwd = tempProject({ 'm/001.sql': DROP_TABLE });
    const env = userEnvironment();
    const cacheFile = path.join(cwd, 'cache.json');
    const first = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    damageSigned(cacheFile, env, from, to);
    const linted = jest.spyOn(lint, 'lintText');
    const again = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    expect(linted.mock.calls.map((call) => call[1])).toEqual(['m/001.sql']);
    linted.mockRestore();
    expect(again).toEqual(first);
  });

  test.each([
    ['not JSON', '{"key": '],
    ['an entries array', JSON.stringify({ key: 'x', entries: [1, 2] })],
    ['an entry named like a prototype property', '{"key":"x","entries":{"__proto__":{"hash":"h","textHash":"t","mac":"m","result":{"file":"m/001.sql","findings":[]}}}}'],
  ])('a cache file that is %s never fails a run; it is started afresh', async (_name, content) => {
    const cwd = tempProject({ 'm/001.sql': DROP_TABLE, 'cache.json': content });
    const env = userEnvironment();
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = await runCli(['m', '--format', 'compact', '--cache-location', 'cache.json'], { cwd, env });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^m\/001\.sql:2:1: error ban-drop-table /);
    }
  });

  test('the key lives in the user cache folder, readable by the user alone, and is reused', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP });
    const env = userEnvironment();
    await runCli(['m', '--cache-location', 'cache.json'], { cwd, env });
    const keyFile = path.join(env.XDG_CACHE_HOME as string, 'migralint', 'cache-key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(keyFile, 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    await runCli(['m', '--cache-location', 'cache.json'], { cwd, env });
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(key);
  });
});

describe('where the cache is by default', () => {
  test('node_modules/.cache/migralint when there is a node_modules', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP, 'node_modules/.keep': '' });
    await runCli(['m', '--cache'], { cwd, env: userEnvironment() });
    expect(fs.existsSync(path.join(cwd, 'node_modules/.cache/migralint/cache.json'))).toBe(true);
  });

  test('else the user cache folder, keyed by the project path: nothing is written in the working tree', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP });
    const other = tempProject({ 'm/001.sql': DROP });
    const env = userEnvironment();
    await runCli(['m', '--cache'], { cwd, env });
    await runCli(['m', '--cache'], { cwd: other, env });
    expect(fs.readdirSync(cwd).sort()).toEqual(['m']);
    const projects = fs.readdirSync(path.join(env.XDG_CACHE_HOME as string, 'migralint')).filter((name) => name !== 'cache-key');
    expect(projects).toHaveLength(2);
    for (const project of projects) expect(fs.readdirSync(path.join(env.XDG_CACHE_HOME as string, 'migralint', project))).toEqual(['cache.json']);
  });

  test('without XDG_CACHE_HOME, ~/.cache (HOME)', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-home-'));
    await runCli(['m', '--cache'], { cwd, env: { HOME: home } });
    expect(fs.readdirSync(path.join(home, '.cache', 'migralint')).sort()).toHaveLength(2);
  });
});
