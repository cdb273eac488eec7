import type { Finding, FileResult } from '../engine/finding';
import { fixableFindings } from '../fixes/fix-plan';
import { type Suggestion, type SuggestionStep, suggestionFor } from '../fixes/suggest';
import { LineIndex } from '../frontends/text-positions';
import { type Palette, palette } from './colors';
import { lockWords } from './lock-words';
import { type ReportContext, type Reporter, Tally, escapeControlCharacters, maskControlCharacters, plural, ruleOf } from './reporter';

/**
 * ESLint/squawk-like output: a header per file, one block per finding with the
 * offending source line underlined and the safe alternative, then a summary.
 */
export const stylish: Reporter = (context, write) => {
  const colors = palette(context.color);
  const tally = new Tally();
  let fixable = 0;
  return {
    // Blocks are separated by a blank line: each one after the first starts with it.
    file(result) {
      tally.add(result);
      if (result.findings.length === 0) return;
      // Each finding's fix planned once: counted for the summary, and noted under its suggestion.
      const fixes = fixableFindings(result, (id) => ruleOf(context.rules, id));
      for (const fix of fixes) if (fix) fixable++;
      const separator = tally.errors + tally.warnings > result.findings.length ? '\n' : '';
      write(`${separator}${fileBlock(result, fixes, colors, context)}\n`);
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
      const fixes = fixable > 0 ? `\n${colors.dim(`${plural(fixable, 'finding')} can be fixed with --fix.`)}` : '';
      write(`${total > 0 ? '\n' : ''}${summary}${fixes}\n`);
    },
  };
};

function fileBlock(result: FileResult, fixes: readonly boolean[], colors: Palette, context: ReportContext): string {
  const lines = new LineIndex(result.source);
  const entries = result.findings.map((finding, index) => findingBlock(finding, fixes[index], result, lines, colors, context));
  return [colors.underline(escapeControlCharacters(result.file)), ...entries].join('\n');
}

function findingBlock(finding: Finding, fix: boolean, result: FileResult, lines: LineIndex, colors: Palette, context: ReportContext): string {
  const severity = finding.severity === 'error' ? colors.red('error') : colors.yellow('warning');
  const heading = `  ${colors.dim(`${finding.line}:${finding.column}`)}  ${severity}  ${escapeControlCharacters(finding.message)}  ${colors.dim(finding.rule)}`;
  const lock = finding.lock ? [`    ${colors.cyan('lock:')} ${escapeControlCharacters(lockWords(finding.lock))}`] : [];
  const rule = ruleOf(context.rules, finding.rule);
  const suggestion = context.suggestions !== false ? suggestionFor(finding, result, rule) : undefined;
  const fixable = suggestion !== undefined && fix;
  const suggested = suggestion ? suggestionLines(suggestion, fixable, colors) : [];
  return [heading, ...codeFrame(finding, lines, colors), ...lock, `    ${colors.cyan('help:')} ${finding.help}`, ...suggested].join('\n');
}

const STEP_HEADINGS: Record<string, string> = {
  'this replace': 'in this migration, instead:',
  'this file': 'this migration becomes:',
  'this top': 'at the top of this migration:',
  'this end': 'at the end of this migration:',
  next: 'in the next migration:',
  later: 'in a later migration:',
};

/** The suggestion under a finding: what to do, then each step's code, indented. */
export function suggestionLines(suggestion: Suggestion, fixable: boolean, colors: Palette): string[] {
  const lines = [`    ${colors.cyan('suggestion:')} ${escapeControlCharacters(suggestion.description)}${fixable ? colors.dim(' (--fix does this)') : ''}`];
  for (const step of suggestion.steps) {
    if (step.application) lines.push(`      ${colors.cyan('application:')} ${escapeControlCharacters(step.application)}`);
    // The code's own names and SQL may hold control characters: escaped, line by line.
    lines.push(`      ${colors.cyan(STEP_HEADINGS[stepKey(step)])}`, ...step.code.split(/\r?\n/).map((line) => (line.length > 0 ? `        ${escapeControlCharacters(line)}` : '')));
  }
  return lines;
}

function stepKey(step: SuggestionStep): string {
  return step.migration === 'this' ? `this ${step.at ?? 'replace'}` : step.migration;
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
