import type { TextRange } from './lexer';

/**
 * Text that is not SQL until a tool fills it in: psql meta-commands and
 * variables, and template placeholders declared in the config. They are
 * replaced so PostgreSQL's parser accepts the file, and positions still map
 * to the original text.
 */

/** A text with, for each character, the offset in the original it stands for (one extra entry for the end). */
export interface Substituted {
  text: string;
  offsets: number[];
}

/** Built-in placeholder syntaxes, by the name used in `placeholders` in the config. */
export const PLACEHOLDER_SYNTAXES: Record<string, RegExp> = {
  /** psql variables: `:name`, `:'name'`, `:"name"` (not `::type` casts). */
  psql: /(?<![:\w]):(?:'(\w+)'|"(\w+)"|([A-Za-z_]\w*))/g,
  /** Mustache, Jinja, Go templates: `{{ … }}`. */
  mustache: /\{\{[^}]*\}\}/g,
  /** Shell and JavaScript style: `${…}`. */
  'dollar-brace': /\$\{[^}]*\}/g,
  /** Synapse style: `$%NAME%$`. */
  'dollar-percent': /\$%\w+%\$/g,
};

export function placeholderPattern(name: string): RegExp {
  return PLACEHOLDER_SYNTAXES[name] ?? new RegExp(name, 'g');
}

/**
 * psql meta-commands become white space; one that follows a query on the same
 * line (`SELECT … \gset`) ends that query, as in psql, so it becomes `;`.
 */
export function blankMetaCommands(text: string, commands: readonly TextRange[]): string {
  let result = text;
  for (const { start, end } of commands) {
    const lineStart = Math.max(result.lastIndexOf('\n', start - 1) + 1, 0);
    const endsQuery = result.slice(lineStart, start).trim().length > 0;
    result = result.slice(0, start) + (endsQuery ? ';' : ' ') + ' '.repeat(end - start - 1) + result.slice(end);
  }
  return result;
}

/** Replaces each placeholder with an identifier (a psql `:'x'` with a string, `:"x"` with a quoted name). */
export function substitutePlaceholders(text: string, patterns: readonly RegExp[]): Substituted {
  const matches: Array<{ start: number; end: number; replacement: string }> = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
      const start = match.index ?? 0;
      if (matches.some((other) => start < other.end && start + match[0].length > other.start)) continue;
      matches.push({ start, end: start + match[0].length, replacement: replacementFor(match) });
    }
  }
  matches.sort((a, b) => a.start - b.start);
  let result = '';
  const offsets: number[] = [];
  let last = 0;
  for (const { start, end, replacement } of matches) {
    result += text.slice(last, start);
    for (let offset = last; offset < start; offset++) offsets.push(offset);
    result += replacement;
    for (let index = 0; index < replacement.length; index++) offsets.push(start);
    last = end;
  }
  result += text.slice(last);
  for (let offset = last; offset <= text.length; offset++) offsets.push(offset);
  return { text: result, offsets };
}

function replacementFor(match: RegExpMatchArray): string {
  if (match[1] !== undefined && match[0].startsWith(":'")) return `'${match[1]}'`;
  if (match[2] !== undefined && match[0].startsWith(':"')) return `"${match[2]}"`;
  const name = match[0].replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return `placeholder_${name || 'value'}`.slice(0, 63);
}
