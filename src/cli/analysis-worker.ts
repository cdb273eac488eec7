/**
 * A worker thread that reads files (the front-ends' half of linting) for large
 * runs. The main thread checks each file's operations, in migration order,
 * against the schema the earlier ones built.
 */
import type { SeveritySetting } from '../engine/rule';
import { readMigration } from '../files/read-migration';
import { loadSqlParserFrom } from '../frontends/sql';
import { type AnalysisOptions, analyzeText, prepareLinting } from '../lint';
import type { SkippedFile } from '../lint';
import type { AnalyzedFile } from '../model/file';
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

/** The worker thread's entry: answers each request once the parser is loaded. */
export function startAnalysisWorker(): void {
  // Required here: the CLI bundle exports this entry, and a run on the main thread need not load node:worker_threads.
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  let ready: Promise<void> | undefined;
  parentPort?.on('message', (message: WorkRequest | ParserMessage) => {
    if ('parser' in message) {
      ready = loadSqlParserFrom(message.parser);
      return;
    }
    void (ready ?? prepareLinting()).then(() => {
      parentPort?.postMessage({ id: message.id, outcomes: message.files.map((file) => work(file, message.options)) });
    });
  });
}
