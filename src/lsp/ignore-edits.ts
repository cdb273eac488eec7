import type { TextEdit } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import { LineIndex } from '../frontends/text-positions';
import type { FrontendName } from '../model/file';

/** The line-comment marker of each front-end's language. */
export const LINE_COMMENT: Record<FrontendName, string> = { sql: '--', knex: '//', typeorm: '//', django: '#' };

/** Findings an ignore comment makes no sense for: the file must be fixed, or the comment removed. */
export const NOT_IGNORABLE = new Set(['syntax-error', 'unused-ignore']);

/** A line comment that is an ignore directive, up to the end of its rule list (a reason follows ` -- `). */
function directiveLine(line: string, marker: string, keyword: 'migralint-ignore' | 'migralint-ignore-file'): { rulesEnd: number } | undefined {
  const head = new RegExp(`^\\s*${escapeRegExp(marker)}\\s*${keyword}(?=\\s|$)`).exec(line);
  if (!head) return undefined;
  const rest = line.slice(head[0].length);
  const ruleList = rest.split(/\s--(?:\s|$)/)[0].trimEnd();
  if (ruleList.trim().length === 0) return undefined; // a bare directive silences every rule already
  return { rulesEnd: head[0].length + ruleList.length };
}

/**
 * The edit that silences `finding` for its statement: its rule added to the
 * ignore comment just above the statement, or such a comment inserted there
 * (indented like the statement).
 */
export function ignoreStatementEdit(text: string, finding: Finding, frontend: FrontendName): TextEdit {
  const lines = new LineIndex(text);
  const marker = LINE_COMMENT[frontend];
  const anchor = finding.anchorLine ?? finding.line;
  if (anchor > 1) {
    const existing = directiveLine(lines.lineText(anchor - 1), marker, 'migralint-ignore');
    if (existing) return insertAt(anchor - 1, existing.rulesEnd, `, ${finding.rule}`);
  }
  const indent = /^[ \t]*/.exec(lines.lineText(anchor))?.[0] ?? '';
  return insertAt(anchor, 0, `${indent}${marker} migralint-ignore ${finding.rule}${lineBreakOf(text)}`);
}

/**
 * The edit that silences `rule` in the whole file: added to the file's first
 * `migralint-ignore-file` comment, or such a comment inserted at the top (after
 * a shebang, and after Python's encoding declaration).
 */
export function ignoreFileEdit(text: string, rule: string, frontend: FrontendName): TextEdit {
  const lines = new LineIndex(text);
  const marker = LINE_COMMENT[frontend];
  for (let line = 1; line <= lines.lineCount; line++) {
    const existing = directiveLine(lines.lineText(line), marker, 'migralint-ignore-file');
    if (existing) return insertAt(line, existing.rulesEnd, `, ${rule}`);
  }
  const comment = `${marker} migralint-ignore-file ${rule}`;
  let line = 1;
  while (line <= Math.min(2, lines.lineCount) && isPreamble(lines.lineText(line), line)) line++;
  // A file that is only its preamble, with no line break after it: the comment goes on a new last line.
  if (line > lines.lineCount) return insertAt(lines.lineCount, lines.lineText(lines.lineCount).length, `${lineBreakOf(text)}${comment}`);
  return insertAt(line, 0, `${comment}${lineBreakOf(text)}`);
}

/** A shebang on the first line, or a Python encoding declaration on the first two: they must stay first. */
function isPreamble(text: string, line: number): boolean {
  return (line === 1 && text.startsWith('#!')) || /^#.*coding[:=]/.test(text);
}

function insertAt(line: number, column: number, newText: string): TextEdit {
  const position = { line: line - 1, character: column };
  return { range: { start: position, end: position }, newText };
}

function lineBreakOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
