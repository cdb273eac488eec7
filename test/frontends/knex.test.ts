import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeKnexFile } from '../../src/frontends/knex';
import { knexfileDisablesTransactions } from '../../src/frontends/knex/knexfile';
import { loadSqlParser } from '../../src/frontends/sql';
import type { AnalyzedFile } from '../../src/model/file';

beforeAll(loadSqlParser);

const analyze = (source: string, fileName = '20240101_migration.js', transactionsDisabled = false): AnalyzedFile =>
  analyzeKnexFile(source, fileName, { transactionsDisabled });

/** `kind@line:column` per operation. */
const kinds = (file: AnalyzedFile) => file.operations.map((op) => `${op.kind}@${op.location.line}:${op.location.column}`);

describe('finding up()', () => {
  const body = "knex.schema.dropTable('a')";
  test.each([
    ['exports.up = function (knex) { return BODY; };', 'js'],
    ['exports.up = async (knex) => { await BODY; };', 'js'],
    ['exports.up = (knex) => BODY;', 'js'],
    ['module.exports.up = async function up(knex) { await BODY; };', 'js'],
    ['async function up(knex) { await BODY; }\nmodule.exports = { up, down() {} };', 'js'],
    ['module.exports = { async up(knex) { await BODY; } };', 'js'],
    ['const up = async (db) => { await BODY; };\nmodule.exports = { up: up };', 'js'],
    ['export async function up(knex: Knex): Promise<void> { await BODY; }', 'ts'],
    ['export const up = async (trx: Knex) => { await BODY; };', 'ts'],
    ['function up(k: Knex) { return BODY; }\nexport { up };', 'ts'],
    ['export default { up: (knex: Knex) => BODY };', 'ts'],
  ])('%s', (template, extension) => {
    const parameter = /\((\w+)/.exec(template.replace('function up', 'function'))?.[1] ?? 'knex';
    const source = template.replace(/BODY/g, body.replace('knex', parameter));
    expect(analyze(source, `m.${extension}`).operations.map((op) => op.kind)).toEqual(['dropTable']);
  });

  test('down() is rollback code and is not read', () => {
    const file = analyze("exports.up = async () => {};\nexports.down = async (knex) => { await knex.schema.dropTable('a'); };");
    expect(file.operations).toEqual([]);
  });

  test('a file without up() is skipped with a reason', () => {
    expect(analyze("exports.seed = async (knex) => knex('users').insert({});").skippedReason).toBe('no exported up() migration function');
  });
});

describe('schema builder chains', () => {
  test('chained calls each become operations at their own method', () => {
    const file = analyze(
      "exports.up = (knex) =>\n  knex.schema\n    .createTable('a', (t) => { t.bigIncrements(); })\n    .alterTable('b', (t) => { t.dropColumn('x'); })\n    .renameTable('c', 'd');",
    );
    expect(kinds(file)).toEqual(['createTable@3:6', 'dropColumn@4:31', 'renameTable@5:6']);
    expect(file.statements).toBe(3);
  });

  test('withSchema qualifies the tables of the rest of the chain', () => {
    const [operation] = analyze("exports.up = (knex) => knex.schema.withSchema('app').dropTable('users');").operations;
    expect(operation).toMatchObject({ kind: 'dropTable', tables: [{ schema: 'app', name: 'users' }] });
  });

  test('Promise.all runs each element; .then callbacks follow', () => {
    const file = analyze(
      "exports.up = (knex) => Promise.all([\n  knex.schema.dropTable('a'),\n  knex.schema.dropTable('b'),\n]).then(() => knex.schema.dropTable('c'));",
    );
    expect(kinds(file)).toEqual(['dropTable@2:15', 'dropTable@3:15', 'dropTable@4:27']);
  });

  test('table names from constants in the file are followed, including constant objects', () => {
    const file = analyze(
      "const TABLES = { users: 'app_users' };\nconst COLUMN = 'age';\nexports.up = (knex) => knex.schema.alterTable(TABLES.users, (t) => t.dropColumn(COLUMN));",
    );
    expect(file.operations).toMatchObject([{ kind: 'dropColumn', table: { name: 'app_users' }, column: 'age' }]);
  });

  test('a loop over a constant array is unrolled', () => {
    const file = analyze(
      "exports.up = async (knex) => {\n  for (const table of ['a', 'b']) {\n    await knex.schema.dropTable(table);\n  }\n};",
    );
    expect(file.operations.map((op) => op.kind === 'dropTable' && op.tables[0].name)).toEqual(['a', 'b']);
    expect(file.problems).toEqual([]);
  });

  test('a helper defined in the same file is followed with its parameter standing for knex', () => {
    const file = analyze(
      "async function dropLegacy(db, name) {\n  await db.schema.dropTable(name + '_legacy');\n}\nexports.up = async (knex) => {\n  await dropLegacy(knex, 'users');\n};",
    );
    // The constant argument flows into the helper; what it does is placed at the call.
    expect(file.problems).toEqual([]);
    expect(file.operations.map((op) => op.kind === 'dropTable' && `${op.tables[0].name}@${op.location.line}:${op.location.column}`)).toEqual(['users_legacy@5:9']);
  });
});

describe('table builder callbacks', () => {
  test('column builders map to PostgreSQL types and modifiers, as Knex emits them', () => {
    const [operation] = analyze(
      "exports.up = (knex) => knex.schema.alterTable('users', (t) => {\n  t.string('email', 100).notNullable().defaultTo('x').unique();\n});",
    ).operations;
    expect(operation).toMatchObject({
      kind: 'addColumn',
      table: { name: 'users' },
      location: { line: 2, column: 3, endLine: 2, endColumn: 63 },
      anchorLine: 1, // the statement that calls alterTable: an ignore comment before it covers the callback
      column: {
        name: 'email',
        type: { name: 'varchar', modifiers: [100] },
        notNull: true,
        default: { kind: 'constant' },
        unique: true,
      },
    });
  });

  test.each([
    ["t.string('a')", 'varchar', [255]],
    ["t.integer('a')", 'int4', []],
    ["t.bigInteger('a')", 'int8', []],
    ["t.increments('a')", 'serial', []],
    ["t.timestamp('a')", 'timestamptz', []],
    ["t.timestamp('a', { useTz: false })", 'timestamp', []],
    ["t.decimal('a', 12, 2)", 'numeric', [12, 2]],
    ["t.specificType('a', 'varchar(20)[]')", 'varchar', [20]],
    ["t.enu('a', ['x', 'y'])", 'text', []],
    ["t.jsonb('a')", 'jsonb', []],
  ])('%s is %s', (builder, typeName, modifiers) => {
    const [operation] = analyze(`exports.up = (knex) => knex.schema.alterTable('t', (t) => { ${builder}; });`).operations;
    expect(operation.kind === 'addColumn' && operation.column.type).toMatchObject({ name: typeName, modifiers });
  });

  test.each([
    ['defaultTo(knex.fn.now())', 'stable'],
    ["defaultTo(knex.raw('gen_random_uuid()'))", 'volatile'],
    ["defaultTo(knex.raw('now()'))", 'stable'],
    ['defaultTo(process.env.DEFAULT_PLAN)', 'constant'],
  ])('%s is a %s default', (modifier, kind) => {
    const [operation] = analyze(`exports.up = (knex) => knex.schema.alterTable('t', (t) => { t.text('a').${modifier}; });`).operations;
    expect(operation.kind === 'addColumn' && operation.column.default?.kind).toBe(kind);
  });

  test.each(['default', 'defaultsTo'])('%s() is Knex\'s alias of defaultTo()', (modifier) => {
    const [operation] = analyze(`exports.up = (knex) => knex.schema.alterTable('card', (t) => { t.boolean('is_closed').notNullable().${modifier}(false); });`).operations;
    expect(operation).toMatchObject({ kind: 'addColumn', column: { name: 'is_closed', notNull: true, default: { kind: 'constant', sql: 'false' } } });
  });

  test('alter() re-states type and nullability; without notNullable() it drops NOT NULL', () => {
    const file = analyze("exports.up = (knex) => knex.schema.alterTable('t', (t) => { t.bigInteger('a').alter(); t.text('b').notNullable().alter(); });");
    expect(file.operations.map((op) => op.kind)).toEqual(['alterColumnType', 'dropNotNull', 'alterColumnType', 'setNotNull']);
  });

  test("alter() keeps a column's unique(), index() and references(): Knex adds the constraint or index as the table's own methods (licences)", () => {
    const file = analyze(
      "exports.up = (knex) =>\n  knex.schema.alterTable('licences', (table) => {\n    table.string('ldu_code').notNullable().unique().alter();\n    table.integer('probation_area_id').references('probation_areas.id').index().alter();\n  });",
    );
    expect(kinds(file)).toEqual(['alterColumnType@3:5', 'setNotNull@3:5', 'addConstraint@3:5', 'alterColumnType@4:5', 'dropNotNull@4:5', 'addConstraint@4:5', 'createIndex@4:5']);
    expect(file.operations.flatMap((op) => (op.kind === 'addConstraint' ? [op.constraint.kind, op.constraint.name] : op.kind === 'createIndex' ? [op.name] : []))).toEqual([
      'unique',
      'licences_ldu_code_unique',
      'foreignKey',
      'licences_probation_area_id_foreign',
      'licences_probation_area_id_index',
    ]);
  });

  test('table methods: indexes, constraints, drops, nullability', () => {
    const file = analyze(
      "exports.up = (knex) => knex.schema.alterTable('orders', (t) => {\n  t.index(['user_id']);\n  t.unique(['code']);\n  t.unique(['ref'], { useConstraint: false });\n  t.foreign('user_id').references('id').inTable('users');\n  t.primary(['id']);\n  t.dropIndex(['user_id']);\n  t.dropUnique(['code']);\n  t.dropNullable('status');\n  t.setNullable('note');\n  t.renameColumn('a', 'b');\n  t.dropColumns('x', 'y');\n});",
    );
    expect(file.operations.map((op) => op.kind)).toEqual([
      'createIndex',
      'addConstraint',
      'createIndex',
      'addConstraint',
      'addConstraint',
      'dropIndex',
      'dropConstraint',
      'setNotNull',
      'dropNotNull',
      'renameColumn',
      'dropColumn',
      'dropColumn',
    ]);
    expect(file.operations[0]).toMatchObject({ kind: 'createIndex', name: 'orders_user_id_index', concurrently: false });
    expect(file.operations[3]).toMatchObject({
      constraint: { kind: 'foreignKey', name: 'orders_user_id_foreign', references: { table: { name: 'users' }, columns: ['id'] } },
    });
  });

  test('in createTable, columns and constraints belong to the new table; indexes follow it', () => {
    const file = analyze(
      "exports.up = (knex) => knex.schema.createTable('carts', (t) => {\n  t.bigIncrements();\n  t.bigInteger('user_id').references('users.id').index();\n  t.timestamps(true, true);\n});",
    );
    expect(file.operations.map((op) => op.kind)).toEqual(['createTable', 'createIndex']);
    const [created] = file.operations;
    expect(created.kind === 'createTable' && created.columns.map((c) => `${c.name}:${c.type?.name}:${c.location?.line}`)).toEqual([
      'id:bigserial:2',
      'user_id:int8:3',
      'created_at:timestamptz:4',
      'updated_at:timestamptz:4',
    ]);
  });
});

describe('knex.raw', () => {
  test('SQL in a multi-line template literal is located inside the JavaScript file', () => {
    const file = analyze(
      'exports.up = async (knex) => {\n  await knex.raw(`\n    ALTER TABLE users\n      DROP COLUMN age;\n    DROP TABLE sessions\n  `);\n};',
    );
    expect(kinds(file)).toEqual(['dropColumn@3:5', 'dropTable@5:5']);
    expect(file.operations[0].location).toEqual({ line: 3, column: 5, endLine: 4, endColumn: 22 });
    expect(file.operations[0].anchorLine).toBe(2);
  });

  test('escapes in string literals keep columns right', () => {
    const file = analyze("exports.up = (knex) => knex.raw('SELECT \\'it\\'\\'s\\'; DROP TABLE t');");
    expect(kinds(file)).toEqual(['other@1:34', 'dropTable@1:54']);
  });

  test('bindings are placeholders; constant bindings are substituted', () => {
    const file = analyze("exports.up = (knex) => knex.raw('ALTER TABLE ?? DROP COLUMN ?? ; SELECT ?', ['users', 'age', 1]);");
    expect(file.operations[0]).toMatchObject({ kind: 'dropColumn', table: { name: 'users' }, column: 'age' });
    const unknown = analyze("exports.up = (knex, t) => knex.raw('ALTER TABLE ?? DROP COLUMN ??', [t.name, t.column]);");
    // Bindings known only at run time are named after their expressions, and are such names for the replayed schema.
    expect(unknown.operations[0]).toMatchObject({ kind: 'dropColumn', table: { name: 't_name' }, column: 't_column' });
    expect(unknown.runtimeNames).toEqual(['t_name', 't_column']);
    expect(unknown.problems).toEqual([]);
    const fromVariable = analyze("exports.up = (knex, names) => knex.raw('ALTER TABLE ?? DROP COLUMN legacy', names);");
    expect(fromVariable.operations[0]).toMatchObject({ kind: 'dropColumn', table: { name: 'binding_1' }, column: 'legacy' });
    expect(fromVariable.runtimeNames).toEqual(['binding_1']);
  });

  test('named bindings', () => {
    const file = analyze("exports.up = (knex) => knex.raw('ALTER TABLE :table: DROP COLUMN :column:', { table: 'users', column: 'age' });");
    expect(file.operations[0]).toMatchObject({ kind: 'dropColumn', table: { name: 'users' }, column: 'age' });
  });

  test('without bindings, ? is left alone (it is a jsonb operator)', () => {
    expect(analyze("exports.up = (knex) => knex.raw(\"SELECT data ? 'key' FROM t\");").problems).toEqual([]);
  });

  test('interpolated constants are substituted; unknown values become named placeholders', () => {
    const file = analyze('const T = "users";\nexports.up = (knex, column) => knex.raw(`ALTER TABLE ${T} DROP COLUMN ${column}`);');
    expect(file.operations[0]).toMatchObject({ kind: 'dropColumn', table: { name: 'users' }, column: 'column_' });
  });

  test('SQL that PostgreSQL rejects is a syntax error inside the string', () => {
    const file = analyze("exports.up = (knex) => knex.raw('ALTER TABLE users ADD COLUMN a int NOT NUL');");
    expect(file.problems).toMatchObject([{ rule: 'syntax-error', location: { line: 1, column: 73 } }]);
  });
});

describe('transactions', () => {
  test('Knex runs each migration in a transaction', () => {
    expect(analyze('exports.up = async () => {};').runnerTransaction).toBe(true);
  });

  test.each([
    'exports.config = { transaction: false };\nexports.up = async () => {};',
    'export const config = { transaction: false };\nexport async function up() {}',
    'module.exports = { config: { transaction: false }, up: async () => {} };',
  ])('config turns it off: %s', (source) => {
    expect(analyze(source, 'm.ts').runnerTransaction).toBe(false);
  });

  test("the knexfile's disableTransactions turns it off for every migration", () => {
    expect(analyze('exports.up = async () => {};', 'm.js', true).runnerTransaction).toBe(false);
  });

  test('the nearest knexfile is read statically', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-knexfile-'));
    fs.mkdirSync(path.join(root, 'db', 'migrations'), { recursive: true });
    fs.writeFileSync(path.join(root, 'knexfile.js'), "module.exports = { client: 'pg', migrations: { disableTransactions: true } };");
    expect(knexfileDisablesTransactions(path.join(root, 'db', 'migrations', '001.js'))).toBe(true);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-knexfile-'));
    fs.writeFileSync(path.join(other, 'knexfile.ts'), "export default { client: 'pg', migrations: { disableTransactions: false } };");
    expect(knexfileDisablesTransactions(path.join(other, '001.ts'))).toBe(false);
  });
});

describe('guards and conditions', () => {
  test('code under hasTable/hasColumn or if is conditional, and a conditional createTable does not make the table new', () => {
    const file = analyze(
      "exports.up = async (knex) => {\n  if (!(await knex.schema.hasTable('a'))) {\n    await knex.schema.createTable('a', (t) => t.text('x'));\n  }\n  await knex.schema.hasColumn('b', 'y').then((exists) => {\n    if (!exists) return knex.schema.alterTable('b', (t) => t.text('y'));\n  });\n};",
    );
    expect(file.operations.map((op) => [op.kind, op.conditional === true])).toEqual([
      ['createTable', true],
      ['addColumn', true],
    ]);
    expect(file.problems).toEqual([]);
  });
});

describe('what cannot be followed is reported', () => {
  test.each([
    ["const { helper } = require('./h');\nexports.up = (knex) => helper(knex);", 2, '`helper(knex)` hands the knex object to code that is not followed'],
    ['exports.up = (knex, name) => knex.schema.dropTable(name);', 1, 'The table name `name` is not a constant migralint can read in this file or the modules it imports; this dropTable() was not checked.'],
    ['exports.up = (knex) => knex.raw(buildSql());', 1, 'The SQL `buildSql()` is built at run time'],
    ["exports.up = async (knex) => {\n  for (const t of await knex('tables')) await knex.schema.dropTable(t.name);\n};", 2, 'A loop around schema changes'],
    ["exports.up = (knex) => knex.schema.alterTable('t', (table) => addColumns(table));", 1, '`addColumns(table)` passes the table builder to code that is not followed'],
  ])('%s', (source, line, message) => {
    const file = analyze(source);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]).toMatchObject({ rule: 'unanalyzed-code', location: { line } });
    expect(file.problems[0].message).toContain(message);
  });

  test('a loop of data queries is a backfill, not a blind spot', () => {
    const file = analyze("exports.up = async (knex) => {\n  for (;;) {\n    if ((await knex('t').limit(100).update({ a: 1 })) === 0) break;\n  }\n};");
    expect(file.problems).toEqual([]);
  });

  test('invalid JavaScript is a syntax error at the parser position', () => {
    const file = analyze('exports.up = async (knex) => {\n  await knex.schema.dropTable(;\n};');
    expect(file.problems).toMatchObject([{ rule: 'syntax-error', location: { line: 2, column: 31 } }]);
    expect(file.problems[0].message).toMatch(/^This file is not valid JavaScript\/TypeScript: Unexpected token\.$/);
  });
});

describe('ignore comments in JavaScript', () => {
  test('// and /* */ comments target the next line of code, or their own line', () => {
    const file = analyze(
      "exports.up = async (knex) => {\n  // migralint-ignore ban-drop-table -- reviewed\n\n  await knex.schema.dropTable('a');\n  await knex.schema.dropTable('b'); /* migralint-ignore */\n};",
    );
    expect(file.directives.map((directive) => [directive.rules, directive.targetLine])).toEqual([
      [['ban-drop-table'], 4],
      [[], 5],
    ]);
  });
});
