import type { Finding, FileResult } from '../engine/finding';
import { LineIndex } from '../frontends/text-positions';
import { type Palette, palette } from './colors';
import { lockWords } from './lock-words';
import { type Reporter, Tally, escapeControlCharacters, maskControlCharacters, plural } from './reporter';

/**
 * ESLint/squawk-like output: a header per file, one block per finding with the
 * offending source line underlined and the safe alternative, then a summary.
 */
export const stylish: Reporter = (context, write) => {
  const colors = palette(context.color);
  const tally = new Tally();
  return {
    // Blocks are separated by a blank line: each one after the first starts with it.
    file(result) {
      tally.add(result);
      if (result.findings.length === 0) return;
      const separator = tally.errors + tally.warnings > result.findings.length ? '\n' : '';
      write(`${separator}${fileBlock(result, colors)}\n`);
    },
    end() {
      const total = tally.errors + tally.warnings;
      const scope = `${plural(tally.files - tally.skipped, 'file')}${tally.skipped > 0 ? ` (${tally.skipped} rollback skipped)` : ''}`;
      const summary =
        total === 0
          ? colors.green(`No problems found in ${scope}.`)
          : (tally.errors > 0 ? colors.red : colors.yellow)(
              colors.bold(`✖ ${plural(total, 'problem')} (${plural(tally.errors, 'error')}, ${plural(tally.warnings, 'warning')}) in ${scope}`),
            );
      write(`${total > 0 ? '\n' : ''}${summary}\n`);
    },
  };
};

function fileBlock(result: FileResult, colors: Palette): string {
  const lines = new LineIndex(result.source);
  const entries = result.findings.map((finding) => findingBlock(finding, lines, colors));
  return [colors.underline(escapeControlCharacters(result.file)), ...entries].join('\n');
}

function findingBlock(finding: Finding, lines: LineIndex, colors: Palette): string {
  const severity = finding.severity === 'error' ? colors.red('error') : colors.yellow('warning');
  const heading = `  ${colors.dim(`${finding.line}:${finding.column}`)}  ${severity}  ${escapeControlCharacters(finding.message)}  ${colors.dim(finding.rule)}`;
  const lock = finding.lock ? [`    ${colors.cyan('lock:')} ${escapeControlCharacters(lockWords(finding.lock))}`] : [];
  return [heading, ...codeFrame(finding, lines, colors), ...lock, `    ${colors.cyan('help:')} ${finding.help}`].join('\n');
}

/** The finding's first line, with the finding's part of it underlined. */
function codeFrame(finding: Finding, lines: LineIndex, colors: Palette): string[] {
  if (finding.line > lines.lineCount || lines.text.length === 0) return [];
  const text = maskControlCharacters(lines.lineText(finding.line).replace(/\t/g, ' '));
  if (text.trim().length === 0) return [];
  const gutter = String(finding.line);
  const start = finding.column - 1;
  const end = finding.endLine === finding.line ? Math.max(finding.endColumn - 1, start + 1) : Math.max(text.length, start + 1);
  const marker = ' '.repeat(start) + '^'.repeat(end - start);
  const continues = finding.endLine > finding.line ? colors.dim(' …') : '';
  return [
    `    ${colors.dim(`${gutter} |`)} ${text}${continues}`,
    `    ${colors.dim(`${' '.repeat(gutter.length)} |`)} ${(finding.severity === 'error' ? colors.red : colors.yellow)(marker)}`,
  ];
}
