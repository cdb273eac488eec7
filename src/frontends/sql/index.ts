import { loadModule, parseSync } from 'libpg-query';
import type { RawStmt } from '@pgsql/types';
import type { AnalyzedFile, FrontendProblem, IgnoreDirective } from '../../model/file';
import type { SourceSpan } from '../../model/location';
import type { Operation } from '../../model/operations';
import { parseDirective } from '../directives';
import { LineIndex, byteToCharConverter } from '../text-positions';
import { type Comment, scanSql, trimLeading, trimTrailing } from './lexer';
import { blankOut, findRunnerMarkers, isRollbackFile } from './runner-markers';
import { operationsOf } from './statements';

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

export function analyzeSqlFile(text: string, filePath: string, options: SqlFileOptions): AnalyzedFile {
  if (isRollbackFile(filePath)) {
    return emptyResult(options.assumeInTransaction, 'rollback migration (down/undo file)');
  }
  const tokens = scanSql(text);
  const markers = findRunnerMarkers(tokens.comments, text.length);
  const inForwardCode = (offset: number) => !markers.downSections.some((s) => offset >= s.start && offset < s.end);
  const forwardText = markers.downSections.length > 0 ? blankOut(text, markers.downSections) : text;
  const comments = tokens.comments.filter((comment) => inForwardCode(comment.start));
  const longIdentifiers = tokens.longIdentifiers.filter((identifier) => inForwardCode(identifier.start));
  const lines = new LineIndex(text);
  const runnerTransaction = markers.runnerTransaction ?? options.assumeInTransaction;

  let statements: RawStmt[];
  try {
    // The parser refuses an empty string; an empty file simply has no statements.
    statements = forwardText.length === 0 ? [] : (parseSync(forwardText).stmts ?? []);
  } catch (error) {
    const problem = syntaxProblem(error, forwardText, lines);
    if (!problem) throw error;
    return { ...emptyResult(runnerTransaction), problems: [problem], directives: directivesOf(comments, [], text, lines) };
  }

  const toChar = byteToCharConverter(forwardText);
  const commentsByStart = new Map(comments.map((comment) => [comment.start, comment]));
  const commentsByEnd = new Map(comments.map((comment) => [comment.end, comment]));
  const operations: Operation[] = [];
  const statementStarts: number[] = [];
  for (const statement of statements) {
    if (!statement.stmt) continue;
    const rawStart = toChar(statement.stmt_location ?? 0);
    const rawEnd = statement.stmt_len ? toChar((statement.stmt_location ?? 0) + statement.stmt_len) : forwardText.length;
    const start = trimLeading(forwardText, rawStart, rawEnd, commentsByStart);
    const end = trimTrailing(forwardText, start, rawEnd, commentsByEnd);
    const location = spanOf(lines, start, end);
    statementStarts.push(start);
    const statementOperations = operationsOf(statement.stmt, { location, anchorLine: location.line });
    const identifiers = longIdentifiers.filter((identifier) => identifier.start >= start && identifier.start < end);
    if (identifiers.length > 0 && statementOperations.length > 0) {
      statementOperations[0].identifiers = identifiers.map((identifier) => identifier.name);
    }
    operations.push(...statementOperations);
  }
  return {
    frontend: 'sql',
    operations,
    problems: [],
    directives: directivesOf(comments, statementStarts, text, lines),
    statements: statementStarts.length,
    runnerTransaction,
  };
}

function emptyResult(runnerTransaction: boolean, skippedReason?: string): AnalyzedFile {
  return {
    frontend: 'sql',
    operations: [],
    problems: [],
    directives: [],
    statements: 0,
    runnerTransaction,
    skippedReason,
  };
}

export function spanOf(lines: LineIndex, start: number, end: number): SourceSpan {
  const from = lines.position(start);
  const to = lines.position(Math.max(end, start));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** libpg-query's syntax errors carry a 0-based character position. */
function syntaxProblem(error: unknown, text: string, lines: LineIndex): FrontendProblem | undefined {
  const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
  if (!details || typeof details.message !== 'string') return undefined;
  const position = Math.min(Math.max(details.cursorPosition ?? 0, 0), text.length);
  const tokenEnd = position + (/^[^\s;(),]*/.exec(text.slice(position))?.[0].length || 1);
  return {
    rule: 'syntax-error',
    message: `PostgreSQL cannot parse this file: ${details.message}.`,
    location: spanOf(lines, position, Math.min(tokenEnd, Math.max(text.length, position + 1))),
  };
}

/**
 * An ignore comment silences the statement that starts on the next line of code,
 * or the one it ends the first line of.
 */
function directivesOf(comments: Comment[], statementStarts: number[], text: string, lines: LineIndex): IgnoreDirective[] {
  const directives: IgnoreDirective[] = [];
  for (const comment of comments) {
    const parsed = parseDirective(comment.text);
    if (!parsed) continue;
    const location = spanOf(lines, comment.start, comment.end);
    const codeBefore = text.slice(lines.lineStart(location.line), comment.start).trim().length > 0;
    const nextStatement = statementStarts.find((start) => start >= comment.end);
    const targetLine = codeBefore
      ? location.line
      : nextStatement !== undefined
        ? lines.position(nextStatement).line
        : location.endLine + 1;
    directives.push({ ...parsed, location, targetLine });
  }
  return directives;
}
