import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFolder, dataDirArchive, openPglite } from '../../src/trace/pglite-database';

/** The initialised data directory kept in the user's cache folder, keyed by PGlite's version. */
describe('the saved data directory', () => {
  test('lives in the cache folder: MIGRALINT_CACHE_DIR, else XDG_CACHE_HOME, else ~/.cache', () => {
    expect(cacheFolder({ MIGRALINT_CACHE_DIR: '/x/y' })).toBe('/x/y');
    if (process.platform === 'linux') {
      expect(cacheFolder({ XDG_CACHE_HOME: '/c' })).toBe('/c/migralint');
      expect(cacheFolder({})).toBe(path.join(os.homedir(), '.cache', 'migralint'));
    }
    expect(dataDirArchive({ MIGRALINT_CACHE_DIR: '/x' })).toMatch(/^\/x\/pglite-\d+\.\d+\.\d+\/datadir\.tar$/);
  });

  test('is made by the first run, and a broken one is made again', async () => {
    const env = { MIGRALINT_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-cache-')) };
    const archive = dataDirArchive(env);
    const first = await openPglite(env);
    await first.close();
    const made = fs.statSync(archive);
    expect(made.size).toBeGreaterThan(1_000_000);
    expect(fs.readdirSync(path.dirname(archive))).toEqual(['datadir.tar']); // no temporary file left over

    fs.writeFileSync(archive, 'not a tar archive');
    const second = await openPglite(env);
    expect(await second.rows('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await second.close();
    expect(fs.statSync(archive).size).toBe(made.size);
  }, 60_000);

  test('is written through a new temporary file, never through a symbolic link planted at its name or a guessable one', async () => {
    const env = { MIGRALINT_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-cache-')) };
    const archive = dataDirArchive(env);
    const elsewhere = path.join(env.MIGRALINT_CACHE_DIR, 'someone-elses-file');
    fs.writeFileSync(elsewhere, 'kept as it is');
    fs.mkdirSync(path.dirname(archive), { recursive: true });
    fs.symlinkSync(elsewhere, archive);
    fs.symlinkSync(elsewhere, `${archive}.${process.pid}.tmp`);
    const db = await openPglite(env);
    await db.close();
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('kept as it is');
    expect(fs.lstatSync(archive).isSymbolicLink()).toBe(false);
    expect(fs.statSync(archive).size).toBeGreaterThan(1_000_000);
    expect(fs.readdirSync(path.dirname(archive)).sort()).toEqual([`datadir.tar`, `datadir.tar.${process.pid}.tmp`]);
  }, 60_000);
});

test('the extensions PGlite ships are loaded for the migrations that create them', async () => {
  const { extensionsCreatedIn } = await import('../../src/trace/pglite-database');
  const names = extensionsCreatedIn('CREATE EXTENSION IF NOT EXISTS "pgcrypto";\ncreate extension "uuid-ossp";\nSELECT 1;');
  expect(names).toEqual(['pgcrypto', 'uuid-ossp']);
  const db = await openPglite({ MIGRALINT_CACHE_DIR: path.join(os.tmpdir(), 'migralint-test-cache') }, names);
  await db.run('CREATE EXTENSION IF NOT EXISTS "pgcrypto"; CREATE EXTENSION "uuid-ossp"');
  expect(await db.rows("SELECT length(gen_random_bytes(4)) AS bytes, uuid_generate_v4() IS NOT NULL AS uuid")).toEqual([{ bytes: 4, uuid: true }]);
  await db.close();
}, 60_000);
