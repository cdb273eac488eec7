import { loadSqlParser } from '../../src/frontends/sql';
import { analyzeTypeormFile } from '../../src/frontends/typeorm';
import type { AnalyzedFile } from '../../src/model/file';

beforeAll(loadSqlParser);

const analyze = (source: string, fileName = '1700000000000-Migration.ts', transactionMode: 'all' | 'each' | 'none' = 'all'): AnalyzedFile =>
  analyzeTypeormFile(source, fileName, { transactionMode });

/** A migration class whose up() has the given body lines, starting on line 4. */
const migration = (...body: string[]) =>
  `import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';\nexport class M1700000000000 implements MigrationInterface {\n  async up(queryRunner: QueryRunner): Promise<void> {\n${body.map((line) => `    ${line}`).join('\n')}\n  }\n  async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('DROP TABLE "everything"');\n  }\n}\n`;

const kinds = (file: AnalyzedFile) => file.operations.map((op) => `${op.kind}@${op.location.line}:${op.location.column}`);

describe('finding up()', () => {
  test.each([
    ['export class', migration("await queryRunner.query('DROP TABLE a');")],
    ['module.exports = class', "module.exports = class M1 {\n  async up(db) { await db.query('DROP TABLE a'); }\n};"],
    [
      'compiled CommonJS with __awaiter',
      'class M1 {\n  up(queryRunner) {\n    return __awaiter(this, void 0, void 0, function* () {\n      yield queryRunner.query(`DROP TABLE a`);\n    });\n  }\n}\nexports.M1 = M1;',
    ],
    [
      'ES5 prototype with a __generator state machine',
      'var M1 = (function () {\n  function M1() {}\n  M1.prototype.up = function (queryRunner) {\n    return __awaiter(this, void 0, void 0, function () {\n      return __generator(this, function (_a) {\n        switch (_a.label) {\n          case 0: return [4, queryRunner.query("DROP TABLE a")];\n          case 1: _a.sent(); return [2];\n        }\n      });\n    });\n  };\n  return M1;\n}());\nexports.M1 = M1;',
    ],
  ])('%s', (_form, source) => {
    expect(analyze(source, source.includes('QueryRunner)') ? 'm.ts' : 'm.js').operations.map((op) => op.kind)).toContain('dropTable');
  });

  test('down() is not read', () => {
    expect(analyze(migration()).operations).toEqual([]);
  });

  test('a file with no migration class is skipped with a reason', () => {
    expect(analyze("import { QueryRunner } from 'typeorm';\nexport const helper = (q: QueryRunner) => q.query('SELECT 1');").skippedReason).toBe(
      'no migration class with an up() method',
    );
  });
});

describe('queryRunner.query', () => {
  test('generated single-line SQL is located inside the template literal', () => {
    const file = analyze(migration('await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "age"`);'));
    expect(kinds(file)).toEqual(['dropColumn@4:30']);
    expect(file.operations[0].location).toEqual({ line: 4, column: 30, endLine: 4, endColumn: 67 });
  });

  test('multi-line SQL with escaped backticks keeps positions', () => {
    const file = analyze(migration('await queryRunner.query(`', '  COMMENT ON TABLE "t" IS \'has \\`ticks\\`\';', '  DROP TABLE "t"', '`);'));
    expect(kinds(file)).toEqual(['other@5:7', 'dropTable@6:7']);
  });

  test('$1 parameters are placeholders; manager.query runs SQL too', () => {
    const file = analyze(migration('await queryRunner.manager.query(`UPDATE "t" SET "a" = $1`, [1]);', "await queryRunner.connection.query('DROP TABLE t');"));
    expect(file.problems).toEqual([]);
    expect(file.operations.map((op) => op.kind)).toEqual(['other', 'dropTable']);
  });

  test('interpolated constants are substituted, other values become placeholders, and the rest is still linted', () => {
    const source = `const SCHEMA = 'app';\n${migration('await queryRunner.query(`ALTER TABLE "${SCHEMA}"."${this.table}" DROP COLUMN "x"`);')}`;
    expect(analyze(source).operations).toMatchObject([{ kind: 'dropColumn', table: { schema: 'app', name: 'table_' }, column: 'x' }]);
  });

  test('SQL that cannot be parsed with placeholders is reported as not analysed, not as a syntax error', () => {
    const file = analyze(migration('await queryRunner.query(`ALTER TABLE t ${clauses}`);'));
    expect(file.problems).toMatchObject([{ rule: 'unanalyzed-code', location: { line: 4, column: 29 } }]);
  });
});

describe('the QueryRunner API', () => {
  test('columns are NOT NULL unless isNullable; string defaults are SQL', () => {
    const file = analyze(
      migration(
        "await queryRunner.addColumn('users', new TableColumn({ name: 'a', type: 'varchar', length: '32' }));",
        "await queryRunner.addColumn('users', new TableColumn({ name: 'b', type: 'int', isNullable: true, default: 'now()' }));",
        "await queryRunner.addColumns('users', [new TableColumn({ name: 'c', type: 'uuid', isGenerated: true, generationStrategy: 'uuid' })]);",
      ),
    );
    expect(file.operations).toMatchObject([
      { kind: 'addColumn', column: { name: 'a', notNull: true, type: { name: 'varchar', modifiers: [32] } } },
      { kind: 'addColumn', column: { name: 'b', notNull: false, type: { name: 'int4' }, default: { kind: 'stable' } } },
      { kind: 'addColumn', column: { name: 'c', default: { kind: 'volatile' } } },
    ]);
    expect(kinds(file)).toEqual(['addColumn@4:23', 'addColumn@5:23', 'addColumn@6:23']);
  });

  test('createTable with columns, indices, foreign keys and uniques; the table is new for what follows', () => {
    const file = analyze(
      migration(
        'await queryRunner.createTable(',
        '  new Table({',
        "    name: 'carts',",
        "    columns: [{ name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }, { name: 'user_id', type: 'bigint' }],",
        "    indices: [{ name: 'IDX_carts_user', columnNames: ['user_id'] }],",
        "    foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],",
        '  }),',
        '  true,',
        ');',
      ),
    );
    expect(file.operations.map((op) => op.kind)).toEqual(['createTable', 'createIndex']);
    expect(file.operations[0]).toMatchObject({
      kind: 'createTable',
      table: { name: 'carts' },
      ifNotExists: true,
      columns: [{ name: 'id', type: { name: 'serial' }, location: { line: 7 } }, { name: 'user_id', type: { name: 'int8' } }],
      constraints: [{ kind: 'foreignKey', references: { table: { name: 'users' } } }],
    });
  });

  test('a table from getTable() and column objects from findColumnByName() are followed', () => {
    const file = analyze(migration("const table = await queryRunner.getTable('users');", "await queryRunner.dropColumn(table!, table!.findColumnByName('age')!);"));
    expect(file.operations).toMatchObject([{ kind: 'dropColumn', table: { name: 'users' }, column: 'age' }]);
  });

  test('changeColumn compares old and new: type, nullability and name', () => {
    const file = analyze(
      migration(
        "await queryRunner.changeColumn('t', new TableColumn({ name: 'a', type: 'int', isNullable: true }), new TableColumn({ name: 'b', type: 'bigint' }));",
        "await queryRunner.changeColumn('t', 'c', new TableColumn({ name: 'c', type: 'text' }));",
      ),
    );
    expect(file.operations.map((op) => op.kind)).toEqual(['renameColumn', 'alterColumnType', 'setNotNull', 'alterColumnType']);
  });

  test('indexes, constraints, transactions and the rest', () => {
    const file = analyze(
      migration(
        "await queryRunner.createIndex('t', new TableIndex({ name: 'IDX_a', columnNames: ['a'], isUnique: true }));",
        "await queryRunner.dropIndex('t', 'IDX_b');",
        "await queryRunner.createUniqueConstraint('t', { name: 'UQ_a', columnNames: ['a'] });",
        "await queryRunner.createCheckConstraint('t', { name: 'CHK_a', expression: '\"a\" IS NOT NULL' });",
        "await queryRunner.createPrimaryKey('t', ['id']);",
        "await queryRunner.dropForeignKey('t', 'FK_a');",
        "await queryRunner.renameTable('t', 'u');",
        "await queryRunner.clearTable('u');",
        'await queryRunner.startTransaction();',
        'await queryRunner.commitTransaction();',
      ),
    );
    expect(file.operations.map((op) => op.kind)).toEqual([
      'createIndex',
      'dropIndex',
      'addConstraint',
      'addConstraint',
      'addConstraint',
      'dropConstraint',
      'renameTable',
      'truncate',
      'transaction',
      'transaction',
    ]);
    expect(file.operations[3]).toMatchObject({ constraint: { kind: 'check', checksNotNullOf: 'a' } });
  });

  test('a name that is not known statically is reported where it is', () => {
    const file = analyze(migration('await queryRunner.dropTable(process.env.TABLE);'));
    expect(file.problems).toMatchObject([{ rule: 'unanalyzed-code', location: { line: 4, column: 33 } }]);
  });
});

describe('transactions', () => {
  test('TypeORM runs migrations in a transaction by default', () => {
    expect(analyze(migration()).runnerTransaction).toBe(true);
  });

  test('transaction = false on the class, or this.transaction = false, turns it off', () => {
    expect(analyze(migration().replace('implements MigrationInterface {', 'implements MigrationInterface {\n  transaction = false;')).runnerTransaction).toBe(false);
    expect(analyze('class M1 {\n  constructor() { this.transaction = false; }\n  up(q) {}\n}\nexports.M1 = M1;', 'm.js').runnerTransaction).toBe(false);
  });

  test('migrationsTransactionMode none turns it off for every migration', () => {
    expect(analyze(migration(), 'm.ts', 'none').runnerTransaction).toBe(false);
    expect(analyze(migration(), 'm.ts', 'each').runnerTransaction).toBe(true);
  });
});

describe('what cannot be followed', () => {
  test('an imported helper receiving the query runner is reported; a method of the class is followed', () => {
    const source = `import { helper } from './h';\nexport class M1 {\n  async up(queryRunner) {\n    await helper(queryRunner);\n    await this.dropOld(queryRunner);\n  }\n  async dropOld(runner) {\n    await runner.dropTable('old');\n  }\n}\n`;
    const file = analyze(source);
    expect(file.problems).toMatchObject([{ rule: 'unanalyzed-code', location: { line: 4, column: 11 } }]);
    expect(file.operations).toMatchObject([{ kind: 'dropTable', tables: [{ name: 'old' }] }]);
  });

  test('a loop of data statements is a backfill; a loop of schema changes is reported', () => {
    const backfill = analyze(migration('for (const id of ids) {', '  await queryRunner.query(`UPDATE "t" SET "a" = 1 WHERE "id" = $1`, [id]);', '}'));
    expect(backfill.problems).toEqual([]);
    const schema = analyze(migration('for (const table of tables) {', '  await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "x"`);', '}'));
    expect(schema.problems).toMatchObject([{ rule: 'unanalyzed-code', location: { line: 4, column: 5 } }]);
  });
});

test('TypeScript auto-accessor fields (`static accessor`, `accessor`) parse', () => {
  const file = analyzeTypeormFile(
    "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class DropUsers1700000000000 implements MigrationInterface {\n  static accessor transaction = true;\n  accessor name = 'DropUsers1700000000000';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP TABLE users`);\n  }\n}\n",
    '1700000000000-DropUsers.ts',
    { transactionMode: 'all' },
  );
  expect(file.problems).toEqual([]);
  expect(file.operations.map((operation) => `${operation.kind}@${operation.location.line}`)).toEqual(['dropTable@8']);
});
