import type { AnalyzedFile } from '../../model/file';
import { LineIndex } from '../text-positions';
import { loadParser } from './pg-wasm';
import { type SqlAnalysis, analyzeSql } from './analyze-sql';
import { type RunnerByName, dieselRunsInTransaction, flywayRunsInTransaction, runnerFilesRead, runnerForFile } from './runner-files';
import { scanSql } from './lexer';
import { findRunnerMarkers, isRollbackFile } from './runner-markers';
import { placeholderMatcher } from './placeholder-patterns';
import { blankMetaCommands, substitutePlaceholders } from './templates';
import { blankedText, inRanges, replaceRanges } from './text-ranges';

/** The PostgreSQL parser is WebAssembly and must be loaded once before any SQL is analysed. */
export function loadSqlParser(): Promise<void> {
  return loadParser();
}

/** The same on a worker thread, from the module the main thread compiled (with the code compiled so far). */
export function loadSqlParserFrom(compiled: WebAssembly.Module): Promise<void> {
  return loadParser(compiled);
}

export interface SqlFileOptions {
  /** `--assume-in-transaction`: the runner wraps every file in a transaction. */
  assumeInTransaction: boolean;
  /** Template placeholder syntaxes (names of PLACEHOLDER_SYNTAXES, or RE2 regular expressions) to treat as identifiers. */
  placeholders?: readonly string[];
  /** Keep each statement's text on its operations (for trace). */
  keepStatementText?: boolean;
}

/** A `.sql` migration: rollback files and sections are skipped, runner markers set the transaction. */
export function analyzeSqlFile(text: string, filePath: string, options: SqlFileOptions): AnalyzedFile {
  if (isRollbackFile(filePath)) {
    return {
      frontend: 'sql',
      operations: [],
      problems: [],
      directives: [],
      statements: 0,
      runnerTransaction: options.assumeInTransaction,
      skippedReason: 'rollback migration (down/undo file)',
    };
  }
  const tokens = scanSql(text);
  const markers = findRunnerMarkers(tokens.comments, text.length);
  const inForwardCode = (offset: number) => !inRanges(markers.downSections, offset);
  const lines = new LineIndex(text);
  const byName = markers.runnerTransaction === undefined ? runnerForFile(filePath, text) : undefined;
  const runnerTransaction = markers.runnerTransaction ?? (options.assumeInTransaction || (byName === 'diesel' && dieselRunsInTransaction(filePath)) || byName === 'sqlx' || byName === 'pop' || byName === 'postgres-migrations' || byName === 'synapse' || byName === 'drizzle');
  const runnerFiles = markers.runnerTransaction === undefined ? runnerFilesRead(filePath) : [];
  const readsFiles = runnerFiles.length > 0 ? { readsFiles: runnerFiles } : {};
  const metaCommands = tokens.metaCommands.filter((command) => inForwardCode(command.start));
  const copyData = tokens.copyData.filter((data) => inForwardCode(data.start));
  let forward = replaceRanges(text, markers.downSections, (section) => blankedText(text, section));
  if (metaCommands.length > 0) forward = blankMetaCommands(forward, metaCommands);
  forward = replaceRanges(forward, copyData, (data) => blankedText(forward, data));
  const notes = [
    ...metaCommands.map((command) => `skipped psql meta-command ${text.slice(command.start, command.end).trim().split(/\s/)[0]} on line ${lines.position(command.start).line}`),
    ...copyData.map((data) => `skipped COPY data on lines ${lines.position(data.start).line}–${lines.position(data.end).line}`),
  ];

  if (options.placeholders && options.placeholders.length > 0) {
    const substituted = substitutePlaceholders(forward, options.placeholders.map(placeholderMatcher));
    const analysis = analyzeSql({
      text: substituted.text,
      locate: (charIndex) => lines.position(substituted.offsets[Math.min(charIndex, substituted.offsets.length - 1)]),
      keepStatementText: options.keepStatementText,
    });
    return { frontend: 'sql', ...analysis, ...runnerOf(markers.oneQuery ? 'whole-file' : byName, runnerTransaction, analysis), notes, ...readsFiles };
  }
  const analysis = analyzeSql({
    text: forward,
    locate: (charIndex) => lines.position(charIndex),
    tokens: {
      comments: tokens.comments.filter((comment) => inForwardCode(comment.start)),
      longIdentifiers: tokens.longIdentifiers.filter((identifier) => inForwardCode(identifier.start)),
      metaCommands: [],
      semicolons: tokens.semicolons.filter((end) => inForwardCode(end - 1)),
      copyData: [],
    },
    keepStatementText: options.keepStatementText,
  });
  return { frontend: 'sql', ...analysis, ...runnerOf(markers.oneQuery ? 'whole-file' : byName, runnerTransaction, analysis), notes, ...readsFiles };
}

/** The runner's transaction, once the statements are known (Flyway and whole-file runners depend on them). */
function runnerOf(byName: RunnerByName | undefined, runnerTransaction: boolean, analysis: SqlAnalysis): Pick<AnalyzedFile, 'runnerTransaction' | 'implicitTransaction'> {
  if (runnerTransaction) return { runnerTransaction };
  if (byName === 'flyway') return { runnerTransaction: flywayRunsInTransaction(analysis.operations) };
  if (byName === 'whole-file' && analysis.statements > 1) return { runnerTransaction, implicitTransaction: true };
  return { runnerTransaction };
}
