import type { FileResult, Finding } from '../engine/finding';
import type { RuleDefinition } from '../engine/rule';
import { fixEdits } from './fix-edits';
import { describeFix, planFix } from './fix-plan';
import { LineIndex } from '../frontends/text-positions';
import { type TextEdit, applyEdits } from './sql-edits';

/** A finding's fix: edits of the file's source (its text without a BOM), verified by linting the result. */
export interface FindingFix {
  finding: Finding;
  /** What it does, in a few words. */
  description: string;
  edits: TextEdit[];
}

export interface FileFixes {
  /** Each fix that is safe on its own (SARIF lists them, an editor offers them). */
  each: FindingFix[];
  /** The fixes `--fix` applies together, and the source they make (undefined when none applies). */
  applied: FindingFix[];
  fixed?: string;
  /** The file linted again after `applied`. */
  after?: FileResult;
  /** Findings whose fixes were not checked, for want of the budget (a very large file): none of them is offered. */
  unchecked?: number;
}

/**
 * How much source, in characters, checking a file's fixes may lint again: each
 * fix is checked by linting the whole fixed file, so a file of 20,000 statements
 * with thousands of fixes would take hours. About 80 checks of a 100 KB migration.
 */
export const RELINT_BUDGET = 8_000_000;

/**
 * The file's source linted again, as the run lints it, with how many parts of it
 * the front-end could not read (syntax errors, unanalysed code, whatever the
 * rules' settings); undefined when it is no longer a migration.
 */
export type Relint = (source: string) => { result: FileResult; problems: number } | undefined;

/**
 * The fixes of a file's findings. Each is applied to a copy of the source and
 * the copy linted again: it is kept only if the copy still parses (no new
 * syntax or unanalysed-code findings), the finding is gone, and no finding of
 * any rule is added. Then the kept fixes are combined the same way (one at a
 * time, should the whole set fail). The fixed copies are compared with the
 * file as it is linted the same way (`relint` may know less than the run did:
 * the schema replayed before the file, say). Nothing here writes a file.
 */
export function fixFile(file: FileResult, rules: readonly RuleDefinition[], relintAny: Relint, budget = RELINT_BUDGET): FileFixes {
  let left = budget;
  let overBudget = false;
  // Linting past the budget gives nothing, so the fix is not offered.
  const relint: Relint = (source) => {
    if (source.length > left) {
      overBudget = true;
      return undefined;
    }
    left -= source.length;
    return relintAny(source);
  };
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const candidates: FindingFix[] = [];
  const concurrently = new Set<FindingFix>();
  for (const finding of file.findings) {
    const plan = planFix(finding, file, byId.get(finding.rule));
    const edits = plan && fixEdits(finding, plan, file);
    if (!plan || !edits || edits.length === 0) continue;
    const fix = { finding, description: describeFix(plan), edits: withLineEnding(edits, lineEnding(file.source)) };
    candidates.push(fix);
    if (plan.kind === 'edit' && plan.edit.kind === 'concurrently') concurrently.add(fix);
  }
  if (candidates.length === 0) return { each: [], applied: [] };
  // Insertions at one place come out in the order of their fixes: CONCURRENTLY before IF [NOT] EXISTS, as PostgreSQL wants them.
  candidates.sort((a, b) => Number(!concurrently.has(a)) - Number(!concurrently.has(b)));
  const relinted = relint(file.source);
  if (overBudget) return { each: [], applied: [], unchecked: candidates.length };
  if (!relinted || relinted.result.skippedReason !== undefined) return { each: [], applied: [] };
  const baseline: Baseline = { ...relinted, keys: findingKeys(relinted.result.findings, file.source) };
  const verified = (fixes: readonly FindingFix[]) => verify(file, baseline, fixes, relint);
  const each: FindingFix[] = [];
  /** Each fix's own verification: with one fix, the combined one (the usual case; each relint of a Django file replays its project). */
  const alone = new Map<FindingFix, ReturnType<typeof verified>>();
  let unchecked = 0;
  for (const fix of candidates) {
    if (overBudget) {
      unchecked++;
      continue;
    }
    const own = verified([fix]);
    if (own) {
      each.push(fix);
      alone.set(fix, own);
      continue;
    }
    const extended = withFollowUps(file, baseline, fix, byId, relint);
    const extendedOwn = extended && verified([extended]);
    if (extended && extendedOwn) {
      each.push(extended);
      alone.set(extended, extendedOwn);
    } else if (overBudget) {
      unchecked++;
    }
  }
  const notChecked = unchecked > 0 ? { unchecked } : {};
  const applied: FindingFix[] = [];
  let after: (() => FileResult) | undefined;
  const all = each.length === 1 ? alone.get(each[0]) : verified(compatible(each));
  if (all) return { each, applied: compatible(each), fixed: all.fixed, after: all.after(), ...notChecked };
  for (const fix of each) {
    const attempt = verified(compatible([...applied, fix]));
    if (attempt && compatible([...applied, fix]).length === applied.length + 1) {
      applied.push(fix);
      after = attempt.after;
    }
  }
  return { each, applied, ...(applied.length > 0 && after ? { fixed: applyFixes(file.source, applied), after: after() } : {}), ...notChecked };
}

/** The file as it is, linted as its fixed copies are, and where its findings are (`rule@offset`). */
interface Baseline {
  result: FileResult;
  problems: number;
  keys: Set<string>;
}

function findingKeys(findings: readonly Finding[], source: string, edits: readonly TextEdit[] = []): Set<string> {
  const lines = new LineIndex(edits.length === 0 ? source : applyEdits(source, edits));
  const ordered = inOrder(edits);
  const keys = new Set<string>();
  for (const finding of findings) {
    const offset = lines.lineStart(finding.line) + finding.column - 1;
    const at = edits.length === 0 ? offset : sourcePosition(ordered, offset);
    keys.add(at === undefined ? `${finding.rule}@inserted` : `${finding.rule}@${at}`);
  }
  return keys;
}

/**
 * A fix that makes findings appear, with the fixes of those findings, as edits
 * of the original source (turning the runner's transaction off makes
 * prefer-robust-stmts ask for IF NOT EXISTS on the statements then run
 * without one); undefined when one of them has no fix.
 */
function withFollowUps(file: FileResult, baseline: Baseline, fix: FindingFix, byId: ReadonlyMap<string, RuleDefinition>, relint: Relint): FindingFix | undefined {
  const fixed = applyFixes(file.source, [fix]);
  const relinted = relint(fixed);
  if (!relinted || relinted.result.skippedReason !== undefined) return undefined;
  const after = { ...relinted.result, source: fixed };
  const added = after.findings.filter((finding) => !baseline.keys.has([...findingKeys([finding], file.source, fix.edits)][0]));
  if (added.length === 0) return undefined;
  const edits = [...fix.edits];
  const descriptions = [fix.description];
  for (const finding of added) {
    const plan = planFix(finding, after, byId.get(finding.rule));
    const more = plan && fixEdits(finding, plan, after);
    if (!plan || !more || more.length === 0) return undefined;
    for (const edit of withLineEnding(more, lineEnding(fixed))) {
      const start = toSource(fix.edits, edit.start);
      const end = toSource(fix.edits, edit.end);
      if (start === undefined || end === undefined || fix.edits.some((other) => start < other.end && other.start < end)) return undefined;
      if (!edits.some((other) => same(other, { start, end, text: edit.text }))) edits.push({ start, end, text: edit.text });
    }
    const description = describeFix(plan).replace(/^./, (letter) => letter.toLowerCase());
    if (!descriptions.includes(description)) descriptions.push(description);
  }
  return { finding: fix.finding, description: descriptions.join('; '), edits };
}

/** Where a place in the text `edits` made was in the source; undefined inside what they inserted. */
function toSource(edits: readonly TextEdit[], position: number): number | undefined {
  return sourcePosition(inOrder(edits), position);
}

const inOrder = (edits: readonly TextEdit[]) => [...edits].sort((a, b) => a.start - b.start || a.end - b.end);

/** toSource, with the edits in order already (finding keys map many places through one set of edits). */
function sourcePosition(ordered: readonly TextEdit[], position: number): number | undefined {
  let delta = 0;
  for (const edit of ordered) {
    const start = edit.start + delta;
    const end = start + edit.text.length;
    if (position < start) break;
    if (position === end) return edit.end;
    if (position < end) return undefined;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return position - delta;
}

/** The file's line ending: CRLF when most of its lines end so. */
function lineEnding(source: string): string {
  const crlf = source.split('\r\n').length - 1;
  const lf = source.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

function withLineEnding(edits: readonly TextEdit[], ending: string): TextEdit[] {
  return ending === '\n' ? [...edits] : edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, ending) }));
}

/** The fixes whose edits do not overlap one another's (an edit shared by two is made once). */
function compatible(fixes: readonly FindingFix[]): FindingFix[] {
  const kept: FindingFix[] = [];
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const fresh = fix.edits.filter((edit) => !taken.some((other) => same(edit, other)));
    if (fresh.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    kept.push(fix);
    taken.push(...fresh);
  }
  return kept;
}

const same = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.text === b.text;

/** Two insertions at one place do not overlap: they come out in the order of their findings. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end;
}

export function applyFixes(source: string, fixes: readonly FindingFix[]): string {
  const edits: TextEdit[] = [];
  for (const fix of fixes) for (const edit of fix.edits) if (!edits.some((other) => same(edit, other))) edits.push(edit);
  return applyEdits(source, edits);
}

/** The fixes applied together, if they pass; `after()` is the file's findings they leave (made only for the fixes applied). */
function verify(file: FileResult, baseline: Baseline, fixes: readonly FindingFix[], relint: Relint): { fixed: string; after: () => FileResult } | undefined {
  if (fixes.length === 0) return undefined;
  const fixed = applyFixes(file.source, fixes);
  const relinted = relint(fixed);
  if (!relinted || relinted.result.skippedReason !== undefined || relinted.problems > baseline.problems) return undefined;
  const count = (result: FileResult, rule: string) => result.findings.filter((finding) => finding.rule === rule).length;
  const rulesSeen = new Set([...baseline.result.findings, ...relinted.result.findings].map((finding) => finding.rule));
  const fixedKeys = findingKeys(fixes.map((fix) => fix.finding), file.source);
  for (const rule of rulesSeen) {
    // The fixed findings that the file as it is, linted the same way, has too.
    const removed = [...fixedKeys].filter((key) => key.startsWith(`${rule}@`) && baseline.keys.has(key)).length;
    if (count(relinted.result, rule) > count(baseline.result, rule) - removed) return undefined;
  }
  return { fixed, after: () => remaining(file, baseline, relinted.result, fixes, fixed) };
}

/**
 * The file's findings that the fixes leave, at their places in the fixed text:
 * those the fixed copy still has, and those the copy's way of linting cannot
 * see (they depend on what the run knew besides the file).
 */
function remaining(file: FileResult, baseline: Baseline, after: FileResult, fixes: readonly FindingFix[], fixed: string): FileResult {
  const edits = fixes.flatMap((fix) => fix.edits).filter((edit, index, all) => all.findIndex((other) => same(edit, other)) === index);
  const still = findingKeys(after.findings, file.source, edits);
  const before = new LineIndex(file.source);
  const now = new LineIndex(fixed);
  const moved = (line: number, column: number, end: boolean) => {
    const position = now.position(toFixed(edits, before.lineStart(line) + column - 1, end));
    return position;
  };
  const findings = file.findings
    .filter((finding) => {
      const key = `${finding.rule}@${before.lineStart(finding.line) + finding.column - 1}`;
      return still.has(key) || !baseline.keys.has(key);
    })
    .map((finding) => {
      const start = moved(finding.line, finding.column, false);
      const end = moved(finding.endLine, finding.endColumn, true);
      return { ...finding, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    });
  return { ...file, findings, source: fixed };
}

/** Where a place in the source is in the text `edits` make: text inserted at it comes before it, unless it is the end of a span. */
function toFixed(edits: readonly TextEdit[], position: number, end: boolean): number {
  let delta = 0;
  for (const edit of edits) {
    const before = edit.end < position || (edit.end === position && (edit.start < position || !end));
    if (before) delta += edit.text.length - (edit.end - edit.start);
  }
  return position + delta;
}
