/**
 * How bin/migralint starts the CLI quickly. The CLI is one file
 * (`lib/migralint.js`, no module resolution per file) run with V8's code cache
 * (`lib/migralint.cache`, no JavaScript compilation for the code a lint run
 * needs). The cache is made by `npm run bundle`, or else by the first lint run
 * of an installed copy, beside the bundle; where V8 rejects it (another Node.js
 * version) or it is older than the bundle, it is made again.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { compiledParser } from '../frontends/sql/pg-wasm';

// The PostgreSQL parser is WebAssembly: compiling it with the baseline compiler
// only (no optimising tier) makes start-up markedly faster for a short-lived CLI,
// and so does validating each of its functions when it is first called (most never
// are) rather than all of them before it can start.
// Set before any code is compiled: V8 accepts a code cache only under the flags it was made with.
v8.setFlagsFromString('--liftoff-only');
v8.setFlagsFromString('--wasm-lazy-validation');

export const BUNDLE_NAME = 'migralint.js';
export const CODE_CACHE_NAME = 'migralint.cache';

type Run = typeof import('./main').run;

export interface LoadedCli {
  run: Run;
  /** The compiled bundle: its code cache can be written. */
  script: vm.Script;
  /** Whether V8 used the stored code cache. */
  usedCodeCache: boolean;
  codeCacheFile: string;
}

interface BundleExports {
  run?: Run;
  startAnalysisWorker?: () => void;
}

/** Loads the bundle in `dir` (lib/, where this file is bundled to). */
export function loadCli(options: { dir?: string; codeCache?: boolean } = {}): LoadedCli {
  const { exports, ...loaded } = loadBundle(options.dir ?? __dirname, options.codeCache !== false);
  if (typeof exports.run !== 'function') throw new Error(`${path.join(options.dir ?? __dirname, BUNDLE_NAME)} does not export the CLI`);
  return { run: exports.run, ...loaded };
}

function loadBundle(dir: string, useCodeCache: boolean): Omit<LoadedCli, 'run'> & { exports: BundleExports } {
  const bundleFile = path.join(dir, BUNDLE_NAME);
  const codeCacheFile = path.join(dir, CODE_CACHE_NAME);
  const source = fs.readFileSync(bundleFile, 'utf8');
  const cachedData = useCodeCache ? readCodeCache(codeCacheFile, bundleFile) : undefined;
  // The same wrapper Node.js puts around a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundleFile, cachedData });
  const bundle = { exports: {} as BundleExports };
  (script.runInThisContext() as (...args: unknown[]) => void).call(bundle.exports, bundle.exports, createRequire(bundleFile), bundle, bundleFile, dir);
  return { exports: bundle.exports, script, usedCodeCache: cachedData !== undefined && script.cachedDataRejected === false, codeCacheFile };
}

/**
 * A worker thread of a large run (src/cli/analysis-pool.ts): the bundle loads
 * with the code cache here too, which halves the time a thread takes to start.
 */
export function startWorker(): void {
  const { exports } = loadBundle(__dirname, true);
  if (typeof exports.startAnalysisWorker !== 'function') throw new Error(`${path.join(__dirname, BUNDLE_NAME)} does not export the worker`);
  exports.startAnalysisWorker();
}

/**
 * The stored code cache, unless the bundle changed after it was written (a
 * checkout of another commit): V8 checks a cache against the source's length
 * only, so a cache for other code of the same length would be accepted.
 */
function readCodeCache(codeCacheFile: string, bundleFile: string): Buffer | undefined {
  try {
    if (fs.statSync(codeCacheFile).mtimeMs < fs.statSync(bundleFile).mtimeMs) return undefined;
    return fs.readFileSync(codeCacheFile);
  } catch {
    return undefined;
  }
}

/** Stores what V8 compiled during a lint run as the code cache, written whole or not at all. Failing to write only costs time. */
export function saveCodeCache(cli: LoadedCli): void {
  const temporary = `${cli.codeCacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, cli.script.createCachedData());
    fs.renameSync(temporary, cli.codeCacheFile);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/** Commands and options after which no SQL is parsed, or maybe none (a run answered from the cache). */
const PARSES_NO_SQL = new Set(['explain', 'rules', 'init', 'lsp', '--help', '-h', '--version', '--cache', '--cache-location']);

/** Whether the command line may parse SQL: then the parser starts compiling before the CLI has read it. */
export function mayParseSql(argv: readonly string[]): boolean {
  return !argv.some((arg) => PARSES_NO_SQL.has(arg) || arg.startsWith('--cache-location='));
}

/** bin/migralint: runs the CLI and sets the exit code. */
export function start(argv: readonly string[]): void {
  // The PostgreSQL parser compiles on another thread while the bundle loads (the CLI takes up the same compilation).
  if (mayParseSql(argv)) compiledParser().catch(() => undefined); // a failure is reported where the parser is loaded
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
  void cli.run(argv).then(({ exitCode, linted }) => {
    process.exitCode = exitCode;
    // The first lint run of an installed copy leaves the code cache for the next ones.
    if (linted && !cli.usedCodeCache) saveCodeCache(cli);
  });
}
