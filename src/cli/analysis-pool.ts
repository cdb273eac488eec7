import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compiledParser } from '../frontends/sql/pg-wasm';
import type { ParserMessage, ReadFailure, WorkFile, WorkRequest, WorkResult, WorkerSettings } from './analysis-worker';

type Outcome = WorkResult | ReadFailure | { error: string };
const BATCH = 16;

/**
 * Worker threads that read files in parallel. Files are queued and sent in
 * batches; each file's analysis comes back as a promise.
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

  private constructor(
    entry: string,
    size: number,
    private readonly settings: WorkerSettings,
  ) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(entry, { eval: true });
      worker.on('message', (message: { id: number; outcomes: Outcome[] }) => {
        const waiting = this.pending.get(message.id) ?? [];
        this.pending.delete(message.id);
        waiting.forEach((resolve, position) => resolve(message.outcomes[position]));
      });
      worker.on('error', (error) => {
        for (const waiting of this.pending.values()) for (const resolve of waiting) resolve({ error: error.message });
        this.pending.clear();
      });
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

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
