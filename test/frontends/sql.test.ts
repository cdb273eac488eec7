import * as fs from 'node:fs';
import { analyzeSqlFile, loadSqlParser } from '../../src/frontends/sql';
import { isReservedWord } from '../../src/frontends/sql/fragments';
import { scanSqlTokens } from '../../src/frontends/sql/parser';
import type { AnalyzedFile } from '../../src/model/file';

beforeAll(loadSqlParser);

const analyze = (sql: string, fileName = 'V1__migration.sql', assumeInTransaction = false): AnalyzedFile =>
  analyzeSqlFile(sql, fileName, { assumeInTransaction });

const spans = (file: AnalyzedFile) =>
  file.operations.map(({ kind, location }) => [kind, location.line, location.column, location.endLine, location.endColumn]);

describe('statement locations', () => {
  test('each statement spans from its first to its last character, without the semicolon', () => {
    const file = analyze('SET lock_timeout = \'2s\';\n\n  ALTER TABLE users\n    DROP COLUMN age;\nDROP TABLE t');
    expect(spans(file)).toEqual([
      ['setSetting', 1, 1, 1, 24],
      ['dropColumn', 3, 3, 4, 20],
      ['dropTable', 5, 1, 5, 13],
    ]);
    expect(file.statements).toBe(3);
  });

  test('leading and trailing comments are not part of the statement', () => {
    const file = analyze('-- add the flag\n/* block\n comment */ ALTER TABLE a ADD COLUMN b int -- trailing\n;\n-- tail');
    expect(spans(file)).toEqual([['addColumn', 3, 13, 3, 43]]);
  });

  test('non-ASCII text before and inside statements keeps columns in characters, not bytes', () => {
    const file = analyze('-- déjà vu: 日本語\nALTER TABLE "üsers" DROP COLUMN "größe"; DROP TABLE 😀x;');
    expect(spans(file)).toEqual([
      ['dropColumn', 2, 1, 2, 40],
      ['dropTable', 2, 42, 2, 56],
    ]);
  });

  test('CRLF and lone CR line endings count as one line break each', () => {
    expect(spans(analyze('SELECT 1;\r\n\r\nDROP TABLE a;\r\n'))).toEqual([
      ['other', 1, 1, 1, 9],
      ['dropTable', 3, 1, 3, 13],
    ]);
    expect(spans(analyze('SELECT 1;\rDROP TABLE a;'))[1]).toEqual(['dropTable', 2, 1, 2, 13]);
  });

  test('tabs count as one column', () => {
    expect(spans(analyze('\t\tDROP TABLE a;'))).toEqual([['dropTable', 1, 3, 1, 15]]);
  });

  test('ALTER TABLE with several actions gives one operation per action, each at its clause, anchored at the statement', () => {
    const file = analyze('ALTER TABLE users ADD COLUMN a int, DROP COLUMN b, ALTER COLUMN c SET NOT NULL;');
    expect(file.operations.map((operation) => operation.kind)).toEqual(['addColumn', 'dropColumn', 'setNotNull']);
    expect(file.operations.map((operation) => `${operation.location.column}-${operation.location.endColumn}`)).toEqual(['19-35', '37-50', '52-79']);
    expect(new Set(file.operations.map((operation) => operation.anchorLine))).toEqual(new Set([1]));
  });
});

describe('parse, do not grep', () => {
  test.each([
    ["COMMENT ON TABLE users IS 'DROP TABLE users;';"],
    ["SELECT 'ALTER TABLE users DROP COLUMN age;';"],
    ['CREATE FUNCTION f() RETURNS void AS $$ BEGIN DROP TABLE users; END $$ LANGUAGE plpgsql;'],
    ['CREATE FUNCTION f() RETURNS void AS $body$ DROP TABLE users; $body$ LANGUAGE sql;'],
    ['-- DROP TABLE users;\nSELECT 1;'],
    ['/* DROP TABLE users; /* nested */ still a comment */ SELECT 1;'],
  ])('%s contains no DROP TABLE', (sql) => {
    expect(analyze(sql).operations.map((operation) => operation.kind)).not.toContain('dropTable');
  });
});

describe('operation details', () => {
  test('column definitions carry type, nullability, default class and references', () => {
    const [operation] = analyze(
      'ALTER TABLE s.orders ADD COLUMN IF NOT EXISTS token uuid NOT NULL DEFAULT gen_random_uuid() REFERENCES s.tokens (id);',
    ).operations;
    expect(operation).toMatchObject({
      kind: 'addColumn',
      table: { schema: 's', name: 'orders' },
      ifNotExists: true,
      column: {
        name: 'token',
        type: { name: 'uuid', modifiers: [], isArray: false },
        notNull: true,
        default: { kind: 'volatile', functionName: 'gen_random_uuid' },
        references: { table: { schema: 's', name: 'tokens' }, columns: ['id'] },
      },
    });
  });

  test.each([
    ["'x'", 'constant'],
    ["'{}'::jsonb", 'constant'],
    ['1 + 2', 'constant'],
    ['now()', 'stable'],
    ['CURRENT_TIMESTAMP', 'stable'],
    ['random()', 'volatile'],
    ["nextval('seq')", 'volatile'],
    ['my_function()', 'unknown'],
  ])('DEFAULT %s is %s', (expression, kind) => {
    const [operation] = analyze(`ALTER TABLE t ADD COLUMN c text DEFAULT ${expression};`).operations;
    expect(operation.kind === 'addColumn' && operation.column.default?.kind).toBe(kind);
  });

  test('constraints: kind, NOT VALID, USING INDEX and CHECK (col IS NOT NULL)', () => {
    const operations = analyze(
      'ALTER TABLE t ADD CONSTRAINT c1 CHECK (email IS NOT NULL) NOT VALID, ADD CONSTRAINT u1 UNIQUE USING INDEX i1;',
    ).operations;
    expect(operations).toMatchObject([
      { kind: 'addConstraint', constraint: { kind: 'check', name: 'c1', notValid: true, checksNotNullOf: 'email' } },
      { kind: 'addConstraint', constraint: { kind: 'unique', name: 'u1', notValid: false, usingIndex: 'i1' } },
    ]);
  });

  test('identifiers over 63 bytes are kept as written, although the parser truncates them', () => {
    const name = `${'é'.repeat(32)}x`; // 65 bytes, 33 characters
    const [operation] = analyze(`CREATE TABLE "${name}" (id bigint);`).operations;
    expect(operation.identifiers).toEqual([name]);
    expect(operation.kind === 'createTable' && operation.table.name).not.toBe(name);
  });
});

describe('up and down sections', () => {
  test.each(['down.sql', '0003_drop.down.sql', '0003_drop_down.sql', 'U3__undo.sql', 'U1.2__undo.sql'])(
    '%s is rollback code and is not analysed',
    (fileName) => {
      const file = analyze('DROP TABLE users;', fileName);
      expect(file.operations).toEqual([]);
      expect(file.skippedReason).toMatch(/rollback/);
    },
  );

  test.each(['up.sql', 'V3__drop.sql', '0003_drop.up.sql', 'downgrade_notes.sql'])('%s is forward code', (fileName) => {
    expect(analyze('DROP TABLE users;', fileName).operations).toHaveLength(1);
  });

  test.each([
    ['goose', '-- +goose Up', '-- +goose Down'],
    ['sql-migrate', '-- +migrate Up', '-- +migrate Down'],
    ['dbmate', '-- migrate:up', '-- migrate:down'],
  ])('%s: only the up section is analysed, at its original lines', (_runner, up, down) => {
    const file = analyze(`${up}\nALTER TABLE users ADD COLUMN bio text;\n\n${down}\nALTER TABLE users DROP COLUMN bio;\n`);
    expect(spans(file)).toEqual([['addColumn', 2, 1, 2, 38]]);
  });

  test('a down section followed by another up section resumes analysis', () => {
    const file = analyze('-- migrate:down\nDROP TABLE a;\n-- migrate:up\nDROP TABLE b;');
    expect(spans(file)).toEqual([['dropTable', 4, 1, 4, 13]]);
  });

  test('a marker inside a string is not a marker', () => {
    const file = analyze("SELECT '\n-- +goose Down\n';\nDROP TABLE b;");
    expect(file.operations.map((operation) => operation.kind)).toEqual(['other', 'dropTable']);
  });
});

describe("the runner's transaction", () => {
  test.each([
    ['', false, false],
    ['', true, true],
    ['-- +goose Up\n', false, true],
    ['-- +goose NO TRANSACTION\n-- +goose Up\n', false, false],
    ['-- +goose Up\n-- +goose NO TRANSACTION\n', true, false],
    ['-- +migrate Up\n', false, true],
    ['-- +migrate Up notransaction\n', false, false],
    ['-- migrate:up\n', false, true],
    ['-- migrate:up transaction:false\n', false, false],
  ])('%j with --assume-in-transaction=%s → %s', (header, assume, expected) => {
    expect(analyze(`${header}SELECT 1;`, 'm.sql', assume).runnerTransaction).toBe(expected);
  });
});

describe('syntax errors', () => {
  test('point at the token the parser stopped at, and stop analysis of the file', () => {
    const file = analyze('ALTER TABLE users ADD COLUMN a int;\nALTER TABLE users\n  ADD COLUMN b int NOT NUL;');
    expect(file.operations).toEqual([]);
    expect(file.problems).toEqual([
      {
        rule: 'syntax-error',
        message: 'PostgreSQL cannot parse this SQL: syntax error at or near "NUL".',
        location: { line: 3, column: 24, endLine: 3, endColumn: 27 },
      },
    ]);
  });

  test('after non-ASCII text, the column is still in characters', () => {
    const file = analyze('-- ünïcödé\nSELECT 1 FROM;');
    expect(file.problems[0].location).toMatchObject({ line: 2, column: 14 });
  });

  test('at the very end of the file', () => {
    const file = analyze('ALTER TABLE users ADD COLUMN');
    expect(file.problems[0].location).toMatchObject({ line: 1, column: 29 });
  });
});

describe('large files are parsed in pieces, with the same result', () => {
  // About 230 KB of statements with multi-byte text, so that byte and character offsets differ in every piece.
  const FILLER_LINE = "COMMENT ON TABLE t IS 'déjà vu, 日本語';\n";
  const FILLER_COUNT = 6_000;
  const filler = FILLER_LINE.repeat(FILLER_COUNT);
  const shifted = (rows: unknown[][]) => rows.map(([kind, line, column, endLine, endColumn]) => [kind, (line as number) + FILLER_COUNT, column, (endLine as number) + FILLER_COUNT, endColumn]);

  test('statement and column positions in a late piece', () => {
    const tail = 'ALTER TABLE "üsers"\n  ADD COLUMN "größe" char(3);\nDROP TABLE 😀x';
    const alone = analyze(tail);
    const big = analyze(filler + tail);
    expect(filler.length).toBeGreaterThan(3 * 64 * 1024);
    expect(big.problems).toEqual([]);
    expect(big.statements).toBe(FILLER_COUNT + 2);
    expect(spans(big).slice(FILLER_COUNT)).toEqual(shifted(spans(alone)));
    const column = (file: AnalyzedFile) => (file.operations.find((operation) => operation.kind === 'addColumn') as { column: { location?: { line: number } } }).column.location;
    expect(column(big)).toEqual({ ...column(alone), line: column(alone)!.line + FILLER_COUNT, endLine: (column(alone) as unknown as { endLine: number }).endLine + FILLER_COUNT });
  });

  test('a syntax error in a late piece is placed in the file', () => {
    const big = analyze(`${filler}ALTER TABLE users\n  ADD COLUMN b int NOT NUL;\nSELECT 1;`);
    expect(big.operations).toEqual([]);
    expect(big.problems.map((problem) => problem.location)).toEqual([{ line: FILLER_COUNT + 2, column: 24, endLine: FILLER_COUNT + 2, endColumn: 27 }]);
  });

  test('semicolons inside a function body that spans pieces do not split it', () => {
    const body = Array.from({ length: 4_000 }, (_, index) => `  INSERT INTO audit VALUES (${index});`).join('\n');
    const sql = `CREATE FUNCTION f() RETURNS void LANGUAGE sql\nBEGIN ATOMIC\n${body}\nEND;\nALTER TABLE users DROP COLUMN age;`;
    expect(sql.length).toBeGreaterThan(2 * 64 * 1024);
    const big = analyze(sql);
    expect(big.problems).toEqual([]);
    expect(big.statements).toBe(2);
    expect(spans(big)[1]).toEqual(['dropColumn', 4_004, 1, 4_004, 34]);
  });
});

describe('ignore comments', () => {
  test('target the statement on the next line of code, or the statement the comment ends', () => {
    const file = analyze(
      '-- migralint-ignore ban-drop-column, renaming-column -- reviewed\n\nALTER TABLE a DROP COLUMN b;\nDROP TABLE c; -- migralint-ignore\n-- migralint-ignore-file require-lock-timeout',
    );
    expect(file.directives).toEqual([
      expect.objectContaining({ scope: 'statement', rules: ['ban-drop-column', 'renaming-column'], targetLine: 3 }),
      expect.objectContaining({ scope: 'statement', rules: [], targetLine: 4 }),
      expect.objectContaining({ scope: 'file', rules: ['require-lock-timeout'] }),
    ]);
  });

  test('block comments work too, and a directive inside a string is not one', () => {
    const file = analyze("/* migralint-ignore ban-drop-table */\nDROP TABLE c;\nSELECT '-- migralint-ignore';");
    expect(file.directives).toHaveLength(1);
    expect(file.directives[0]).toMatchObject({ rules: ['ban-drop-table'], targetLine: 2 });
  });
});

describe('reserved words', () => {
  // The premise of isReservedWord's shortcut: no PostgreSQL keyword has a digit or `$` in it.
  test("every keyword of PostgreSQL's scanner is letters and underscores", () => {
    const typesFile = fs.readFileSync(require.resolve('@pgsql/types/enums.d.ts'), 'utf8');
    const tokenNames = /export type Token = ([^;]*);/.exec(typesFile)?.[1].match(/"[A-Z0-9_]+"/g)?.map((name) => name.slice(1, -1)) ?? [];
    const keywords = tokenNames
      .map((name) => name.replace(/_(P|LA)$/, '').toLowerCase())
      .filter((word) => scanSqlTokens(word).tokens[0]?.keywordName !== 'NO_KEYWORD' && scanSqlTokens(word).tokens.length === 1);
    expect(keywords.length).toBeGreaterThan(400);
    expect(keywords.filter((word) => !/^[a-z_]+$/.test(word))).toEqual([]);
  });

  test('keywords PostgreSQL reserves need quotes; other names, with digits or `$`, do not', () => {
    expect(['order', 'USER', 'column', 'table'].map(isReservedWord)).toEqual([true, true, true, true]);
    expect(['status', 'name', 'col_772', 'order2', 'user$', 'users_email_idx1', '_1'].map(isReservedWord)).toEqual([false, false, false, false, false, false, false]);
  });
});
