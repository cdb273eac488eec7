import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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

  const written = fs.readdirSync(results).sort();
  expect(written.map((file) => path.extname(file))).toEqual(['.json', '.md']);
  const document = JSON.parse(fs.readFileSync(path.join(results, written[0]), 'utf8')) as { runs: number; rows: Array<{ tool: string; runs: number }> };
  expect(document.rows.map((row) => [row.tool, row.runs])).toEqual([
    ['migralint', 4],
    ['squawk (npm wrapper)', 4],
  ]);
}, 60_000);
