import { CATASTROPHIC_PATTERN, catastrophicLine, copyFromStdin, deepSql, hugeSelectList, gooseMarkers, ignoredStatements, longIdentifierStatements, multiplyingConstants, psqlEchoLines, psqlPlaceholders, wordsUp } from '../../bench/pathological';
import { runCli, tempProject } from '../cli/run-cli';

/**
 * Plausible but pathological inputs: each run ends, with the findings that can
 * be made. How long each takes is measured by `npm run bench`, not here; the
 * generous jest timeouts only stop a run that would otherwise not end.
 */

interface Report {
  findings: Array<{ file: string; rule: string; line: number; column: number; message: string }>;
}

async function lintProject(files: Record<string, string>, args: string[] = []) {
  const cwd = tempProject(files);
  const run = await runCli([Object.keys(files)[0], '--format', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  return { run, report: JSON.parse(run.stdout) as Report };
}

const keys = (report: Report) => report.findings.map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);

describe('constants in Knex files', () => {
  test.each([
    ['each repeating the one before three times (exponential work)', multiplyingConstants(20, 3, 'a')],
    ['each doubling a long one (a string longer than JavaScript allows)', multiplyingConstants(20, 2, 'x'.repeat(1000))],
  ])('constants %s: the oversized one is unanalysed where it is used, the rest is checked', async (_shape, source) => {
    const { report } = await lintProject({ 'a.js': source });
    expect(keys(report)).toEqual(['unanalyzed-code@23:18', 'ban-drop-table@24:21', 'require-lock-timeout@24:21']);
    expect(report.findings[0].message).toBe('The SQL `c20` is a constant over 1,000,000 characters long; it was not checked.');
  }, 30_000);
});

test('a 300 KB SQL string with bindings in a Knex migration is checked, not an internal error', async () => {
  const rows = Array.from({ length: 20_000 }, (_, index) => `(${index}, 'name ${index}')`).join(', ');
  const source = `const TABLE = 'users';\nexports.up = async (knex) => {\n  await knex.raw(\`INSERT INTO \${TABLE} (id, name) VALUES ${rows}; SELECT ?\`, [1]);\n  await knex.schema.dropTable('users');\n};\n`;
  const { report } = await lintProject({ 'a.js': source });
  expect(keys(report)).toEqual(['ban-drop-table@4:21', 'require-lock-timeout@4:21']);
}, 30_000);

describe('SQL files that the pre-scans once took quadratic time over', () => {
  test('100,000 psql \\echo lines', async () => {
    const { report } = await lintProject({ 'a.sql': psqlEchoLines(100_000) });
    expect(keys(report)).toEqual(['ban-drop-column@100001:1', 'require-lock-timeout@100001:1']);
  }, 60_000);

  test('100,000 goose markers: only the up sections are read', async () => {
    const { report } = await lintProject({ 'a.sql': `${gooseMarkers(50_000)}-- +goose Down\nDROP TABLE users;\n` });
    expect(keys(report)).toEqual(['ban-drop-column@200002:1', 'require-lock-timeout@200002:1']);
  }, 60_000);

  test('200,000 psql placeholders', async () => {
    const { report } = await lintProject({ 'a.sql': psqlPlaceholders(200_000), 'migralint.config.json': JSON.stringify({ placeholders: ['psql'] }) });
    expect(keys(report)).toEqual(['ban-drop-column@20001:1', 'require-lock-timeout@20001:1']);
  }, 60_000);

  test('50,000 statements, each silenced by an ignore comment', async () => {
    const { report } = await lintProject({ 'a.sql': ignoredStatements(50_000) });
    expect(keys(report)).toEqual(['ban-drop-column@100002:1']);
  }, 60_000);

  test('20,000 statements, each with a long identifier', async () => {
    const { report } = await lintProject({ 'a.sql': longIdentifierStatements(20_000) });
    expect(report.findings).toHaveLength(20_000);
    expect(keys(report).slice(-1)).toEqual(['identifier-too-long@20000:1']);
  }, 60_000);

  test('a JavaScript file that is the word up 333,000 times is not a migration', async () => {
    const cwd = tempProject({ 'a.js': wordsUp(333_000) });
    const run = await runCli(['a.js', '--format', 'json', '--verbose'], { cwd });
    expect(run.stderr).toBe('migralint: note: skipped a.js: not a SQL, Knex or TypeORM migration\n');
    expect(run.code).toBe(0);
  }, 60_000);
});

describe('COPY … FROM stdin', () => {
  test('the data block is data, skipped up to \\.: 50,000 rows with nulls, quotes and semicolons', async () => {
    const { report } = await lintProject({ 'a.sql': copyFromStdin(50_000).replace('1\tann\t\\N\n', "2\to'brien; DROP TABLE x; --\t\\N\n") });
    expect(keys(report)).toEqual(['ban-drop-column@50003:1', 'require-lock-timeout@50003:1']);
  }, 60_000);

  test.each([
    ['COPY users (id) FROM STDIN WITH (FORMAT csv);\n1\n2\n\\.\nDROP TABLE users;\n', ['ban-drop-table@5:1']],
    ['COPY users FROM stdin;\r\n1\tx\r\n\\.\r\nDROP TABLE users;\r\n', ['ban-drop-table@4:1']],
    ['\\copy users from stdin\n1\tx\n\\.\nDROP TABLE users;\n', ['ban-drop-table@4:1']],
    ['-- the data runs to the end when there is no \\.\nCOPY users FROM stdin;\nDROP TABLE users;\n', []],
    ['COPY users TO stdout;\nDROP TABLE users;\n', ['ban-drop-table@2:1']],
    ["SELECT 'COPY x FROM stdin;';\nDROP TABLE users;\n", ['ban-drop-table@2:1']],
  ])('%j', async (sql, expected) => {
    const { report } = await lintProject({ 'a.sql': sql }, ['--rule', 'require-lock-timeout=off']);
    expect(keys(report)).toEqual(expected);
  });
});

test('a placeholder pattern that backtracks catastrophically in JavaScript runs in linear time', async () => {
  const { report } = await lintProject({ 'a.sql': catastrophicLine(20_000), 'migralint.config.json': JSON.stringify({ placeholders: [CATASTROPHIC_PATTERN] }) });
  expect(keys(report)).toEqual(['ban-drop-column@2:1', 'require-lock-timeout@2:1']);
}, 60_000);

describe('statements beyond what the parser takes', () => {
  test('a statement nested 10,000 levels deep (20 KB) is unanalysed, where it is; the rest of the file is checked', async () => {
    const { run, report } = await lintProject({ 'a.sql': deepSql(10_000) });
    expect(keys(report)).toEqual(['unanalyzed-code@1:1', 'ban-drop-column@2:1', 'require-lock-timeout@2:1']);
    expect(report.findings[0].message).toBe("This statement nests more than 1,000 levels deep, more than PostgreSQL's parser can take as migralint runs it; it was not checked.");
    expect(report.findings[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 20_009 });
    expect(run.code).toBe(1);
  });

  test('a statement of 5,000,000 tokens (10 MB) is unanalysed; the rest of the file is checked', async () => {
    const { report } = await lintProject({ 'a.sql': hugeSelectList(5_000_000) });
    expect(keys(report)).toEqual(['unanalyzed-code@1:1', 'ban-drop-column@2:1', 'require-lock-timeout@2:1']);
    expect(report.findings[0].message).toBe("This statement has more than 250,000 tokens, more than PostgreSQL's parser can take as migralint runs it; it was not checked.");
  }, 60_000);

  test('a deep statement in a Knex raw() string is unanalysed at its place in the string', async () => {
    const source = `exports.up = async (knex) => {\n  await knex.raw(\`SELECT ${'1+'.repeat(3000)}1;\n    ALTER TABLE users DROP COLUMN age\`);\n};\n`;
    const { report } = await lintProject({ 'a.js': source });
    expect(keys(report)).toEqual(['unanalyzed-code@2:19', 'ban-drop-column@3:5', 'require-lock-timeout@3:5']);
  });
});
