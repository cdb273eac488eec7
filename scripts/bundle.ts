/**
 * Part of `npm run build`: bundles the CLI into one file and writes V8's code
 * cache for it (see src/cli/start.ts). The cache is made by a fresh process
 * that lints the bundled fixtures, so it holds the code a lint run compiles.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Plugin, build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI_DIR = path.join(ROOT, 'dist', 'src', 'cli');

async function bundle(): Promise<void> {
  await build({
    entryPoints: [path.join(CLI_DIR, 'main.js')],
    outfile: path.join(CLI_DIR, 'main.bundle.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Loaded from node_modules when needed: the parser finds its .wasm beside it, and
    // Babel (JavaScript migrations), the Python parser (Django) and yargs (help, subcommands) are large and not always used.
    external: ['libpg-query', '@babel/parser', '@lezer/python', 'yargs', 'yargs/*'],
    logLevel: 'warning',
    plugins: [djangoOutsideTheBundle],
  });
}

/**
 * The Django front-end stays out of the bundle (it is required only by runs with
 * Django migrations): the bundle requires the compiled modules beside it instead.
 */
const djangoOutsideTheBundle: Plugin = {
  name: 'django-outside-the-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/(frontends\/django|django-migrations)$/ }, (args) => {
      const target = path.join(args.resolveDir, args.path);
      return { path: `./${path.relative(CLI_DIR, target).split(path.sep).join('/')}`, external: true };
    });
  },
};

function writeCodeCache(): void {
  fs.rmSync(path.join(CLI_DIR, 'main.bundle.cache'), { force: true });
  execFileSync(process.execPath, [path.join(__dirname, 'write-code-cache.js')], { cwd: ROOT, stdio: 'inherit' });
}

void bundle().then(writeCodeCache);
