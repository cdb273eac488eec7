/**
 * `npm run bundle`: writes the files bin/migralint runs. They are committed, so that
 * an install from git (the pre-commit hook) or from the npm package needs no build
 * and no development dependencies; a test checks that they equal a fresh build.
 *
 *   lib/start.js                   the loader (src/cli/start.ts)
 *   lib/migralint.js               everything else in one file: the CLI, the worker
 *                                  entry, the API, and the small libraries they use
 *   lib/babel-parser.js, yargs.js, the large parts that only some runs use (JavaScript
 *   re2js.js, django.js, trace.js, migrations; help and subcommands; custom placeholder
 *   fix.js, lsp.js                 patterns; Django migrations with the Python parser;
 *                                  `trace`; `--fix` and its diff; the language server
 *                                  with its protocol library), in files of their own so
 *                                  that a lint run reads less
 *   lib/THIRD-PARTY-LICENSES.txt   the licences of the libraries
 *
 * libpg-query (WebAssembly, which it loads from beside its own code) stays a
 * dependency that npm installs. PGlite (PostgreSQL as WebAssembly with its data
 * files, 27 MB, for `trace` only) and pg (for `trace --database-url`) are optional
 * dependencies, loaded from node_modules and never bundled.
 * Then a fresh process lints the bundled fixtures
 * and stores what V8 compiled as the bundle's code cache (lib/migralint.cache,
 * not committed: it is valid for one Node.js version only; installed copies
 * write their own on their first run).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type BuildOptions, type Metafile, type Plugin, build } from 'esbuild';

/** The repository: the folder of package.json above this file (scripts/ or dist/scripts/). */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
export const LIB = path.join(ROOT, 'lib');
const LICENSES_FILE = 'THIRD-PARTY-LICENSES.txt';

/**
 * What the CLI requires when it needs it, from a file of its own beside the bundle:
 * Babel's parser and yargs, and the Django front-end (src/lint.ts requires
 * ./frontends/django, src/cli/lint-command.ts ./django-migrations; lib/django.js
 * exports both).
 */
const SEPARATE: Record<string, string> = {
  '@babel/parser': 'babel-parser',
  yargs: 'yargs',
  re2js: 're2js',
  './frontends/django': 'django',
  './django-migrations': 'django',
  './trace-command': 'trace',
  './fix-command': 'fix',
  './lsp-command': 'lsp',
};

const separateFiles: Plugin = {
  name: 'separate-files',
  setup(builder) {
    builder.onResolve({ filter: /^(@babel\/parser|yargs|re2js|\.\/frontends\/django|\.\/django-migrations|\.\/trace-command|\.\/fix-command|\.\/lsp-command)$/ }, (args) => ({
      path: `./${SEPARATE[args.path]}.js`,
      external: true,
    }));
  },
};

const COMMON: BuildOptions = {
  absWorkingDir: ROOT,
  outdir: 'lib',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['libpg-query'],
  legalComments: 'none', // the licences are in THIRD-PARTY-LICENSES.txt, whole
  metafile: true,
  write: false,
  logLevel: 'warning',
};

/** The committed files under lib/, by name, as a fresh build makes them. */
export async function buildLib(): Promise<Map<string, string>> {
  const library = (name: string) => require.resolve(name, { paths: [ROOT] });
  const builds = await Promise.all([
    build({ ...COMMON, entryPoints: { migralint: 'src/bundle.ts', start: 'src/cli/start.ts' }, plugins: [separateFiles] }),
    build({ ...COMMON, entryPoints: { 'babel-parser': library('@babel/parser'), yargs: library('yargs'), re2js: library('re2js'), django: 'src/django.ts' } }),
    build({ ...COMMON, entryPoints: { trace: 'src/cli/trace-command.ts' }, external: [...(COMMON.external ?? []), '@electric-sql/pglite', 'pg'], plugins: [separateFiles] }),
    build({ ...COMMON, entryPoints: { fix: 'src/cli/fix-command.ts' }, plugins: [separateFiles] }),
    build({ ...COMMON, entryPoints: { lsp: 'src/cli/lsp-command.ts' }, plugins: [separateFiles] }),
  ]);
  const files = new Map(builds.flatMap((result) => (result.outputFiles ?? []).map((output) => [path.basename(output.path), output.text] as const)));
  files.set(LICENSES_FILE, thirdPartyLicenses(builds.flatMap((result) => (result.metafile ? [result.metafile] : []))));
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** Every package that went into the files, with its licence text. */
function thirdPartyLicenses(metafiles: Metafile[]): string {
  const packages = new Set<string>();
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
  const sections = [...packages].sort().map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const licenseFile = fs.readdirSync(path.join(ROOT, dir)).find((name) => /^licen[cs]e([-.][\w.-]+)?$/i.test(name));
    const text = licenseFile ? fs.readFileSync(path.join(ROOT, dir, licenseFile), 'utf8').trim() : `License: ${manifest.license ?? 'unknown'}`;
    return `${manifest.name}@${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}\n`;
  });
  return `The files in lib/ include the following packages.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

async function writeLib(): Promise<void> {
  for (const [name, text] of await buildLib()) fs.writeFileSync(path.join(LIB, name), text);
}

function writeCodeCache(): void {
  fs.rmSync(path.join(LIB, 'migralint.cache'), { force: true });
  execFileSync(process.execPath, [path.join(__dirname, 'write-code-cache.js')], { cwd: ROOT, stdio: 'inherit' });
}

if (require.main === module) {
  writeLib().then(writeCodeCache, (error: Error) => {
    process.stderr.write(`bundle: ${error.message}\n`);
    process.exitCode = 1;
  });
}
