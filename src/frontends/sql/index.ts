import { loadModule } from 'libpg-query';
import type { AnalyzedFile } from '../../model/file';
import { LineIndex } from '../text-positions';
import { analyzeSql } from './analyze-sql';
import { scanSql } from './lexer';
import { blankOut, findRunnerMarkers, isRollbackFile } from './runner-markers';

let parserLoaded: Promise<void> | undefined;

/** The PostgreSQL parser is WebAssembly and must be loaded once before any SQL is analysed. */
export function loadSqlParser(): Promise<void> {
  parserLoaded ??= loadModule();
  return parserLoaded;
}

export interface SqlFileOptions {
  /** `--assume-in-transaction`: the runner wraps every file in a transaction. */
  assumeInTransaction: boolean;
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
  const inForwardCode = (offset: number) => !markers.downSections.some((s) => offset >= s.start && offset < s.end);
  const lines = new LineIndex(text);
  const analysis = analyzeSql({
    text: markers.downSections.length > 0 ? blankOut(text, markers.downSections) : text,
    locate: (charIndex) => lines.position(charIndex),
    tokens: {
      comments: tokens.comments.filter((comment) => inForwardCode(comment.start)),
      longIdentifiers: tokens.longIdentifiers.filter((identifier) => inForwardCode(identifier.start)),
    },
  });
  return { frontend: 'sql', ...analysis, runnerTransaction: markers.runnerTransaction ?? options.assumeInTransaction };
}
