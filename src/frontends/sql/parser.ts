import type { ParseResult } from '@pgsql/types';
import type { ScanResult } from 'libpg-query';
import { parse, scan } from './pg-wasm';

/**
 * PostgreSQL's parser (libpg-query, WebAssembly), guarded. Only a syntax error
 * comes out as the parser's own error; anything else the module does when it
 * fails (running out of stack or memory) becomes a ParserFailure, and what it
 * prints then (a FATAL line through console.log, memory statistics through
 * console.error) never reaches stdout or stderr, so a report stays one document.
 */
export class ParserFailure extends Error {
  override readonly name = 'ParserFailure';
}

export function parseSql(text: string): ParseResult {
  return guarded(() => parse(text));
}

export function scanSqlTokens(text: string): ScanResult {
  return guarded(() => scan(text));
}

/** Whether an error is PostgreSQL rejecting the SQL (with a message and position), as opposed to the parser failing. */
export function isSyntaxError(error: unknown): error is { sqlDetails: { message: string; cursorPosition?: number } } {
  const details = (error as { sqlDetails?: { message?: unknown } } | undefined)?.sqlDetails;
  return typeof details?.message === 'string';
}

const ignoreOutput = () => true;

function guarded<T>(run: () => T): T {
  const stdout = process.stdout;
  const stderr = process.stderr;
  const writeOut = stdout.write;
  const writeErr = stderr.write;
  stdout.write = ignoreOutput;
  stderr.write = ignoreOutput;
  try {
    return run();
  } catch (error) {
    if (isSyntaxError(error)) throw error;
    throw new ParserFailure(error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String((error as { message?: unknown })?.message ?? error));
  } finally {
    stdout.write = writeOut;
    stderr.write = writeErr;
  }
}
