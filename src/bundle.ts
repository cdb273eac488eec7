/**
 * What lib/migralint.js holds (see scripts/bundle.ts): the CLI for bin/migralint,
 * the entry of the worker threads that lint large runs, and the programmatic API
 * (the package's `main`).
 */
export * from './index';
export { main, run } from './cli/main';
export { startAnalysisWorker } from './cli/analysis-worker';
