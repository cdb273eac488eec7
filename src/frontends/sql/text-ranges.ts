import { scanWork } from '../scan-work';
import type { TextRange } from './lexer';

/**
 * Work on sorted, non-overlapping ranges of a text in one pass each: files
 * can hold a hundred thousand of them (psql lines, runner markers, COPY data).
 */

/** Whether `offset` lies in one of the ranges (sorted by start, not overlapping). */
export function inRanges(ranges: readonly TextRange[], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (offset < range.start) high = middle - 1;
    else if (offset >= range.end) low = middle + 1;
    else return true;
  }
  return false;
}

/** The text with each range replaced by `replacement(range)` (sorted by start, not overlapping). */
export function replaceRanges(text: string, ranges: readonly TextRange[], replacement: (range: TextRange) => string): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const range of ranges) {
    scanWork.steps++;
    parts.push(text.slice(last, range.start), replacement(range));
    last = range.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** The range's text as spaces, keeping its line breaks, so every offset and line stays put. */
export function blankedText(text: string, range: TextRange): string {
  return text.slice(range.start, range.end).replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
}

/** Ranges merged into one sorted list, without overlaps (each input list sorted). */
export function mergeRanges(...lists: ReadonlyArray<readonly TextRange[]>): TextRange[] {
  const all = lists.flat().sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const range of all) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}
