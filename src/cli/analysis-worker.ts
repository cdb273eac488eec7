/**
 * A worker thread for large runs. It either reads files (the front-ends' half
 * of linting) for a main thread that checks them in migration order against the
 * schema the earlier ones built (runs with the cache, fixes, Django, staged
 * content), or reads and checks them itself (see checking-worker.ts).
 */
import type { SeveritySetting } from '../engine/rule';
import { readMigration } from '../files/read-migration';
import { loadSqlParserFrom } from '../frontends/sql';
import { type AnalysisOptions, analyzeText, prepareLinting } from '../lint';
import type { SkippedFile } from '../lint';
import type { AnalyzedFile } from '../model/file';
import { type CheckBatch, type CheckSetup, CheckingWorker } from './checking-worker';
import { describe } from './describe-error';

export interface WorkerSettings extends AnalysisOptions {
  pgVersion: number;
  severities: Record<string, SeveritySetting>;
}

/** A file to read: its text when the main thread has it, else its path, to be read here. */
export type WorkFile = ({ text: string } | { path: string }) & { displayPath: string; frontend?: AnalysisOptions['frontend'] };

export interface WorkRequest {
  id: number;
  /** Several files per message: fewer, larger messages cost less than one per file. */
  files: WorkFile[];
  options: WorkerSettings;
}

/** A file read: what its front-end made of it, or why it was skipped; with its text when the file was read here. */
export type WorkResult = ({ analyzed: AnalyzedFile } | { skipped: SkippedFile }) & { text?: string };

/** A file that could not be read here, and why (said as the main thread says it). */
export interface ReadFailure {
  readError: string;
}

function work(file: WorkFile, options: WorkerSettings): WorkResult | ReadFailure | { error: string } {
  let text: string;
  let invalidUtf8At: number | undefined;
  if ('path' in file) {
    try {
      ({ text, invalidUtf8At } = readMigration(file.path));
    } catch (error) {
      return { readError: describe(error) };
    }
  } else {
    text = file.text;
  }
  const read = 'path' in file ? { text } : {};
  try {
    const analysis = analyzeText(text, file.displayPath, { ...options, frontend: file.frontend }, invalidUtf8At);
    return 'skipped' in analysis ? { skipped: analysis, ...read } : { analyzed: analysis.analyzed, ...read };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] };
  }
}

/** The first message: the parser, as the main thread compiled it. */
export interface ParserMessage {
  parser: WebAssembly.Module;
}

/** What a worker is sent to check files (see checking-worker.ts). */
export type CheckMessage = { check: CheckSetup } | { batch: CheckBatch } | { finish: number };

/** The worker thread's entry: answers each request once the parser is loaded. */
export function startAnalysisWorker(): void {
  // Required here: the CLI bundle exports this entry, and a run on the main thread need not load node:worker_threads.
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  let ready: Promise<void> | undefined;
  let checker: CheckingWorker | undefined;
  parentPort?.on('message', (message: WorkRequest | ParserMessage | CheckMessage) => {
    if ('parser' in message) {
      ready = loadSqlParserFrom(message.parser);
      return;
    }
    if ('check' in message) {
      checker = new CheckingWorker(message.check, (answer) => parentPort.postMessage(answer));
      return;
    }
    void (ready ?? prepareLinting()).then(() => {
      if ('batch' in message) checker?.add(message.batch);
      else if ('finish' in message) checker?.finish(message.finish);
      else parentPort?.postMessage({ id: message.id, outcomes: message.files.map((file) => work(file, message.options)) });
    });
  });
}
