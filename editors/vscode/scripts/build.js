// Builds what the extension package holds: the client bundled into dist/extension.js
// (with vscode-languageclient, so the package needs no node_modules), and the
// fallback server in server/: this repository's committed CLI bundle (bin/, lib/)
// with its one dependency, the PostgreSQL parser.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const extension = path.resolve(__dirname, '..');
const repository = path.resolve(extension, '../..');
const server = path.join(extension, 'server');

const built = esbuild.buildSync({
  absWorkingDir: extension,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  legalComments: 'none', // vscode-languageclient's licence is in THIRD-PARTY-LICENSES.txt
  metafile: true,
  logLevel: 'warning',
});

fs.rmSync(server, { recursive: true, force: true });
const copy = (from, to = from) => fs.cpSync(path.join(repository, from), path.join(server, to), { recursive: true });
copy('bin/migralint');
// Not what only other commands load: lib/trace.js (`trace`, with PGlite, which the extension does not ship) and lib/fix.js (`--fix`).
const otherCommands = new Set(['trace.js', 'fix.js']);
for (const name of fs.readdirSync(path.join(repository, 'lib'))) if (/\.(js|txt)$/.test(name) && !otherCommands.has(name)) copy(`lib/${name}`);
const parser = 'node_modules/libpg-query';
for (const name of ['package.json', 'LICENSE']) copy(`${parser}/${name}`);
for (const name of fs.readdirSync(path.join(repository, parser, 'wasm'))) if (/\.(cjs|js|wasm)$/.test(name)) copy(`${parser}/wasm/${name}`);
const { name, version, license, main, bin, engines } = JSON.parse(fs.readFileSync(path.join(repository, 'package.json'), 'utf8'));
fs.writeFileSync(path.join(server, 'package.json'), `${JSON.stringify({ name, version, license, main, bin, engines, private: true }, null, 2)}\n`);
fs.copyFileSync(path.join(repository, 'LICENSE'), path.join(extension, 'LICENSE'));
fs.writeFileSync(path.join(extension, 'THIRD-PARTY-LICENSES.txt'), clientLicenses(built.metafile));

/** The licences of the packages dist/extension.js bundles (from esbuild's list of its inputs). */
function clientLicenses(metafile) {
  const dirs = new Set(Object.keys(metafile.inputs).flatMap((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []));
  const sections = [...dirs].sort().map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(extension, dir, 'package.json'), 'utf8'));
    const licenseFile = fs.readdirSync(path.join(extension, dir)).find((file) => /^licen[cs]e/i.test(file));
    const text = licenseFile ? fs.readFileSync(path.join(extension, dir, licenseFile), 'utf8').trim() : `License: ${manifest.license}`;
    return `${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}\n`;
  });
  return `dist/extension.js includes the following packages. server/ is migralint, with the licences of what it includes in server/lib/THIRD-PARTY-LICENSES.txt.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}
