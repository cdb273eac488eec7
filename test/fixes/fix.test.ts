import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli, tempProject } from '../cli/run-cli';

/**
 * `--fix` on realistic migrations of each front-end (test/fixes/cases/<case>/):
 * the fixed files equal `expected/`, every other file keeps its bytes, the
 * fixed files lint again without the fixed findings and with nothing unparsed,
 * and a file that cannot be fixed safely is left byte for byte as it was.
 * `case.json` gives extra arguments and says when nothing may change.
 */

const CASES = path.join(__dirname, 'cases');

interface Case {
  name: string;
  args: string[];
  unchanged: boolean;
  input: Map<string, Buffer>;
  expected: Map<string, Buffer>;
}

function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(root)) return files;
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  };
  visit(root);
  return files;
}

function loadCase(name: string): Case {
  const folder = path.join(CASES, name);
  const settings = fs.existsSync(path.join(folder, 'case.json')) ? (JSON.parse(fs.readFileSync(path.join(folder, 'case.json'), 'utf8')) as { args?: string[]; unchanged?: boolean }) : {};
  return { name, args: settings.args ?? [], unchanged: settings.unchanged === true, input: filesUnder(path.join(folder, 'input')), expected: filesUnder(path.join(folder, 'expected')) };
}

const cases = fs.readdirSync(CASES).sort().map(loadCase);

function project(item: Case): string {
  return tempProject(Object.fromEntries(item.input));
}

interface JsonReport {
  findings: Array<{ rule: string; line: number }>;
}

async function lintJson(cwd: string, args: string[]): Promise<JsonReport> {
  const run = await runCli(['.', '--format', 'json', ...args], { cwd });
  return JSON.parse(run.stdout) as JsonReport;
}

const countsByRule = (report: JsonReport) => report.findings.reduce((counts, finding) => counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1), new Map<string, number>());

test('the cases cover every front-end, fixed and unfixable', () => {
  expect(cases.map((item) => item.name.split('-')[0]).filter((frontend, index, all) => all.indexOf(frontend) === index)).toEqual(['django', 'knex', 'sql', 'typeorm']);
  expect(cases.filter((item) => item.unchanged).length).toBeGreaterThanOrEqual(3);
});

describe.each(cases.map((item) => [item.name, item] as const))('%s', (_name, item) => {
  test('--fix makes exactly the expected files, and changes nothing else', async () => {
    const cwd = project(item);
    const before = await lintJson(cwd, item.args);
    const run = await runCli(['.', '--fix', ...item.args], { cwd });
    expect(run.code).not.toBe(2);
    const after = filesUnder(cwd);
    for (const [file, bytes] of item.input) {
      const wanted = item.expected.get(file) ?? bytes;
      expect({ file, text: after.get(file)?.toString('latin1') }).toEqual({ file, text: wanted.toString('latin1') });
    }
    expect([...after.keys()].sort()).toEqual([...item.input.keys()].sort());
    if (item.unchanged) {
      expect(item.expected.size).toBe(0);
      expect(run.stderr).toContain('fixed 0 findings in 0 files');
      return;
    }
    expect(item.expected.size).toBeGreaterThan(0);
    // Linted again: what was fixed is gone, nothing new appears, and everything still parses.
    const again = await lintJson(cwd, item.args);
    expect(again.findings.filter((finding) => finding.rule === 'syntax-error' || finding.rule === 'unanalyzed-code')).toEqual([]);
    const was = countsByRule(before);
    for (const [rule, count] of countsByRule(again)) expect({ rule, count: Math.min(count, was.get(rule) ?? 0) }).toEqual({ rule, count });
    const fixed = before.findings.length - again.findings.length;
    expect(fixed).toBeGreaterThan(0);
    expect(run.stderr).toContain(`fixed ${fixed} finding${fixed === 1 ? '' : 's'} in ${item.expected.size} file${item.expected.size === 1 ? '' : 's'}`);
  });

  test('--fix-dry-run prints the same change as a unified diff, and writes nothing', async () => {
    const cwd = project(item);
    const run = await runCli(['.', '--fix-dry-run', '--no-suggestions', ...item.args], { cwd });
    expect(filesUnder(cwd)).toEqual(item.input);
    for (const [file, bytes] of item.expected) {
      expect(run.stdout).toContain(`--- a/${file}\n+++ b/${file}\n@@ `);
      const added = bytes.toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((line) => !item.input.get(file)?.toString('utf8').split(/\r?\n/).includes(line));
      for (const line of added) expect(run.stdout).toContain(`+${line}`);
    }
    if (item.expected.size === 0) expect(run.stdout).not.toContain('--- a/');
  });
});

describe('line endings and byte-order marks', () => {
  test('a CRLF file keeps CRLF on every line, the new ones included', async () => {
    for (const name of ['sql-goose-crlf', 'knex-typescript-crlf']) {
      const item = loadCase(name);
      const cwd = project(item);
      await runCli(['.', '--fix', ...item.args], { cwd });
      for (const file of item.expected.keys()) {
        const text = fs.readFileSync(path.join(cwd, file), 'utf8');
        expect(text).not.toMatch(/[^\r]\n/);
        expect(text.split('\r\n').length).toBeGreaterThan(item.input.get(file)?.toString('utf8').split('\r\n').length ?? 0);
      }
    }
  });

  test('a file with a byte-order mark keeps it, once, at the start', async () => {
    const item = loadCase('sql-check-bom');
    const cwd = project(item);
    await runCli(['.', '--fix'], { cwd });
    const bytes = fs.readFileSync(path.join(cwd, 'migrations/012_positive_totals.sql'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).includes(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  });

  test('a UTF-16 file is written back in UTF-16 with its byte-order mark', async () => {
    const text = "-- +goose Up\nCREATE INDEX orders_customer_idx ON orders (customer_id);\n";
    const cwd = tempProject({ 'db/001_index.sql': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    await runCli(['.', '--fix'], { cwd });
    const bytes = fs.readFileSync(path.join(cwd, 'db/001_index.sql'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(new TextDecoder('utf-16le').decode(bytes.subarray(2))).toBe(`-- +goose NO TRANSACTION\n-- +goose Up\nSET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n`);
  });
});

describe('writing', () => {
  test('the file keeps its permissions, and no temporary file is left beside it', async () => {
    const item = loadCase('sql-dbmate-drop-index');
    const cwd = project(item);
    const file = path.join(cwd, 'db/migrations/20240302_drop_old_index.sql');
    fs.chmodSync(file, 0o640);
    await runCli(['.', '--fix'], { cwd });
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['20240302_drop_old_index.sql']);
  });

  test('a migration behind a symbolic link is not written through it: one line naming it, exit 2, the others fixed', async () => {
    const item = loadCase('sql-dbmate-drop-index');
    const cwd = project(item);
    fs.mkdirSync(path.join(cwd, 'elsewhere'));
    fs.writeFileSync(path.join(cwd, 'elsewhere/real.sql'), '-- migrate:up\nDROP INDEX orders_other_idx;\n');
    fs.symlinkSync(path.join(cwd, 'elsewhere/real.sql'), path.join(cwd, 'db/migrations/20240303_linked.sql'));
    const run = await runCli(['db', '--fix'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('migralint: cannot write the fixes to db/migrations/20240303_linked.sql: it is a symbolic link (fix the file it points to)\n');
    expect(fs.readFileSync(path.join(cwd, 'elsewhere/real.sql'), 'utf8')).toBe('-- migrate:up\nDROP INDEX orders_other_idx;\n');
    expect(fs.readFileSync(path.join(cwd, 'db/migrations/20240302_drop_old_index.sql'), 'utf8')).toContain('DROP INDEX CONCURRENTLY orders_legacy_idx;');
  });

  test('nothing is written without --fix', async () => {
    const item = loadCase('knex-commonjs');
    const cwd = project(item);
    for (const args of [[], ['--format', 'json'], ['--format', 'sarif'], ['--fix-dry-run']]) await runCli(['.', ...args], { cwd });
    expect(filesUnder(cwd)).toEqual(item.input);
  });

  test('--fix with standard input, or with --fix-dry-run, is refused in one line', async () => {
    const cwd = tempProject({});
    const both = await runCli(['--fix', '--fix-dry-run', 'x.sql'], { cwd });
    expect([both.code, both.stderr]).toEqual([2, 'migralint: --fix and --fix-dry-run cannot be used together\n']);
    const json = await runCli(['--fix-dry-run', '--format', 'json', 'x.sql'], { cwd });
    expect([json.code, json.stderr]).toEqual([2, 'migralint: --fix-dry-run prints a diff on stdout: with --format json, write the report with --output-file\n']);
    const stdin = await runCli(['--fix', '-'], { cwd, stdin: 'CREATE INDEX a ON b (c);' });
    expect([stdin.code, stdin.stderr]).toEqual([2, 'migralint: --fix writes migration files: standard input has none to write\n']);
  });
});

test('SARIF results carry the fixes, as replacements, and the log validates', async () => {
  const item = loadCase('sql-goose-crlf');
  const run = await runCli(['.', '--format', 'sarif'], { cwd: project(item) });
  const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ replacements: Array<{ deletedRegion: object; insertedContent: { text: string } }> }> }> }> }> };
  const fixes = log.runs[0].results.map((result) => [result.ruleId, result.fixes?.[0].description.text, result.fixes?.[0].artifactChanges[0].replacements.map((replacement) => [replacement.deletedRegion, replacement.insertedContent.text])]);
  expect(fixes).toEqual([
    [
      'require-concurrent-index-creation',
      'Add CONCURRENTLY and run the migration outside a transaction',
      [
        [{ startLine: 3, startColumn: 13, endLine: 3, endColumn: 13 }, ' CONCURRENTLY'],
        [{ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, '-- +goose NO TRANSACTION\r\n'],
      ],
    ],
    ['require-lock-timeout', 'Set lock_timeout at the top of the migration', [[{ startLine: 3, startColumn: 1, endLine: 3, endColumn: 1 }, "SET lock_timeout = '2s';\r\n"]]],
  ]);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
  expect(validate(log)).toBe(true);
});

test('after --fix, the report shows what remains at its place in the fixed file, with what the earlier migrations told it', async () => {
  const item = loadCase('sql-goose-after-history');
  const run = await runCli(['.', '--fix', '--format', 'json'], { cwd: project(item) });
  const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; file: string; line: number; column: number; endLine: number; lock?: { mode: string } }> };
  expect(report.findings.map(({ rule, file, line, column, endLine, lock }) => ({ rule, file, line, column, endLine, mode: lock?.mode }))).toEqual([
    { rule: 'require-concurrent-index-creation', file: 'db/migrations/20240102000000_orders_status.sql', line: 4, column: 1, endLine: 4, mode: 'ShareLock' },
  ]);
});
