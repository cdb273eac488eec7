/**
 * A worker thread that reads files (the front-ends' half of linting) for large
 * runs. The main thread checks each file's operations, in migration order,
 * against the schema the earlier ones built.
 */
import type { SeveritySetting } from '../engine/rule';
import { type AnalysisOptions, analyzeText, prepareLinting } from '../lint';
import type { SkippedFile } from '../lint';
import type { AnalyzedFile } from '../model/file';

export interface WorkerSettings extends AnalysisOptions {
  pgVersion: number;
  severities: Record<string, SeveritySetting>;
}

export interface WorkRequest {
  id: number;
  /** Several files per message: fewer, larger messages cost less than one per file. */
  files: Array<{ text: string; displayPath: string; frontend?: AnalysisOptions['frontend'] }>;
  options: WorkerSettings;
}

/** A file read: what its front-end made of it, or why it was skipped. */
export type WorkResult = { analyzed: AnalyzedFile } | { skipped: SkippedFile };

function work(file: WorkRequest['files'][number], options: WorkerSettings): WorkResult | { error: string } {
  try {
    const analysis = analyzeText(file.text, file.displayPath, { ...options, frontend: file.frontend });
    return 'skipped' in analysis ? { skipped: analysis } : { analyzed: analysis.analyzed };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] };
  }
}

/** The worker thread's entry: answers each request once the parser is loaded. */
export function startAnalysisWorker(): void {
  // Required here: the CLI bundle exports this entry, and a run on the main thread need not load node:worker_threads.
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const ready = prepareLinting();
  parentPort?.on('message', (request: WorkRequest) => {
    void ready.then(() => {
      parentPort?.postMessage({ id: request.id, outcomes: request.files.map((file) => work(file, request.options)) });
    });
  });
}
