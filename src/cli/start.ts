/**
 * How bin/migralint starts the CLI quickly. The build bundles the CLI into one
 * file (`main.bundle.js`, no module resolution per file) and stores V8's code
 * cache for it (`main.bundle.cache`, no JavaScript compilation for the code a
 * lint run needs). Both are optional: without them, or when V8 rejects the cache
 * (another Node.js version), the CLI loads from the compiled modules as usual.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

// The PostgreSQL parser is WebAssembly: compiling it with the baseline compiler
// only (no optimising tier) makes start-up markedly faster for a short-lived CLI.
// Set before any code is compiled: V8 accepts a code cache only under the flags it was made with.
v8.setFlagsFromString('--liftoff-only');

export const BUNDLE_FILE = path.join(__dirname, 'main.bundle.js');
export const CODE_CACHE_FILE = path.join(__dirname, 'main.bundle.cache');

type Main = typeof import('./main').main;

export interface LoadedCli {
  main: Main;
  /** The compiled bundle, when the CLI came from it: its code cache can be written. */
  script?: vm.Script;
  /** Whether V8 used the stored code cache. */
  usedCodeCache: boolean;
}

export function loadCli(options: { codeCache?: boolean } = {}): LoadedCli {
  let source: string;
  try {
    source = fs.readFileSync(BUNDLE_FILE, 'utf8');
  } catch {
    return { main: (require('./main') as typeof import('./main')).main, usedCodeCache: false };
  }
  const cachedData = options.codeCache === false ? undefined : readOptional(CODE_CACHE_FILE);
  // The same wrapper Node.js puts around a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE_FILE, cachedData });
  const bundle = { exports: {} as { main?: Main } };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    bundle.exports,
    bundle.exports,
    createRequire(BUNDLE_FILE),
    bundle,
    BUNDLE_FILE,
    __dirname,
  );
  if (typeof bundle.exports.main !== 'function') throw new Error(`${BUNDLE_FILE} does not export main: run npm run build`);
  return { main: bundle.exports.main, script, usedCodeCache: cachedData !== undefined && script.cachedDataRejected === false };
}

function readOptional(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** bin/migralint: runs the CLI and sets the exit code. */
export function start(argv: readonly string[]): void {
  let cli: LoadedCli;
  try {
    cli = loadCli();
  } catch (error) {
    process.stderr.write(`migralint: cannot start: ${(error as Error).message.split('\n')[0]}\n`);
    process.exitCode = 2;
    return;
  }
  // A reader that stops early (`migralint … | head`) closes the pipe: stop quietly, as other command-line
  // tools do. Any other failure to write the report is one line, not a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`migralint: cannot write the report: ${error.message.split('\n')[0]}\n`);
    process.exit(2);
  });
  void cli.main(argv).then((code) => {
    process.exitCode = code;
  });
}
