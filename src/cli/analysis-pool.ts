import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from '../lint';
import type { WorkRequest, WorkResult, WorkerSettings } from './analysis-worker';

type Outcome = WorkResult | { error: string };
const BATCH = 16;

/**
 * Worker threads that read files in parallel. Files are queued and sent in
 * batches; each file's analysis comes back as a promise.
 */
export class AnalysisPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Array<(outcome: Outcome) => void>>();
  private queue: Array<{ file: WorkRequest['files'][number]; resolve: (outcome: Outcome) => void }> = [];
  private nextId = 0;
  private nextWorker = 0;

  private constructor(
    workerModule: string,
    size: number,
    private readonly settings: WorkerSettings,
  ) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(`require(${JSON.stringify(workerModule)}).startAnalysisWorker();`, { eval: true });
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
  }

  /**
   * A pool of `size` workers, or undefined where workers cannot run: when
   * migralint runs from its TypeScript sources (tests) there is no compiled worker module.
   * Bundled, this code is in lib/migralint.js, which exports the worker's entry too;
   * compiled by tsc, the entry is analysis-worker.js beside this file.
   */
  static create(size: number, settings: WorkerSettings): AnalysisPool | undefined {
    const compiled = path.join(__dirname, 'analysis-worker.js');
    const workerModule = path.basename(__filename) === 'analysis-pool.js' ? compiled : __filename;
    if (size < 1 || !workerModule.endsWith('.js') || !fs.existsSync(workerModule)) return undefined;
    return new AnalysisPool(workerModule, size, settings);
  }

  /** Reads a file on a worker; `flush()` sends what is queued. */
  analyze(text: string, displayPath: string, frontend: AnalysisOptions['frontend']): Promise<WorkResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ file: { text, displayPath, frontend }, resolve: (outcome) => ('error' in outcome ? reject(new Error(outcome.error)) : resolve(outcome)) });
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
    worker.postMessage({ id, files: batch.map((entry) => entry.file), options: this.settings } satisfies WorkRequest);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
