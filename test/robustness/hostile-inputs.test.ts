import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempProject, withFailingRead } from '../cli/run-cli';

/** Every hostile input gives findings or a one-line error naming the file, never a stack trace; other files are still linted. */

const GOOD_NEIGHBOUR = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n";

interface Report {
  files: Array<{ file: string }>;
  findings: Array<{ file: string; rule: string; line: number; column: number; message: string }>;
}

async function lint(files: Record<string, string | Buffer>, args: string[] = []) {
  const cwd = tempProject({ ...files, 'm/zz_neighbour.sql': GOOD_NEIGHBOUR });
  const run = await runCli(['m', '--format', 'json', ...args], { cwd });
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const report = JSON.parse(run.stdout) as Report;
  // The neighbour is always linted.
  expect(report.findings.filter((finding) => finding.file === 'm/zz_neighbour.sql').map((finding) => finding.rule)).toEqual(['ban-drop-column']);
  return { run, report, cwd };
}

const keys = (report: Report, file: string) =>
  report.findings.filter((finding) => finding.file === file).map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);

describe('encodings and bytes', () => {
  test('binary content: one syntax-error finding at the first NUL byte', async () => {
    const { report } = await lint({ 'm/a.sql': Buffer.from([0x53, 0x45, 0x4c, 0x0a, 0x00, 0x01, 0xff, 0x00]) });
    expect(keys(report, 'm/a.sql')).toEqual(['syntax-error@2:1']);
  });

  test('invalid UTF-8: one syntax-error finding where the bad byte is, as PostgreSQL rejects the file', async () => {
    const { report } = await lint({ 'm/a.sql': Buffer.concat([Buffer.from('SELECT 1;\nALTER TABLE t DROP COLUMN '), Buffer.from([0xc3, 0x28]), Buffer.from(';\n')]) });
    expect(keys(report, 'm/a.sql')).toEqual(['syntax-error@2:27']);
    expect(report.findings[0].message).toBe('This file is not valid UTF-8: PostgreSQL rejects it (invalid byte sequence for encoding "UTF8").');
  });

  test('a UTF-8 BOM is ignored and columns stay right', async () => {
    const { report } = await lint({ 'm/a.sql': `\uFEFFALTER TABLE t DROP COLUMN c;` });
    expect(keys(report, 'm/a.sql')).toEqual(['ban-drop-column@1:1', 'require-lock-timeout@1:1']);
  });

  test.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SELECT 1;\nALTER TABLE t DROP COLUMN c;\n', 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('SELECT 1;\nALTER TABLE t DROP COLUMN c;\n', 'utf16le').swap16()])],
  ])('%s with a BOM is decoded and linted', async (_encoding, bytes) => {
    const { report } = await lint({ 'm/a.sql': bytes });
    expect(keys(report, 'm/a.sql')).toEqual(['ban-drop-column@2:1', 'require-lock-timeout@2:1']);
  });

  test('a syntax error after characters outside the BMP (emoji) is placed on the right column', async () => {
    const { report } = await lint({ 'm/a.sql': '-- 😀 deploy\nALTER TABLE t ADD COLUMN email text NOT NUL; -- 😀😀' });
    expect(keys(report, 'm/a.sql')).toEqual(['syntax-error@2:41']);
  });

  test('CRLF and lone CR line endings keep line numbers right; tabs count as one column', async () => {
    const { report } = await lint({
      'm/crlf.sql': 'SELECT 1;\r\n\r\n\tALTER TABLE t DROP COLUMN c;\r\n',
      'm/cr.sql': 'SELECT 1;\r\rALTER TABLE t DROP COLUMN c;\r',
    });
    expect(keys(report, 'm/crlf.sql')).toEqual(['ban-drop-column@3:2', 'require-lock-timeout@3:2']);
    expect(keys(report, 'm/cr.sql')).toEqual(['ban-drop-column@3:1', 'require-lock-timeout@3:1']);
  });
});

describe('size and shape', () => {
  test('100,000 statements in one file', async () => {
    const { report } = await lint({ 'm/a.sql': `${'SELECT 1;\n'.repeat(100_000)}ALTER TABLE t DROP COLUMN c;\n` });
    expect(keys(report, 'm/a.sql')).toEqual(['ban-drop-column@100001:1', 'require-lock-timeout@100001:1']);
  }, 60_000);

  test('a 50 MB file', async () => {
    const line = `SELECT 1; -- ${'x'.repeat(90)}\n`;
    const { report } = await lint({ 'm/a.sql': `${line.repeat(Math.ceil(50_000_000 / line.length))}ALTER TABLE t DROP COLUMN c;\n` });
    expect(keys(report, 'm/a.sql')).toHaveLength(2);
  }, 120_000);

  test('deeply nested expressions: the parser gives up with a syntax error, not a crash', async () => {
    const { report } = await lint({ 'm/a.sql': `SELECT ${'('.repeat(100_000)}1${')'.repeat(100_000)};` });
    expect(keys(report, 'm/a.sql')).toEqual(['syntax-error@1:10004']);
  });

  test('a very long line', async () => {
    const { report } = await lint({ 'm/a.sql': `SELECT ${Array(200_000).fill('1').join(', ')}; ALTER TABLE t DROP COLUMN c;` });
    expect(keys(report, 'm/a.sql')).toEqual(['ban-drop-column@1:600008', 'require-lock-timeout@1:600008']);
  }, 60_000);

  test('deeply nested JavaScript is read; only the part nested beyond the parser is reported as not analysed, not as a syntax error', async () => {
    const script = (depth: number) => `exports.up = async (knex) => { const x = ${'['.repeat(depth)}1${']'.repeat(depth)}; await knex.schema.dropTable('t'); };`;
    const { report } = await lint({ 'm/a.js': script(90), 'm/b.js': script(100_000) });
    expect(keys(report, 'm/a.js')).toEqual(['ban-drop-table@1:243', 'require-lock-timeout@1:243']);
    expect(keys(report, 'm/b.js')).toEqual(['unanalyzed-code@1:141', 'ban-drop-table@1:200063', 'require-lock-timeout@1:200063']);
    expect(report.findings.find((finding) => finding.file === 'm/b.js')).toMatchObject({
      line: 1,
      column: 141,
      message: 'This code nests too deeply for the JavaScript parser; it was not checked.',
    });
  });
});

describe('files and paths', () => {
  test('paths with spaces and non-ASCII names', async () => {
    const cwd = tempProject({ 'db migrations/002 ünïcode añadir.sql': GOOD_NEIGHBOUR });
    const run = await runCli(['db migrations', '--format', 'compact'], { cwd });
    expect(run.stdout).toMatch(/^db migrations\/002 ünïcode añadir\.sql:2:1: error ban-drop-column /);
  });

  test('a file deleted during the run is one line on stderr and exit code 2; the others are still linted', async () => {
    const cwd = tempProject({ 'm/001.sql': GOOD_NEIGHBOUR, 'm/002.sql': GOOD_NEIGHBOUR });
    const run = await withFailingRead('001.sql', 'ENOENT', () => runCli(['m', '--format', 'compact'], { cwd }));
    expect(run.stderr).toBe('migralint: cannot read m/001.sql: no such file (it may have been deleted during the run)\n');
    expect(run.stdout).toMatch(/^m\/002\.sql:2:1: error ban-drop-column /);
    expect(run.code).toBe(2);
  });

  test('a symbolic link loop and a dangling link in a folder', async () => {
    const cwd = tempProject({ 'm/001.sql': GOOD_NEIGHBOUR });
    fs.symlinkSync(path.join(cwd, 'm'), path.join(cwd, 'm', 'again'));
    fs.symlinkSync(path.join(cwd, 'nowhere.sql'), path.join(cwd, 'm', 'dangling.sql'));
    const run = await runCli(['m', '--format', 'json'], { cwd });
    expect((JSON.parse(run.stdout) as Report).files.map((file) => file.file)).toEqual(['m/001.sql']);
  });
});

describe('templated and scripted SQL', () => {
  test('psql meta-commands are skipped (with a note under --verbose), not syntax errors', async () => {
    const { run, report } = await lint(
      {
        'm/a.sql': "\\set ON_ERROR_STOP on\n\\echo adding the column\nSELECT now() AS started \\gset\nALTER TABLE t DROP COLUMN c;\n\\i other.sql\n",
      },
      ['--verbose'],
    );
    expect(keys(report, 'm/a.sql')).toEqual(['ban-drop-column@4:1', 'require-lock-timeout@4:1']);
    expect(run.stderr).toContain('migralint: note: m/a.sql: skipped psql meta-command \\set on line 1\n');
    expect(run.stderr).toContain('migralint: note: m/a.sql: skipped psql meta-command \\gset on line 3\n');
  });

  test('placeholders declared in the config make templated migrations parse, at their original positions', async () => {
    const { report } = await lint({
      'migralint.config.json': JSON.stringify({ placeholders: ['psql', 'mustache', 'dollar-percent', '@@\\w+@@'] }),
      'm/a.sql': [
        "CREATE TABLE :schema.events (id $%AUTO_INCREMENT%$, kind text DEFAULT :'kind');",
        'ALTER TABLE {{ index .Options "Namespace" }}.users DROP COLUMN age;',
        "ALTER TABLE @@table@@ ADD COLUMN note text DEFAULT 'a'::text;",
      ].join('\n'),
    });
    expect(keys(report, 'm/a.sql')).toEqual(['ban-drop-column@2:1', 'require-lock-timeout@2:1']);
  });

  test('after a placeholder, positions are those of the original text', async () => {
    const { report } = await lint({
      'migralint.config.json': JSON.stringify({ placeholders: ['mustache'] }),
      'm/a.sql': 'ALTER TABLE {{ .Schema }}.users ADD COLUMN email text NOT NUL;',
    });
    expect(keys(report, 'm/a.sql')).toEqual(['syntax-error@1:59']);
  });

  test('without the config, a template is a syntax error at the template', async () => {
    const { report } = await lint({ 'm/a.sql': 'ALTER TABLE {{ .Schema }}.users DROP COLUMN age;' });
    expect(keys(report, 'm/a.sql')).toEqual(['syntax-error@1:13']);
  });

  test('an invalid placeholder pattern in the config is a usage error naming it', async () => {
    const cwd = tempProject({ 'm/a.sql': 'SELECT 1;', 'migralint.config.json': JSON.stringify({ placeholders: ['('] }) });
    const run = await runCli(['m'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"placeholders" entry "\(" is neither a known syntax \(psql, mustache, dollar-brace, dollar-percent\) nor a regular expression in RE2 syntax \(missing closing \): `\(`\)\n$/);
  });

  test.each(['x*', '', '\\b', 'a|', '(?:@@)?'])('a placeholder pattern that can match the empty string (%j) is a usage error', async (pattern) => {
    const cwd = tempProject({ 'm/a.sql': 'SELECT 1;', 'migralint.config.json': JSON.stringify({ placeholders: [pattern] }) });
    const run = await runCli(['m'], { cwd });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `migralint: ${path.join(cwd, 'migralint.config.json')}: "placeholders" entry ${JSON.stringify(pattern)} can match the empty string; a placeholder pattern must match at least one character\n`,
    });
  });

  test('placeholder patterns are RE2 regular expressions: features that need backtracking are refused', async () => {
    const cwd = tempProject({ 'm/a.sql': 'SELECT 1;', 'migralint.config.json': JSON.stringify({ placeholders: ['(\\w)\\1', '(?<=@)\\w+'] }) });
    const run = await runCli(['m'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"placeholders" entry "\(\\\\w\)\\\\1" is neither a known syntax .* nor a regular expression in RE2 syntax \(invalid escape sequence: `\\1`\)\n$/);
  });

  test('a custom pattern after non-ASCII text keeps findings at their original positions', async () => {
    const { report } = await lint({
      'migralint.config.json': JSON.stringify({ placeholders: ['<%=\\s*\\w+\\s*%>'] }),
      'm/a.sql': "-- ünïcødé 😀\nALTER TABLE <%= table %> ADD COLUMN email text NOT NUL;",
    });
    expect(keys(report, 'm/a.sql')).toEqual(['syntax-error@2:52']);
  });
});
