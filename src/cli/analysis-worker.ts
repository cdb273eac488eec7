/**
 * A worker thread that lints files (front-end and rules) for large runs. Each
 * file is checked without the context of earlier migrations; the main thread
 * re-checks the few files whose findings that context could change.
 */
import { allRules } from '../../rules';
import { RuleSettings } from '../config/rule-settings';
import type { SeveritySetting } from '../engine/rule';
import { type AnalysisOptions, analyzeText, checkAnalysis, prepareLinting } from '../lint';
import type { FileResult } from '../engine/finding';
import type { SkippedFile, TextAnalysis } from '../lint';

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

/** The result, and the analysis when the file's findings may depend on earlier migrations (it sets NOT NULL). */
export interface WorkResult {
  result: FileResult | SkippedFile;
  contextSensitive?: TextAnalysis;
}

let settings: { key: string; value: RuleSettings } | undefined;

function settingsFor(options: WorkerSettings): RuleSettings {
  const key = JSON.stringify(options.severities);
  if (settings?.key !== key) settings = { key, value: RuleSettings.fromSeverities(allRules, options.severities) };
  return settings.value;
}

function work(file: WorkRequest['files'][number], options: WorkerSettings): WorkResult | { error: string } {
  try {
    const analysis = analyzeText(file.text, file.displayPath, { ...options, frontend: file.frontend });
    if ('skipped' in analysis) return { result: analysis };
    const result = checkAnalysis(analysis, file.displayPath, { ...options, frontend: file.frontend, settings: settingsFor(options) });
    const contextSensitive = analysis.analyzed.operations.some((operation) => operation.kind === 'setNotNull');
    return { result: { ...result, source: '' }, contextSensitive: contextSensitive ? analysis : undefined };
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
