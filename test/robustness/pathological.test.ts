import { multiplyingConstants } from '../../bench/pathological';
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
