import type { Finding } from '../engine/finding';
import { LOCK_MODES, type LockMode, blockedBy } from '../model/locks';
import { palette } from '../reporters/colors';
import { lockWords } from '../reporters/lock-words';
import type { TraceResult, TracedFile } from './index';
import type { TracedStatement } from './run-trace';

export type TraceFormat = 'stylish' | 'json';

/** The versioned JSON document of a trace. */
export function traceJson(result: TraceResult, toolVersion: string): string {
  const document = {
    version: 1,
    tool: { name: 'migralint', version: toolVersion },
    engine: result.engine,
    migrations: result.migrations.map((migration) => ({
      file: migration.file,
      frontend: migration.frontend,
      transaction: migration.transaction,
      ...(migration.skipped ? { skipped: migration.skipped } : {}),
      statements: migration.statements.map(statementJson),
      heldLocks: migration.heldLocks,
      notes: migration.notes,
    })),
    findings: result.findings,
    summary: summaryOf(result),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function statementJson(statement: TracedStatement) {
  return {
    line: statement.location.line,
    sql: statement.sql,
    transaction: statement.transaction,
    locks: statement.locks.map((lock) => ({ relation: lock.relation, mode: lock.mode, blocks: blockedBy(lock.mode), ...(lock.observed === false ? { observed: false } : {}) })),
    rewrites: statement.rewrites,
    created: statement.created,
    altered: statement.altered,
    dropped: statement.dropped,
    ...(statement.error !== undefined ? { error: statement.error } : {}),
    ...(statement.notRun !== undefined ? { notRun: statement.notRun } : {}),
    ...(statement.approximation !== undefined ? { approximation: statement.approximation } : {}),
    durationMs: statement.durationMs,
  };
}

function summaryOf(result: TraceResult) {
  return {
    migrations: result.migrations.filter((migration) => !migration.skipped).length,
    statements: result.migrations.reduce((sum, migration) => sum + migration.statements.length, 0),
    errors: result.findings.filter((finding) => finding.severity === 'error').length,
    warnings: result.findings.filter((finding) => finding.severity === 'warning').length,
    durationMs: result.durationMs,
  };
}

/** Per migration, each statement with what it locked, rewrote and changed; then the findings and a summary. */
export function traceStylish(result: TraceResult, color: boolean): string {
  const colors = palette(color);
  // Rollback files are skipped as in linting, quietly; any other skipped migration is named.
  const shown = result.migrations.filter((migration) => (migration.skipped ? !migration.skipped.startsWith('rollback') : migration.statements.length + migration.notes.length > 0));
  const blocks = shown.map((migration) => (migration.skipped ? `${colors.underline(migration.file)}${colors.dim(`  (not run: ${migration.skipped})`)}` : migrationBlock(migration, colors)));
  const findings = result.findings.map((finding) => findingLine(finding, colors));
  const summary = summaryOf(result);
  const total = `Traced ${summary.migrations} migration${summary.migrations === 1 ? '' : 's'} (${summary.statements} statement${summary.statements === 1 ? '' : 's'}) on ${result.engine} in ${(result.durationMs / 1000).toFixed(1)} s: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}.`;
  return [...blocks, ...(findings.length > 0 ? [`${colors.bold('Findings')}\n${findings.join('\n')}`] : []), colors.bold(total)].join('\n\n') + '\n';
}

type Colors = ReturnType<typeof palette>;

function migrationBlock(migration: TracedFile, colors: Colors): string {
  const heading = `${colors.underline(migration.file)}${colors.dim(migration.transaction ? '  (in a transaction)' : '  (no transaction)')}`;
  const lines = [heading];
  for (const statement of migration.statements) lines.push(...statementLines(statement, colors));
  const tables = new Set(migration.statements.flatMap((statement) => statement.locks.filter((lock) => lock.table).map((lock) => lock.relation)));
  const held = migration.heldLocks.filter((lock) => tables.has(lock.relation) && blockedBy(lock.mode) !== 'nothing');
  for (const lock of strongestPerRelation(held, (lock) => `${lock.relation}@${lock.line}`)) {
    lines.push(`  ${colors.dim('held:')} ${lock.mode} on ${lock.relation} for ${lock.heldMs} ms (from line ${lock.line} until its transaction ended)`);
  }
  for (const note of migration.notes) lines.push(`  ${colors.dim('note:')} ${note}`);
  return lines.join('\n');
}

function statementLines(statement: TracedStatement, colors: Colors): string[] {
  const text = statement.sql.replace(/\s+/g, ' ').trim();
  const shown = text.length > 90 ? `${text.slice(0, 89)}…` : text;
  const where = statement.transaction || statement.planned.operations[0]?.kind === 'transaction' ? '' : colors.dim('  (outside a transaction)');
  const lines = [`  ${colors.dim(String(statement.location.line).padStart(4))}  ${shown || colors.dim('(builder call)')}  ${colors.dim(`${statement.durationMs} ms`)}${where}`];
  const detail = (label: string, text: string) => lines.push(`        ${label} ${text}`);
  const catalogued = statement.locks.some((lock) => lock.observed === false) ? ' (from the lock catalogue: PGlite cannot watch a statement that commits its own transactions)' : '';
  for (const lock of strongestPerRelation(statement.locks.filter((lock) => lock.table && blockedBy(lock.mode) !== 'nothing'), (lock) => lock.relation)) {
    const blocked = blockedBy(lock.mode);
    const words = `${lock.mode} on ${lock.relation}: blocks ${blocked}${catalogued}`;
    detail(colors.cyan('lock:'), blocked === 'reads and writes' || blocked === 'writes' ? colors.yellow(words) : words);
  }
  const indexLocks = strongestPerRelation(statement.locks.filter((lock) => !lock.table && blockedBy(lock.mode) !== 'nothing'), (lock) => lock.relation);
  for (const mode of [...new Set(indexLocks.map((lock) => lock.mode))]) {
    detail(colors.cyan('lock:'), `${mode} on ${indexLocks.filter((lock) => lock.mode === mode).map((lock) => lock.relation).join(', ')}${catalogued}`);
  }
  if (statement.rewrites.length > 0) detail(colors.cyan('rewrites:'), colors.yellow(statement.rewrites.join(', ')));
  if (statement.created.length > 0) detail(colors.cyan('created:'), statement.created.join(', '));
  if (statement.altered.length > 0) detail(colors.cyan('altered:'), statement.altered.join(', '));
  if (statement.dropped.length > 0) detail(colors.cyan('dropped:'), statement.dropped.join(', '));
  if (statement.approximation) detail(colors.dim('approximation:'), statement.approximation);
  if (statement.notRun) detail(colors.dim('note:'), statement.notRun);
  if (statement.error) detail(colors.red('error:'), statement.error);
  return lines;
}

/** One entry per key (a relation, or a relation and line): the strongest mode. */
function strongestPerRelation<T extends { mode: LockMode }>(locks: readonly T[], keyOf: (lock: T) => string): T[] {
  const strongest = new Map<string, T>();
  for (const lock of locks) {
    const key = keyOf(lock);
    const known = strongest.get(key);
    if (!known || LOCK_MODES.indexOf(lock.mode) > LOCK_MODES.indexOf(known.mode)) strongest.set(key, lock);
  }
  return [...strongest.values()];
}

function findingLine(finding: Finding, colors: Colors): string {
  const severity = finding.severity === 'error' ? colors.red('error') : colors.yellow('warning');
  const lock = finding.lock ? `\n    ${colors.cyan('lock:')} ${lockWords(finding.lock)}` : '';
  return `  ${finding.file}:${finding.line}:${finding.column}  ${severity}  ${finding.message}  ${colors.dim(finding.rule)}${lock}`;
}
