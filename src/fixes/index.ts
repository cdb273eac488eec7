/**
 * src/fixes: a finding's safe alternative, written in the language of its file,
 * and the edits of `--fix`. Rules declare what (their `meta.suggestion` recipe:
 * which statements, in which migration, with the finding's names, in the
 * model's terms); this module writes how:
 *
 * - `suggest.ts` places a recipe's steps (this migration, the next, a later one;
 *   a migration without a transaction for CONCURRENTLY) and writes them with a
 *   writer per language (`writers/`: SQL in the runner's dialect, Knex in the
 *   file's module style, TypeORM's query or QueryRunner API, Django's operations);
 * - `fix-plan.ts` decides, without parsing, which findings `--fix` can fix;
 *   `fix-edits.ts` makes the edits at exact places in the file; `fix-file.ts`
 *   verifies them by linting the fixed text; `write-fixed-file.ts` writes it.
 *
 * For editors (the language server's code actions), `codeActions` below gives,
 * for a file's text and its lint result, each finding's suggestion and, where
 * `--fix` would fix it, the verified edits with their exact ranges.
 */
import type { FileResult, Finding } from '../engine/finding';
import type { RuleDefinition } from '../engine/rule';
import { LineIndex } from '../frontends/text-positions';
import { type LintOptions, analyzeText, checkAnalysis, isSkipped } from '../lint';
import { type Relint, fixFile } from './fix-file';
import { type Suggestion, suggestionFor } from './suggest';

export { type Suggestion, type SuggestionStep, suggestionFor } from './suggest';
export { fixableCount, planFix } from './fix-plan';
export { type FileFixes, type FindingFix, type Relint, fixFile } from './fix-file';

/** A place in the text: 1-based line and column (UTF-16 code units, end exclusive), and the character offset. */
export interface TextPosition {
  line: number;
  column: number;
  offset: number;
}

export interface TextEditWithRange {
  start: TextPosition;
  end: TextPosition;
  /** What replaces the text between them (an insertion when they are equal). */
  newText: string;
}

export interface CodeAction {
  finding: Finding;
  suggestion?: Suggestion;
  /** The fix `--fix` would make for this finding alone, verified: apply all its edits together. */
  fix?: { title: string; edits: TextEditWithRange[] };
}

/**
 * Each finding's suggestion, and its fix where there is one. `text` must be
 * the text `result` was linted from (a byte-order mark aside); otherwise no
 * action is offered, since its places would be stale. Fixes are verified by
 * linting the fixed text with `options` (the options the result was made with).
 */
export function codeActions(text: string, result: FileResult, rules: readonly RuleDefinition[], options: LintOptions): CodeAction[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source !== result.source) return [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const relint: Relint = (fixed) => {
    const analysis = analyzeText(fixed, result.file, { ...options, frontend: result.frontend });
    if (isSkipped(analysis)) return undefined;
    // On its own: a replayed schema already holds this migration, and must not take it twice.
    return { result: checkAnalysis(analysis, result.file, { ...options, rules, replay: undefined, newInRun: undefined }), problems: analysis.analyzed.problems.length };
  };
  const fixes = new Map(fixFile(result, rules, relint).each.map((fix) => [fix.finding, fix]));
  const lines = new LineIndex(source);
  const position = (offset: number): TextPosition => ({ ...lines.position(offset), offset });
  return result.findings.map((finding) => {
    const suggestion = suggestionFor(finding, result, byId.get(finding.rule));
    const fix = fixes.get(finding);
    return {
      finding,
      ...(suggestion ? { suggestion } : {}),
      ...(fix ? { fix: { title: fix.description, edits: fix.edits.map((edit) => ({ start: position(edit.start), end: position(edit.end), newText: edit.text })) } } : {}),
    };
  });
}
