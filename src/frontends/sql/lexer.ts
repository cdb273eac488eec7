import { scanWork } from '../scan-work';

/**
 * A small PostgreSQL lexer that finds what the parser's tree does not keep:
 * comments (for ignore directives and statement boundaries) and identifiers as
 * written (the parser truncates them to 63 bytes). Strings, quoted identifiers
 * and dollar-quoted bodies are skipped, so nothing inside them is mistaken for
 * a comment.
 */

export interface TextRange {
  start: number;
  end: number;
}

export interface Comment extends TextRange {
  text: string;
}

export interface Identifier extends TextRange {
  name: string;
}

export interface SqlTokens {
  comments: Comment[];
  /** Identifiers longer than PostgreSQL's limit, as written. */
  longIdentifiers: Identifier[];
  /** psql meta-commands (`\set`, `\i`, `\gset`, …): from the backslash to the end of the line. */
  metaCommands: TextRange[];
  /** Where each semicolon outside strings and comments is, as the index just after it. */
  semicolons: number[];
  /** The data lines after `COPY … FROM stdin;` (or psql's `\copy … from stdin`), up to and with the `\.` line. */
  copyData: TextRange[];
}

const MAX_IDENTIFIER_BYTES = 63;

// Character classes by code, not by RegExp: the lexer looks at every character of every file.
export function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 0x80;
}

export function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57) || code === 36;
}

const IDENTIFIER_PART = { test: (ch: string) => ch.length > 0 && isIdentifierPart(ch.charCodeAt(0)) };
export const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

export function scanSql(text: string): SqlTokens {
  const comments: Comment[] = [];
  const longIdentifiers: Identifier[] = [];
  const metaCommands: TextRange[] = [];
  const semicolons: number[] = [];
  const copyData: TextRange[] = [];
  /** Where the current statement began, and its first word lower-cased when it has four letters (else ''). */
  let statementStart = 0;
  let firstWord: string | undefined;
  /** Data that follows the current line, skipped when the scan gets there. */
  let pendingData: TextRange | undefined;
  const noteIdentifier = (name: string, start: number, end: number) => {
    if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) longIdentifiers.push({ name, start, end });
  };
  let i = 0;
  while (i < text.length) {
    scanWork.steps++;
    if (pendingData && i >= pendingData.start) {
      copyData.push(pendingData);
      i = Math.max(i, pendingData.end);
      pendingData = undefined;
      continue;
    }
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '-' && next === '-') {
      const end = lineEnd(text, i);
      comments.push({ start: i, end, text: text.slice(i, end) });
      i = end;
    } else if (ch === '/' && next === '*') {
      const end = blockCommentEnd(text, i);
      comments.push({ start: i, end, text: text.slice(i, end) });
      i = end;
    } else if (ch === "'") {
      const escapes = i > 0 && /[eE]/.test(text[i - 1]) && !IDENTIFIER_PART.test(text[i - 2] ?? ' ');
      i = quotedEnd(text, i, "'", escapes);
    } else if (ch === '"') {
      const end = quotedEnd(text, i, '"', false);
      noteIdentifier(text.slice(i + 1, end - 1).replace(/""/g, '"'), i, end);
      i = end;
    } else if (ch === '$' && !IDENTIFIER_PART.test(text[i - 1] ?? ' ')) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 128));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? text.length : close + tag[0].length;
      } else i++;
    } else if (ch === '\\') {
      // Outside strings and comments a backslash starts a psql meta-command, which runs to the end of the line.
      const end = lineEnd(text, i);
      metaCommands.push({ start: i, end });
      if (COPY_META_FROM_STDIN.test(text.slice(i, end))) pendingData = copyDataAfter(text, end);
      // One that follows a query on its line (`SELECT … \gset`) ends that query, as a semicolon would.
      if (firstWord !== undefined && !startsLine(text, i)) {
        statementStart = end;
        firstWord = undefined;
      }
      i = end;
    } else if (ch === ';') {
      semicolons.push(++i);
      if (firstWord === 'copy' && COPY_FROM_STDIN.test(text.slice(statementStart, i))) pendingData = copyDataAfter(text, i);
      statementStart = i;
      firstWord = undefined;
    } else if (isIdentifierStart(ch.charCodeAt(0))) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
      firstWord ??= end - i === 4 ? text.slice(i, end).toLowerCase() : '';
      // Only identifiers that might be too long are sliced out (most are short).
      if (end - i > MAX_IDENTIFIER_BYTES / 4) noteIdentifier(text.slice(i, end), i, end);
      i = end;
    } else i++;
  }
  return { comments, longIdentifiers, metaCommands, semicolons, copyData };
}

const COPY_FROM_STDIN = /\bfrom\s+stdin\b/i;
const COPY_META_FROM_STDIN = /^\\copy\b.*\bfrom\s+stdin\b/i;

/**
 * The data of a COPY from standard input: from the line after `from` to the
 * end of the `\.` line, or of the text when there is none (as psql reads it).
 */
function copyDataAfter(text: string, from: number): TextRange | undefined {
  const commandEnd = lineEnd(text, from);
  if (commandEnd >= text.length) return undefined;
  const start = commandEnd + (text[commandEnd] === '\r' && text[commandEnd + 1] === '\n' ? 2 : 1);
  let line = start;
  while (line < text.length) {
    scanWork.steps++;
    const end = lineEnd(text, line);
    if (end === line + 2 && text[line] === '\\' && text[line + 1] === '.') return { start, end };
    line = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return { start, end: text.length };
}

/** Whether only blanks precede `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  for (let index = offset - 1; index >= 0; index--) {
    const ch = text[index];
    if (ch === '\n' || ch === '\r') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\f') return false;
  }
  return true;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

/** Block comments nest in PostgreSQL. */
export function blockCommentEnd(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}

/** End (exclusive) of a quoted token; a doubled quote stands for itself. */
export function quotedEnd(text: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === '\\') i += 2;
    else if (ch === quote && text[i + 1] === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i++;
  }
  return text.length;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';

/** Moves `end` back over trailing white space and comments that lie within [start, end). */
export function trimTrailing(text: string, start: number, end: number, commentsByEnd: ReadonlyMap<number, Comment>): number {
  let trimmed = end;
  for (;;) {
    while (trimmed > start && isSpace(text[trimmed - 1])) trimmed--;
    const comment = commentsByEnd.get(trimmed);
    if (!comment || comment.start < start) return trimmed;
    trimmed = comment.start;
  }
}

/** Moves `start` forward over white space and comments. */
export function trimLeading(text: string, start: number, end: number, commentsByStart: ReadonlyMap<number, Comment>): number {
  let trimmed = start;
  for (;;) {
    while (trimmed < end && isSpace(text[trimmed])) trimmed++;
    const comment = commentsByStart.get(trimmed);
    if (!comment) return trimmed;
    trimmed = comment.end;
  }
}

/**
 * The clauses of a statement's text between `start` and `end`, split at the
 * commas outside parentheses, strings, quoted identifiers, dollar-quoted bodies
 * and comments: `ADD COLUMN a int, DROP COLUMN b` → two ranges, each trimmed of
 * white space and comments.
 */
export function topLevelClauses(text: string, start: number, end: number): TextRange[] {
  const clauses: TextRange[] = [];
  let depth = 0;
  let clauseStart = start;
  let i = start;
  const close = (at: number) => clauses.push(trimRange(text, clauseStart, at));
  while (i < end) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '-' && next === '-') i = lineEnd(text, i);
    else if (ch === '/' && next === '*') i = blockCommentEnd(text, i);
    else if (ch === "'" || ch === '"') i = quotedEnd(text, i, ch, ch === "'" && i > 0 && /[eE]/.test(text[i - 1]));
    else if (ch === '$' && !IDENTIFIER_PART.test(text[i - 1] ?? ' ')) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 128));
      if (tag) {
        const closeAt = text.indexOf(tag[0], i + tag[0].length);
        i = closeAt < 0 ? end : closeAt + tag[0].length;
      } else i++;
    } else {
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && depth > 0) depth--;
      else if (ch === ',' && depth === 0) {
        close(i);
        clauseStart = i + 1;
      }
      i++;
    }
  }
  close(Math.min(i, end));
  return clauses;
}

/** A range without the white space and comments at either end. */
function trimRange(text: string, start: number, end: number): TextRange {
  let from = start;
  for (;;) {
    while (from < end && isSpace(text[from])) from++;
    if (text.startsWith('--', from)) from = Math.min(lineEnd(text, from), end);
    else if (text.startsWith('/*', from)) from = Math.min(blockCommentEnd(text, from), end);
    else break;
  }
  let to = end;
  while (to > from && isSpace(text[to - 1])) to--;
  return { start: from, end: to };
}

/** The end of a possibly qualified, possibly quoted name starting at `start` (`"public"."users"`, `users *`). */
export function qualifiedNameEnd(text: string, start: number): number {
  let i = start;
  for (;;) {
    if (text[i] === '"') i = quotedEnd(text, i, '"', false);
    else while (i < text.length && isIdentifierPart(text.charCodeAt(i))) i++;
    if (text[i] !== '.') break;
    i++;
  }
  let after = i;
  while (isSpace(text[after])) after++;
  return text[after] === '*' ? after + 1 : i;
}
