import { suggestionFor, type SuggestionStep } from '../../src/fixes/suggest';
import { analyzeDjangoFile } from '../../src/frontends/django';
import { type TextAnalysis, checkAnalysis, prepareLinting } from '../../src/lint';
import { LOCK_MODES } from '../../src/model/locks';
import { type TraceDatabase, type TraceInput, runTrace } from '../../src/trace';
import { SCHEMA } from '../trace/claims';
import { TEST_CACHE, traceInput } from '../trace/trace-helpers';
import { openPglite } from '../../src/trace';
import { type ExampleCase, exampleCases, flagged, optionsOf, sourceOf } from './examples';

/**
 * The suggested steps run in PostgreSQL (PGlite), one migration after another,
 * on the tables the rules' examples refer to, filled with rows: every statement
 * runs, and no step takes a lock on a table that existed before it stronger
 * than the step promises, or rewrites one. Knex and TypeORM steps run as the
 * SQL their ORM sends (src/lowering), Django ones as the SQL Django runs for
 * their operations, after the example's history.
 *
 * What only the user can say is written as a placeholder that makes the
 * statement fail if it is left in; here the test fills it in: a column's type
 * from the database, a value for existing rows, the name of the migration before.
 */

jest.setTimeout(60_000);

let db: TraceDatabase;
beforeAll(async () => {
  await prepareLinting();
  // TypeORM's uuid columns call uuid-ossp's generator, which TypeORM installs.
  db = await openPglite({ ...process.env, MIGRALINT_CACHE_DIR: TEST_CACHE }, ['uuid-ossp']);
}, 120_000);
afterAll(() => db?.close());

/** Django statements not run (see DJANGO_NOT_RUN), listed at the end: what this check could not cover. */
const notRun: string[] = [];
afterAll(() => {
  if (notRun.length > 0) process.stderr.write(`Django steps whose SQL is computed in Python, not run: ${notRun.length}\n  ${[...new Set(notRun)].join('\n  ')}\n`);
});

/** Wraps a fragment of up() (or of a Django operations list) in a migration of the file's language, with its transaction as the flagged file has it. */
function migrationOf(step: SuggestionStep, item: ExampleCase, transaction: boolean, original: string): string {
  if (step.migration !== 'this' || step.at === 'file') return withImports(step.code, item, original);
  const indented = (code: string, by: string) => code.replace(/^(?=.)/gm, by);
  switch (item.frontend) {
    case 'sql':
      // COMMIT at the end closes the transaction the migration opened.
      return step.at === 'end' ? `BEGIN;\n${step.code}` : step.code;
    case 'knex':
      return `${transaction ? '' : 'exports.config = { transaction: false };\n'}exports.up = async (knex) => {\n${indented(step.code, '  ')}\n};\n`;
    case 'typeorm':
      return `import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';\n\nexport class Step1700000000000 implements MigrationInterface {\n${transaction ? '' : '  transaction = false;\n'}  public async up(queryRunner: QueryRunner): Promise<void> {\n${indented(step.code, '    ')}\n  }\n}\n`;
    case 'django': {
      const lines = step.code.split('\n');
      const imports = lines.filter((line) => /^(from|import) /.test(line));
      const body = lines.filter((line) => !/^(from|import) /.test(line)).join('\n');
      return withImports(`${imports.join('\n')}\n\n\nclass Migration(migrations.Migration):\n${transaction ? '' : '    atomic = False\n'}    operations = [\n${indented(body, '        ')}\n    ]\n`, item, original);
    }
  }
}

/** A Django file's code with the flagged file's imports (the models it names, RandomUUID). */
function withImports(code: string, item: ExampleCase, original: string): string {
  if (item.frontend !== 'django') return code;
  const imports = original.split('\n').filter((line) => /^(from|import) /.test(line) && !code.includes(line));
  return `${imports.join('\n')}\n${code}`;
}

/** Fills in the placeholders a user would: types of columns from the database, values, the previous migration's name. */
async function filledIn(text: string, table: string, previous: string): Promise<string> {
  // 1 fits a text or a number column (an integer converts to a string type on assignment).
  let filled = text.replace(/\\?"<value for existing rows>\\?"/g, '1').replace('<the migration before this one>', previous);
  for (const match of text.matchAll(/"<type of ([^>]+)>"/g)) {
    const [row] = await db.rows<{ type: string }>(`SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2`, [table, match[1]]);
    filled = filled.split(match[0]).join(row.type);
  }
  return filled;
}

const FILE: Record<ExampleCase['frontend'], (index: number) => string> = {
  sql: () => 'migration.sql',
  knex: (index) => `2024010100000${index}_step.js`,
  typeorm: (index) => `170000000000${index}-Step.ts`,
  django: (index) => `shop/migrations/000${index + 2}_step${index}.py`,
};

/** A migration as trace reads it; a Django one after the example's history (trace runs Django operations as the SQL they lower to). */
function inputOf(text: string, item: ExampleCase, file: string, history: string[], transaction: boolean): TraceInput {
  // A SQL file's runner transaction: its markers, a note that it runs outside one, or as the flagged file's.
  const marked = /^--\s*(\+goose|migrate:|\+migrate)/m.test(text) || text.includes('outside a transaction');
  const options = { ...optionsOf(item.example), keepStatementText: true, assumeInTransaction: item.frontend === 'sql' && transaction && !marked };
  if (item.frontend !== 'django') return traceInput(text, file, options);
  const analyzed = analyzeDjangoFile(text, file, history);
  // Django's operations lower to SQL as the other ORMs' builder calls do.
  const analysis: TextAnalysis = { analyzed: { ...analyzed, frontend: 'knex' }, source: text };
  return { file, analysis, lint: checkAnalysis(analysis, file, options) };
}

// Examples about PostgreSQL before 11 cannot run on a current one (see test/trace/claims.ts).
/** The app the Django examples refer to, for those that do not bring their history. */
const DJANGO_HISTORY = [
  'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n' +
    '        migrations.CreateModel(name="Customer", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("name", models.TextField())]),\n' +
    '        migrations.CreateModel(name="Order", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("total", models.IntegerField()), ("note", models.TextField(null=True)), ("status", models.CharField(max_length=20))]),\n' +
    '    ]\n',
];

/** Why some Django steps are not run: what Django computes in Python, which the model of the operation does not carry. */
const DJANGO_NOT_RUN = /not run: (the default value is known only at run time|`UpdateStmt` is not modelled|the expression of CHECK constraint "[^"]+" is not known statically)/;

/** What the rules' examples need besides the schema (as in test/trace/claims.ts; the examples' own setup is not needed: the steps replace them). */
const RULE_SETUP: Record<string, string> = {
  'require-concurrent-index-deletion': `CREATE INDEX "IDX_orders_customer" ON orders (customer_id); CREATE INDEX orders_customer_id_index ON orders (customer_id);
    CREATE INDEX orders_customer_idx ON orders (customer_id); CREATE UNIQUE INDEX users_email_key ON users (email)`,
  'require-concurrent-reindex': 'CREATE INDEX orders_customer_idx ON orders (customer_id)',
};

async function prepare(item: ExampleCase): Promise<void> {
  await db.run('DROP SCHEMA IF EXISTS public CASCADE');
  await db.run('CREATE SCHEMA public');
  await db.run('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
  await db.run(SCHEMA);
  if (RULE_SETUP[item.rule.id]) await db.run(RULE_SETUP[item.rule.id]);
  // The example's earlier migrations, in SQL: the tables it refers to beyond the common schema.
  for (const sql of item.example.options?.history ?? []) await db.run(sql);
  if (/DROP INDEX CONCURRENTLY orders_customer_idx/.test(sourceOf(item.example))) await db.run('CREATE INDEX orders_customer_idx ON orders (customer_id)');
}

/**
 * Steps that fail by design: without CASCADE PostgreSQL refuses to empty a table
 * another references (the suggestion's point: it names the table to add).
 */
const FAILS: Record<string, string> = { 'ban-truncate-cascade': '0A000' };

/** The flagged SQL file up to the flagged statement: what runs before the steps that replace it in this migration. */
function beforeFlagged(source: string, location: { line: number; column: number }): string {
  const lines = source.split('\n');
  return lines.slice(0, location.line - 1).join('\n') + (location.line > 1 ? '\n' : '') + lines[location.line - 1].slice(0, location.column - 1);
}

/** The flagged SQL file without the flagged statement: what is left of this migration when the statement moves to the next. */
function withoutFlagged(source: string, location: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = source.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((total, text) => total + text.length + 1, 0) + column - 1;
  const end = offset(location.endLine, location.endColumn);
  const semicolon = /^\s*;/.exec(source.slice(end))?.[0].length ?? 0;
  return source.slice(0, offset(location.line, location.column)) + source.slice(end + semicolon);
}

const runnable = exampleCases().filter((item) => (item.example.options?.pgVersion ?? 15) >= 11);

test.each(runnable.map((item) => [`${item.rule.id} ${item.frontend}: ${sourceOf(item.example).replace(/\s+/g, ' ').slice(0, 80)}`, item] as const))('%s', async (_title, item) => {
  if ((item.example.options?.pgVersion ?? 15) < 11) return;
  const { result, finding } = flagged(item);
  const suggestion = suggestionFor(finding, result, item.rule);
  if (!suggestion || suggestion.steps.length === 0) return;
  await prepare(item);
  const history = item.frontend === 'django' ? [...(item.example.options?.djangoHistory ?? DJANGO_HISTORY)] : [];
  for (const [index, text] of history.entries()) {
    const traced = await runTrace([inputOf(text, item, `shop/migrations/000${index + 1}_history.py`, history.slice(0, index), true)], db, { commit: true });
    const failed = traced.migrations[0].statements.filter((statement) => statement.error);
    if (failed.length > 0) throw new Error(`history: ${failed.map((statement) => statement.error).join('; ')}`);
  }
  const operation = finding.target?.operation;
  const table = operation && 'table' in operation ? operation.table.name : '';
  const problems: string[] = [];
  let previous = 'step';
  if (item.frontend === 'sql' && operation && !suggestion.steps.some((step) => step.migration === 'this')) {
    // The statement left this migration: what remains of it runs first.
    const rest = await runTrace([inputOf(withoutFlagged(sourceOf(item.example), operation.location), item, 'migration.sql', [], result.runnerTransaction ?? false)], db, { commit: true });
    for (const statement of rest.migrations[0].statements) if (statement.error) problems.push(`this migration without the statement: ${statement.error}`);
  }
  if (item.frontend === 'sql' && operation && suggestion.steps.some((step) => step.migration === 'this')) {
    // The steps replace the statement where it stands: what comes before it in this migration runs first.
    const before = beforeFlagged(sourceOf(item.example), operation.location);
    if (before.trim() !== '') {
      const ran = await runTrace([inputOf(before, item, 'migration.sql', [], result.runnerTransaction ?? false)], db, { commit: true });
      for (const statement of ran.migrations[0].statements) if (statement.error) problems.push(`this migration before the statement: ${statement.error}`);
    }
  }
  let djangoSkipped = false;
  for (const [index, step] of suggestion.steps.entries()) {
    if (djangoSkipped) break; // a step Django's model could not run: the next ones depend on it
    const migration = migrationOf(step, item, result.runnerTransaction ?? false, sourceOf(item.example));
    const file = FILE[item.frontend](index);
    const text = await filledIn(migration, table, previous);
    const traced = await runTrace([inputOf(text, item, file, history, result.runnerTransaction ?? false)], db, { commit: true });
    history.push(text);
    previous = file.replace(/^.*\//, '').replace(/\.py$/, '');
    const [run] = traced.migrations;
    if (run.skipped) problems.push(`step ${index + 1} was not traced: ${run.skipped}`);
    for (const statement of run.statements) {
      if (statement.notRun && item.frontend === 'django' && DJANGO_NOT_RUN.test(statement.notRun)) {
        notRun.push(`${item.rule.id}: ${statement.notRun}`);
        djangoSkipped = true;
        continue;
      }
      if (statement.error && FAILS[item.rule.id] && statement.error.startsWith(`${FAILS[item.rule.id]}:`)) continue;
      if (statement.error || statement.notRun) problems.push(`step ${index + 1}: ${statement.sql || statement.planned.sql}: ${statement.error ?? statement.notRun}`);
      if (statement.rewrites.length > 0) problems.push(`step ${index + 1} rewrote ${statement.rewrites.join(', ')}`);
      // DETACH … CONCURRENTLY's promise is about the parent table (the partition it detaches is then locked ACCESS EXCLUSIVE).
      const about = (relation: string) => !step.lockOn || relation === table;
      for (const lock of statement.locks.filter((candidate) => candidate.table && about(candidate.relation))) {
        if (step.lock === undefined || LOCK_MODES.indexOf(lock.mode) > LOCK_MODES.indexOf(step.lock)) {
          problems.push(`step ${index + 1} promised ${step.lock ?? 'no lock'}, took ${lock.mode} on ${lock.relation} (${statement.sql})`);
        }
      }
    }
    if (run.statements.length === 0 && step.lock) problems.push(`step ${index + 1} ran nothing`);
  }
  expect(problems).toEqual([]);
});
