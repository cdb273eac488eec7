import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { UsageError } from '../config/errors';
import type { FileResult } from '../engine/finding';
import { type AnalysisOptions, type LintOptions, type SkippedFile, type TextAnalysis, analyzeText, checkAnalysis, isSkipped, lintText, prepareLinting } from '../lint';
import { type FileStart, SchemaReplay, type SchemaEffect, schemaEffectOf } from '../schema/replay';
import { isDjangoMigrationPath } from '../frontends/detect';
import { readMigration } from '../files/read-migration';
import { compiledParser } from '../frontends/sql/pg-wasm';
import type { FrontendName } from '../model/file';
import { plural } from '../reporters/reporter';
import type { LintArgs } from './args';
import { displayPath } from './discover';
import { resolveRunConfig } from './run-config';
import { type RunPlan, inDjangoOrder, planRun } from './migration-set';
import type { AnalysisPool } from './analysis-pool';
import type { ReadFailure, WorkFile, WorkResult } from './analysis-worker';
import type { CachedEffect, LintCache } from './cache';
import type { CliIO } from './io';
import { describe } from './describe-error';
import { openReport } from './report-output';
import { refuseToOverwriteMigrations } from './overwrite-guard';

// Worker threads and the cache load only for runs that use them (they pull in
// node:worker_threads and node:crypto): a plain run starts faster.
const loadPool = () => (require('./analysis-pool') as typeof import('./analysis-pool')).AnalysisPool;
const loadCache = () => require('./cache') as typeof import('./cache');
const loadWorkerCheck = () => require('./check-on-workers') as typeof import('./check-on-workers');
// Django migrations are read (with the Python parser) only in runs that have some.
const loadDjango = () => require('./django-migrations') as typeof import('./django-migrations');
// Fixes are computed only by runs that fix, or report them (SARIF).
const loadFixRun = () => (require('./fix-command') as typeof import('./fix-command')).FixRun;

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

const STDIN_NAME = '<stdin>';
/** Files expected beside migrations, and never one: a Python package's __init__.py, an index that lists them, a test (skipped, not counted). */
const EXPECTED_BESIDE_MIGRATIONS = /^(?:__init__\.py|index\.[cm]?[jt]s|.+\.(?:test|spec)\.[cm]?[jt]s)$/;
/**
 * With --concurrency auto, below this many files a worker thread saves nothing.
 * Measured on 2 cores (CPU time by thread, the main thread then only reporting):
 * 2,000 files × 20 statements take the worker 1.43 s against 1.71 s for the main
 * thread alone (the main thread 0.43 s), 20,000 small files 2.4 s against 3.7 s.
 * But a worker costs about 0.1 s to start, and on one thread V8's background
 * compiling already keeps the second core busy a third of the time: 800 × 20
 * took 1.04 s against 0.98 s on one thread; 2,000 × 20 is where they even out.
 */
const WORKER_THRESHOLD = 2000;
/** How many files the workers may parse ahead of the main thread (bounds memory). */
const PREFETCH_WINDOW = 256;

/**
 * `auto`: a worker for each idle core but the main thread's, by the load average.
 * A worker costs more CPU time in all than one thread (its start, compiling the
 * hot code again, sending results): on a busy machine, where it gets no core of
 * its own, it only slows the run (2,000 × 20 at load average 4–7: 3.3 s against
 * 2.3 s on one thread). Two workers on 2 cores cost 1.4 s more CPU time than one thread.
 */
function workerCount(concurrency: LintArgs['concurrency']): number {
  if (concurrency === 'off') return 0;
  if (typeof concurrency === 'number') return concurrency;
  const idleCores = Math.round(os.availableParallelism() - os.loadavg()[0]);
  return Math.max(0, Math.min(os.availableParallelism() - 1, idleCores - 1));
}


export async function runLint(args: LintArgs, io: CliIO, version: string): Promise<number> {
  // The parser compiles in the background meanwhile (a run answered from the cache may not need it).
  if (!args.cache) compiledParser().catch(() => undefined); // a failure is reported where the parser is loaded
  const { loaded, baseDir, options, forcedFrontend } = resolveRunConfig(io.cwd, args);
  const { settings } = options;

  const readsStdin = args.paths.includes('-') || (args.paths.length === 0 && args.stdinFilepath !== undefined);
  if (readsStdin && (args.since !== undefined || args.staged)) throw new UsageError('--since and --staged lint files in git, not standard input');
  if (readsStdin && args.fix) throw new UsageError('--fix writes migration files: standard input has none to write');
  const pathInputs = args.paths.filter((input) => input !== '-');
  let failed = false;
  // A folder that cannot be read is one line, and the run goes on, as for a file that cannot be read.
  const onUnreadableFolder = (folder: string, error: unknown) => {
    failed = true;
    io.stderr.write(`migralint: cannot read the folder ${displayPath(folder, io.cwd)}: ${describe(error)}\n`);
  };
  // Everything that changes a file's result besides its text: the cache key, and what worker threads need.
  const runSettings = {
    pgVersion: options.pgVersion,
    assumeInTransaction: options.assumeInTransaction,
    typeormTransactionMode: options.typeormTransactionMode,
    placeholders: options.placeholders,
    severities: settings.toSeverities(),
  };
  // Files found but not linted (not migrations migralint reads, for another database, never applied by their runner): each named
  // under --verbose, and counted at the end otherwise, so that a run that lints fewer files than it found says so.
  let skippedFiles = 0;
  const skippedNote = (shownAs: string, reason: string) => {
    if (!EXPECTED_BESIDE_MIGRATIONS.test(path.basename(shownAs))) skippedFiles++;
    note(io, args.verbose, `skipped ${shownAs}: ${reason}`);
  };
  // Threads asked for by number start while the files are found (they take a while to load the code); `auto` knows only after.
  const earlyPool = typeof args.concurrency === 'number' && !args.cache && !readsStdin ? loadPool().create(args.concurrency, runSettings) : undefined;
  const plan: RunPlan =
    pathInputs.length > 0 || !readsStdin
      ? planRun({ args, cwd: io.cwd, config: loaded.config, baseDir, paths: pathInputs, note: (message) => note(io, args.verbose, message), leftOut: skippedNote, notice: (message) => note(io, true, message), read: readOrEmpty, onUnreadableFolder })
      : { files: [], isNew: () => false };

  const files = plan.files.map((item) => item.file);
  if (args.outputFile !== undefined) refuseToOverwriteMigrations('--output-file', args.outputFile, files, io.cwd);
  if (args.cacheLocation !== undefined) refuseToOverwriteMigrations('--cache-location', args.cacheLocation, files, io.cwd);
  const cache = args.cache ? openCache(args, io, loadCache().LintCache.keyOf(version, { ...runSettings, frontends: loaded.config.frontends, order: loaded.config.order })) : undefined;
  // The schema each set of migrations builds, replayed in order; with a cache, its digest keys each file's entry.
  const replays = new Map<string, SchemaReplay>();
  const replayOf = (group: string) => {
    let replay = replays.get(group);
    if (!replay) replays.set(group, (replay = new SchemaReplay(cache ? { hash: loadCache().hashText } : {})));
    return replay;
  };
  /** Warnings already shown (each once a run, however many files carry it). */
  const warned = new Set<string>();
  /** Files whose content is not valid UTF-8, and where: a syntax-error finding, as PostgreSQL would refuse them. */
  const invalidUtf8 = new Map<string, number>();
  const lintOne = async (text: string, shownAs: string, frontend: FrontendName | undefined, file: FileInRun = {}) => {
    const { report = true, replay } = file;
    try {
      const digest = replay?.digest ?? '';
      // A Django migration's result depends on every earlier migration's text: it is not cached.
      const cached = file.analyzed || !file.replay ? undefined : cache?.get(shownAs, text, digest, readsTargets);
      let result: FileResult | SkippedFile;
      if (cached) {
        result = cached.result;
        // Applied to the model only if a later file is linted (or the model is read): a run answered from the cache never builds it.
        if (replay && !isSkipped(result) && cached.effect) deferCached(replay, shownAs, file.newInRun, cached.effect);
        // Suggestions are written from what the findings kept, with PostgreSQL's scanner.
        if (report && !isSkipped(result) && ((readsTargets && result.findings.some((finding) => finding.target)) || loadCache().writesSuggestions(result))) await prepareLinting();
      } else {
        await prepareLinting(); // the parser loads only when a file is actually linted
        const lintOptions: LintOptions = { ...options, frontend, replay, newInRun: file.newInRun };
        result = file.analyzed ? checkAnalysis(file.analyzed, shownAs, lintOptions) : await lintOrReuse(text, shownAs, lintOptions, file.prefetched, invalidUtf8.get(shownAs));
        if (cache && replay && !file.analyzed) cache.set(shownAs, text, digest, result, replay.lastEffectDigest);
      }
      if (isSkipped(result)) {
        if (report) skippedNote(result.file, result.skipped);
        return undefined;
      }
      if (report) {
        // Linted again on its own, without the replayed schema (which already holds this migration): fixes are compared with the file as it is, linted the same way.
        const relint = (source: string) => {
          const again = file.analyzed && file.path ? django?.reanalyze(file.path, source) : analyzeText(source, shownAs, { ...options, frontend });
          if (!again || isSkipped(again)) return undefined;
          return { result: checkAnalysis(again, shownAs, { ...options, frontend }), problems: again.analyzed.problems.length };
        };
        const reported = fixes ? fixes.consider(result, relint, file.path) : result;
        if (deferred) deferred.push(reported);
        else reportOutput.add(reported);
      }
      afterReport(result, shownAs, report);
      return result;
    } catch (error) {
      failed = true;
      io.stderr.write(`migralint: internal error while linting ${shownAs}: ${describe(error)}\n`);
      if (io.env.DEBUG === 'migralint') io.stderr.write(`${(error as Error).stack}\n`);
      return undefined;
    }
  };
  /** What is said of a file once its result is reported: its notes (with --verbose), and its warnings once a run. */
  const afterReport = (result: FileResult, shownAs: string, report: boolean) => {
    if (report && result.skippedReason) note(io, args.verbose, `skipped ${shownAs}: ${result.skippedReason}`);
    if (report) for (const message of result.notes ?? []) note(io, args.verbose, `${shownAs}: ${message}`);
    for (const message of result.warnings ?? []) {
      if (!warned.has(message)) io.stderr.write(`migralint: note: ${message}\n`);
      warned.add(message);
    }
  };
  /** An earlier migration that is context only: applied to the replayed schema, not checked. */
  const replayOnly = async (text: string, shownAs: string, frontend: FrontendName | undefined, file: FileInRun) => {
    try {
      const cached = file.analyzed ? undefined : cache?.schemaEffect(shownAs, text);
      if (cached) {
        if (file.replay) deferCached(file.replay, shownAs, false, cached);
        return;
      }
      const effect = file.analyzed ? schemaEffectOf(file.analyzed.analyzed) : await analyzedEffect(text, shownAs, { ...options, frontend }, file.prefetched);
      if (!effect || !file.replay) return;
      file.replay.applyFile(fileStart(shownAs, false, effect), effect.operations);
      // Kept for the next run that reads this file only as context (a pre-commit run, a named file).
      if (cache && !file.analyzed) cache.setEffect(shownAs, text, effect, file.replay.lastEffectDigest);
    } catch (error) {
      failed = true;
      io.stderr.write(`migralint: internal error while reading ${shownAs}: ${describe(error)}\n`);
    }
  };

  // The report is written as the run goes (formats that can), so memory stays flat.
  const reportOutput = openReport(args, io, version);
  const format = args.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  const FixRun = args.fix || args.fixDryRun || format === 'sarif' ? loadFixRun() : undefined;
  const fixes = FixRun && new FixRun(args.fix ? 'fix' : args.fixDryRun ? 'dry-run' : 'report', io, allRules);
  // What findings' suggestions are built from is read by fixes, and by stylish (which counts what --fix can fix).
  const readsTargets = fixes !== undefined || format === 'stylish';
  // With --fix-dry-run the diff comes first on stdout, and the report (of what remains) after it.
  const deferred: FileResult[] | undefined = args.fixDryRun ? [] : undefined;
  const django = await prepareDjango(plan, invalidUtf8, io, fixes !== undefined);
  const work = inDjangoOrder(plan.files, django?.order).map(({ file, reported, group }) => ({ file, group, isTarget: reported, shownAs: displayPath(file, io.cwd) }));
  let lastTarget = work.length - 1;
  while (lastTarget >= 0 && !work[lastTarget].isTarget) lastTarget--;
  // Large runs read files on worker threads, ahead of the main thread, which checks them in order.
  const workers = workerCount(args.concurrency);
  const usesWorkers = workers > 0 && (typeof args.concurrency === 'number' ? work.length > 1 : work.length >= WORKER_THRESHOLD);
  // Started for the first file that needs reading: a run answered from the cache starts no threads.
  let pool: AnalysisPool | undefined;
  let poolStarted = false;
  const poolForLinting = () => {
    if (!poolStarted) {
      pool = earlyPool ?? loadPool().create(workers, runSettings);
      pool?.ref();
      poolStarted = true;
    }
    return pool;
  };
  // Texts read ahead of their turn (for the workers).
  const texts = new Map<string, string | undefined>();
  const prefetched = new Map<string, Promise<WorkResult | ReadFailure>>();
  const textOf = (item: (typeof work)[number]) => {
    if (!texts.has(item.file)) texts.set(item.file, stagedText(plan, item.file, item.shownAs, invalidUtf8) ?? readText(item.file, item.shownAs, io, invalidUtf8));
    return texts.get(item.file);
  };
  // A file is read on the worker that lints it, unless the main thread needs its text first (to look it
  // up in the cache) or has it already (staged content).
  const readsOnWorker = (item: (typeof work)[number]) => !cache && !texts.has(item.file) && plan.staged?.get(item.file) === undefined;
  const prefetch = (index: number) => {
    const item = work[index];
    if (!usesWorkers || !item || django?.analyses.has(item.file)) return;
    let file: WorkFile;
    if (readsOnWorker(item)) {
      file = { path: item.file, displayPath: item.shownAs, frontend: forcedFrontend(item.file) };
    } else {
      const text = textOf(item);
      if (text === undefined || cache?.hasContent(item.shownAs, text) || invalidUtf8.has(item.shownAs)) return;
      file = { text, displayPath: item.shownAs, frontend: forcedFrontend(item.file) };
    }
    const analysis = poolForLinting()?.analyze(file);
    if (!analysis) return;
    analysis.catch(() => undefined); // a failure is reported when the file's turn comes
    prefetched.set(item.file, analysis);
  };
  /** The file's text: read here, or on the worker that linted it (which also says why it could not). */
  const textAt = async (item: (typeof work)[number]) => {
    const readAhead = texts.has(item.file) ? undefined : prefetched.get(item.file);
    const outcome = readAhead && (await readAhead.catch(() => undefined));
    if (!outcome) return textOf(item);
    if ('readError' in outcome) {
      io.stderr.write(`migralint: cannot read ${item.shownAs}: ${outcome.readError}\n`);
      return undefined;
    }
    return outcome.text ?? textOf(item);
  };
  // Every file, in migration order (then standard input); the worker threads stop however this ends.
  const lintAll = async () => {
    // Only a verbose run says why unknown-object was off (asking builds the model a run answered from the cache did without).
    const saysIncompleteHistory = args.verbose && settings.severityOf('unknown-object') !== 'off';
    const incompleteHistory = (reason: string) => note(io, true, `unknown-object was off: the migrations replayed do not look like a whole history (${reason})`);
    // A run without the cache, fixes, Django migrations or staged content is checked on the workers whole:
    // the main thread only orders the results, reports them and writes.
    const checkingPool = usesWorkers && !cache && !fixes && !django && !plan.staged ? poolForLinting() : undefined;
    if (checkingPool) {
      const showsSuggestions = (format === 'json' || format === 'stylish') && args.suggestions !== false;
      // --quiet reports copies of results: the reporter writes their suggestions (with PostgreSQL's scanner), not the workers.
      if (showsSuggestions && args.quiet) await prepareLinting();
      const checked = await loadWorkerCheck().checkOnWorkers({
        pool: checkingPool,
        work,
        settings: runSettings,
        newInRun: (index) => index < lastTarget && plan.isNew(work[index].file),
        frontendOf: forcedFrontend,
        sends: { suggestions: showsSuggestions && !args.quiet, targets: readsTargets || args.quiet === true, source: format !== 'json' || args.quiet === true },
        io,
        report: (result, shownAs) => {
          reportOutput.add(result);
          afterReport(result, shownAs, true);
        },
        note: (message) => note(io, args.verbose, message),
        skippedNote,
        ...(saysIncompleteHistory ? { incompleteHistory } : {}),
      });
      if (!checked) failed = true;
    } else {
      for (let index = 0; index < Math.min(PREFETCH_WINDOW, work.length); index++) prefetch(index);
      pool?.flush();
      // Files are checked in migration order, each against the schema the earlier ones built.
      for (const [index, { file, group, isTarget, shownAs }] of work.entries()) {
        prefetch(index + PREFETCH_WINDOW);
        if (index % 16 === 0) pool?.flush();
        const text = await textAt(work[index]);
        texts.delete(file);
        if (text === undefined) {
          failed = true;
          continue;
        }
        const inRun: FileInRun = { replay: replayOf(group), prefetched: prefetched.get(file) as Promise<WorkResult> | undefined, analyzed: django?.analyses.get(file) };
        // What a migration new in this change makes is new for the later ones too (no rows, no readers yet).
        if (isTarget) await lintOne(text, shownAs, forcedFrontend(file), { ...inRun, path: file, newInRun: index < lastTarget && plan.isNew(file) });
        else await replayOnly(text, shownAs, forcedFrontend(file), inRun);
        prefetched.delete(file);
      }
      for (const replay of saysIncompleteHistory ? replays.values() : []) {
        if (replay.incompleteReason) incompleteHistory(replay.incompleteReason);
      }
    }
    if (readsStdin) {
      const shownAs = args.stdinFilepath ?? STDIN_NAME;
      const frontend = args.stdinFilepath ? forcedFrontend(path.resolve(io.cwd, args.stdinFilepath)) : 'sql';
      await lintOne(await io.readStdin(), shownAs, frontend);
    }
  };
  try {
    await lintAll();
  } finally {
    await pool?.close();
    if (earlyPool !== pool) await earlyPool?.close();
  }
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr.write(`migralint: note: ${cacheProblem}\n`);
  if (skippedFiles > 0 && !args.verbose) {
    io.stderr.write(`migralint: note: ${plural(skippedFiles, 'file')} skipped (not migrations migralint reads, for another database, or never applied by their runner); --verbose says which and why\n`);
  }

  if (fixes && !fixes.finish()) failed = true;
  for (const result of deferred ?? []) reportOutput.add(result);
  const reportProblem = reportOutput.finish();
  if (reportProblem) {
    io.stderr.write(`migralint: ${reportProblem}\n`);
    return EXIT_FAILURE;
  }

  const { errors, warnings } = reportOutput.tally;
  if (failed) return EXIT_FAILURE;
  if (errors > 0) return EXIT_FINDINGS;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr.write(`migralint: ${warnings} warnings exceed --max-warnings ${args.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_CLEAN;
}

/** The run's cache, or none (with a note) when the user's cache key cannot be had. */
function openCache(args: LintArgs, io: CliIO, key: string): LintCache | undefined {
  const { LintCache, defaultCacheLocation, userCacheKey } = loadCache();
  const location = path.resolve(io.cwd, args.cacheLocation ?? defaultCacheLocation(io.cwd, io.env));
  let userKey: Buffer;
  try {
    userKey = userCacheKey(io.env);
  } catch (error) {
    io.stderr.write(`migralint: note: running without the cache: ${describe(error)}\n`);
    return undefined;
  }
  const cache = new LintCache(location, key, userKey);
  if (cache.problem) io.stderr.write(`migralint: note: ${cache.problem}\n`);
  return cache;
}

/**
 * Django migrations are replayed in Django's order (with the other migrations of
 * their apps and of the apps they depend on) before the run checks any of them.
 */
async function prepareDjango(plan: RunPlan, invalidUtf8: Map<string, number>, io: CliIO, reanalyzes: boolean): Promise<import('./django-migrations').DjangoRun | undefined> {
  const files = plan.files.map((item) => item.file);
  if (!files.some(isDjangoMigrationPath)) return undefined;
  await prepareLinting(); // RunSQL's SQL goes through PostgreSQL's parser
  return loadDjango().prepareDjangoRun(files, (file) => stagedText(plan, file, displayPath(file, io.cwd), invalidUtf8) ?? readText(file, displayPath(file, io.cwd), io, invalidUtf8), { reanalyzes });
}

/** A file's text for a quick test; a file that cannot be read tests as empty (targets report read errors in turn). */
function readOrEmpty(file: string): string {
  try {
    return readMigration(file).text;
  } catch {
    return '';
  }
}

/** How a file of the run is linted: against the run's replayed schema, with what was read ahead for it. */
interface FileInRun {
  replay?: SchemaReplay;
  newInRun?: boolean;
  report?: boolean;
  /** Read on a worker thread ahead of its turn. */
  prefetched?: Promise<WorkResult>;
  /** A Django migration, read with its app's history. */
  analyzed?: TextAnalysis;
  /** The file's path, for --fix to write it. */
  path?: string;
}

function fileStart(shownAs: string, isNew: boolean | undefined, effect: SchemaEffect): FileStart {
  return { name: shownAs, isNew: isNew === true, newTables: effect.newTables, unreadable: effect.unreadable, runtimeNames: effect.runtimeNames, besideHistory: effect.besideHistory };
}

/** A cached migration's effect, applied to the model (and read from the cache) only if the model is read. */
function deferCached(replay: SchemaReplay, shownAs: string, isNew: boolean | undefined, effect: CachedEffect): void {
  replay.deferFile({ isNew: isNew === true, unreadable: effect.unreadable }, () => {
    const loaded = effect.load();
    return { start: fileStart(shownAs, isNew, loaded), operations: loaded.operations };
  }, effect.digest);
}

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** A file's result: read on a worker thread ahead of time when there is one, or here; checked here, against the replayed schema. */
async function lintOrReuse(
  text: string,
  shownAs: string,
  options: LintOptions,
  prefetched: Promise<WorkResult> | undefined,
  invalidAt: number | undefined,
): Promise<FileResult | SkippedFile> {
  if (invalidAt !== undefined) return lintText(text, shownAs, options, invalidAt);
  const work = await prefetched;
  if (!work) return lintText(text, shownAs, options);
  if ('skipped' in work) return work.skipped;
  return checkAnalysis({ analyzed: work.analyzed, source: withoutBom(text) }, shownAs, options);
}

/** What a context file does to the schema (undefined for a file that is not a migration). */
async function analyzedEffect(text: string, shownAs: string, options: AnalysisOptions, prefetched: Promise<WorkResult> | undefined): Promise<SchemaEffect | undefined> {
  const work = await prefetched;
  if (work) return 'skipped' in work ? undefined : schemaEffectOf(work.analyzed);
  await prepareLinting();
  const analysis = analyzeText(text, shownAs, options);
  return isSkipped(analysis) ? undefined : schemaEffectOf(analysis.analyzed);
}

/** A staged file's content (decoded as a file on disk is), noting where it is not valid UTF-8. */
function stagedText(plan: RunPlan, file: string, shownAs: string, invalidUtf8: Map<string, number>): string | undefined {
  const decoded = plan.staged?.get(file);
  if (decoded?.invalidUtf8At !== undefined) invalidUtf8.set(shownAs, decoded.invalidUtf8At);
  return decoded?.text;
}

function readText(file: string, shownAs: string, io: CliIO, invalidUtf8: Map<string, number>): string | undefined {
  try {
    const decoded = readMigration(file);
    if (decoded.invalidUtf8At !== undefined) invalidUtf8.set(shownAs, decoded.invalidUtf8At);
    return decoded.text;
  } catch (error) {
    io.stderr.write(`migralint: cannot read ${shownAs}: ${describe(error)}\n`);
    return undefined;
  }
}

function note(io: CliIO, verbose: boolean, message: string): void {
  if (verbose) io.stderr.write(`migralint: note: ${message}\n`);
}
