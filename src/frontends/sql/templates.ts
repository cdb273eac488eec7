import { scanWork } from '../scan-work';
import type { TextRange } from './lexer';
import type { PlaceholderMatch, PlaceholderMatcher } from './placeholder-patterns';
import { replaceRanges } from './text-ranges';

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

/**
 * psql meta-commands become white space; one that follows a query on the same
 * line (`SELECT … \gset`) ends that query, as in psql, so it becomes `;`.
 */
export function blankMetaCommands(text: string, commands: readonly TextRange[]): string {
  return replaceRanges(text, commands, ({ start, end }) => (followsCode(text, start) ? ';' : ' ') + ' '.repeat(end - start - 1));
}

/** Whether there is code before `offset` on its line. */
function followsCode(text: string, offset: number): boolean {
  for (let index = offset - 1; index >= 0; index--) {
    scanWork.steps++;
    const ch = text[index];
    if (ch === '\n' || ch === '\r') return false;
    if (ch !== ' ' && ch !== '\t' && ch !== '\f') return true;
  }
  return false;
}

/** Replaces each placeholder with an identifier (a psql `:'x'` with a string, `:"x"` with a quoted name). */
export function substitutePlaceholders(text: string, matchers: readonly PlaceholderMatcher[]): Substituted {
  // Earlier patterns win where matches overlap; each pattern's matches come in order, so one merge each.
  let matches: Array<{ start: number; end: number; replacement: string }> = [];
  for (const matcher of matchers) {
    const accepted: typeof matches = [];
    let taken = 0;
    for (const match of matcher.matches(text)) {
      scanWork.steps++;
      const { start, end } = match;
      if (end === start) continue; // an empty match replaces nothing
      while (taken < matches.length && matches[taken].end <= start) {
        scanWork.steps++;
        taken++;
      }
      if (taken < matches.length && matches[taken].start < end) continue;
      accepted.push({ start, end, replacement: replacementFor(match) });
    }
    matches = mergeSorted(matches, accepted);
  }
  const parts: string[] = [];
  const offsets: number[] = [];
  let last = 0;
  for (const { start, end, replacement } of matches) {
    parts.push(text.slice(last, start), replacement);
    for (let offset = last; offset < start; offset++) offsets.push(offset);
    for (let index = 0; index < replacement.length; index++) offsets.push(start);
    last = end;
  }
  parts.push(text.slice(last));
  for (let offset = last; offset <= text.length; offset++) offsets.push(offset);
  return { text: parts.join(''), offsets };
}

function mergeSorted<T extends { start: number }>(a: readonly T[], b: readonly T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  return merged;
}

function replacementFor(match: PlaceholderMatch): string {
  if (match.groups[0] !== undefined && match.text.startsWith(":'")) return `'${match.groups[0]}'`;
  if (match.groups[1] !== undefined && match.text.startsWith(':"')) return `"${match.groups[1]}"`;
  const name = match.text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return `placeholder_${name || 'value'}`.slice(0, 63);
}
