/**
 * Inputs that are plausible but pathological: each once made migralint slow
 * (quadratic or exponential work), hang, or crash. `npm run bench` times each
 * against a 2 s target (bench/robustness.ts); the test suite lints smaller or
 * equal versions of them and checks what they report.
 */

export interface PathologicalInput {
  name: string;
  /** Files of the project, by relative path; the first is the one linted. */
  files: Record<string, string>;
  /** Extra command-line arguments. */
  args?: string[];
}

/**
 * `const c1 = \`${c0}${c0}${c0}\``, … : each constant repeats the one before
 * `copies` times, so the last one's value grows exponentially with `count`.
 */
export function multiplyingConstants(count: number, copies: number, first = 'ab'): string {
  const lines = [`const c0 = '${first}';`];
  for (let index = 1; index <= count; index++) lines.push(`const c${index} = \`${`\${c${index - 1}}`.repeat(copies)}\`;`);
  return `${lines.join('\n')}\nexports.up = async (knex) => {\n  await knex.raw(c${count});\n  await knex.schema.dropTable('users');\n};\n`;
}

/** psql script lines (`\echo`), each on its own line, around one statement. */
export function psqlEchoLines(count: number): string {
  return `${'\\echo step\n'.repeat(count)}ALTER TABLE users DROP COLUMN age;\n`;
}

/** A pg_dump-style `COPY … FROM stdin` block of tab-separated rows (with `\N` nulls), ended by `\.`. */
export function copyFromStdin(rows: number): string {
  return `COPY public.users (id, name, note) FROM stdin;\n${'1\tann\t\\N\n'.repeat(rows)}\\.\nALTER TABLE users DROP COLUMN age;\n`;
}

/** Alternating goose Up and Down markers. */
export function gooseMarkers(pairs: number): string {
  return `${'-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n'.repeat(pairs)}-- +goose Up\nALTER TABLE users DROP COLUMN age;\n`;
}

/** Statements that each carry an ignore comment, then one that does not. */
export function ignoredStatements(count: number): string {
  return `SET lock_timeout = '2s';\n${'-- migralint-ignore ban-drop-column\nALTER TABLE users DROP COLUMN age;\n'.repeat(count)}ALTER TABLE users DROP COLUMN age;\n`;
}

/** Statements that each name a table longer than PostgreSQL's 63-byte limit. */
export function longIdentifierStatements(count: number): string {
  return `CREATE TABLE ${'t'.repeat(70)} (id bigint);\n`.repeat(count);
}

/** A JavaScript file that is mostly the word `up`. */
export function wordsUp(count: number): string {
  return `// ${'up '.repeat(count)}\nmodule.exports = {};\n`;
}

/** psql variables, ten a statement, substituted with `"placeholders": ["psql"]`. */
export function psqlPlaceholders(count: number): string {
  const statement = "INSERT INTO :schema.events VALUES (:a, :'b', :\"c\", :d, :'e', :f, :g, :'h', :i);\n";
  return `${statement.repeat(Math.ceil(count / 10))}ALTER TABLE users DROP COLUMN age;\n`;
}

/** A placeholder pattern with catastrophic backtracking in a backtracking engine, and a line that triggers it. */
export const CATASTROPHIC_PATTERN = '(a+)+$';
export function catastrophicLine(length: number): string {
  return `SELECT 1; -- ${'a'.repeat(length)}!\nALTER TABLE users DROP COLUMN age;\n`;
}

/** `SELECT 1+1+…+1`: a left-deep expression tree `terms` levels deep. */
export function deepSql(terms: number): string {
  return `SELECT ${'1+'.repeat(terms)}1;\nALTER TABLE users DROP COLUMN age;\n`;
}

/** `SELECT 1, 1, …`: a statement so large the parser runs out of memory. */
export function hugeSelectList(items: number): string {
  return `SELECT ${'1,'.repeat(items)}1;\nALTER TABLE users DROP COLUMN age;\n`;
}

/** A deeply nested constant in a Knex migration next to a plain dropTable. */
export function deepKnexConstant(depth: number): string {
  return `const NESTED = ${'['.repeat(depth)}1${']'.repeat(depth)};\nexports.up = async (knex) => {\n  await knex.schema.dropTable('users');\n};\n`;
}

export function pathologicalInputs(): PathologicalInput[] {
  return [
    { name: 'psql \\echo, 100,000 lines', files: { 'a.sql': psqlEchoLines(100_000) } },
    { name: 'COPY … FROM stdin, 50,000 rows', files: { 'a.sql': copyFromStdin(50_000) } },
    { name: 'goose markers, 100,000', files: { 'a.sql': gooseMarkers(50_000) } },
    { name: 'ignore comments, 50,000 statements', files: { 'a.sql': ignoredStatements(50_000) } },
    { name: 'long identifiers, 20,000 statements', files: { 'a.sql': longIdentifierStatements(20_000) } },
    { name: 'the word up, 333,000 times in a .js file', files: { 'a.js': wordsUp(333_000) } },
    { name: 'psql placeholders, 200,000', files: { 'a.sql': psqlPlaceholders(200_000), 'migralint.config.json': JSON.stringify({ placeholders: ['psql'] }) } },
    {
      name: 'placeholder pattern (a+)+$ on a 5,000-character line',
      files: { 'a.sql': catastrophicLine(5_000), 'migralint.config.json': JSON.stringify({ placeholders: [CATASTROPHIC_PATTERN] }) },
    },
    { name: 'Knex constants tripling 20 times (564 bytes)', files: { 'a.js': multiplyingConstants(20, 3, 'a') } },
    { name: 'Knex constants doubling 20 times from 1,000 characters', files: { 'a.js': multiplyingConstants(20, 2, 'x'.repeat(1000)) } },
    { name: 'SELECT 1+1+… 20 KB', files: { 'a.sql': deepSql(10_000) } },
    { name: 'SELECT 1+1+… 10 MB', files: { 'a.sql': deepSql(5_000_000) } },
    { name: 'SELECT 1, 1, … 10 MB', files: { 'a.sql': hugeSelectList(5_000_000) } },
    { name: 'Knex constant nested 600 deep', files: { 'a.js': deepKnexConstant(600) } },
    { name: 'Knex constant nested 100,000 deep', files: { 'a.js': deepKnexConstant(100_000) } },
  ];
}
