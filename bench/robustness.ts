/**
 * Times migralint on each pathological input (bench/pathological.ts) as a
 * whole process, against a 2 s target, and checks that stdout stays one valid
 * JSON document. Part of `npm run bench` (scenario `robustness`); alone:
 *
 *   node dist/bench/robustness.js [--timeout SECONDS]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type PathologicalInput, pathologicalInputs } from './pathological';

const ROOT = path.resolve(__dirname, '..', '..');
const MIGRALINT = path.join(ROOT, 'bin', 'migralint');
export const TARGET_SECONDS = 2;

export interface RobustnessRow {
  input: string;
  seconds: number;
  exitCode: number | null;
  timedOut: boolean;
  validJson: boolean;
  findings: string;
}

function runOne(input: PathologicalInput, timeoutSeconds: number): RobustnessRow {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-robustness-'));
  try {
    for (const [name, text] of Object.entries(input.files)) fs.writeFileSync(path.join(project, name), text);
    const target = Object.keys(input.files)[0];
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [MIGRALINT, target, '--format', 'json', ...(input.args ?? [])], {
      cwd: project,
      encoding: 'utf8',
      timeout: timeoutSeconds * 1000,
      maxBuffer: 1 << 30,
      env: { ...process.env, XDG_CACHE_HOME: path.join(project, '.cache') },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    let validJson = false;
    let findings = '';
    try {
      const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; line: number }> };
      validJson = true;
      findings = report.findings.map((finding) => `${finding.rule}@${finding.line}`).join(', ');
    } catch {
      findings = run.stderr.split('\n')[0] ?? '';
    }
    const timedOut = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    return { input: input.name, seconds, exitCode: run.status, timedOut, validJson, findings };
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}

export function runRobustness(timeoutSeconds = 60): RobustnessRow[] {
  return pathologicalInputs().map((input) => {
    process.stderr.write(`  ${input.name}…\n`);
    return runOne(input, timeoutSeconds);
  });
}

export function robustnessTable(rows: RobustnessRow[]): string {
  const lines = [
    `| pathological input | wall (s) | within ${TARGET_SECONDS} s | exit | stdout is JSON | findings |`,
    '|---|---:|---|---:|---|---|',
  ];
  for (const row of rows) {
    const time = row.timedOut ? `> ${row.seconds.toFixed(0)} (stopped)` : row.seconds.toFixed(2);
    const within = !row.timedOut && row.seconds <= TARGET_SECONDS ? 'yes' : 'NO';
    lines.push(`| ${row.input} | ${time} | ${within} | ${row.exitCode ?? '-'} | ${row.validJson ? 'yes' : 'NO'} | ${row.findings.replace(/\|/g, '\\|').slice(0, 120)} |`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const index = process.argv.indexOf('--timeout');
  const timeout = index >= 0 ? Number(process.argv[index + 1]) : 60;
  console.log(robustnessTable(runRobustness(timeout)));
}
