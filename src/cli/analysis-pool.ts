import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { compiledParser } from '../frontends/sql/pg-wasm';
import type { CheckMessage, ParserMessage, ReadFailure, WorkFile, WorkRequest, WorkResult, WorkerSettings } from './analysis-worker';
import type { CheckFile, CheckOutcome, CheckSetup, FinishedMessage, ResultsMessage } from './checking-worker';

type Outcome = WorkResult | ReadFailure | { error: string };
const BATCH = 16;

/**
 * Worker threads that read files in parallel. Files are queued and sent in
 * batches; each file's analysis comes back as a promise. Or, once told to
 * check (`startChecking`), workers read and check files: each file's outcome
 * comes back as a promise.
 */
export class AnalysisPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Array<(outcome: Outcome) => void>>();
  private queue: Array<{ file: WorkFile; resolve: (outcome: Outcome) => void }> = [];
  private nextId = 0;
  private nextWorker = 0;
  /**
   * Settled once each worker has been sent the parser as compiled here: with it, a
   * worker also gets the code compiled so far. Requests are sent after it.
   */
  private readonly parserSent: Promise<unknown>;
  /** Files to check, by their index in the run: sent in batches of contiguous files, round-robin. */
  private checkBatch: { first: number; files: CheckFile[] } | undefined;
  private checkBatchSize = 32;
  private readonly checking = new Map<number, (outcome: CheckOutcome) => void>();
  private finished: ((reasons: Array<string | undefined>) => void) | undefined;
  /** Why a worker stopped, if one did: every file not checked yet gets it as its outcome. */
  private stopped: string | undefined;
  /** Set by close(): threads that end then are not a failure. */
  private closing = false;

  private constructor(
    entry: string,
    size: number,
    private readonly settings: WorkerSettings,
  ) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(entry, { eval: true });
      worker.on('message', (message: { id: number; outcomes: Outcome[] } | ResultsMessage | FinishedMessage) => {
        if ('checked' in message) return this.checked(message.checked.first, message.checked.outcomes);
        if ('finished' in message) return this.finished?.(message.finished);
        const waiting = this.pending.get(message.id) ?? [];
        this.pending.delete(message.id);
        waiting.forEach((resolve, position) => resolve(message.outcomes[position]));
      });
      worker.on('error', (error) => {
        for (const waiting of this.pending.values()) for (const resolve of waiting) resolve({ error: error.message });
        this.pending.clear();
        this.stop(error.message.split('\n')[0]);
      });
      worker.on('exit', (code) => this.stop(`a worker thread stopped (exit code ${code})`));
      // Until the run uses them (see ref), the threads do not keep the process alive: a run that fails first still ends.
      worker.unref();
      this.workers.push(worker);
    }
    this.parserSent = compiledParser().then(
      (parser) => this.workers.forEach((worker) => worker.postMessage({ parser } satisfies ParserMessage)),
      () => undefined, // each worker then compiles its own
    );
  }

  /**
   * A pool of `size` workers, or undefined where workers cannot run: when
   * migralint runs from its TypeScript sources (tests) there is no compiled worker module.
   * Bundled, this code is in lib/migralint.js, which exports the worker's entry too;
   * compiled by tsc, the entry is analysis-worker.js beside this file.
   */
  static create(size: number, settings: WorkerSettings): AnalysisPool | undefined {
    if (size < 1) return undefined;
    // Bundled: the loader beside the bundle loads it with its code cache.
    const loader = path.join(__dirname, 'start.js');
    if (path.basename(__filename) === 'migralint.js' && fs.existsSync(loader)) return new AnalysisPool(`require(${JSON.stringify(loader)}).startWorker();`, size, settings);
    const compiled = path.join(__dirname, 'analysis-worker.js');
    const workerModule = path.basename(__filename) === 'analysis-pool.js' ? compiled : __filename;
    if (!workerModule.endsWith('.js') || !fs.existsSync(workerModule)) return undefined;
    return new AnalysisPool(`require(${JSON.stringify(workerModule)}).startAnalysisWorker();`, size, settings);
  }

  /** The run waits for the threads from now on. */
  ref(): void {
    for (const worker of this.workers) worker.ref();
  }

  /** Reads a file on a worker (from disk there when given its path); `flush()` sends what is queued. */
  analyze(file: WorkFile): Promise<WorkResult | ReadFailure> {
    return new Promise((resolve, reject) => {
      this.queue.push({ file, resolve: (outcome) => ('error' in outcome ? reject(new Error(outcome.error)) : resolve(outcome)) });
      if (this.queue.length >= BATCH) this.flush();
    });
  }

  flush(): void {
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const id = this.nextId++;
    this.pending.set(id, batch.map((entry) => entry.resolve));
    const worker = this.workers[this.nextWorker++ % this.workers.length];
    const request: WorkRequest = { id, files: batch.map((entry) => entry.file), options: this.settings };
    void this.parserSent.then(() => worker.postMessage(request));
  }

  /**
   * From now on, workers check the files they read (see checking-worker.ts):
   * each is given a port to each other, to send what its files do to the schema.
   */
  startChecking(setup: Omit<CheckSetup, 'peers'>, batchSize: number): void {
    this.checkBatchSize = batchSize;
    const peers: MessagePort[][] = this.workers.map(() => []);
    for (let one = 0; one < this.workers.length; one++) {
      for (let other = one + 1; other < this.workers.length; other++) {
        const { port1, port2 } = new MessageChannel();
        peers[one].push(port1);
        peers[other].push(port2);
      }
    }
    this.workers.forEach((worker, index) => worker.postMessage({ check: { ...setup, peers: peers[index] } } satisfies CheckMessage, peers[index]));
  }

  /** Checks the file at `index` of the run; files are given in order, from 0. `flushChecks()` sends what is queued. */
  check(index: number, file: CheckFile): Promise<CheckOutcome> {
    if (this.stopped !== undefined) return Promise.resolve({ error: this.stopped });
    return new Promise((resolve) => {
      this.checking.set(index, resolve);
      this.checkBatch ??= { first: index, files: [] };
      this.checkBatch.files.push(file);
      if (this.checkBatch.files.length >= this.checkBatchSize) this.flushChecks();
    });
  }

  flushChecks(): void {
    const batch = this.checkBatch;
    if (!batch) return;
    this.checkBatch = undefined;
    const worker = this.workers[this.nextWorker++ % this.workers.length];
    void this.parserSent.then(() => worker.postMessage({ batch } satisfies CheckMessage));
  }

  /** Once files up to `total` are checked: why each group's replayed history looks incomplete, where it does. */
  finishChecking(total: number): Promise<Array<string | undefined>> {
    this.flushChecks();
    if (this.stopped !== undefined) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.finished = resolve;
      void this.parserSent.then(() => this.workers[0].postMessage({ finish: total } satisfies CheckMessage));
    });
  }

  private checked(first: number, outcomes: CheckOutcome[]): void {
    outcomes.forEach((outcome, offset) => {
      this.checking.get(first + offset)?.(outcome);
      this.checking.delete(first + offset);
    });
  }

  /** A worker stopped: the files it (or another, waiting for its effects) had are not checked. */
  private stop(reason: string): void {
    if (this.closing) return;
    this.stopped ??= reason;
    for (const resolve of this.checking.values()) resolve({ error: this.stopped });
    this.checking.clear();
    this.finished?.([]);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
