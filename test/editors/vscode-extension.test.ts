import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copySuggestionMiddleware } from '../../editors/vscode/src/copy-suggestion';
import { findServer } from '../../editors/vscode/src/server-location';
import { EditorClient, ROOT, diagnosticKeys } from '../lsp/lsp-client';

/**
 * The VS Code extension (editors/vscode) packages with `vsce package`, as CI
 * would publish it: its dependencies come from the npm registry (installed here
 * when missing or older than its lock file), the client is bundled, and the
 * fallback server is this repository's CLI bundle with the PostgreSQL parser.
 */
jest.setTimeout(240_000);

const EXTENSION = path.join(ROOT, 'editors/vscode');
const VSIX = path.join(EXTENSION, 'migralint.vsix');

beforeAll(() => {
  const installed = path.join(EXTENSION, 'node_modules/.package-lock.json');
  const stale = !fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(path.join(EXTENSION, 'package-lock.json')).mtimeMs;
  if (stale) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: EXTENSION, stdio: 'pipe' });
  fs.rmSync(VSIX, { force: true });
  // Type-checks the extension, bundles it, copies the server, packages.
  execFileSync('npm', ['run', 'package'], { cwd: EXTENSION, stdio: 'pipe' });
});

test('vsce package makes the .vsix: the bundled client, the server with its parser, the README and licences, nothing else', () => {
  const listed = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: EXTENSION, encoding: 'utf8' }).trim().split('\n').sort();
  expect(listed).toEqual([
    'LICENSE',
    'README.md',
    'THIRD-PARTY-LICENSES.txt',
    'dist/extension.js',
    'package.json',
    'server/bin/migralint',
    'server/lib/THIRD-PARTY-LICENSES.txt',
    'server/lib/babel-parser.js',
    'server/lib/django.js',
    'server/lib/lsp.js',
    'server/lib/migralint.js',
    'server/lib/re2js.js',
    'server/lib/start.js',
    'server/lib/yargs.js',
    'server/node_modules/libpg-query/LICENSE',
    'server/node_modules/libpg-query/package.json',
    'server/node_modules/libpg-query/wasm/index.cjs',
    'server/node_modules/libpg-query/wasm/index.js',
    'server/node_modules/libpg-query/wasm/libpg-query.js',
    'server/node_modules/libpg-query/wasm/libpg-query.wasm',
    'server/package.json',
  ]);
  const size = fs.statSync(VSIX).size;
  process.stdout.write(`VS Code extension: ${path.relative(ROOT, VSIX)} ${(size / 1024).toFixed(0)} kB\n`);
  expect(size).toBeLessThan(2 * 1024 * 1024);
  // The same migralint as the committed bundle.
  expect(fs.readFileSync(path.join(EXTENSION, 'server/lib/lsp.js'), 'utf8') === fs.readFileSync(path.join(ROOT, 'lib/lsp.js'), 'utf8')).toBe(true);
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')) as { main: string; contributes: { configuration: { properties: Record<string, unknown> } } };
  expect(manifest.main).toBe('./dist/extension.js');
  expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(['migralint.enable', 'migralint.configPath', 'migralint.trace.server']);
});

test('the client bundle starts the server with `lsp` over stdio, for SQL files, JS/TS files and Django migrations', () => {
  const bundle = fs.readFileSync(path.join(EXTENSION, 'dist/extension.js'), 'utf8');
  expect(bundle).toContain('require.resolve("migralint/package.json",{paths:');
  expect(bundle).toContain('args:["lsp"]');
  expect(bundle).toContain('pattern:"**/migrations/*.py"');
  expect(bundle).not.toMatch(/require\("vscode-languageclient/);
  // The copy command is the client's: its middleware is in the bundle.
  expect(bundle).toContain('"migralint.copySuggestion"');
  expect(bundle).toContain('clipboard');
});

test('the server bundled in the extension runs on its own: diagnostics for a SQL and a Knex migration', async () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-vsix-'));
  const editor = EditorClient.start([], project, path.join(EXTENSION, 'server/bin/migralint'));
  try {
    await editor.initialize(project);
    const sql = path.join(project, 'migrations/001_drop.sql');
    const knex = path.join(project, 'migrations/002_index.js');
    fs.mkdirSync(path.dirname(sql));
    fs.writeFileSync(sql, '');
    fs.writeFileSync(knex, '');
    expect(diagnosticKeys(await editor.open(sql, "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n"))).toEqual(['ban-drop-column@2:1-2:34']);
    const knexText = "exports.up = (knex) => knex.schema.alterTable('orders', (t) => {\n  t.index(['user_id']);\n});\n";
    expect(diagnosticKeys(await editor.open(knex, knexText))).toEqual(['require-concurrent-index-creation@2:3-2:23', 'require-lock-timeout@2:3-2:23']);
    expect(await editor.stop()).toBe(0);
  } finally {
    editor.kill();
    fs.rmSync(project, { recursive: true, force: true });
  }
});

describe('which server the extension starts', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-folder-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const install = (withServer: boolean) => {
    const root = path.join(folder, 'node_modules/migralint');
    fs.mkdirSync(path.join(root, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "migralint", "version": "0.1.0" }\n');
    if (withServer) fs.writeFileSync(path.join(root, 'lib/lsp.js'), '');
    return root;
  };

  test("the workspace's node_modules/migralint, when it has the language server", () => {
    const root = install(true);
    expect(findServer([{ name: 'app', path: folder }], '/extension/server/bin/migralint')).toEqual({ module: path.join(root, 'bin/migralint'), from: 'app/node_modules' });
  });

  test('the bundled copy when the workspace has none, or an older migralint without it', () => {
    expect(findServer([{ name: 'app', path: folder }], '/extension/server/bin/migralint')).toEqual({ module: '/extension/server/bin/migralint', from: 'the extension' });
    install(false);
    expect(findServer([{ name: 'app', path: folder }], '/extension/server/bin/migralint').from).toBe('the extension');
    expect(findServer([], '/extension/server/bin/migralint').from).toBe('the extension');
  });
});

describe("the client's part of the copy command", () => {
  test('the safe alternative goes to the clipboard, with a message; other commands, and malformed arguments, go on to the server', async () => {
    const copied: string[] = [];
    const told: string[] = [];
    const passed: Array<[string, unknown[]]> = [];
    const middleware = copySuggestionMiddleware({ writeText: async (text) => void copied.push(text) }, (message) => told.push(message));
    const next = (command: string, args: unknown[]) => passed.push([command, args]);
    const text = '-- in the next migration:\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;';
    await middleware('migralint.copySuggestion', [{ rule: 'adding-foreign-key-constraint', text }], next);
    expect(copied).toEqual([text]);
    expect(told).toEqual(['migralint: the safe alternative for adding-foreign-key-constraint is on the clipboard.']);
    await middleware('migralint.copySuggestion', ['no rule'], next);
    await middleware('other.command', [1], next);
    expect(passed).toEqual([
      ['migralint.copySuggestion', ['no rule']],
      ['other.command', [1]],
    ]);
    expect(copied).toHaveLength(1);
  });
});
