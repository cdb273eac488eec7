import type { RawStmt } from '@pgsql/types';
import type { FrontendProblem, IgnoreDirective } from '../../model/file';
import type { SourceSpan } from '../../model/location';
import type { Operation } from '../../model/operations';
import { parseDirective } from '../directives';
import { LineIndex, byteToCharConverter } from '../text-positions';
import { type Comment, type Identifier, scanSql, trimLeading, trimTrailing } from './lexer';
import { ParserFailure, isSyntaxError, parseSql } from './parser';
import { MAX_STATEMENT_NESTING, MAX_STATEMENT_TOKENS, type StatementBeyondLimits, statementsBeyondLimits } from './statement-limits';
import { operationsOf } from './statements';
import { blankedText, replaceRanges } from './text-ranges';

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
  tokens?: { comments: Comment[]; longIdentifiers: Identifier[]; metaCommands: unknown[]; semicolons: number[]; copyData: unknown[] };
  /** The line that ignore comments written before the surrounding code attach to (embedded SQL). */
  anchorLine?: number;
  /** Keep each statement's text on its operations (`sql`), and give every statement at least one operation. */
  keepStatementText?: boolean;
}

/** Parses SQL with PostgreSQL's parser and turns each statement into operations at file positions. */
export function analyzeSql(source: SqlText): SqlAnalysis {
  const { locate } = source;
  const tokens = source.tokens ?? scanSql(source.text);
  const span = (start: number, end: number) => spanOf(locate, start, end);
  const commentsByStart = new Map(tokens.comments.map((comment) => [comment.start, comment]));
  const commentsByEnd = new Map(tokens.comments.map((comment) => [comment.end, comment]));

  // Statements beyond the parser's limits are reported and left out (blanked, so offsets stay put).
  const beyondLimits = statementsBeyondLimits(source.text, tokens.semicolons);
  const limitProblems = beyondLimits.map((statement) => limitProblem(statement, source.text, span, commentsByStart, commentsByEnd));
  const text = replaceRanges(source.text, beyondLimits, (statement) => blankedText(source.text, statement));
  const toChar = byteToCharConverter(text);
  let operations: Operation[] = [];
  let statementStarts: number[] = [];
  let statementEnds: number[] = [];
  /** One parsed statement; `base` is the byte offset its parser locations count from. */
  const addStatement = (statement: RawStmt, base: number) => {
    if (!statement.stmt) return;
    const rawStart = toChar(base + (statement.stmt_location ?? 0));
    const rawEnd = statement.stmt_len ? toChar(base + (statement.stmt_location ?? 0) + statement.stmt_len) : text.length;
    const start = trimLeading(text, rawStart, rawEnd, commentsByStart);
    const end = trimTrailing(text, start, rawEnd, commentsByEnd);
    const location = span(start, end);
    statementStarts.push(start);
    statementEnds.push(end);
    const byteSpan = (byteOffset: number, length: number) => span(toChar(base + byteOffset), toChar(base + byteOffset + length));
    const statementText = { text, start, end, charAt: (byteOffset: number) => toChar(base + byteOffset), span };
    const statementOperations = operationsOf(statement.stmt, { location, anchorLine: source.anchorLine ?? location.line }, byteSpan, statementText);
    const sql = text.slice(start, end);
    if (source.keepStatementText) keepText(statementOperations, sql, statement, { location, anchorLine: source.anchorLine ?? location.line });
    else {
      // Suggestions edit the statement as written.
      for (const operation of statementOperations) {
        operation.sql = sql;
        operation.sqlLocation = location;
      }
    }
    const identifiers = identifiersWithin(tokens.longIdentifiers, start, end);
    if (identifiers.length > 0 && statementOperations.length > 0) {
      statementOperations[0].identifiers = identifiers.map((identifier) => identifier.name);
    }
    operations.push(...statementOperations);
  };

  // A large text is parsed a piece at a time; a piece PostgreSQL rejects means the split was wrong
  // (or the SQL is): the whole text is parsed instead, which also places any syntax error.
  if (!parseInPieces(text, tokens.semicolons, addStatement)) {
    operations = [];
    statementStarts = [];
    statementEnds = [];
    let statements: RawStmt[];
    try {
      // The parser refuses an empty string; an empty file simply has no statements.
      statements = text.length === 0 ? [] : (parseSql(text).stmts ?? []);
    } catch (error) {
      const problem = error instanceof ParserFailure ? parserFailureProblem(error, text, span) : syntaxProblem(error, text, span);
      if (!problem) throw error;
      return { operations: [], problems: [...limitProblems, problem], directives: directivesOf(tokens.comments, [], [], text, locate), statements: 0 };
    }
    for (const statement of statements) addStatement(statement, 0);
  }
  return {
    operations,
    problems: limitProblems,
    directives: directivesOf(tokens.comments, statementStarts, statementEnds, text, locate),
    statements: statementStarts.length,
  };
}

/**
 * Above this many characters a text is parsed in pieces of about this size,
 * split after top-level semicolons: the parser's tree of a whole large file (a
 * schema dump, say) takes many times the memory of the file.
 */
const PIECE_SIZE = 64 * 1024;

/**
 * Parses a large text piece by piece, handing each statement over with the byte
 * offset of its piece as soon as its piece is parsed, so that only one piece's
 * tree is alive at a time. False when the text is small, or when a piece does
 * not parse: then what was handed over is to be dropped, and the text parsed whole.
 */
function parseInPieces(text: string, semicolons: readonly number[], add: (statement: RawStmt, base: number) => void): boolean {
  if (text.length <= PIECE_SIZE) return false;
  const pieces: Array<[number, number]> = [];
  let pieceStart = 0;
  for (const end of semicolons) {
    if (end - pieceStart < PIECE_SIZE) continue;
    pieces.push([pieceStart, end]);
    pieceStart = end;
  }
  if (pieceStart < text.length) pieces.push([pieceStart, text.length]);
  if (pieces.length < 2) return false;
  let base = 0;
  for (const [start, end] of pieces) {
    const piece = text.slice(start, end);
    const bytes = Buffer.byteLength(piece, 'utf8');
    let statements: RawStmt[];
    try {
      statements = parseSql(piece).stmts ?? [];
    } catch {
      return false;
    }
    for (const statement of statements) {
      // Without a length a statement runs to the end of its piece, which is only the end of the text for the last one.
      add(statement.stmt_len ? statement : { ...statement, stmt_len: bytes - (statement.stmt_location ?? 0) }, base);
    }
    base += bytes;
  }
  return true;
}

/** Trace runs statements, so each keeps its text, and one that no rule models (`ALTER TABLE … OWNER TO`) still has an operation. */
function keepText(operations: Operation[], sql: string, statement: RawStmt, place: { location: SourceSpan; anchorLine: number }): void {
  if (operations.length === 0) operations.push({ kind: 'other', ...place, statement: Object.keys(statement.stmt ?? {})[0] ?? '' });
  for (const operation of operations) {
    operation.sql = sql;
    operation.sqlLocation = place.location;
  }
}

/** The identifiers (sorted by start) that start within [start, end). */
function identifiersWithin(identifiers: readonly Identifier[], start: number, end: number): Identifier[] {
  let low = 0;
  let high = identifiers.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (identifiers[middle].start < start) low = middle + 1;
    else high = middle;
  }
  const within: Identifier[] = [];
  for (let index = low; index < identifiers.length && identifiers[index].start < end; index++) within.push(identifiers[index]);
  return within;
}

export function spanOf(locate: Locator, start: number, end: number): SourceSpan {
  const from = locate(start);
  const to = locate(Math.max(end, start));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** The UTF-16 index of the character `count` code points into the text (PostgreSQL counts characters, not UTF-16 units). */
function codePointsToIndex(text: string, count: number): number {
  let index = 0;
  for (let seen = 0; seen < count && index < text.length; seen++) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}

/** A statement left out for the parser's limits: unanalysed, where it stands (without its semicolon). */
function limitProblem(
  statement: StatementBeyondLimits,
  text: string,
  span: (start: number, end: number) => SourceSpan,
  commentsByStart: ReadonlyMap<number, Comment>,
  commentsByEnd: ReadonlyMap<number, Comment>,
): FrontendProblem {
  const start = trimLeading(text, statement.start, statement.end, commentsByStart);
  const end = trimTrailing(text, start, text[statement.end - 1] === ';' ? statement.end - 1 : statement.end, commentsByEnd);
  const why =
    statement.reason === 'nesting'
      ? `nests more than ${MAX_STATEMENT_NESTING.toLocaleString('en')} levels deep`
      : `has more than ${MAX_STATEMENT_TOKENS.toLocaleString('en')} tokens`;
  return { rule: 'unanalyzed-code', message: `This statement ${why}, more than PostgreSQL's parser can take as migralint runs it; it was not checked.`, location: span(start, end) };
}

/** The parser itself failed (it should not, within the limits): the text is unanalysed, reported at its start. */
function parserFailureProblem(failure: ParserFailure, text: string, span: (start: number, end: number) => SourceSpan): FrontendProblem {
  const start = text.length - text.trimStart().length;
  return { rule: 'unanalyzed-code', message: `PostgreSQL's parser failed on this SQL (${failure.message}); it was not checked.`, location: span(start, start) };
}

/** libpg-query's syntax errors carry a 0-based character position. */
function syntaxProblem(
  error: unknown,
  text: string,
  span: (start: number, end: number) => SourceSpan,
): FrontendProblem | undefined {
  if (!isSyntaxError(error)) return undefined;
  const details = error.sqlDetails;
  const position = Math.min(codePointsToIndex(text, Math.max(details.cursorPosition ?? 0, 0)), text.length);
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
 * or the one it ends the first line of; inside a statement (between the clauses
 * of an ALTER TABLE), what starts on the next line of code.
 */
function directivesOf(comments: Comment[], statementStarts: number[], statementEnds: number[], text: string, locate: Locator): IgnoreDirective[] {
  const directives: IgnoreDirective[] = [];
  let lines: LineIndex | undefined; // made for the first ignore comment: most files have none
  let next = 0; // comments and statements both come in text order
  for (const comment of comments) {
    const parsed = parseDirective(comment.text);
    if (!parsed) continue;
    lines ??= new LineIndex(text);
    const location = spanOf(locate, comment.start, comment.end);
    const localLine = lines.position(comment.start).line;
    const codeBefore = lines.text.slice(lines.lineStart(localLine), comment.start).trim().length > 0;
    while (next < statementStarts.length && statementStarts[next] < comment.end) next++;
    const nextStatement = statementStarts[next];
    const insideStatement = next > 0 && comment.start < statementEnds[next - 1];
    const targetLine = codeBefore
      ? location.line
      : insideStatement
        ? locate(nextCode(text, comment.end)).line
        : nextStatement !== undefined
          ? locate(nextStatement).line
          : location.endLine + 1;
    directives.push({ ...parsed, location, targetLine });
  }
  return directives;
}

/** The index of the next character that is neither white space nor in a comment. */
function nextCode(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    if (/\s/.test(text[index])) index++;
    else if (text.startsWith('--', index)) index = text.indexOf('\n', index) < 0 ? text.length : text.indexOf('\n', index);
    else if (text.startsWith('/*', index)) index = text.indexOf('*/', index) < 0 ? text.length : text.indexOf('*/', index) + 2;
    else break;
  }
  return index;
}
