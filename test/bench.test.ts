import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { targetsTable } from '../bench/run';

/**
 * The benchmark itself still runs: one round of the cold-start scenario against
 * squawk, with its table written where asked. It checks the table's shape, not
 * the times (those are for `npm run bench` to measure, not for tests to judge).
 */
test('npm run bench produces its side-by-side table, in Markdown and JSON', () => {
  const root = path.join(__dirname, '..');
  const results = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-bench-'));
  const run = spawnSync(process.execPath, [path.join(root, 'dist', 'bench', 'run.js'), '--runs', '1', '--only', 'cold', '--results', results], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('running cold…\n');
  expect(run.status).toBe(0);
  const rows = run.stdout.split('\n').filter((line) => line.startsWith('| 1. cold start'));
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatch(/^\| 1\. cold start, one small SQL file \| migralint \| \d+\.\d{3} \| \d+\.\d{3} \| \d+ \| \d+\.\d{2}× \| \d+\.\d{2}× \|$/);
  expect(rows[1]).toMatch(/^\| 1\. cold start, one small SQL file \| squawk \(npm wrapper\) \| \d+\.\d{3} \| \d+\.\d{3} \| \d+ \| {2}\| {2}\|$/);

  // The cold-start target, with the ratio of the two medians above and whether it is met.
  const targets = run.stdout.split('\n').filter((line) => line.startsWith('| one small file, cold'));
  expect(targets).toHaveLength(1);
  expect(targets[0]).toMatch(/^\| one small file, cold: wall ≤ 1\.3× squawk's npm wrapper \| \d+\.\d{2}× \| (met|NOT MET) \|$/);

  const written = fs.readdirSync(results).sort();
  expect(written.map((file) => path.extname(file))).toEqual(['.json', '.md']);
  const document = JSON.parse(fs.readFileSync(path.join(results, written[0]), 'utf8')) as { runs: number; rows: Array<{ tool: string; runs: number }> };
  expect(document.rows.map((row) => [row.tool, row.runs])).toEqual([
    ['migralint', 4],
    ['squawk (npm wrapper)', 4],
  ]);
}, 60_000);

test('each target is the ratio of two medians, met when at most its limit', () => {
  const row = (scenario: string, tool: string, wall: number, rssMb: number) => ({ scenario, tool, runs: 3, median: { wall, cpu: wall, rssMb } });
  const rows = [
    row('2. 2,000 files × 20 statements', 'migralint', 0.9, 130),
    row('2. 2,000 files × 20 statements', 'squawk (npm wrapper)', 1.0, 60),
    row('6. cache: 2,000 × 20, unchanged', 'migralint, first run (writes the cache)', 2.0, 100),
    row('6. cache: 2,000 × 20, unchanged', 'migralint --cache, again', 0.5, 100),
  ];
  expect(targetsTable(rows, ['files2000', 'cache']).split('\n')).toEqual([
    '| target | measured | met |',
    '|---|---:|---|',
    '| 2,000 × 20 statements: wall ≤ 1.0× squawk | 0.90× | met |',
    '| 2,000 × 20 statements: peak RSS ≤ 2× squawk | 2.17× | NOT MET |',
    '| --cache, nothing changed: ≥ 5× faster than the first run (wall ≤ 0.20×) | 0.25× | NOT MET |',
  ]);
});

test('npm run bench times the language server on a 10,000-line SQL and Knex migration, against its target', () => {
  const root = path.join(__dirname, '..');
  const results = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-bench-'));
  const run = spawnSync(process.execPath, [path.join(root, 'dist', 'bench', 'run.js'), '--runs', '1', '--only', 'lsp', '--results', results], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('running lsp…\n');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('## Language server, a 10,000-line migration (1 runs, target 1.5 s)');
  // The findings on open are those of the generated files (one per index), so the lint saw all 10,000 lines.
  const rows = run.stdout.split('\n').filter((line) => /^\| (SQL|Knex) \|/.test(line));
  expect(rows.map((row) => row.split(' | ').slice(0, 3))).toEqual([
    ['| SQL', '10003', '1667'],
    ['| Knex', '10003', '2000'],
  ]);
  for (const row of rows) expect(row).toMatch(/ \| \d+\.\d{2} \(\d+\.\d{2}–\d+\.\d{2}\) \| \d+\.\d{2} \(\d+\.\d{2}–\d+\.\d{2}\) \| (yes|NO) \|$/);
  const written = fs.readdirSync(results).sort();
  const document = JSON.parse(fs.readFileSync(path.join(results, written[0]), 'utf8')) as { lsp: Array<{ document: string; openSeconds: number[]; editSeconds: number[] }> };
  expect(document.lsp.map((row) => [row.document, row.openSeconds.length, row.editSeconds.length])).toEqual([
    ['SQL', 1, 1],
    ['Knex', 1, 1],
  ]);
  fs.rmSync(results, { recursive: true, force: true });
}, 60_000);
