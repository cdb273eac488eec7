import type { TextEdit } from 'vscode-languageserver';
import { allRules } from '../../rules';
import type { FileResult, Finding } from '../engine/finding';
import { type Suggestion, codeActions, fixableCount, suggestionFor } from '../fixes';
import { LineIndex } from '../frontends/text-positions';
import type { LintOptions } from '../lint';
import type { FrontendName } from '../model/file';
import { LINE_COMMENT } from './ignore-edits';

/** What the fix engine (src/fixes) offers for one finding. */
export interface FindingRemedy {
  /** The verified edits `--fix` would make for this finding alone. */
  fix?: { title: string; edits: TextEdit[] };
  /** The rule's safe alternative, written in the file's language. */
  suggestion?: Suggestion;
}

/**
 * Verifying each fix lints the fixed file again: fixes are offered while that
 * stays near a second (fixable findings × lines). Past it, a big generated file
 * would stall the editor; the suggestions are still offered, and `migralint --fix` fixes it.
 */
export const FIX_BUDGET_LINES = 50_000;

const rulesById = new Map(allRules.map((rule) => [rule.id, rule]));

/** The finding's safe alternative alone (cheap: text only), for a hover. */
export function suggestionOf(finding: Finding, result: FileResult): Suggestion | undefined {
  return suggestionFor(finding, result, rulesById.get(finding.rule));
}

/** Each finding's fix and suggestion, from the fix engine, for the text the result was linted from with `options`. */
export function findingRemedies(text: string, result: FileResult, options: LintOptions): Map<Finding, FindingRemedy> {
  const remedies = new Map<Finding, FindingRemedy>();
  const lines = new LineIndex(result.source).lineCount;
  if ((fixableCount(result, allRules) + 2) * lines > FIX_BUDGET_LINES) {
    for (const finding of result.findings) {
      const suggestion = suggestionOf(finding, result);
      if (suggestion) remedies.set(finding, { suggestion });
    }
    return remedies;
  }
  for (const action of codeActions(text, result, allRules, options)) {
    const remedy: FindingRemedy = {};
    if (action.suggestion) remedy.suggestion = action.suggestion;
    if (action.fix) {
      // The engine's places are 1-based lines and columns in UTF-16 code units; LSP's 0-based.
      const edits = action.fix.edits.map(({ start, end, newText }) => ({
        range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
        newText,
      }));
      remedy.fix = { title: action.fix.title, edits };
    }
    if (remedy.fix || remedy.suggestion) remedies.set(action.finding, remedy);
  }
  return remedies;
}

const STEP_PLACES = {
  'this replace': 'instead of this statement',
  'this top': 'at the top of this migration',
  'this end': 'at the end of this migration',
  'this file': 'this migration becomes',
  next: 'in the next migration',
  later: 'in a later migration',
} as const;

/** Where a step of a suggestion goes, in words. */
export function stepPlace(step: Suggestion['steps'][number]): string {
  const key: keyof typeof STEP_PLACES = step.migration === 'this' ? `this ${step.at ?? 'replace'}` : step.migration;
  return STEP_PLACES[key];
}

/** A suggestion as text to paste: each step's code under a comment, in the file's comment syntax, saying where it goes. */
export function suggestionSnippet(suggestion: Suggestion, frontend: FrontendName): string {
  const comment = LINE_COMMENT[frontend];
  return suggestion.steps
    .map((step) => [`${comment} ${stepPlace(step)}:`, ...(step.application ? [`${comment} (first, in the application: ${step.application})`] : []), step.code].join('\n'))
    .join('\n\n');
}
