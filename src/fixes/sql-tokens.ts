/** A token of a SQL statement, at character offsets, with the parenthesis depth it sits at. */
export interface SqlToken {
  start: number;
  end: number;
  text: string;
  /** Upper-case text for words and symbols; the name for quoted identifiers. */
  word: string;
  /** A bare word (a keyword, or a name PostgreSQL folds to lower case), a quoted identifier, or anything else. */
  kind: 'keyword' | 'identifier' | 'other';
  depth: number;
}

const isWordStart = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 0x80;
const isWordPart = (code: number) => isWordStart(code) || (code >= 48 && code <= 57) || code === 36;
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);

/**
 * The tokens of one SQL statement, comments left out: words, quoted names,
 * strings (standard, `E''`, dollar-quoted), numbers and symbols, so that text
 * inside strings and comments is never taken for a keyword. A small scanner
 * of our own rather than PostgreSQL's: suggestions are written for every
 * finding a report shows, and the WebAssembly scanner's round trip costs far
 * more than scanning a statement here. Undefined for text it cannot scan (an
 * unterminated string or comment).
 */
export function sqlTokens(sql: string): SqlToken[] | undefined {
  const tokens: SqlToken[] = [];
  let depth = 0;
  let index = 0;
  const push = (start: number, end: number, kind: SqlToken['kind'], word: string) => {
    const text = sql.slice(start, end);
    if (text === ')') depth = Math.max(depth - 1, 0);
    tokens.push({ start, end, text, word, kind, depth });
    if (text === '(') depth++;
  };
  while (index < sql.length) {
    const code = sql.charCodeAt(index);
    const char = sql[index];
    if (isSpace(code)) {
      index++;
      continue;
    }
    if (char === '-' && sql[index + 1] === '-') {
      const end = sql.indexOf('\n', index);
      index = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (char === '/' && sql[index + 1] === '*') {
      const end = blockCommentEnd(sql, index);
      if (end === undefined) return undefined;
      index = end;
      continue;
    }
    if (char === '"') {
      const end = quotedEnd(sql, index, '"');
      if (end === undefined) return undefined;
      push(index, end, 'identifier', sql.slice(index + 1, end - 1).replace(/""/g, '"'));
      index = end;
      continue;
    }
    if (char === "'" || ((char === 'E' || char === 'e') && sql[index + 1] === "'")) {
      const open = char === "'" ? index : index + 1;
      const end = quotedEnd(sql, open, "'", open !== index);
      if (end === undefined) return undefined;
      push(index, end, 'other', sql.slice(index, end));
      index = end;
      continue;
    }
    if (char === '$') {
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(index, index + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], index + tag[0].length);
        if (end < 0) return undefined;
        push(index, end + tag[0].length, 'other', sql.slice(index, end + tag[0].length));
        index = end + tag[0].length;
        continue;
      }
    }
    if (isWordStart(code)) {
      let end = index + 1;
      while (end < sql.length && isWordPart(sql.charCodeAt(end))) end++;
      push(index, end, 'keyword', sql.slice(index, end).toUpperCase());
      index = end;
      continue;
    }
    if (code >= 48 && code <= 57) {
      let end = index + 1;
      while (end < sql.length && /[0-9.eE]/.test(sql[end])) end++;
      push(index, end, 'other', sql.slice(index, end));
      index = end;
      continue;
    }
    // `::` stays one token; every other symbol is one character.
    const length = char === ':' && sql[index + 1] === ':' ? 2 : 1;
    push(index, index + length, 'other', sql.slice(index, index + length));
    index += length;
  }
  return tokens;
}

function blockCommentEnd(sql: string, start: number): number | undefined {
  let nesting = 0;
  for (let index = start; index < sql.length - 1; index++) {
    if (sql[index] === '/' && sql[index + 1] === '*') {
      nesting++;
      index++;
    } else if (sql[index] === '*' && sql[index + 1] === '/') {
      nesting--;
      index++;
      if (nesting === 0) return index + 1;
    }
  }
  return undefined;
}

/** The end of a quoted name or string (a doubled quote stays inside; in `E''`, so does a backslash-escaped one). */
function quotedEnd(sql: string, start: number, quote: string, backslashes = false): number | undefined {
  for (let index = start + 1; index < sql.length; index++) {
    if (backslashes && sql[index] === '\\') index++;
    else if (sql[index] === quote) {
      if (sql[index + 1] === quote) index++;
      else return index + 1;
    }
  }
  return undefined;
}

/** The name a token stands for: a quoted identifier as written, a bare word folded to lower case. */
export function nameOf(token: SqlToken | undefined): string | undefined {
  if (!token) return undefined;
  return token.kind === 'identifier' ? token.word : token.text.toLowerCase();
}

/** Whether the token is a name equal to `name`: a quoted identifier as written, a bare word folded to lower case. */
export function isName(token: SqlToken | undefined, name: string): boolean {
  if (!token) return false;
  if (token.kind === 'identifier') return token.word === name;
  return token.kind === 'keyword' && token.text.toLowerCase() === name;
}

/** The first top-level token sequence matching the words (a `?` suffix makes a word optional): its first token and the one past it. */
export function findWords(tokens: readonly SqlToken[], words: readonly string[], from = 0): { start: number; end: number } | undefined {
  for (let index = from; index < tokens.length; index++) {
    if (tokens[index].depth !== 0) continue;
    const matched = matchAt(tokens, index, words);
    if (matched !== undefined) return { start: index, end: matched };
  }
  return undefined;
}

/** Matches the words at `index`; returns the index just past the match. */
export function matchAt(tokens: readonly SqlToken[], index: number, words: readonly string[]): number | undefined {
  let at = index;
  for (const word of words) {
    const optional = word.endsWith('?');
    const wanted = optional ? word.slice(0, -1) : word;
    if (tokens[at]?.kind !== 'identifier' && tokens[at]?.word === wanted) at++;
    else if (!optional) return undefined;
  }
  return at;
}

/** The index just past a (possibly schema-qualified) name starting at `index`. */
export function skipQualifiedName(tokens: readonly SqlToken[], index: number): number {
  let at = index + 1;
  while (tokens[at]?.text === '.' && tokens[at + 1]) at += 2;
  return at;
}

/** The index of the first top-level `,` at or after `index`, or the token count: where a clause of ALTER TABLE ends. */
export function clauseEnd(tokens: readonly SqlToken[], index: number): number {
  const depth = tokens[index]?.depth ?? 0;
  for (let at = index; at < tokens.length; at++) {
    if (tokens[at].depth < depth) return at;
    if (tokens[at].depth === depth && (tokens[at].text === ',' || tokens[at].text === ';')) return at;
  }
  return tokens.length;
}
