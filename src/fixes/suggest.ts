import type { FileResult, Finding, FindingTarget } from '../engine/finding';
import type { RuleDefinition } from '../engine/rule';
import type { MigrationSlot, SuggestedAction, SuggestedStep } from '../engine/suggestion';
import { LineIndex } from '../frontends/text-positions';
import { type LockMode, strongerMode } from '../model/locks';
import type { SourceSpan } from '../model/location';
import { type FileFacts, factsOf } from './file-facts';
import { modelAfter, reverseSql } from './action-sql';
import { djangoWriter } from './writers/django';
import { knexWriter } from './writers/knex';
import { sqlWriter } from './writers/sql';
import { typeormWriter } from './writers/typeorm';
import type { LanguageWriter, PlacedStep, WriteContext } from './writers/writer';

/** A rule's safe alternative for one finding, written in the language of its file. */
export interface Suggestion {
  description: string;
  steps: SuggestionStep[];
}

export interface SuggestionStep {
  migration: MigrationSlot;
  /** For `this`: what replaces the flagged statement (or, when its transaction must be turned off, the migration as it becomes); otherwise a new migration. */
  code: string;
  /**
   * For `this`, when the code does not simply replace the flagged statement: it
   * goes at the `top` or the `end` of the migration, or it is the whole migration
   * as it becomes (`file`: its transaction is turned off).
   */
  at?: 'top' | 'end' | 'file';
  /** What the application must do, and deploy, before this step. */
  application?: string;
  /** The strongest lock the step takes on existing tables (with no rewrite); absent when it changes no table. */
  lock?: LockMode;
  /** When the promise is about some relations only (DETACH … CONCURRENTLY: the parent table). */
  lockOn?: Array<'table' | 'referencedTable' | 'index'>;
}

const WRITERS: { [F in FileFacts['frontend']]: LanguageWriter<Extract<FileFacts, { frontend: F }>> } = {
  sql: sqlWriter,
  knex: knexWriter,
  typeorm: typeormWriter,
  django: djangoWriter,
};

/**
 * Suggestions already written, by finding (for the same file and rule): the
 * cache writes each finding's suggestion when it stores it, and a run answered
 * from the cache gives back what it stored, so reporters write none again.
 */
interface Written {
  file: FileResult;
  rule: RuleDefinition | undefined;
  suggestion: Suggestion | undefined;
}

/** Kept on the finding, out of sight (not enumerable, so copies and comparisons do not see it): a WeakMap of tens of thousands of findings costs the garbage collector more. */
const WRITTEN = Symbol('migralint.written-suggestion');

function writtenFor(finding: Finding): Written | undefined {
  return (finding as { [WRITTEN]?: Written })[WRITTEN];
}

function remember(finding: Finding, entry: Written): void {
  Object.defineProperty(finding, WRITTEN, { value: entry, writable: true, configurable: true, enumerable: false });
}

/** The suggestion for a finding, or undefined when its rule has none. Pure: builds text only (once per finding). */
export function suggestionFor(finding: Finding, file: FileResult, rule: RuleDefinition | undefined): Suggestion | undefined {
  const known = writtenFor(finding);
  if (known && known.file === file && known.rule === rule) return known.suggestion;
  const suggestion = writeSuggestion(finding, file, rule);
  if (finding.target) remember(finding, { file, rule, suggestion });
  return suggestion;
}

/** A suggestion written earlier (kept in the cache) for this finding of this file. */
export function rememberSuggestion(finding: Finding, file: FileResult, rule: RuleDefinition | undefined, suggestion: Suggestion): void {
  remember(finding, { file, rule, suggestion });
}

/** Suggestions written elsewhere (the cache, a worker thread) for the file's findings, by position; none where an entry is empty. */
export function rememberSuggestions(file: FileResult, suggestions: ReadonlyArray<Suggestion | null | undefined>, ruleOf: (id: string) => RuleDefinition | undefined): void {
  suggestions.forEach((suggestion, index) => {
    const finding = file.findings[index];
    if (suggestion && finding) rememberSuggestion(finding, file, ruleOf(finding.rule), suggestion);
  });
}

/** Whether the finding's suggestion is written already (or it has none to write). */
export function suggestionKnown(finding: Finding, file: FileResult, rule: RuleDefinition | undefined): boolean {
  const known = writtenFor(finding);
  return !finding.target || !rule?.meta.suggestion || (known !== undefined && known.file === file && known.rule === rule);
}

function writeSuggestion(finding: Finding, file: FileResult, rule: RuleDefinition | undefined): Suggestion | undefined {
  const recipe = rule?.meta.suggestion;
  if (!recipe || !finding.target) return undefined;
  const facts = factsOf(file);
  const steps = recipe.steps(finding.target.operation, finding.target.facts);
  const description = recipe.descriptionFor?.(finding.target.facts) ?? recipe.description;
  if (!steps || steps.length === 0) return { description, steps: [] };
  const placed = place(steps, finding.target, facts);
  const written = writeSteps(placed, facts, finding.target);
  // The flagged statement left for a migration of its own: this one must not keep it.
  return { description: describe(description, placed, written), steps: written ?? [] };
}

/** The recipe's description, and what becomes of the flagged statement when no step replaces it in this migration. */
function describe(description: string, placed: Array<PlacedStep & { step: SuggestedStep }>, written: SuggestionStep[] | undefined): string {
  if (!written || written.length === 0 || written.some((step) => step.migration === 'this')) return description;
  const moved = placed.some((step) => step.step.migration === 'this' && step.slot !== 'this' && step.at === 'replace');
  return `${description} ${moved ? "It cannot run in this migration's transaction: take" : 'Take'} it out of this migration.`;
}

/** Where each step goes: CONCURRENTLY needs a migration without a transaction, this one if it can be made so, else one of its own. */
export function place(steps: readonly SuggestedStep[], target: FindingTarget, facts: FileFacts): Array<PlacedStep & { step: SuggestedStep }> {
  const placed: Array<PlacedStep & { step: SuggestedStep }> = [];
  const oneQuery = sendsOneQueryWithoutTransaction(facts);
  let shift = 0;
  let newMigrations = 0;
  let lastSlot: MigrationSlot | undefined;
  let lastOutside = false;
  for (const step of oneQuery ? steps.flatMap(eachStatementAlone) : steps) {
    let slot = later(step.migration, shift);
    // Sent as one query, a statement that cannot run in a transaction must be alone in its migration.
    const apart = oneQuery && slot === lastSlot && (lastOutside || step.outsideTransaction === true);
    if (apart) {
      shift++;
      slot = later(step.migration, shift);
      if (slot === lastSlot) newMigrations++; // already the last slot: a migration of its own all the same
    }
    lastOutside = step.outsideTransaction === true;
    let transactionOff = false;
    if (step.outsideTransaction && slot === 'this' && target.facts.inTransaction) {
      transactionOff = true;
      if (!canTurnOffTransaction(target, facts)) {
        slot = 'next';
        shift++;
      }
    } else if (step.outsideTransaction && slot !== 'this') transactionOff = true;
    if (slot !== 'this' && slot !== lastSlot) newMigrations++;
    lastSlot = slot;
    const actions = step.actions.map((action) => (action.kind === 'edit' ? { ...action, operation: modelAfter(action.edit, action.operation) } : action));
    placed.push({ step, slot, at: step.at ?? 'replace', actions, transactionOff, newMigration: newMigrations });
  }
  return placed;
}

/**
 * Runners that send a migration without their transaction to PostgreSQL as one query
 * (golang-migrate, Prisma, sqlx after `-- no-transaction`, pop's `.autocommit.` files,
 * postgres-migrations' `disable-transaction`, dbmate's `transaction:false`, diesel's `run_in_transaction = false`),
 * which runs it as one transaction when it holds several statements.
 */
function sendsOneQueryWithoutTransaction(facts: FileFacts): boolean {
  return facts.frontend === 'sql' && (facts.runner === 'whole-file' || facts.runner === 'sqlx' || facts.runner === 'pop' || facts.runner === 'postgres-migrations' || facts.runner === 'dbmate' || facts.runner === 'diesel');
}

/** A step that cannot run in a transaction, one statement at a time (several DROP INDEX CONCURRENTLY). */
function eachStatementAlone(step: SuggestedStep): SuggestedStep[] {
  return step.outsideTransaction && step.actions.length > 1 ? step.actions.map((action) => ({ ...step, actions: [action] })) : [step];
}

function later(slot: MigrationSlot, by: number): MigrationSlot {
  const order: MigrationSlot[] = ['this', 'next', 'later'];
  return order[Math.min(order.indexOf(slot) + by, order.length - 1)];
}

/**
 * Whether the runner's transaction can be turned off for the flagged migration:
 * the statement is alone in it (turning the transaction off changes nothing
 * else), and it is not inside the file's own BEGIN. A suggestion says how even
 * where the runner's settings may not allow it (TypeORM); `--fix` also needs
 * `transactionSwitch`.
 */
export function canTurnOffTransaction(target: FindingTarget, facts: FileFacts): boolean {
  if (target.facts.explicitTransaction || !facts.runnerTransaction) return false;
  const alone = facts.statements === 1 && (facts.frontend === 'django' || facts.operations === 1);
  // One written for several databases would lose its other branches if rewritten whole.
  if ((facts.frontend === 'knex' || facts.frontend === 'typeorm') && facts.checksDatabase) return false;
  // A SQL runner is told in the file (goose, dbmate, sql-migrate markers), or not at all.
  return alone && (facts.frontend !== 'sql' || facts.transactionSwitch);
}

function writeSteps(placed: Array<PlacedStep & { step: SuggestedStep }>, facts: FileFacts, target: FindingTarget): SuggestionStep[] | undefined {
  const writer = WRITERS[facts.frontend] as LanguageWriter;
  // Only Django's writer reuses the flagged code as written (the operation call): the others write from the model.
  const flaggedSource = facts.frontend === 'django' ? sourceAt(facts.source, target.operation.location) : '';
  const context: WriteContext = { facts, operation: target.operation, flaggedSql: target.operation.sql, flaggedSource };
  const steps: SuggestionStep[] = [];
  // Steps placed in the same new migration are written as one.
  for (let index = 0; index < placed.length; index++) {
    const first = placed[index];
    const group = [first];
    while (placed[index + 1]?.slot === first.slot && placed[index + 1].at === first.at && placed[index + 1].newMigration === first.newMigration) group.push(placed[++index]);
    // Plain loops: a report writes tens of thousands of suggestions.
    const lines: string[] = [];
    const actions: SuggestedAction[] = [];
    let transactionOff = false;
    for (const step of group) {
      for (const action of step.actions) {
        const code = writer.action(action, step, context);
        if (code === undefined) return undefined;
        for (const line of code) lines.push(line);
        actions.push(action);
      }
      if (step.transactionOff) transactionOff = true;
    }
    if (lines.length === 0) continue; // only a change of the ORM's state, where the language has none
    const merged: PlacedStep = { slot: first.slot, at: first.at, actions, transactionOff, newMigration: first.newMigration };
    const text = first.slot === 'this' ? writer.inThisMigration(lines, merged, context) : writer.newMigration(lines, reverseLines(actions, context), merged, context);
    const written: SuggestionStep = { migration: first.slot, code: text };
    if (first.slot === 'this' && first.at !== 'replace') written.at = first.at;
    else if (first.slot === 'this' && transactionOff) written.at = 'file';
    if (first.step.application) written.application = first.step.application;
    const lock = strongestLock(group);
    if (lock !== undefined) written.lock = lock;
    if (group.length === 1 && first.step.lockOn) written.lockOn = first.step.lockOn;
    steps.push(written);
  }
  return steps;
}

function reverseLines(actions: readonly SuggestedAction[], context: WriteContext): string[] {
  const style = { quoteAll: context.facts.frontend === 'typeorm' };
  return actions
    .map((action) => reverseSql(action, { operation: context.operation, flaggedSql: context.flaggedSql, style}))
    .filter((sql): sql is string => sql !== undefined)
    .reverse();
}

function strongestLock(group: ReadonlyArray<{ step: SuggestedStep }>): LockMode | undefined {
  let strongest: LockMode | undefined;
  for (const { step } of group) {
    if (step.lock !== undefined) strongest = strongest === undefined ? step.lock : strongerMode(strongest, step.lock);
  }
  return strongest;
}

/** The source text a span covers. */
export function sourceAt(source: string, span: SourceSpan): string {
  const lines = new LineIndex(source);
  return source.slice(lines.lineStart(span.line) + span.column - 1, lines.lineStart(span.endLine) + span.endColumn - 1);
}
