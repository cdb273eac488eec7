import type { ParseError } from 'jsonc-parser';
import { UsageError } from './errors';

/** What each of the JSON parser's error codes means, in words. */
const REASONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing brace',
  CloseBracketExpected: 'expected a closing bracket',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed here',
  UnexpectedEndOfComment: 'unclosed comment',
  UnexpectedEndOfString: 'unclosed string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape',
  InvalidCharacter: 'invalid character in a string',
};

/**
 * Parses JSON, or with `comments` JSONC as tsconfig.json reads it (`//` and
 * block comments, trailing commas). A syntax error is a UsageError naming the
 * file, line and column.
 */
export function parseJson(text: string, file: string, options: { comments: boolean }): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Comments, a trailing comma, or a mistake: the tolerant parser says which, and where.
  }
  // Loaded only here: a plain JSON config does not need it.
  const { parse, printParseErrorCode } = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: !options.comments, allowTrailingComma: options.comments });
  const [error] = errors;
  if (!error) return value;
  const { line, column } = lineAndColumn(text, error.offset);
  const code = printParseErrorCode(error.error);
  throw new UsageError(`Invalid JSON in ${file} at line ${line}, column ${column}: ${REASONS[code] ?? code}`);
}

/** 1-based line and column of a character offset; CRLF and lone CR count as one line break, a tab as one column. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - lastBreak };
}
