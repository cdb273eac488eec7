import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GIT_TEST_ENV } from '../git-env';

/**
 * The GitHub Action's steps, run as a runner runs a composite action: each
 * `run` with bash -eo pipefail, `${{ inputs.* }}` and `${{ steps.*.outputs.* }}`
 * filled in, GITHUB_OUTPUT read back after each step. The upload step (another
 * action) is not run. The job is a pull request that adds a dangerous migration.
 */
const ROOT = path.join(__dirname, '..', '..');

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: { steps: Step[] };
};

function runAction(workspace: string, given: Record<string, string>) {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), ...given };
  const outputs: Record<string, Record<string, string>> = {};
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-runner-'));
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*(inputs\.([\w-]+)|steps\.([\w-]+)\.outputs\.([\w-]+))\s*\}\}/g, (_all, _expression, input?: string, step?: string, key?: string) =>
      input ? (inputs[input] ?? '') : (outputs[step as string]?.[key as string] ?? ''),
    );
  const logs: Array<{ step: string; status: number | null; stdout: string; stderr: string }> = [];
  for (const step of action.runs.steps.filter((candidate) => candidate.run)) {
    const outputFile = path.join(temp, `output-${logs.length}`);
    fs.writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value)]));
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run as string)], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...GIT_TEST_ENV, ...env, GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp, GITHUB_OUTPUT: outputFile },
    });
    logs.push({ step: step.id ?? step.run?.split('\n')[0] ?? '', status: run.status, stdout: run.stdout, stderr: run.stderr });
    if (step.id) outputs[step.id] = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
    if (run.status !== 0) break;
  }
  return { logs, outputs, temp };
}

function git(cwd: string, ...args: string[]) {
  const run = spawnSync('git', args, { cwd, env: GIT_TEST_ENV, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
}

test('the Action installs the packed package (not the repository with its development tools), annotates, writes SARIF and fails on errors', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-workspace-'));
  fs.mkdirSync(path.join(workspace, 'db', 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'db/migrations/001_users.sql'), 'CREATE TABLE users (id bigint PRIMARY KEY, age int);\n');
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'add', '.');
  git(workspace, 'commit', '-qm', 'users');
  git(workspace, 'checkout', '-qb', 'feature');
  fs.writeFileSync(path.join(workspace, 'db/migrations/002_drop_age.sql'), "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n");
  git(workspace, 'add', '.');
  git(workspace, 'commit', '-qm', 'drop age');

  const { logs, outputs, temp } = runAction(workspace, { since: 'main' });
  expect(logs.map((log) => [log.step, log.status])).toEqual([
    ['install', 0],
    ['lint', 0],
    ['exit ${{ steps.lint.outputs.exit-code }}', 1],
  ]);
  // Installed from the tarball: migralint and its one dependency, nothing else.
  const installed = path.join(temp, 'migralint-action', 'node_modules');
  expect(fs.readdirSync(installed).filter((name) => !name.startsWith('.')).sort()).toEqual(['@pgsql', 'libpg-query', 'migralint']);
  expect(outputs.install.bin).toBe(path.join(installed, '.bin', 'migralint'));
  expect(fs.existsSync(path.join(ROOT, 'node_modules', '.bin', 'migralint'))).toBe(false);

  const [, lint] = logs;
  expect(lint.stdout).toMatch(/^::error file=db\/migrations\/002_drop_age\.sql,line=2,col=1,endLine=2,endColumn=34,title=migralint%3A ban-drop-column::Dropping column "users"\."age"/m);
  expect(lint.stdout).not.toContain('001_users.sql');
  expect(outputs.lint['exit-code']).toBe('1');
  const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'migralint.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
  expect(sarif.runs[0].results.map((result) => result.ruleId)).toEqual(['ban-drop-column']);
}, 180_000);
