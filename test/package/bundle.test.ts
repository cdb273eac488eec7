import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIB, ROOT, buildLib } from '../../scripts/bundle';

/**
 * lib/ is committed, so that installs from git and from the npm package need
 * no build. These fail when it was not rebuilt after a change to src/, rules/
 * or a bundled library: run `npm run bundle` and commit lib/.
 */
let fresh = new Map<string, string>();
beforeAll(async () => {
  fresh = await buildLib();
});

const NAMES = ['THIRD-PARTY-LICENSES.txt', 'babel-parser.js', 'django.js', 'fix.js', 'lsp.js', 'migralint.js', 're2js.js', 'start.js', 'trace.js', 'yargs.js'];

test('the build makes these files', () => {
  expect([...fresh.keys()].sort()).toEqual(NAMES);
});

test.each(NAMES)('lib/%s equals a fresh build (else: npm run bundle, and commit lib/)', (name) => {
  const committed = fs.existsSync(path.join(LIB, name)) ? fs.readFileSync(path.join(LIB, name), 'utf8') : '(missing)';
  expect(committed === fresh.get(name)).toBe(true);
});

test('git tracks exactly the built files under lib/ (the code cache is not committed)', () => {
  const tracked = execFileSync('git', ['ls-files', 'lib'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  expect(tracked).toEqual([...fresh.keys()].map((name) => `lib/${name}`).sort());
});

test('the bundle holds every JavaScript library the CLI uses, and lib/ names their licences', () => {
  const licenses = fresh.get('THIRD-PARTY-LICENSES.txt') ?? '';
  for (const name of ['@babel/parser', '@lezer/python', 'jsonc-parser', 'picomatch', 're2js', 'yargs', 'yargs-parser', 'cliui', 'y18n', 'vscode-languageserver', 'vscode-languageserver-protocol', 'vscode-jsonrpc', 'vscode-languageserver-types', 'vscode-languageserver-textdocument']) expect(licenses).toMatch(new RegExp(`^${name}@\\d+\\.\\d+\\.\\d+ \\((MIT|ISC)\\)\\n\\n(Copyright|The MIT License|MIT License|The ISC License|ISC License|Permission)`, 'm'));
  expect(licenses).not.toContain('License: ');
  // Only the WebAssembly parser is loaded from node_modules, as the package's one dependency; Babel, yargs, re2js and Django from beside the bundle.
  const builtIn = /^(node:.*|fs|path|os|url|util|tty|assert|module|crypto|child_process|worker_threads|vm|v8|events|stream|net)$/;
  const required = (name: string) => [...new Set([...(fresh.get(name) ?? '').matchAll(/require\("([^"]*)"\)/g)].map((match) => match[1]))].filter((module) => !builtIn.test(module)).sort();
  expect(required('migralint.js')).toEqual(['./babel-parser.js', './django.js', './fix.js', './lsp.js', './re2js.js', './trace.js', './yargs.js', 'libpg-query/wasm/libpg-query.js']);
  // --fix: jsdiff is bundled with it; Babel comes from beside the bundle for JavaScript files.
  // The parser the CLI loaded serves it too (src/frontends/sql/pg-wasm.ts keeps one a thread).
  expect(required('fix.js')).toEqual(['./babel-parser.js']);
  expect(licenses).toMatch(/^diff@\d+\.\d+\.\d+ \(BSD-3-Clause\)\n\n/m);
  // lsp: the server library is bundled, in the file only `migralint lsp` loads.
  expect(required('lsp.js')).toEqual(['./babel-parser.js', './django.js', './re2js.js', 'libpg-query/wasm/libpg-query.js']);
  expect(fresh.get('migralint.js')).not.toContain('vscode-languageserver');
  // trace: PGlite and pg are optional dependencies, loaded from node_modules rather than bundled.
  expect(required('trace.js')).toEqual(['./babel-parser.js', './django.js', './re2js.js', '@electric-sql/pglite', 'libpg-query/wasm/libpg-query.js', 'pg']);
  // The Django front-end uses the parser the CLI loaded (src/frontends/sql/pg-wasm.ts keeps one a thread).
  expect(required('django.js')).toEqual([]);
  expect(required('babel-parser.js')).toEqual([]);
  expect(required('yargs.js')).toEqual([]);
});
