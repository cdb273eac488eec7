import { parseSync } from 'libpg-query';
import type { RawStmt } from '@pgsql/types';
import type { FrontendProblem, IgnoreDirective } from '../../model/file';
import type { SourceSpan } from '../../model/location';
import type { Operation } from '../../model/operations';
import { parseDirective } from '../directives';
import { LineIndex, byteToCharConverter } from '../text-positions';
import { type Comment, type Identifier, scanSql, trimLeading, trimTrailing } from './lexer';
import { operationsOf } from './statements';

/** Maps a character index of the SQL text to a position in the file the SQL came from. */
export type Locator = (charIndex: number) => { line: number; column: number };

export interface SqlAnalysis {
  operations: Operation[];
  problems: FrontendProblem[];
  directives: IgnoreDirective[];
  statements: number;
}

export interface SqlText {
  /** The SQL as PostgreSQL will see it (rollback sections blanked out, placeholders substituted). */
  text: string;
  locate: Locator;
  /** Comments and long identifiers, when the caller has scanned the text already. */
  tokens?: { comments: Comment[]; longIdentifiers: Identifier[]; metaCommands: unknown[] };
  /** The line that ignore comments written before the surrounding code attach to (embedded SQL). */
  anchorLine?: number;
}

/** Parses SQL with PostgreSQL's parser and turns each statement into operations at file positions. */
export function analyzeSql(source: SqlText): SqlAnalysis {
  const { text, locate } = source;
  const tokens = source.tokens ?? scanSql(text);
  const localLines = new LineIndex(text);
  const span = (start: number, end: number) => spanOf(locate, start, end);

  let statements: RawStmt[];
  try {
    // The parser refuses an empty string; an empty file simply has no statements.
    statements = text.length === 0 ? [] : (parseSync(text).stmts ?? []);
  } catch (error) {
    const problem = syntaxProblem(error, text, span);
    if (!problem) throw error;
    return { operations: [], problems: [problem], directives: directivesOf(tokens.comments, [], localLines, locate), statements: 0 };
  }

  const toChar = byteToCharConverter(text);
  const commentsByStart = new Map(tokens.comments.map((comment) => [comment.start, comment]));
  const commentsByEnd = new Map(tokens.comments.map((comment) => [comment.end, comment]));
  const operations: Operation[] = [];
  const statementStarts: number[] = [];
  for (const statement of statements) {
    if (!statement.stmt) continue;
    const rawStart = toChar(statement.stmt_location ?? 0);
    const rawEnd = statement.stmt_len ? toChar((statement.stmt_location ?? 0) + statement.stmt_len) : text.length;
    const start = trimLeading(text, rawStart, rawEnd, commentsByStart);
    const end = trimTrailing(text, start, rawEnd, commentsByEnd);
    const location = span(start, end);
    statementStarts.push(start);
    const byteSpan = (byteOffset: number, length: number) => span(toChar(byteOffset), toChar(byteOffset + length));
    const statementOperations = operationsOf(statement.stmt, { location, anchorLine: source.anchorLine ?? location.line }, byteSpan);
    const identifiers = tokens.longIdentifiers.filter((identifier) => identifier.start >= start && identifier.start < end);
    if (identifiers.length > 0 && statementOperations.length > 0) {
      statementOperations[0].identifiers = identifiers.map((identifier) => identifier.name);
    }
    operations.push(...statementOperations);
  }
  return {
    operations,
    problems: [],
    directives: directivesOf(tokens.comments, statementStarts, localLines, locate),
    statements: statementStarts.length,
  };
}

export function spanOf(locate: Locator, start: number, end: number): SourceSpan {
  const from = locate(start);
  const to = locate(Math.max(end, start));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** libpg-query's syntax errors carry a 0-based character position. */
function syntaxProblem(
  error: unknown,
  text: string,
  span: (start: number, end: number) => SourceSpan,
): FrontendProblem | undefined {
  const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
  if (!details || typeof details.message !== 'string') return undefined;
  const position = Math.min(Math.max(details.cursorPosition ?? 0, 0), text.length);
  const tokenLength = /^[^\s;(),]*/.exec(text.slice(position))?.[0].length || 1;
  // At the end of the input the span is empty: it must not reach past the text.
  const end = Math.min(position + tokenLength, text.length);
  return {
    rule: 'syntax-error',
    message: `PostgreSQL cannot parse this SQL: ${details.message}.`,
    location: span(position, Math.max(end, position)),
  };
}

/**
 * An ignore comment silences the statement that starts on the next line of code,
 * or the one it ends the first line of.
 */
function directivesOf(comments: Comment[], statementStarts: number[], lines: LineIndex, locate: Locator): IgnoreDirective[] {
  const directives: IgnoreDirective[] = [];
  for (const comment of comments) {
    const parsed = parseDirective(comment.text);
    if (!parsed) continue;
    const location = spanOf(locate, comment.start, comment.end);
    const localLine = lines.position(comment.start).line;
    const codeBefore = lines.text.slice(lines.lineStart(localLine), comment.start).trim().length > 0;
    const nextStatement = statementStarts.find((start) => start >= comment.end);
    const targetLine = codeBefore
      ? location.line
      : nextStatement !== undefined
        ? locate(nextStatement).line
        : location.endLine + 1;
    directives.push({ ...parsed, location, targetLine });
  }
  return directives;
}
