import { type SqlAnalysis, analyzeSql } from '../sql/analyze-sql';
import type { LineIndex } from '../text-positions';
import { type MappedText, appendRange } from './mapped-text';

/** Replaces each match with the replacer's text, which maps to where the match began. */
export function substitute(source: MappedText, pattern: RegExp, replace: (match: RegExpExecArray) => string): MappedText {
  let text = '';
  const offsets: number[] = [];
  let last = 0;
  for (const match of source.text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
    const index = match.index ?? 0;
    text += source.text.slice(last, index);
    appendRange(offsets, source.offsets, last, index);
    const replacement = replace(match as RegExpExecArray);
    text += replacement;
    for (let unit = 0; unit < replacement.length; unit++) offsets.push(source.offsets[index]);
    last = index + match[0].length;
  }
  text += source.text.slice(last);
  appendRange(offsets, source.offsets, last, source.offsets.length);
  return { text, offsets };
}

/** The bindings of a `knex.raw` call: positional (array) or named (object), with their values when constant. */
export type KnexBindings = ({ kind: 'array'; values?: unknown[] } | { kind: 'object'; names: string[]; values?: Record<string, unknown> }) & {
  /**
   * What stands for an identifier binding whose value is not known (by position, or by name): the
   * walker names it after the expression and records it as known only at run time. Default `binding_N`.
   */
  unknownIdentifier?: (key: number | string) => string | undefined;
};

/**
 * Knex bindings: with an array, `??` is an identifier and `?` a value; with an
 * object, `:name:` is an identifier and `:name` a value. `\?` is a literal `?`.
 * Constant values are substituted as Knex would; unknown ones become
 * `binding_N` (identifiers) and `$N` (values), so PostgreSQL's parser accepts them.
 */
export function substituteKnexBindings(sql: MappedText, bindings: KnexBindings | undefined): MappedText {
  if (!bindings) return sql;
  let counter = 0;
  if (bindings.kind === 'array') {
    return substitute(sql, /\\\?|\?\??/g, (match) => {
      if (match[0] === '\\?') return '?';
      const value = bindings.values?.[counter];
      counter++;
      return match[0] === '??' ? identifierText(value, () => bindings.unknownIdentifier?.(counter - 1) ?? `binding_${counter}`) : valueText(value, `$${counter}`);
    });
  }
  const known = new Set(bindings.names);
  return substitute(sql, /(?<!:):(\w+)(:?)(?!:)/g, (match) => {
    if (!known.has(match[1])) return match[0];
    counter++;
    const value = bindings.values?.[match[1]];
    return match[2] ? identifierText(value, () => bindings.unknownIdentifier?.(match[1]) ?? `binding_${match[1]}`) : valueText(value, `$${counter}`);
  });
}

/** `'users'` → `"users"`, `'public.users'` → `"public"."users"`, as Knex quotes identifiers. */
function identifierText(value: unknown, fallback: () => string): string {
  // Quoted, as Knex quotes what it substitutes: the name keeps its case.
  if (typeof value !== 'string') return `"${fallback()}"`;
  return value
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
}

function valueText(value: unknown, fallback: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'boolean') return String(value);
  return fallback;
}

/** Analyses SQL that sits in a JavaScript string, with findings at its place in the file. */
export function analyzeEmbeddedSql(sql: MappedText, lines: LineIndex, anchorLine: number, keepStatementText = false): SqlAnalysis {
  return analyzeSql({
    text: sql.text,
    locate: (charIndex) => lines.position(sql.offsets[Math.min(charIndex, sql.offsets.length - 1)]),
    anchorLine,
    keepStatementText,
  });
}
