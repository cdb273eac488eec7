/**
 * A run checked on worker threads whole (see checking-worker.ts): the main
 * thread sends the files in migration order, then puts the outcomes back in
 * that order, reports them and says what went wrong, as a run on one thread does.
 */
import { allRules } from '../../rules';
import type { FileResult } from '../engine/finding';
import { rememberSuggestions } from '../fixes/suggest';
import type { FrontendName } from '../model/file';
import { ruleOf } from '../reporters/reporter';
import type { AnalysisPool } from './analysis-pool';
import type { WorkerSettings } from './analysis-worker';
import { type CheckOutcome, restoreResult } from './checking-worker';
import type { CliIO } from './io';

/** A file of the run, in migration order. */
export interface RunFile {
  file: string;
  /** Its set of migrations (one replayed history each). */
  group: string;
  isTarget: boolean;
  shownAs: string;
}

export interface WorkerCheck {
  pool: AnalysisPool;
  work: readonly RunFile[];
  settings: WorkerSettings;
  /** Whether the target at `index` is new in this run (what it makes is new for the later ones too). */
  newInRun(index: number): boolean;
  frontendOf(file: string): FrontendName | undefined;
  /** What the workers send back, beside findings. */
  sends: { suggestions: boolean; targets: boolean; source: boolean };
  io: CliIO;
  /** A file's result, in order. */
  report(result: FileResult, shownAs: string): void;
  /** A --verbose note. */
  note(message: string): void;
  /** A file was not linted, and why: a --verbose note (the run counts them). */
  skippedNote(shownAs: string, reason: string): void;
  /** Why a group's history looks incomplete, for each that does (asked only where it is said). */
  incompleteHistory?(reason: string): void;
}

/**
 * Files go out in batches of contiguous files, round-robin; each worker sends what
 * a batch does to the schema to the others in one message. At most `checkWindow`
 * files are out at once (bounds memory). A message costs about 0.2 ms (20,000
 * small files on one worker: batches of 4 took it 3.3 s, of 32 2.5 s, of 64 or
 * 256 no less). The batch size can be set for tests (MIGRALINT_CHECK_BATCH), to
 * cross batch boundaries with few files.
 */
function checkingSizes(env: NodeJS.ProcessEnv): { checkBatch: number; checkWindow: number } {
  const given = Number(env.MIGRALINT_CHECK_BATCH);
  const checkBatch = Number.isInteger(given) && given > 0 ? given : 32;
  return { checkBatch, checkWindow: Math.max(512, checkBatch * 16) };
}

/** Checks every file of the run on the workers; false if a file could not be read or checked. */
export async function checkOnWorkers(run: WorkerCheck): Promise<boolean> {
  const { pool, work, io } = run;
  let ok = true;
  const { checkBatch, checkWindow } = checkingSizes(io.env);
  pool.startChecking({ settings: run.settings, ...run.sends }, checkBatch);
  const groups = new Map<string, number>();
  const outcomes: Array<Promise<CheckOutcome> | undefined> = [];
  const send = (index: number) => {
    const item = work[index];
    if (!item) return;
    let group = groups.get(item.group);
    if (group === undefined) groups.set(item.group, (group = groups.size));
    outcomes[index] = pool.check(index, { path: item.file, displayPath: item.shownAs, frontend: run.frontendOf(item.file), group, target: item.isTarget, newInRun: item.isTarget && run.newInRun(index) });
    if (index === work.length - 1) pool.flushChecks();
  };
  for (let index = 0; index < Math.min(checkWindow, work.length); index++) send(index);
  /** Groups with a file read, in the order the first was (as the replays are made on one thread). */
  const replayed = new Set<string>();
  for (const [index, { group, isTarget, shownAs }] of work.entries()) {
    send(index + checkWindow);
    const outcome = await outcomes[index];
    outcomes[index] = undefined;
    if (outcome && 'readError' in outcome) {
      ok = false;
      io.stderr.write(`migralint: cannot read ${shownAs}: ${outcome.readError}\n`);
      continue;
    }
    replayed.add(group);
    if (!outcome) continue;
    if ('error' in outcome) {
      ok = false;
      io.stderr.write(`migralint: internal error while ${isTarget ? 'linting' : 'reading'} ${shownAs}: ${outcome.error}\n`);
    } else if ('skipped' in outcome) {
      run.skippedNote(outcome.skipped.file, outcome.skipped.skipped);
    } else {
      const result = restoreResult(outcome.result);
      if (outcome.suggestions) rememberSuggestions(result, outcome.suggestions, (id) => ruleOf(allRules, id));
      run.report(result, shownAs);
    }
  }
  if (run.incompleteHistory) {
    const reasons = await pool.finishChecking(work.length);
    for (const group of replayed) {
      const reason = reasons[groups.get(group) ?? -1];
      if (reason) run.incompleteHistory(reason);
    }
  }
  return ok;
}
