import type { AnalyzedFile } from '../model/file';
import type { SourceSpan } from '../model/location';
import { type Operation, type TableName, qualifiedName } from '../model/operations';
import { SchemaReplay, type SchemaView, isUnreadable } from '../schema/replay';
import { FileState } from './file-state';
import type { RecipeFacts } from './suggestion';
import { type Finding, type FindingTarget, compareFindings } from './finding';
import { findingLock } from './finding-lock';
import { IgnoreTracker } from './ignores';
import { filledNewTableHelp, filledNewTableMessage, filledNewTableOnly } from './filled-new-table';
import { type RuleContext, type RuleDefinition, type SeveritySetting, type Subject, type Visitor, docsFor, findingHelp } from './rule';

export interface EngineOptions {
  pgVersion: number;
  /**
   * The schema the earlier migrations of the run built; the file's operations are
   * applied to it as they are checked. Without one, the file is checked on its own.
   */
  replay?: SchemaReplay;
  /** The file is new in this run (git modes, named files not yet committed): what it makes is new for later ones. */
  newInRun?: boolean;
  /** Severity of each rule id after presets, config and flags. */
  severityOf: (ruleId: string) => SeveritySetting;
  /** Maps an id or alias to the rule id; undefined for unknown ids. */
  resolveRuleId: (id: string) => string | undefined;
}

interface RawFinding {
  rule: string;
  anchorLine: number;
  line: number;
  location: SourceSpan;
  message: string;
  /** The flagged operation, when the rule reported one (its lock claim names the relation from it). */
  operation?: Operation;
  subject?: Subject;
  /** For rules with a suggestion: what it is built from. */
  target?: FindingTarget;
}

/** Runs the rules over a file's operations, in order, and applies ignore comments. */
export interface EngineResult {
  findings: Finding[];
}

export function runRules(
  analyzed: AnalyzedFile,
  rules: readonly RuleDefinition[],
  filePath: string,
  options: EngineOptions,
): EngineResult {
  const raw: RawFinding[] = [];
  const replay = options.replay ?? new SchemaReplay();
  replay.beginFile({ name: filePath, isNew: options.newInRun === true, newTables: analyzed.newTables, unreadable: isUnreadable(analyzed), runtimeNames: analyzed.runtimeNames, besideHistory: analyzed.besideHistory });
  const state = new FileState(analyzed.runnerTransaction, replay);
  state.fileOperations = analyzed.operations;
  state.implicitTransaction = analyzed.implicitTransaction === true;
  const kindsPresent = new Set<string>();
  for (const operation of analyzed.operations) kindsPresent.add(operation.kind);
  const running = rulesToRun(rules, analyzed, options).filter((rule) => mayVisit(rule, kindsPresent));
  const visitors = running.map((rule) => createVisitor(rule, new FileRuleContext(rule, state, options, raw)));
  // Each operation goes to the rules in order: a rule's handler for its kind, then its anyOperation.
  const handlers = handlerLists(running, visitors);
  for (const operation of analyzed.operations) {
    state.current = operation;
    for (const handler of handlers(operation.kind)) handler(operation);
    state.apply(operation);
  }
  for (const visitor of visitors) visitor.endOfFile?.();
  replay.endFile();
  for (const problem of analyzed.problems) {
    raw.push({ rule: problem.rule, anchorLine: problem.location.line, line: problem.location.line, location: problem.location, message: problem.message });
  }

  const ignores = new IgnoreTracker(analyzed.directives, options.resolveRuleId);
  const kept = raw.filter((finding) => !ignores.silences(finding));
  for (const { directive, message } of ignores.unused()) {
    const { location } = directive;
    kept.push({ rule: 'unused-ignore', anchorLine: location.line, line: location.line, location, message });
  }

  const byId = rulesById(rules);
  const findings: Finding[] = [];
  for (const finding of kept) {
    const configured = options.severityOf(finding.rule);
    // A milder case of what the rule flags is a warning even where the rule is an error.
    const severity = configured === 'error' && finding.subject?.atMost === 'warning' ? 'warning' : configured;
    const rule = byId.get(finding.rule);
    if (severity === 'off' || !rule) continue;
    const { line, column, endLine, endColumn } = finding.location;
    const heldLocks = finding.subject?.heldLocks;
    const help = heldLocks ? filledNewTableHelp(heldLocks) : findingHelp(rule.meta, { frontend: analyzed.frontend, subject: finding.subject ?? {} });
    const result: Finding = { rule: rule.id, severity, file: filePath, line, column, endLine, endColumn, message: finding.message, help, docs: docsFor(rule.id), anchorLine: finding.anchorLine };
    // The rule's lock claim is about the new table, on which nothing waits.
    const lock = heldLocks ? undefined : findingLock(rule.meta.locks, finding.operation, finding.subject);
    if (lock) result.lock = lock;
    if (finding.target) result.target = finding.target;
    findings.push(result);
  }
  findings.sort(compareFindings);
  return { findings };
}

/**
 * Rules that are off are skipped, unless an ignore comment in the file could
 * name them: then they run, so the comment is not reported as unused merely
 * because of config.
 */
function rulesToRun(rules: readonly RuleDefinition[], analyzed: AnalyzedFile, options: EngineOptions): readonly RuleDefinition[] {
  if (analyzed.directives.length > 0) return rules;
  return rules.filter((rule) => options.severityOf(rule.id) !== 'off');
}

type Handler = (operation: Operation) => void;

/**
 * The handlers an operation kind goes to, in the order the loop over visitors
 * would call them, listed once per kind and file: looking a kind up on every
 * visitor (each an object of its own shape) for every operation is slow, and
 * so is doing it once per kind and file; a rule whose kinds are known is
 * looked at only for those.
 */
function handlerLists(rules: readonly RuleDefinition[], visitors: readonly Visitor[]): (kind: string) => readonly Handler[] {
  const byKind = new Map<string, Handler[]>();
  return (kind) => {
    let list = byKind.get(kind);
    if (list === undefined) {
      list = [];
      for (const [position, visitor] of visitors.entries()) {
        const kinds = visitedKinds.get(rules[position]);
        if (kinds !== undefined && kinds !== 'all' && !kinds.has(kind)) continue;
        const handler = (visitor as Record<string, Handler | undefined>)[kind];
        if (handler) list.push(handler);
        if (visitor.anyOperation) list.push(visitor.anyOperation);
      }
      byKind.set(kind, list);
    }
    return list;
  };
}

/**
 * The operation kinds a rule's visitor handles, learnt from its first visitor
 * (a visitor's keys do not depend on the context: see `Visitor`). `all` when
 * it handles any operation or the end of the file.
 */
const visitedKinds = new WeakMap<RuleDefinition, ReadonlySet<string> | 'all'>();

function createVisitor(rule: RuleDefinition, context: RuleContext): Visitor {
  const visitor = rule.create(context);
  if (!visitedKinds.has(rule)) {
    const keys = Object.keys(visitor);
    visitedKinds.set(rule, keys.includes('anyOperation') || keys.includes('endOfFile') ? 'all' : new Set(keys));
  }
  return visitor;
}

/** Whether a rule can report anything in a file with these operation kinds: most rules watch a few kinds, and most files hold few. */
function mayVisit(rule: RuleDefinition, kindsPresent: ReadonlySet<string>): boolean {
  const kinds = visitedKinds.get(rule);
  if (kinds === undefined || kinds === 'all') return true;
  for (const kind of kinds) if (kindsPresent.has(kind)) return true;
  return false;
}

const idMaps = new WeakMap<readonly RuleDefinition[], ReadonlyMap<string, RuleDefinition>>();

function rulesById(rules: readonly RuleDefinition[]): ReadonlyMap<string, RuleDefinition> {
  let byId = idMaps.get(rules);
  if (!byId) {
    byId = new Map(rules.map((rule) => [rule.id, rule]));
    idMaps.set(rules, byId);
  }
  return byId;
}

/** A rule's view of the file being checked. A class, so that each rule's context is cheap to make. */
class FileRuleContext implements RuleContext {
  readonly runnerTransaction: boolean;
  readonly pgVersion: number;
  readonly previous: readonly Operation[];
  readonly schema: SchemaView;
  readonly settings: ReadonlyMap<string, string>;

  constructor(
    private readonly rule: RuleDefinition,
    private readonly state: FileState,
    options: EngineOptions,
    private readonly sink: RawFinding[],
  ) {
    this.runnerTransaction = state.runnerTransaction;
    this.pgVersion = options.pgVersion;
    this.previous = state.previous;
    this.schema = state.schema;
    this.settings = state.settings;
  }

  report(at: Operation | { location: SourceSpan; anchorLine: number }, subject: Subject = {}): void {
    const operation = 'kind' in at ? at : undefined;
    const filled = operation && this.rule.meta.costIsLockWait ? this.filledNewTableLocks(operation) : undefined;
    // Nothing else is locked while it works: no query waits on this statement.
    if (filled?.heldLocks.length === 0) return;
    if (filled) subject = { ...subject, heldLocks: filled.heldLocks };
    const message = filled ? filledNewTableMessage(filled.table, filled.heldLocks) : this.rule.meta.message(subject);
    const raw: RawFinding = { rule: this.rule.id, anchorLine: at.anchorLine, line: at.location.line, location: at.location, message, operation, subject };
    // The rule's safe rewrite is for an existing table's lock, which is not what is wrong here.
    if (operation && this.rule.meta.suggestion && !subject.heldLocks) {
      const facts: RecipeFacts = { pgVersion: this.pgVersion, inTransaction: this.state.inTransaction, explicitTransaction: this.state.explicitTransaction, subject };
      const before = this.state.previousAt(operation.location);
      if (before.length > 0) facts.sameStatement = before;
      raw.target = { operation, facts };
    }
    this.sink.push(raw);
  }

  /**
   * Where the operation locks only a table this migration created and filled: that table, and the
   * existing tables whose locks are held while it works. Asked only while the operation is being
   * visited (a rule reporting at the end of the file sees a later state).
   */
  private filledNewTableLocks(operation: Operation): { table: TableName; heldLocks: string[] } | undefined {
    if (operation !== this.state.current) return undefined;
    const table = filledNewTableOnly(operation, this.state);
    if (!table) return undefined;
    const held = this.state.locksHeldDuring(operation);
    // A table dropped (or renamed away) earlier in the transaction under this name: queries on the name wait all the same.
    if (held.has(qualifiedName(table))) return undefined;
    return { table, heldLocks: [...held.keys()] };
  }

  isNewColumn(table: TableName, column: string): boolean {
    // A new table that a query filled has rows: its columns are checked as an existing table's.
    if (this.state.isNewTable(table) && !this.state.isEmptyTable(table)) return false;
    return this.state.schema.isNewColumn(table, column);
  }

  isNewTable(table: TableName): boolean {
    return this.state.isNewTable(table);
  }

  isEmptyTable(table: TableName): boolean {
    return this.state.isEmptyTable(table);
  }

  isTemporaryTable(table: TableName): boolean {
    return this.state.isTemporaryTable(table);
  }

  isPartitioned(table: TableName): boolean {
    return this.state.isPartitioned(table);
  }

  partitionsIndexedOn(table: TableName, columns: readonly string[]): boolean {
    return this.state.partitionsIndexedOn(table, columns);
  }

  get inTransaction(): boolean {
    return this.state.inTransaction;
  }

  get explicitTransaction(): boolean {
    return this.state.explicitTransaction;
  }

  get runnerTransactionOpen(): boolean {
    return this.state.runnerTransactionOpen;
  }

  get reopensRunnerTransaction(): boolean {
    return this.state.reopensRunnerTransaction;
  }

  get implicitTransaction(): boolean {
    return this.state.implicitTransaction;
  }
}
