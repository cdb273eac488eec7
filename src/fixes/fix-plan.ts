import type { FileResult, Finding } from '../engine/finding';
import type { RuleDefinition } from '../engine/rule';
import type { StatementEdit } from '../engine/suggestion';
import type { Operation } from '../model/operations';
import { type FileFacts, factsOf } from './file-facts';
import { canTurnOffTransaction } from './suggest';

/**
 * What `--fix` would do for a finding, decided without parsing anything (so a
 * report can count the fixable findings): only changes that keep the
 * migration's meaning and need no new file.
 *
 * - `edit`: an edit of the flagged statement (CONCURRENTLY, IF [NOT] EXISTS),
 *   with the runner's transaction turned off where CONCURRENTLY needs it and the
 *   statement is alone in its migration;
 * - `transactionOff`: only that (CONCURRENTLY written already, in a transaction);
 * - `setting`: `SET lock_timeout` (or statement_timeout) at the top of the migration;
 * - `notValid`: `NOT VALID`, and `VALIDATE CONSTRAINT` right after, in a migration
 *   without a transaction (where each statement commits on its own).
 */
export type FixPlan =
  | { kind: 'edit'; edit: StatementEdit; transactionOff: boolean }
  | { kind: 'transactionOff' }
  | { kind: 'setting'; name: string; value: string }
  | { kind: 'notValid'; name: string };

const FIXABLE_EDITS = new Set(['concurrently', 'ifNotExists', 'ifExists']);

export function planFix(finding: Finding, file: FileResult, rule: RuleDefinition | undefined): FixPlan | undefined {
  const target = finding.target;
  const recipe = rule?.meta.suggestion;
  if (!target || !recipe?.fixable || file.skippedReason !== undefined) return undefined;
  const steps = recipe.steps(target.operation, target.facts);
  if (!steps || steps.length === 0) return undefined;
  const facts = factsOf(file);
  const operation = target.operation;
  const [first, second] = steps;
  const [action] = first.actions;
  if (first.migration !== 'this') return undefined;
  // A setting at the top.
  if (steps.length === 1 && first.at === 'top' && first.actions.length === 1 && action.kind === 'setting') {
    // In Knex and TypeORM, an awaited call at the top of an async up(), in a migration written for PostgreSQL only (SET fails elsewhere).
    if ((facts.frontend === 'knex' || facts.frontend === 'typeorm') && (!facts.asyncUp || facts.checksDatabase)) return undefined;
    return { kind: 'setting', name: action.name, value: action.value };
  }
  if ((first.at ?? 'replace') !== 'replace' || first.actions.length !== 1) return undefined;
  const outside = first.outsideTransaction === true && target.facts.inTransaction;
  if (outside && !(canTurnOffTransaction(target, facts) && facts.transactionSwitch)) return undefined;
  if (steps.length === 1 && action.kind === 'flagged' && outside) return { kind: 'transactionOff' };
  if (action.kind !== 'edit') return undefined;
  const { edit } = action;
  if (steps.length === 1 && FIXABLE_EDITS.has(edit.kind) && editable(edit, operation, facts)) return { kind: 'edit', edit, transactionOff: outside };
  // NOT VALID now, VALIDATE next: in a migration without a transaction, right after it.
  const validates = second?.actions.length === 1 && second.actions[0].kind === 'statement' && second.actions[0].operation.kind === 'validateConstraint';
  // A whole-file runner (or pop's, postgres-migrations' and diesel's switch) would send both statements as one query: one transaction.
  const oneQuery = facts.frontend === 'sql' && (facts.runner === 'whole-file' || ((facts.runner === 'pop' || facts.runner === 'postgres-migrations' || facts.runner === 'diesel') && !facts.runnerTransaction));
  if (edit.kind === 'notValid' && steps.length === 2 && validates && !target.facts.inTransaction && !oneQuery && notValidEditable(operation, edit.name)) {
    return { kind: 'notValid', name: edit.name };
  }
  return undefined;
}

/** Where the flagged statement can be edited: its SQL as written, or the builder calls and Django operations that have the option. */
function editable(edit: StatementEdit, operation: Operation, facts: FileFacts): boolean {
  if (operation.sql !== undefined) return true;
  switch (facts.frontend) {
    case 'typeorm':
      return edit.kind === 'concurrently' && operation.kind === 'createIndex';
    case 'knex':
      return edit.kind === 'ifExists' && operation.kind === 'dropTable';
    case 'django':
      return edit.kind === 'concurrently' && (operation.django?.operation === 'AddIndex' || operation.django?.operation === 'RemoveIndex');
    default:
      return false;
  }
}

/** A constraint named in the migration (fixing keeps its name) that is SQL, or a Django AddConstraint of a CHECK. */
function notValidEditable(operation: Operation, name: string): boolean {
  if (operation.kind !== 'addConstraint' || operation.constraint.name !== name) return false;
  if (operation.sql !== undefined) return true;
  return operation.django?.operation === 'AddConstraint' && operation.constraint.kind === 'check';
}

/** How many of a file's findings `--fix` could fix. */
export function fixableCount(file: FileResult, rules: readonly RuleDefinition[]): number {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return fixableFindings(file, (id) => byId.get(id)).filter(Boolean).length;
}

/** For each of the file's findings, whether `--fix` has a plan for it. */
export function fixableFindings(file: FileResult, ruleOf: (id: string) => RuleDefinition | undefined): boolean[] {
  return file.findings.map((finding) => finding.target !== undefined && planFix(finding, file, ruleOf(finding.rule)) !== undefined);
}

/** What a fix does, in a few words (a code action's title, a SARIF fix's description). */
export function describeFix(plan: FixPlan): string {
  const outside = "run the migration outside a transaction";
  switch (plan.kind) {
    case 'edit': {
      const words = { concurrently: 'Add CONCURRENTLY', ifNotExists: 'Add IF NOT EXISTS', ifExists: 'Add IF EXISTS' }[plan.edit.kind as 'concurrently' | 'ifNotExists' | 'ifExists'];
      return plan.transactionOff ? `${words} and ${outside}` : words;
    }
    case 'transactionOff':
      return outside.charAt(0).toUpperCase() + outside.slice(1);
    case 'setting':
      return `Set ${plan.name} at the top of the migration`;
    case 'notValid':
      return `Add "${plan.name}" NOT VALID, then validate it`;
  }
}
