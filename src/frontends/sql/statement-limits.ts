import { scanWork } from '../scan-work';
import { DOLLAR_TAG, type TextRange, blockCommentEnd, isIdentifierPart, isIdentifierStart, quotedEnd } from './lexer';

/**
 * Statements too deep or too large for PostgreSQL's parser as migralint runs
 * it, found before parsing. The parser is WebAssembly: a statement nested
 * thousands of levels deep (`1+1+…`, a long UNION or JOIN chain) overflows
 * the thread's stack, at a depth that differs between threads and runs, and a
 * statement of a few million tokens exhausts its memory. Both are decided here,
 * from the text alone, so every thread gives the same answer and the parser
 * only sees what it can parse.
 */

/**
 * The deepest nesting allowed, as `measureStatement` bounds it: a fifth of the
 * least at which the parser was seen to overflow the main thread's stack
 * (5,201, for nested subqueries; 9,657 for `1+1+…`; workers have more stack).
 * test/frontends/statement-limits.test.ts checks the margin on deep shapes.
 */
export const MAX_STATEMENT_NESTING = 1000;
/** The most tokens (words, literals, operators) in one statement: about 750 KB of `1, 1, …`, which the parser takes a second and 300 MB for. */
export const MAX_STATEMENT_TOKENS = 250_000;

export interface StatementBeyondLimits extends TextRange {
  reason: 'nesting' | 'size';
}

/** Statements (between top-level semicolons) beyond the parser's limits, in text order. */
export function statementsBeyondLimits(text: string, semicolons: readonly number[]): StatementBeyondLimits[] {
  const found: StatementBeyondLimits[] = [];
  let start = 0;
  for (const end of [...semicolons, text.length]) {
    // Every token counted adds at most one level or one token: a short statement is within both limits.
    if (end - start > MAX_STATEMENT_NESTING) {
      const measure = measureStatement(text, start, end);
      if (measure.tokens > MAX_STATEMENT_TOKENS) found.push({ start, end, reason: 'size' });
      else if (measure.nesting > MAX_STATEMENT_NESTING) found.push({ start, end, reason: 'nesting' });
    }
    start = end;
  }
  return found;
}

/** Whether a fragment of SQL (an expression, a type) is within both limits. */
export function withinParserLimits(sql: string): boolean {
  if (sql.length <= MAX_STATEMENT_NESTING) return true;
  const measure = measureStatement(sql, 0, sql.length);
  return measure.tokens <= MAX_STATEMENT_TOKENS && measure.nesting <= MAX_STATEMENT_NESTING;
}

interface Group {
  /** A `CASE … END` (whose WHEN, THEN and ELSE separate like commas), or brackets. */
  isCase: boolean;
  /** Parentheses around an expression (not a call's or a keyword's): no level of their own, unless they hold a row. */
  isGrouping: boolean;
  hasComma: boolean;
  /** The deepest comma-separated segment so far. */
  deepest: number;
  /** In the current segment: the deepest AND/OR part so far, and whether there was an AND or OR. */
  deepestPart: number;
  hasBoolean: boolean;
  /** In the current part: operators and words, and the deepest group within it. */
  operators: number;
  deepestChild: number;
}

const newGroup = (isCase: boolean, isGrouping = false): Group => ({
  isCase,
  isGrouping,
  hasComma: false,
  deepest: 0,
  deepestPart: 0,
  hasBoolean: false,
  operators: 0,
  deepestChild: 0,
});

function endPart(group: Group): void {
  group.deepestPart = Math.max(group.deepestPart, group.operators + group.deepestChild);
  group.operators = 0;
  group.deepestChild = 0;
}

function endSegment(group: Group): void {
  endPart(group);
  group.deepest = Math.max(group.deepest, group.deepestPart + (group.hasBoolean ? 2 : 0));
  group.deepestPart = 0;
  group.hasBoolean = false;
}

function closeGroup(groups: Group[]): void {
  const group = groups.pop() as Group;
  endSegment(group);
  const parent = groups[groups.length - 1];
  parent.deepestChild = Math.max(parent.deepestChild, group.deepest + (group.isGrouping && !group.hasComma ? 0 : 1));
}

const OPERATOR_CHARS = new Set('+-*/<>=~!@#%^&|`?:');

/**
 * An upper bound on the depth of the statement's parse tree, and its number
 * of tokens. Operators and words add a level each within their part of an
 * expression; commas, and the flat lists PostgreSQL makes of AND, OR and CASE
 * branches, start a new part; brackets and CASE nest.
 */
export function measureStatement(text: string, from: number, to: number): { nesting: number; tokens: number } {
  const groups: Group[] = [newGroup(false)];
  let tokens = 0;
  /** Whether the last token ends an operand (a word, a literal, a closing bracket): a `(` after it belongs to a call or keyword. */
  let afterOperand = false;
  let i = from;
  while (i < to) {
    scanWork.steps++;
    const ch = text[i];
    const code = text.charCodeAt(i);
    const group = groups[groups.length - 1];
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '-' && text[i + 1] === '-') {
      while (i < to && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      i = Math.min(blockCommentEnd(text, i), to);
      continue;
    }
    const operand = afterOperand;
    afterOperand = true;
    // Brackets and commas cost the parser little; words, literals and operators each make a node or more.
    if (ch !== '(' && ch !== ')' && ch !== '[' && ch !== ']' && ch !== ',') tokens++;
    if (ch === "'") {
      i = Math.min(quotedEnd(text, i, "'", i > from && (text[i - 1] === 'e' || text[i - 1] === 'E')), to);
    } else if (ch === '"') {
      i = Math.min(quotedEnd(text, i, '"', false), to);
      group.operators++;
    } else if (ch === '$' && DOLLAR_TAG.test(text.slice(i, i + 64))) {
      const tag = (DOLLAR_TAG.exec(text.slice(i, i + 64)) as RegExpExecArray)[0];
      const close = text.indexOf(tag, i + tag.length);
      i = close < 0 || close >= to ? to : close + tag.length;
    } else if (ch === '(' || ch === '[') {
      groups.push(newGroup(false, ch === '(' && !operand));
      afterOperand = false;
      i++;
    } else if (ch === ')' || ch === ']') {
      if (groups.length > 1 && !group.isCase) closeGroup(groups);
      i++;
    } else if (ch === ',') {
      endSegment(group);
      group.hasComma = true;
      afterOperand = false;
      i++;
    } else if (isIdentifierStart(code)) {
      let end = i + 1;
      while (end < to && isIdentifierPart(text.charCodeAt(end))) end++;
      word(groups, end - i <= 4 ? text.slice(i, end).toLowerCase() : '');
      i = end;
    } else if (code >= 48 && code <= 57) {
      while (i < to && (isIdentifierPart(text.charCodeAt(i)) || text[i] === '.')) i++;
    } else if (OPERATOR_CHARS.has(ch)) {
      while (i < to && OPERATOR_CHARS.has(text[i]) && !(text[i] === '-' && text[i + 1] === '-')) i++;
      group.operators++;
      afterOperand = false;
    } else i++;
  }
  while (groups.length > 1) closeGroup(groups);
  endSegment(groups[0]);
  return { nesting: groups[0].deepest, tokens };
}

/** A word: AND and OR make flat lists, CASE … END nests, WHEN/THEN/ELSE separate its branches; others count as operators. */
function word(groups: Group[], lower: string): void {
  const group = groups[groups.length - 1];
  if (lower === 'and' || lower === 'or') {
    endPart(group);
    group.hasBoolean = true;
  } else if (lower === 'case') {
    group.operators++;
    groups.push(newGroup(true));
  } else if (group.isCase && (lower === 'when' || lower === 'then' || lower === 'else')) {
    endSegment(group);
  } else if (group.isCase && lower === 'end') {
    closeGroup(groups);
  } else {
    group.operators++;
  }
}
