import type { Finding, FileResult } from '../engine/finding';
import { LineIndex } from '../frontends/text-positions';
import { type Palette, palette } from './colors';
import { type Reporter, countBySeverity, plural } from './reporter';

/**
 * ESLint/squawk-like output: a header per file, one block per finding with the
 * offending source line underlined and the safe alternative, then a summary.
 */
export const stylish: Reporter = (results, context) => {
  const colors = palette(context.color);
  const blocks = results.filter((result) => result.findings.length > 0).map((result) => fileBlock(result, colors));
  const { errors, warnings } = countBySeverity(results);
  const total = errors + warnings;
  const skipped = results.filter((result) => result.skippedReason !== undefined).length;
  const scope = `${plural(results.length - skipped, 'file')}${skipped > 0 ? ` (${skipped} rollback skipped)` : ''}`;
  const summary =
    total === 0
      ? colors.green(`No problems found in ${scope}.`)
      : (errors > 0 ? colors.red : colors.yellow)(
          colors.bold(`✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${scope}`),
        );
  return [...blocks, summary].join('\n\n') + '\n';
};

function fileBlock(result: FileResult, colors: Palette): string {
  const lines = new LineIndex(result.source);
  const entries = result.findings.map((finding) => findingBlock(finding, lines, colors));
  return [colors.underline(result.file), ...entries].join('\n');
}

function findingBlock(finding: Finding, lines: LineIndex, colors: Palette): string {
  const severity = finding.severity === 'error' ? colors.red('error') : colors.yellow('warning');
  const heading = `  ${colors.dim(`${finding.line}:${finding.column}`)}  ${severity}  ${finding.message}  ${colors.dim(finding.rule)}`;
  return [heading, ...codeFrame(finding, lines, colors), `    ${colors.cyan('help:')} ${finding.help}`].join('\n');
}

/** The finding's first line, with the finding's part of it underlined. */
function codeFrame(finding: Finding, lines: LineIndex, colors: Palette): string[] {
  if (finding.line > lines.lineCount || lines.text.length === 0) return [];
  const text = lines.lineText(finding.line).replace(/\t/g, ' ');
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
