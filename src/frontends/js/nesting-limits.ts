import { scanWork } from '../scan-work';

/**
 * JavaScript nested too deeply for the parser, found before parsing. Babel
 * parses recursively: a few hundred levels of nesting (a deep constant, a long
 * chain of arrows or conditionals) exhaust a thread's stack, at a depth that
 * differs between threads and between runs (V8 compiles hot functions to
 * smaller frames). The text is measured here instead, the same on every thread:
 * a part that nests beyond the limit is cut out (replaced by a stand-in of the
 * same length and lines), so the rest of the file parses and is checked.
 */

/**
 * The most nesting allowed, in the units of COSTS: a third of the least at
 * which Babel was seen to overflow the main thread's stack before V8 optimised
 * it (about 3,000 for `'a' + 'a' + …`, 3,200 for `else if` chains, 3,300 for
 * nested arrays; workers have more stack). test/frontends/script-nesting.test.ts checks the margin.
 */
export const MAX_SCRIPT_NESTING = 1000;

/** What each construct costs Babel's stack, roughly, in units of one binary operator. */
const COSTS = { bracket: 10, arrow: 6, conditional: 3, elseIf: 2, operator: 1 };

/** A part of the text to leave out of the parse, and its stand-in (as long, with the same line breaks). */
export interface DeepRegion {
  start: number;
  end: number;
  replacement: string;
}

/** The text with the regions replaced by their stand-ins. */
export function withoutRegions(text: string, regions: readonly DeepRegion[]): string {
  let result = '';
  let last = 0;
  for (const region of regions) {
    result += text.slice(last, region.start) + region.replacement;
    last = region.end;
  }
  return result + text.slice(last);
}

/**
 * The parts of a script that nest beyond MAX_SCRIPT_NESTING, in text order.
 * A scan of tokens (strings, template literals, comments and regular
 * expressions skipped), not a parse: it only bounds how deep Babel will recurse.
 */
export function deepRegions(text: string): DeepRegion[] {
  const scanner = new NestingScanner(text, MAX_SCRIPT_NESTING);
  scanner.scan();
  return scanner.regions;
}

/** The deepest nesting in the text, in the units of COSTS (nothing cut). */
export function scriptNesting(text: string): number {
  const scanner = new NestingScanner(text, Infinity);
  scanner.scan();
  return scanner.deepest;
}

interface Frame {
  /** `(`, `[`, `{`, `${`, or '' for the top level. */
  opener: string;
  /** Whether its cost is counted (frames opened inside a part being cut are not). */
  counted: boolean;
  /** Operators in the current segment (since the last comma, semicolon or statement break), and where it began. */
  operators: number;
  segmentStart: number;
  /** `else if` links of the current chain: they nest although each link ends with a semicolon. */
  elseIfs: number;
}

/** Words after which `/` starts a regular expression rather than dividing. */
const WORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'instanceof', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'of', 'extends']);
/** Words that nest what follows them. */
const NESTING_WORDS = new Set(['new', 'typeof', 'void', 'delete', 'await', 'yield', 'in', 'instanceof', 'as', 'satisfies', 'keyof', 'if', 'for', 'while', 'with', 'else']);
/** Words that continue an expression on the next line (no statement break before them). */
const CONTINUING_WORDS = new Set(['in', 'instanceof', 'as', 'satisfies', 'of']);
const OPERATOR_CHARS = '+-*/%=<>!~&|^:?';

class NestingScanner {
  readonly regions: DeepRegion[] = [];
  /** The greatest cost seen. */
  deepest = 0;
  private readonly frames: Frame[] = [newFrame('', 0, true)];
  /** The cost of the open frames and their current segments and chains. */
  private total = 0;
  /** The part being cut: it ends when `frame` closes, or (`segment`) when its current segment ends. */
  private cutting: { start: number; frame: Frame; segment: boolean } | undefined;
  private index = 0;
  /** Whether the last token can end an expression: then a `/` divides, and a line break may end a statement. */
  private afterOperand = false;
  private lineBreakAfterOperand = false;
  private previousWord = '';

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  scan(): void {
    const text = this.text;
    while (this.index < text.length) {
      scanWork.steps++;
      const ch = text[this.index];
      if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') {
        if (this.afterOperand) this.lineBreakAfterOperand = true;
        this.index++;
      } else if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || ch === '\u00a0' || ch === '\ufeff') {
        this.index++;
      } else if (ch === '/' && text[this.index + 1] === '/') {
        while (this.index < text.length && text[this.index] !== '\n' && text[this.index] !== '\r') this.index++;
      } else if (ch === '/' && text[this.index + 1] === '*') {
        const end = text.indexOf('*/', this.index + 2);
        const close = end < 0 ? text.length : end + 2;
        if (this.afterOperand && /[\n\r\u2028\u2029]/.test(text.slice(this.index, close))) this.lineBreakAfterOperand = true;
        this.index = close;
      } else {
        // After a line break that follows a complete expression, a word or literal starts a new statement.
        if (this.lineBreakAfterOperand && startsStatement(text, this.index)) this.endSegment(this.index);
        this.lineBreakAfterOperand = false;
        const word = this.token(ch);
        this.previousWord = word;
      }
    }
    if (this.cutting) this.finishCut(text.length);
  }

  /** Reads one token at `index`; returns it when it is a word. */
  private token(ch: string): string {
    const text = this.text;
    const next = text[this.index + 1];
    const at = this.index;
    if (ch === '"' || ch === "'") {
      this.index = stringEnd(text, at);
      this.afterOperand = true;
    } else if (ch === '`' || (ch === '}' && this.top().opener === '${')) {
      if (ch === '}') this.close(at);
      this.templateText(at + 1);
    } else if (ch === '(' || ch === '[' || ch === '{') {
      this.index++;
      this.open(ch, this.index);
      this.afterOperand = false;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (this.frames.length > 1) this.close(at);
      this.index++;
      this.afterOperand = true;
    } else if (ch === ',' || ch === ';') {
      this.endSegment(at, at + 1);
      this.index++;
      this.afterOperand = false;
    } else if (ch === '/' && !this.afterOperand) {
      this.index = regularExpressionEnd(text, at);
      this.afterOperand = true;
    } else if (isWordStart(ch)) {
      let end = at + 1;
      while (end < text.length && isWordPart(text[end])) end++;
      const word = text.slice(at, end);
      this.index = end;
      this.word(word);
      return word;
    } else if (isDigit(ch) || (ch === '.' && isDigit(next))) {
      while (this.index < text.length && (isWordPart(text[this.index]) || text[this.index] === '.')) this.index++;
      this.afterOperand = true;
    } else if (ch === '=' && next === '>') {
      this.index += 2;
      this.addCost(COSTS.arrow);
      this.afterOperand = false;
    } else if (ch === '?' && next === '.' && !isDigit(text[at + 2])) {
      this.index += 2; // optional chaining: a member access, which does not nest
    } else if (ch === '?' && next !== '?') {
      this.index++;
      this.addCost(COSTS.conditional);
      this.afterOperand = false;
    } else if (OPERATOR_CHARS.includes(ch)) {
      while (this.index < text.length && OPERATOR_CHARS.includes(text[this.index]) && !text.startsWith('//', this.index) && !text.startsWith('/*', this.index)) this.index++;
      const postfix = (ch === '+' && next === '+') || (ch === '-' && next === '-');
      // `!!!a` and `~~a` nest once per character; other runs (`===`, `>>>=`) are one operator.
      this.addCost(COSTS.operator * Math.max(1, countNegations(text, at, this.index)));
      this.afterOperand = postfix && this.afterOperand;
    } else {
      this.index++; // `.`, `@`, and anything else that does not nest
      this.afterOperand = false;
    }
    return '';
  }

  private word(word: string): void {
    if (word === 'if' && this.previousWord === 'else') {
      this.addCost(COSTS.elseIf, true);
    } else if (word === 'if') {
      this.total -= this.top().counted ? this.top().elseIfs * COSTS.elseIf : 0;
      this.top().elseIfs = 0;
    }
    if (NESTING_WORDS.has(word)) this.addCost(COSTS.operator);
    this.afterOperand = !WORDS_BEFORE_EXPRESSION.has(word) && !NESTING_WORDS.has(word);
  }

  /** Template text up to its closing backquote, or up to a `${`, which opens a frame. */
  private templateText(from: number): void {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\\') i += 2;
      else if (ch === '`') break;
      else if (ch === '$' && text[i + 1] === '{') {
        this.index = i + 2;
        this.open('${', this.index);
        this.afterOperand = false;
        return;
      } else i++;
    }
    this.index = Math.min(i + 1, text.length);
    this.afterOperand = true;
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private open(opener: string, contentStart: number): void {
    const frame = newFrame(opener, contentStart, !this.cutting);
    this.frames.push(frame);
    if (!frame.counted) return;
    this.total += COSTS.bracket;
    this.deepest = Math.max(this.deepest, this.total);
    if (this.total > this.limit) this.cutting = { start: contentStart, frame, segment: false };
  }

  private close(at: number): void {
    const frame = this.frames.pop() as Frame;
    if (this.cutting?.frame === frame) this.finishCut(at);
    if (frame.counted) this.total -= COSTS.bracket + frame.operators + frame.elseIfs * COSTS.elseIf;
  }

  /** A comma, semicolon or statement break at `at`; the next segment starts at `next`. */
  private endSegment(at: number, next = at): void {
    const frame = this.top();
    if (this.cutting?.frame === frame && this.cutting.segment) this.finishCut(at);
    if (frame.counted) this.total -= frame.operators;
    frame.operators = 0;
    frame.segmentStart = next;
  }

  /** Adds to the current segment's cost, or (`chain`) to the frame's `else if` chain, which outlasts segments. */
  private addCost(cost: number, chain = false): void {
    const frame = this.top();
    if (this.cutting || !frame.counted) return;
    if (chain) frame.elseIfs++;
    else frame.operators += cost;
    this.total += cost;
    this.deepest = Math.max(this.deepest, this.total);
    if (this.total > this.limit) this.cutting = { start: frame.segmentStart, frame, segment: true };
  }

  private finishCut(end: number): void {
    const { start, frame } = this.cutting as NonNullable<NestingScanner['cutting']>;
    this.cutting = undefined;
    if (end > start) this.regions.push({ start, end, replacement: standIn(this.text.slice(start, end), frame.opener) });
  }
}

function newFrame(opener: string, start: number, counted: boolean): Frame {
  return { opener, counted, operators: 0, segmentStart: start, elseIfs: 0 };
}

/** Blanks with the same line breaks, beginning with `0` where an expression is expected (in parentheses, brackets, `${}`). */
function standIn(cut: string, opener: string): string {
  const blank = cut.replace(/[^\r\n\u2028\u2029]/g, ' ');
  const leading = cut.length - cut.trimStart().length;
  if (opener === '{' || opener === '' || leading === blank.length) return blank;
  return `${blank.slice(0, leading)}0${blank.slice(leading + 1)}`;
}

function countNegations(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if ((text[i] === '!' && text[i + 1] !== '=') || text[i] === '~') count++;
  return count;
}

function startsStatement(text: string, at: number): boolean {
  const ch = text[at];
  if (isWordStart(ch)) {
    let end = at + 1;
    while (end < text.length && isWordPart(text[end])) end++;
    return !CONTINUING_WORDS.has(text.slice(at, end));
  }
  return ch === '"' || ch === "'" || isDigit(ch) || ch === '@';
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isWordStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_' || ch === '$' || ch === '#' || ch.charCodeAt(0) >= 0x80;
}

function isWordPart(ch: string): boolean {
  return isWordStart(ch) || isDigit(ch);
}

function stringEnd(text: string, from: number): number {
  const quote = text[from];
  let i = from + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === quote || ch === '\n' || ch === '\r') return i + 1;
    else i++;
  }
  return text.length;
}

/** The end of a regular expression literal at `from`, or just after the `/` when none ends on its line. */
function regularExpressionEnd(text: string, from: number): number {
  let i = from + 1;
  let inClass = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') return from + 1;
    if (ch === '\\') i += 2;
    else if (ch === '[') {
      inClass = true;
      i++;
    } else if (ch === ']') {
      inClass = false;
      i++;
    } else if (ch === '/' && !inClass) {
      i++;
      while (i < text.length && isWordPart(text[i])) i++;
      return i;
    } else i++;
  }
  return from + 1;
}
