import type { AnalyzedFile } from '../model/file';
import type { SourceSpan } from '../model/location';
import type { Operation, TableName } from '../model/operations';
import { FileState } from './file-state';
import { type Finding, compareFindings } from './finding';
import { IgnoreTracker } from './ignores';
import { type RuleContext, type RuleDefinition, type SeveritySetting, type Subject, type Visitor, docsFor } from './rule';

/** What earlier migrations of this run tell the next one. */
export interface MigrationContext {
  /** Tables created by migrations that are new in this run: no rows, no readers. */
  newTables: TableName[];
  /** Operations of earlier migrations that later ones may depend on. */
  history: Operation[];
}

export interface EngineOptions {
  pgVersion: number;
  context?: MigrationContext;
  /** Severity of each rule id after presets, config and flags. */
  severityOf: (ruleId: string) => SeveritySetting;
  /** Maps an id or alias to the rule id; undefined for unknown ids. */
  resolveRuleId: (id: string) => string | undefined;
}

interface RawFinding extends SourceSpan {
  rule: string;
  anchorLine: number;
  message: string;
}

/**
 * Runs every rule over a file's operations. Rules that are off still run, so that
 * an ignore comment for them is not reported as unused merely because of config.
 */
export interface EngineResult {
  findings: Finding[];
  /** What this migration adds to the context of the next ones. */
  createdTables: TableName[];
  historyOperations: Operation[];
}

export function runRules(
  analyzed: AnalyzedFile,
  rules: readonly RuleDefinition[],
  filePath: string,
  options: EngineOptions,
): EngineResult {
  const raw: RawFinding[] = [];
  const initialNewTables = options.context?.newTables ?? [];
  const state = new FileState(analyzed.runnerTransaction, initialNewTables);
  const visitors = rules.map((rule) => rule.create(contextFor(rule, state, options, raw)));
  for (const operation of analyzed.operations) {
    for (const visitor of visitors) visit(visitor, operation);
    state.apply(operation);
  }
  for (const visitor of visitors) visitor.endOfFile?.();
  for (const problem of analyzed.problems) {
    raw.push({ rule: problem.rule, anchorLine: problem.location.line, message: problem.message, ...problem.location });
  }

  const ignores = new IgnoreTracker(analyzed.directives, options.resolveRuleId);
  const kept = raw.filter((finding) => !ignores.silences(finding));
  for (const { directive, message } of ignores.unused()) {
    kept.push({ rule: 'unused-ignore', anchorLine: directive.location.line, message, ...directive.location });
  }

  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const findings = kept
    .flatMap((finding): Finding[] => {
      const severity = options.severityOf(finding.rule);
      const rule = byId.get(finding.rule);
      if (severity === 'off' || !rule) return [];
      const { anchorLine: _anchor, ...span } = finding;
      return [{ ...span, severity, file: filePath, help: rule.meta.help, docs: docsFor(rule.id) }];
    })
    .sort(compareFindings);
  return {
    findings,
    createdTables: state.createdTables.slice(initialNewTables.length),
    historyOperations: analyzed.operations.filter(isHistoryOperation),
  };
}

/** Validated CHECK (col IS NOT NULL) constraints are what later migrations rely on (adding-not-nullable-field). */
function isHistoryOperation(operation: Operation): boolean {
  if (operation.kind === 'validateConstraint') return true;
  return operation.kind === 'addConstraint' && operation.constraint.checksNotNullOf !== undefined;
}

function visit(visitor: Visitor, operation: Operation): void {
  const handler = visitor[operation.kind] as ((operation: Operation) => void) | undefined;
  handler?.(operation);
  visitor.anyOperation?.(operation);
}

function contextFor(rule: RuleDefinition, state: FileState, options: EngineOptions, sink: RawFinding[]): RuleContext {
  return {
    report(at: { location: SourceSpan; anchorLine: number }, subject: Subject = {}) {
      sink.push({ rule: rule.id, anchorLine: at.anchorLine, message: rule.meta.message(subject), ...at.location });
    },
    isNewTable: (table) => state.isNewTable(table),
    get inTransaction() {
      return state.inTransaction;
    },
    get explicitTransaction() {
      return state.explicitTransaction;
    },
    runnerTransaction: state.runnerTransaction,
    pgVersion: options.pgVersion,
    previous: state.previous,
    history: options.context?.history ?? [],
    settings: state.settings,
  };
}
