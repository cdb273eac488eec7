import { allRules } from '../../rules';
import { claimsFor, relationName } from '../../src/engine/finding-lock';
import type { LockClaim, LockedRelation, RuleDefinition, RuleExample } from '../../src/engine/rule';
import { LOCK_MODES, type LockMode } from '../../src/model/locks';
import type { Operation } from '../../src/model/operations';
import { type TraceDatabase, type TraceResult, runTrace } from '../../src/trace';
import { readCatalogue } from '../../src/trace/catalogue';
import type { TracedStatement } from '../../src/trace/run-trace';
import { traceInput } from './trace-helpers';
import type { Finding } from '../../src/engine/finding';
import { SchemaReplay } from '../../src/schema/replay';

/**
 * What the examples of the rules refer to: tables with rows (so that scans and
 * rewrites are real), created before each example as an earlier migration would.
 */
export const SCHEMA = `
CREATE TABLE users (id bigint PRIMARY KEY, email text, phone text NOT NULL, age integer, legacy_flags integer, name text, bio text);
INSERT INTO users SELECT g, 'user' || g || '@example.com', '+1' || g, 20 + g % 50, 0, 'name ' || g, NULL FROM generate_series(1, 300) g;
CREATE TABLE customers (id bigint PRIMARY KEY, name text);
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 100) g;
CREATE TABLE coupons (id bigint PRIMARY KEY);
INSERT INTO coupons SELECT g FROM generate_series(1, 10) g;
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, customer_id bigint REFERENCES customers (id), total integer);
INSERT INTO orders SELECT g, g % 300 + 1, g % 100 + 1, g FROM generate_series(1, 1000) g;
CREATE TABLE accounts (id integer PRIMARY KEY, name text);
INSERT INTO accounts SELECT g, 'account ' || g FROM generate_series(1, 100) g;
CREATE TABLE events (id bigint, payload text);
INSERT INTO events SELECT g, '{"n": ' || g || '}' FROM generate_series(1, 200) g;
CREATE TABLE audit_log (id bigint, entry text);
INSERT INTO audit_log SELECT g, 'entry' FROM generate_series(1, 50) g;
CREATE TABLE sessions (id bigint);
CREATE TABLE import_batches (id bigint PRIMARY KEY);
CREATE TABLE import_rows (id bigint, batch_id bigint);
CREATE TABLE measurements (taken date NOT NULL, value integer) PARTITION BY RANGE (taken);
CREATE TABLE measurements_2023 PARTITION OF measurements FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
INSERT INTO measurements SELECT date '2023-01-01' + g, g FROM generate_series(0, 300) g;
`;

/** What a rule's examples need besides the schema. */
const RULE_SETUP: Record<string, string> = {
  'require-concurrent-index-deletion': `CREATE INDEX "IDX_orders_customer" ON orders (customer_id); CREATE INDEX orders_customer_id_index ON orders (customer_id);
    CREATE INDEX orders_customer_idx ON orders (customer_id); CREATE UNIQUE INDEX users_email_key ON users (email)`,
  'require-concurrent-reindex': 'CREATE INDEX orders_customer_idx ON orders (customer_id)',
  'disallowed-unique-constraint': 'CREATE UNIQUE INDEX users_email_idx ON users (email)',
  'adding-serial-primary-key-field': 'CREATE UNIQUE INDEX events_id_idx ON events (id)',
};

/** Examples that need the schema changed first (they add what other examples expect to exist, or use what they add). */
const EXAMPLE_SETUP: Array<[(text: string) => boolean, string]> = [
  [(text) => text.includes('ADD COLUMN id bigserial PRIMARY KEY'), 'ALTER TABLE events DROP COLUMN id'],
  [(text) => text.includes("bigInteger('customer_id').index()"), 'ALTER TABLE orders DROP COLUMN customer_id'],
  [(text) => text === 'ALTER TABLE orders VALIDATE CONSTRAINT positive_total;', 'ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID'],
];

/**
 * Rules whose flagged statement (of the kind given) fails on a table with rows, as
 * their message says: the failure is checked, then the lock on the same table emptied.
 * (adding-required-field's DROP DEFAULT after the fill succeeds: the inserts after it fail.)
 */
const FAILS_WITH_ROWS: Record<string, { kind: Operation['kind']; code: string }> = { 'adding-required-field': { kind: 'addColumn', code: '23502' } };

export function sourceOf(example: RuleExample): { text: string; frontend: string } {
  const [frontend] = Object.keys(example).filter((key) => key !== 'options' && key !== 'line' && key !== 'column');
  return { text: (example as unknown as Record<string, string>)[frontend], frontend };
}

export async function prepare(db: TraceDatabase, rule: RuleDefinition, example: RuleExample): Promise<void> {
  await db.run('DROP SCHEMA IF EXISTS public CASCADE');
  await db.run('CREATE SCHEMA public');
  await db.run(SCHEMA);
  if (RULE_SETUP[rule.id]) await db.run(RULE_SETUP[rule.id]);
  const { text } = sourceOf(example);
  for (const [applies, sql] of EXAMPLE_SETUP) if (applies(text)) await db.run(sql);
  // The earlier migrations the example follows (the schema the rule checks it against).
  for (const sql of example.options?.history ?? []) await db.run(sql);
}

/** Traces an example (its earlier migrations, if any, are in the database already: see prepare), with what lint says of it. */
export async function traceExample(db: TraceDatabase, example: RuleExample, commit = true): Promise<TraceResult & { lint: Finding[] }> {
  const { text, frontend } = sourceOf(example);
  const options = { pgVersion: example.options?.pgVersion ?? 15, assumeInTransaction: example.options?.assumeInTransaction ?? false, replay: new SchemaReplay() };
  // Lint checks the example against the schema its earlier migrations build, as a run would.
  for (const [index, sql] of (example.options?.history ?? []).entries()) traceInput(sql, `${String(index).padStart(4, '0')}_earlier.sql`, options);
  const input = traceInput(text, example.options?.fileName ?? frontend, options);
  return { ...(await runTrace([input], db, { commit })), lint: input.lint.findings };
}

/** Each statement with the locks held while it ran: its own, and those its transaction took before it. */
export function locksDuring(result: TraceResult): Map<TracedStatement, TracedStatement['locks']> {
  const migration = result.migrations[0];
  const during = new Map<TracedStatement, TracedStatement['locks']>();
  let held: TracedStatement['locks'] = [];
  let explicit = false;
  for (const statement of migration.statements) {
    const action = statement.planned.operations[0]?.kind === 'transaction' ? statement.planned.operations[0].action : undefined;
    if (action === 'begin') explicit = true;
    if (action === 'commit' || action === 'rollback') {
      explicit = false;
      held = [];
    }
    const inOneTransaction = migration.transaction || explicit;
    held = inOneTransaction ? [...held, ...statement.locks] : statement.locks;
    during.set(statement, held);
  }
  return during;
}

export interface ClaimCheck {
  rule: string;
  example: string;
  /** `AccessExclusiveLock on users, rewrite`, as declared and as seen. */
  declared: string;
  observed: string;
  problems: string[];
  /** The claim checked (invalid examples). */
  claim?: LockClaim;
}

/** Checks one invalid example: its flagged statements take exactly the claimed lock on each claimed relation, and rewrite as claimed. */
export async function checkInvalidExample(db: TraceDatabase, rule: RuleDefinition, example: RuleExample): Promise<ClaimCheck[]> {
  let result = await traceExample(db, example);
  const flagged = flaggedOperations(result, rule.id, example);
  const failsWithRows = FAILS_WITH_ROWS[rule.id];
  const failure = failsWithRows && flagged.some((operation) => operation.kind === failsWithRows.kind) ? failsWithRows.code : undefined;
  const checks: ClaimCheck[] = [];
  if (failure) {
    const statement = statementsOf(result, flagged)[0];
    const problems = statement?.error?.startsWith(`${failure}:`) ? [] : [`expected it to fail on a table with rows (${failure}), got ${statement?.error ?? 'no error'}`];
    checks.push({ rule: rule.id, example: sourceOf(example).text, declared: 'fails on a table with rows', observed: statement?.error ?? 'succeeded', problems });
    await prepare(db, rule, example);
    for (const table of ['orders', 'users']) await db.run(`TRUNCATE ${table} CASCADE`);
    result = await traceExample(db, example);
  }
  const during = locksDuring(result);
  const catalogue = await readCatalogue(db);
  for (const operation of flaggedOperations(result, rule.id, example)) {
    const statements = statementsOf(result, [operation]);
    for (const claim of claimsFor(rule.meta.locks ?? [], operation).filter((candidate) => appliesTo(candidate, operation))) {
      const problems: string[] = [];
      const errors = statements.filter((statement) => statement.error || statement.notRun);
      if (statements.length === 0) problems.push('no statement was run for the flagged operation');
      for (const statement of errors) problems.push(`statement on line ${statement.location.line} did not run: ${statement.error ?? statement.notRun}`);
      const own = statements.flatMap((statement) => statement.locks);
      const held = statements.flatMap((statement) => during.get(statement) ?? []);
      const observedParts: string[] = [];
      for (const on of claim.on) {
        const relations = relationsFor(operation, on, catalogue, result);
        if (relations.length === 0) problems.push(`no ${on} found for the claim`);
        for (const relation of relations) {
          const modes = (locks: TracedStatement['locks']) => locks.filter((lock) => lock.relation === relation).map((lock) => lock.mode);
          let observed = strongestMode(claim.held === 'transaction' ? modes(held) : modes(own));
          // pg_locks has one entry per mode: a mode the transaction already holds is not taken again.
          if (claim.held !== 'transaction' && observed === undefined && modes(held).includes(claim.mode)) observed = claim.mode;
          observedParts.push(`${observed ?? 'no lock'} on ${relation}`);
          if (observed !== claim.mode) problems.push(`${on} ${relation}: declared ${claim.mode}, observed ${observed ?? 'no lock'}`);
        }
      }
      const rewritten = statements.some((statement) => statement.rewrites.some((name) => relationsFor(operation, 'table', catalogue, result).includes(name)));
      if (claim.rewrite === true && !rewritten) problems.push('declared a rewrite, observed none');
      if (claim.rewrite === false && rewritten) problems.push('declared no rewrite, observed one');
      // A possible rewrite that the finding states for certain (it knows the column's old type) must be what happens.
      const stated = result.lint.find((finding) => finding.rule === rule.id && finding.line === example.line)?.lock;
      if (claim.rewrite === 'possible' && stated?.rewrite === true && !rewritten) problems.push('the finding says the table is rewritten, observed no rewrite');
      if (claim.rewrite === 'possible' && stated && stated.rewrite === undefined && rewritten) problems.push('the finding says no rewrite, observed one');
      checks.push({
        rule: rule.id,
        example: sourceOf(example).text,
        declared: `${claim.mode} on ${claim.on.join(' and ')}${claim.rewrite === true ? ', rewrite' : claim.rewrite === 'possible' ? ', possible rewrite' : ''}`,
        observed: `${observedParts.join(', ')}${rewritten ? ', rewrite' : ''}`,
        problems,
        claim,
      });
    }
  }
  return checks;
}

/** The operations the rule's finding in this example points at. */
function flaggedOperations(result: TraceResult, ruleId: string, example: RuleExample): Operation[] {
  const migration = result.migrations[0];
  const operations = migration.statements.flatMap((statement) => statement.planned.operations);
  const lines = new Set([example.line]);
  return [...new Set(operations)].filter((operation) => lines.has(operation.location.line) && operation.kind !== 'setSetting');
}

/**
 * A claim about the table a foreign key references is about operations with one: one Knex call
 * adds a column, then its foreign key as a constraint of its own, and the column references nothing.
 */
function appliesTo(claim: LockClaim, operation: Operation): boolean {
  return !claim.on.every((on) => on === 'referencedTable') || relationName(operation, 'referencedTable') !== undefined;
}

function statementsOf(result: TraceResult, operations: readonly Operation[]): TracedStatement[] {
  return result.migrations[0].statements.filter((statement) => statement.planned.operations.some((operation) => operations.includes(operation)));
}

/** The names (as the trace reports them) of the relations a claim is about, looked up in the catalogue after the run. */
function relationsFor(operation: Operation, on: LockedRelation, catalogue: Awaited<ReturnType<typeof readCatalogue>>, result: TraceResult): string[] {
  const named = (name: string) => name.replace(/^public\./, '');
  const all = [...catalogue.relations.values()];
  const reported = new Set(result.migrations[0].statements.flatMap((statement) => [...statement.locks.map((lock) => lock.relation), ...statement.rewrites]));
  const tableOfIndex = (index: string) => {
    const found = all.find((relation) => relation.name === named(index));
    const table = found?.table !== undefined ? catalogue.relations.get(found.table)?.name : undefined;
    // A dropped index is gone from the catalogue: its table is the one table the statement locked.
    return table ? [table] : [...reported].filter((name) => all.some((relation) => relation.name === name && (relation.kind === 'r' || relation.kind === 'p')));
  };
  switch (on) {
    case 'table':
      if (operation.kind === 'dropIndex') return operation.names.flatMap((name) => tableOfIndex(name.name));
      if (operation.kind === 'reindex') return operation.targetKind === 'index' ? tableOfIndex(operation.target) : [named(operation.target)];
      if (operation.kind === 'dropTable' || operation.kind === 'truncate') return operation.tables.map((table) => named(table.name));
      if (operation.kind === 'renameTable') return [operation.table.name];
      return 'table' in operation ? [named(operation.table.name)] : [];
    case 'referencedTable': {
      const table =
        operation.kind === 'addConstraint' ? operation.constraint.references?.table
        : operation.kind === 'addColumn' ? operation.column.references?.table
        : operation.kind === 'createTable' ? operation.columns.find((column) => column.references)?.references?.table
        : undefined;
      return table ? [named(table.name)] : [];
    }
    case 'index':
      if (operation.kind === 'dropIndex') return operation.names.map((name) => named(name.name));
      if (operation.kind === 'reindex') {
        if (operation.targetKind === 'index') return [named(operation.target)];
        const table = all.find((relation) => relation.name === named(operation.target));
        return all.filter((relation) => table && relation.table === table.oid).map((relation) => relation.name);
      }
      return [];
  }
}

function strongestMode(modes: readonly LockMode[]): LockMode | undefined {
  return [...modes].sort((a, b) => LOCK_MODES.indexOf(b) - LOCK_MODES.indexOf(a))[0];
}

/** Checks one valid example of a rule that declares what its safe forms take: nothing stronger on an existing table, and no rewrite. */
export async function checkValidExample(db: TraceDatabase, rule: RuleDefinition, example: RuleExample, embedded: boolean): Promise<ClaimCheck> {
  const safe = rule.meta.safeLock;
  if (!safe) throw new Error(`${rule.id} declares no safeLock`);
  const result = await traceExample(db, example);
  const catalogue = await readCatalogue(db);
  const problems: string[] = [];
  const statements = result.migrations[0].statements;
  // Locks from the lock catalogue are not observations (PGlite cannot watch CONCURRENTLY; nothing can watch DETACH … CONCURRENTLY).
  const limited = new Set(safe.on ? statements.flatMap((statement) => statement.planned.operations.flatMap((operation) => safe.on?.flatMap((on) => relationsFor(operation, on, catalogue, result)) ?? [])) : []);
  const seen = statements.flatMap((statement) => statement.locks.filter((lock) => lock.table && lock.observed !== false && (!safe.on || limited.has(lock.relation))));
  for (const statement of statements) if (statement.error) problems.push(`line ${statement.location.line} failed: ${statement.error}`);
  const strongest = strongestMode(seen.map((lock) => lock.mode));
  if (safe.mode && strongest && LOCK_MODES.indexOf(strongest) > LOCK_MODES.indexOf(safe.mode)) problems.push(`declared at most ${safe.mode}, observed ${strongest}`);
  const rewrites = statements.flatMap((statement) => statement.rewrites);
  if (rewrites.length > 0) problems.push(`declared no rewrite, observed ${rewrites.join(', ')}`);
  const unobserved = statements.some((statement) => statement.locks.some((lock) => lock.observed === false));
  return {
    rule: rule.id,
    example: sourceOf(example).text,
    declared: `at most ${safe.mode ?? 'any lock'}${safe.on ? ` on ${safe.on.join(' and ')}` : ''}, no rewrite`,
    observed: `${strongest ?? 'no lock on an existing table'}${unobserved ? ` (CONCURRENTLY: not observable${embedded ? ' on PGlite' : ''})` : ''}${rewrites.length > 0 ? ', rewrite' : ''}`,
    problems,
  };
}

/** Rules with lock claims, and the examples the claims can be checked on. */
export function rulesWithClaims(): RuleDefinition[] {
  return allRules.filter((rule) => rule.meta.locks || rule.meta.safeLock);
}

/**
 * Examples about PostgreSQL before 11 (a constant default rewrote then) cannot be checked on a
 * current PostgreSQL; Django migrations are not traced yet (see src/trace/index.ts).
 */
export function checkable(example: RuleExample): boolean {
  return (example.options?.pgVersion ?? 15) >= 11 && !example.options?.fileName?.match(/down|^U\d/) && !('django' in example);
}

export type { LockClaim };
