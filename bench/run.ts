/**
 * The side-by-side benchmark: migralint against squawk (and pgfence where it
 * reads the same input), each scenario timed over alternating runs, reporting
 * the median wall time, CPU time and peak RSS, written as Markdown and JSON to
 * bench/results/. The two start-up scenarios (cold, precommit) take a few
 * hundred milliseconds and are the noisiest, so they run four times as often.
 *
 * The `robustness` scenario times migralint on pathological inputs (see
 * bench/robustness.ts), once each, against a 2 s target; the `lsp` scenario
 * times the language server on a 10,000-line migration (bench/lsp.ts).
 *
 *   npm run bench [-- --runs 5 --only cold,precommit,robustness,lsp --results DIR]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LSP_TARGET_SECONDS, type LspLatencyRow, lspLatencyTable, runLspLatency } from './lsp';
import { type RobustnessRow, TARGET_SECONDS, robustnessTable, runRobustness } from './robustness';
import { type CorpusOptions, generateSqlCorpus, seededRandom, writeCorpus } from './sql-corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'bench', 'corpus');
const MIGRALINT = [process.execPath, path.join(ROOT, 'bin', 'migralint')];
const SQUAWK = [path.join(ROOT, 'node_modules', '.bin', 'squawk')];
const PGFENCE = [path.join(ROOT, 'node_modules', '.bin', 'pgfence')];
const STARTUP_RUNS_FACTOR = 4;
const TIME = '/usr/bin/time';

interface Command {
  tool: string;
  argv: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

interface Measurement {
  wall: number;
  cpu: number;
  rssMb: number;
}

export interface Row {
  scenario: string;
  tool: string;
  runs: number;
  median: Measurement;
  note?: string;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

/**
 * Wall time of one run (measured here, to the millisecond: GNU time rounds to
 * 10 ms, too coarse for start-up), and user+system CPU and peak RSS from GNU time.
 */
function measure(command: Command): Measurement {
  const report = path.join(os.tmpdir(), `migralint-bench-${process.pid}.time`);
  const [program, ...args] = command.argv;
  const started = process.hrtime.bigint();
  spawnSync(TIME, ['-f', '%U %S %M', '-o', report, program, ...args], {
    cwd: command.cwd ?? ROOT,
    env: command.env ?? process.env,
    stdio: ['ignore', 'ignore', 'ignore'],
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, system, rssKb] = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: user + system, rssMb: rssKb / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the commands in turn (a, b, a, b, …) so that machine noise falls on both alike. */
function alternate(scenario: string, commands: Command[], runs: number): Row[] {
  const samples = commands.map(() => [] as Measurement[]);
  for (const command of commands) measure(command); // warm the file cache once
  for (let run = 0; run < runs; run++) commands.forEach((command, index) => samples[index].push(measure(command)));
  return commands.map((command, index) => ({
    scenario,
    tool: command.tool,
    runs,
    median: {
      wall: median(samples[index].map((sample) => sample.wall)),
      cpu: median(samples[index].map((sample) => sample.cpu)),
      rssMb: median(samples[index].map((sample) => sample.rssMb)),
    },
  }));
}

/** pgfence does not expand globs: it is given the files. */
function filesIn(directory: string): string[] {
  return fs.readdirSync(directory).sort().map((name) => path.join(directory, name));
}

function writeFiles(directory: string, files: Map<string, string>): void {
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  for (const [name, text] of files) fs.writeFileSync(path.join(directory, name), text);
}

/** Deterministic Knex and TypeORM migrations, each with a few schema changes and a raw SQL call. */
export function scriptCorpus(count: number, kind: 'knex' | 'typeorm', seed: number): Map<string, string> {
  const random = seededRandom(seed);
  const tables = ['users', 'orders', 'accounts', 'events', 'payments'];
  const files = new Map<string, string>();
  for (let index = 0; index < count; index++) {
    const table = tables[Math.floor(random() * tables.length)];
    const column = `col_${Math.floor(random() * 1000)}`;
    const stamp = 1_700_000_000_000 + index;
    files.set(
      kind === 'knex' ? `${stamp}_change.js` : `${stamp}-Change.ts`,
      kind === 'knex'
        ? `exports.up = async (knex) => {\n  await knex.schema.alterTable('${table}', (table) => {\n    table.string('${column}').notNullable();\n    table.index(['${column}']);\n  });\n  await knex.raw('ALTER TABLE ${table} DROP COLUMN legacy_${column}');\n};\n\nexports.down = async (knex) => {\n  await knex.schema.alterTable('${table}', (table) => table.dropColumn('${column}'));\n};\n`
        : `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Change${stamp} implements MigrationInterface {\n  name = 'Change${stamp}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(\`ALTER TABLE "${table}" ADD "${column}" character varying NOT NULL\`);\n    await queryRunner.query(\`CREATE INDEX "IDX_${table}_${column}" ON "${table}" ("${column}")\`);\n    await queryRunner.query(\`ALTER TABLE "${table}" DROP COLUMN "legacy_${column}"\`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(\`ALTER TABLE "${table}" DROP COLUMN "${column}"\`);\n  }\n}\n`,
    );
  }
  return files;
}

/**
 * A history of SQL migrations that build on each other, as trace applies them: a
 * schema first, then the changes a project makes over time (columns, indexes,
 * constraints, renames, a backfill), so that every one of them runs.
 */
function traceCorpus(count: number): Map<string, string> {
  const files = new Map<string, string>();
  const tables = ['users', 'orders', 'accounts', 'events', 'payments'];
  files.set('0000_schema.sql', tables.map((table) => `CREATE TABLE ${table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());`).join('\n') + '\n');
  for (let index = 1; index < count; index++) {
    const table = tables[index % tables.length];
    const other = tables[(index + 1) % tables.length];
    const column = `c${index}`;
    const statements = [
      "SET lock_timeout = '2s';",
      `ALTER TABLE ${table} ADD COLUMN ${column} integer;`,
      `ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT 0;`,
      `UPDATE ${table} SET ${column} = 0 WHERE ${column} IS NULL;`,
      index % 3 === 0 ? `CREATE INDEX ${table}_${column}_idx ON ${table} (${column});` : `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check CHECK (${column} >= 0) NOT VALID;`,
      index % 4 === 0 ? `ALTER TABLE ${table} ADD COLUMN ${other}_${column} bigint REFERENCES ${other} (id);` : `ALTER TABLE ${table} RENAME COLUMN ${column} TO ${column}_renamed;`,
    ];
    files.set(`${String(index).padStart(4, '0')}_change.sql`, `BEGIN;\n${statements.join('\n')}\nCOMMIT;\n`);
  }
  return files;
}

/** A git repository with 1,000 committed migrations and one new one staged: the pre-commit case. */
function preCommitRepository(): { repo: string; staged: string } {
  const repo = path.join(CORPUS, 'precommit-repo');
  fs.rmSync(repo, { recursive: true, force: true });
  writeCorpus(path.join(repo, 'db', 'migrations'), generateSqlCorpus({ files: 1000, statementsPerFile: 20, seed: 11 }));
  const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'deployed');
  const staged = path.join('db', 'migrations', '01001_new.sql');
  fs.writeFileSync(path.join(repo, staged), "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;\nCREATE INDEX users_nickname_idx ON users (nickname);\n");
  git('add', staged);
  return { repo, staged };
}

/**
 * A Django project of `apps` apps with `perApp` migrations each: a model, then
 * fields added and indexed one migration at a time (each AddIndex is a finding
 * with a fix), every app after the first depending on the one before.
 */
function djangoCorpus(apps: number, perApp: number): Map<string, string> {
  const files = new Map<string, string>([['manage.py', '#!/usr/bin/env python\n']]);
  const header = 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n';
  for (let app = 0; app < apps; app++) {
    const label = `app${app}`;
    const name = (index: number) => (index === 1 ? '0001_initial' : `${String(index).padStart(4, '0')}_item_field${index}`);
    for (let index = 1; index <= perApp; index++) {
      const dependencies = index === 1 ? (app > 0 ? `[("app${app - 1}", "${name(perApp)}")]` : '[]') : `[("${label}", "${name(index - 1)}")]`;
      const operations =
        index === 1
          ? '        migrations.CreateModel(name="Item", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("name", models.CharField(max_length=100))]),\n'
          : `        migrations.AddField("item", "field${index}", models.IntegerField(null=True)),\n        migrations.AddIndex("item", models.Index(fields=["field${index}"], name="item_field${index}_idx")),\n`;
      files.set(`${label}/migrations/${name(index)}.py`, `${header}    dependencies = ${dependencies}\n    operations = [\n${operations}    ]\n`);
    }
  }
  return files;
}

/** The corpus of scenario 2, which the cache scenario re-runs. */
const FILES_2000: CorpusOptions = { files: 2000, statementsPerFile: 20, seed: 2 };

/** A folder of generated SQL migrations, linted whole by both tools. */
function sqlFilesScenario(scenario: string, folder: string, corpus: CorpusOptions, runs: number): Row[] {
  const directory = path.join(CORPUS, folder);
  writeCorpus(directory, generateSqlCorpus(corpus));
  return alternate(scenario, [
    { tool: 'migralint', argv: [...MIGRALINT, directory, '--format', 'json'] },
    { tool: 'squawk (npm wrapper)', argv: [...SQUAWK, '--reporter', 'json', `${directory}/*.sql`] },
  ], runs);
}

const SCENARIOS: Record<string, (runs: number) => Row[]> = {
  trace: (runs) => {
    const directory = path.join(CORPUS, 'trace');
    writeFiles(directory, traceCorpus(200));
    const cache = path.join(CORPUS, 'trace-cache');
    const env = { ...process.env, MIGRALINT_CACHE_DIR: cache };
    const rows = alternate('8. trace: 200 migrations (1,600 statements) in the embedded PostgreSQL', [
      { tool: 'migralint trace (data directory saved)', argv: [...MIGRALINT, 'trace', directory, '--format', 'json'], env },
    ], runs);
    // The very first run on a machine also initialises the data directory it then saves.
    const first: Measurement[] = [];
    for (let run = 0; run < runs; run++) {
      fs.rmSync(cache, { recursive: true, force: true });
      first.push(measure({ tool: 'first', argv: [...MIGRALINT, 'trace', path.join(directory, '0000_schema.sql'), '--format', 'json'], env }));
    }
    rows.push({
      scenario: '8. trace: 200 migrations (1,600 statements) in the embedded PostgreSQL',
      tool: 'migralint trace, first run on a machine (initdb), one file',
      runs,
      median: { wall: median(first.map((sample) => sample.wall)), cpu: median(first.map((sample) => sample.cpu)), rssMb: median(first.map((sample) => sample.rssMb)) },
    });
    return rows;
  },
  cold: (runs) => {
    const file = path.join(CORPUS, 'cold', 'one.sql');
    writeFiles(path.dirname(file), new Map([['one.sql', "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;\nCREATE INDEX users_nickname_idx ON users (nickname);\n"]]));
    return alternate('1. cold start, one small SQL file', [
      { tool: 'migralint', argv: [...MIGRALINT, file, '--format', 'json'] },
      { tool: 'squawk (npm wrapper)', argv: [...SQUAWK, '--reporter', 'json', file] },
    ], runs * STARTUP_RUNS_FACTOR);
  },
  files2000: (runs) => sqlFilesScenario('2. 2,000 files × 20 statements', 'files2000', FILES_2000, runs),
  files20000: (runs) => sqlFilesScenario('3. 20,000 small files', 'files20000', { files: 20000, statementsPerFile: 2, seed: 3 }, runs),
  bigfile: (runs) => {
    const directory = path.join(CORPUS, 'bigfile');
    const [text] = generateSqlCorpus({ files: 1, statementsPerFile: 20000, seed: 4 }).values();
    writeFiles(directory, new Map([['big.sql', text]]));
    const file = path.join(directory, 'big.sql');
    return alternate('4. one file of 20,000 statements', [
      { tool: 'migralint', argv: [...MIGRALINT, file, '--format', 'json'] },
      { tool: 'squawk (npm wrapper)', argv: [...SQUAWK, '--reporter', 'json', file] },
    ], runs);
  },
  scripts: (runs) => {
    const knex = path.join(CORPUS, 'knex');
    const typeorm = path.join(CORPUS, 'typeorm');
    writeFiles(knex, scriptCorpus(1000, 'knex', 5));
    writeFiles(typeorm, scriptCorpus(1000, 'typeorm', 6));
    return [
      ...alternate('5a. 1,000 Knex migrations', [
        { tool: 'migralint', argv: [...MIGRALINT, knex, '--format', 'json'] },
        { tool: 'pgfence', argv: [...PGFENCE, 'analyze', '--format', 'knex', '--output', 'json', ...filesIn(knex)], cwd: ROOT },
      ], runs),
      ...alternate('5b. 1,000 TypeORM migrations', [
        { tool: 'migralint', argv: [...MIGRALINT, typeorm, '--format', 'json'] },
        { tool: 'pgfence', argv: [...PGFENCE, 'analyze', '--format', 'typeorm', '--output', 'json', ...filesIn(typeorm)], cwd: ROOT },
      ], runs),
    ];
  },
  cache: (runs) => {
    const directory = path.join(CORPUS, 'files2000');
    if (!fs.existsSync(directory)) writeCorpus(directory, generateSqlCorpus(FILES_2000));
    const location = path.join(CORPUS, 'cache.json');
    const rows: Row[] = [];
    const first: Measurement[] = [];
    const again: Measurement[] = [];
    for (let run = 0; run < runs; run++) {
      fs.rmSync(location, { force: true });
      first.push(measure({ tool: 'first', argv: [...MIGRALINT, directory, '--format', 'json', '--cache-location', location] }));
      again.push(measure({ tool: 'again', argv: [...MIGRALINT, directory, '--format', 'json', '--cache-location', location] }));
    }
    const med = (samples: Measurement[]) => ({
      wall: median(samples.map((sample) => sample.wall)),
      cpu: median(samples.map((sample) => sample.cpu)),
      rssMb: median(samples.map((sample) => sample.rssMb)),
    });
    rows.push({ scenario: '6. cache: 2,000 × 20, unchanged', tool: 'migralint, first run (writes the cache)', runs, median: med(first) });
    rows.push({ scenario: '6. cache: 2,000 × 20, unchanged', tool: 'migralint --cache, again', runs, median: med(again) });
    return rows;
  },
  replay: (runs) => {
    const directory = path.join(CORPUS, 'files2000');
    if (!fs.existsSync(directory)) writeCorpus(directory, generateSqlCorpus(FILES_2000));
    const scenario = '9. replay: 2,000 migrations × 20 statements into the schema model';
    // --baseline DIR: a checkout (say of main, before the replay) whose lint time this one should stay within 10% of.
    const baseline = option('baseline', '');
    const rows = alternate(scenario, [
      { tool: 'migralint (lint, with the replay)', argv: [...MIGRALINT, directory, '--format', 'json'] },
      { tool: 'migralint schema (read and replay, no rules)', argv: [...MIGRALINT, 'schema', directory, '--format', 'json'] },
      ...(baseline ? [{ tool: `baseline lint (${baseline})`, argv: [process.execPath, path.join(baseline, 'bin', 'migralint'), directory, '--format', 'json'] }] : []),
      // The report a baseline from before suggestions writes: the same findings, without them.
      ...(baseline ? [{ tool: 'migralint --no-suggestions (lint, with the replay)', argv: [...MIGRALINT, directory, '--format', 'json', '--no-suggestions'] }] : []),
    ], runs);
    const cost = spawnSync(process.execPath, [path.join(__dirname, 'replay-cost.js'), directory, String(Math.max(runs, 5))], { encoding: 'utf8' });
    const replayed = JSON.parse(cost.stdout) as { files: number; operations: number; notModelled: number; seconds: number };
    // Timed inside one process (no start-up, no RSS of its own): a part of the lint rows, not a peer to compare them with.
    rows.push({ scenario, tool: `replay alone, in-process (${replayed.files} files, ${replayed.operations} operations, ${replayed.notModelled} not modelled)`, runs: Math.max(runs, 5), median: { wall: replayed.seconds, cpu: replayed.seconds, rssMb: 0 }, note: 'part' });
    if (baseline) {
      const [withReplay, , before, withoutSuggestions] = rows;
      for (const [what, lint] of [['lint with the replay', withReplay], ['lint with the replay, --no-suggestions', withoutSuggestions]] as const) {
        const ratio = lint.median.wall / before.median.wall;
        rows.push({ scenario, tool: `${what} vs. baseline: ${ratio.toFixed(3)}× (${ratio <= 1.1 ? 'within' : 'OVER'} the 1.10× target)`, runs, median: { wall: lint.median.wall - before.median.wall, cpu: lint.median.cpu - before.median.cpu, rssMb: lint.median.rssMb - before.median.rssMb } });
      }
    }
    return rows;
  },
  django: (runs) => {
    const directory = path.join(CORPUS, 'django');
    fs.rmSync(directory, { recursive: true, force: true });
    for (const [name, text] of djangoCorpus(4, 150)) {
      fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
      fs.writeFileSync(path.join(directory, name), text);
    }
    const scenario = '10. Django: 4 apps × 150 migrations, each fix checked by linting the fixed file';
    // SARIF results carry checked fixes: each is checked against the state the earlier migrations left, kept from the run.
    const rows = alternate(scenario, [
      { tool: 'migralint (lint)', argv: [...MIGRALINT, directory, '--format', 'json'] },
      { tool: 'migralint --format sarif (with checked fixes)', argv: [...MIGRALINT, directory, '--format', 'sarif'] },
    ], runs);
    const [lint, sarif] = rows;
    rows.push({ scenario, tool: `migralint SARIF vs. lint: ${(sarif.median.wall / lint.median.wall).toFixed(2)}×`, runs, median: { wall: sarif.median.wall - lint.median.wall, cpu: sarif.median.cpu - lint.median.cpu, rssMb: sarif.median.rssMb - lint.median.rssMb } });
    return rows;
  },
  precommit: (runs) => {
    const { repo, staged } = preCommitRepository();
    return alternate('7. pre-commit: one staged migration in a repository of 1,000', [
      { tool: 'migralint --staged', argv: [...MIGRALINT, 'db/migrations', '--staged', '--format', 'json'], cwd: repo },
      { tool: 'squawk (npm wrapper), the one file', argv: [...SQUAWK, '--reporter', 'json', staged], cwd: repo },
    ], runs * STARTUP_RUNS_FACTOR);
  },
};

function markdown(rows: Row[]): string {
  const lines = ['| scenario | tool | median wall (s) | CPU (s) | peak RSS (MB) | wall vs. peer | RSS vs. peer |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const row of rows) {
    const peer = rows.find((other) => other.scenario === row.scenario && other !== row && other.note !== 'part' && (!other.tool.startsWith('migralint') || row.tool.endsWith('again')));
    const compared = row.tool.startsWith('migralint') && peer !== undefined;
    const ratio = (value: number, peerValue: number) => (compared ? `${(value / peerValue).toFixed(2)}×` : '');
    lines.push(
      `| ${row.scenario} | ${row.tool} | ${row.median.wall.toFixed(3)} | ${row.median.cpu.toFixed(3)} | ${row.note === 'part' ? '-' : row.median.rssMb.toFixed(0)} | ${ratio(row.median.wall, peer?.median.wall ?? 1)} | ${ratio(row.median.rssMb, peer?.median.rssMb ?? 1)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The speed targets, each a ratio of two medians of one run of the benchmark
 * (measured side by side, so that a busy machine slows both alike).
 */
interface Target {
  target: string;
  /** The scenario whose rows it compares (its key in SCENARIOS). */
  scenario: string;
  /** The ratio, from the scenario's rows; undefined when a row is missing. */
  ratio: (rows: Row[]) => number | undefined;
  /** The ratio must be at most this. */
  atMost: number;
}

const wallOf = (rows: Row[], scenario: string, tool: string) => rows.find((row) => row.scenario.startsWith(scenario) && row.tool === tool)?.median.wall;
const rssOf = (rows: Row[], scenario: string, tool: string) => rows.find((row) => row.scenario.startsWith(scenario) && row.tool === tool)?.median.rssMb;
const over = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a / b);

export const TARGETS: Target[] = [
  { target: '2,000 × 20 statements: wall ≤ 1.0× squawk', scenario: 'files2000', ratio: (rows) => over(wallOf(rows, '2.', 'migralint'), wallOf(rows, '2.', 'squawk (npm wrapper)')), atMost: 1 },
  { target: '2,000 × 20 statements: peak RSS ≤ 2× squawk', scenario: 'files2000', ratio: (rows) => over(rssOf(rows, '2.', 'migralint'), rssOf(rows, '2.', 'squawk (npm wrapper)')), atMost: 2 },
  { target: '20,000 small files: wall ≤ 1.0× squawk', scenario: 'files20000', ratio: (rows) => over(wallOf(rows, '3.', 'migralint'), wallOf(rows, '3.', 'squawk (npm wrapper)')), atMost: 1 },
  { target: "one small file, cold: wall ≤ 1.3× squawk's npm wrapper", scenario: 'cold', ratio: (rows) => over(wallOf(rows, '1.', 'migralint'), wallOf(rows, '1.', 'squawk (npm wrapper)')), atMost: 1.3 },
  { target: 'one file of 20,000 statements: wall ≤ 1.0× squawk', scenario: 'bigfile', ratio: (rows) => over(wallOf(rows, '4.', 'migralint'), wallOf(rows, '4.', 'squawk (npm wrapper)')), atMost: 1 },
  { target: '1,000 Knex migrations: ≥ 3× faster than pgfence (wall ≤ 0.33×)', scenario: 'scripts', ratio: (rows) => over(wallOf(rows, '5a.', 'migralint'), wallOf(rows, '5a.', 'pgfence')), atMost: 1 / 3 },
  { target: '1,000 TypeORM migrations: ≥ 3× faster than pgfence (wall ≤ 0.33×)', scenario: 'scripts', ratio: (rows) => over(wallOf(rows, '5b.', 'migralint'), wallOf(rows, '5b.', 'pgfence')), atMost: 1 / 3 },
  {
    target: '--cache, nothing changed: ≥ 5× faster than the first run (wall ≤ 0.20×)',
    scenario: 'cache',
    ratio: (rows) => over(wallOf(rows, '6.', 'migralint --cache, again'), wallOf(rows, '6.', 'migralint, first run (writes the cache)')),
    atMost: 1 / 5,
  },
];

/** Each target of the scenarios that ran: the measured ratio, and whether it is met. */
export function targetsTable(rows: Row[], ran: readonly string[]): string {
  const lines = ['| target | measured | met |', '|---|---:|---|'];
  for (const target of TARGETS.filter((each) => ran.includes(each.scenario))) {
    const ratio = target.ratio(rows);
    lines.push(`| ${target.target} | ${ratio === undefined ? '-' : `${ratio.toFixed(2)}×`} | ${ratio === undefined ? '-' : ratio <= target.atMost ? 'met' : 'NOT MET'} |`);
  }
  return lines.join('\n');
}

/** Pathological inputs, each timed once against a 2 s target (bench/robustness.ts): a table of its own. */
const ROBUSTNESS = 'robustness';
/** The language server's latency on a 10,000-line file (bench/lsp.ts): a table of its own. */
const LSP = 'lsp';
const OWN_TABLES = [ROBUSTNESS, LSP];

async function main(): Promise<void> {
  if (!fs.existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed for CPU time and peak RSS: apt-get install time`);
  // Other work on the machine slows both tools of a scenario, but not always alike: the load is part of the record.
  const loadAtStart = os.loadavg()[0];
  const runs = Number(option('runs', '5'));
  const only = option('only', [...Object.keys(SCENARIOS), ...OWN_TABLES].join(',')).split(',');
  const rows = only.flatMap((name) => {
    if (OWN_TABLES.includes(name)) return [];
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`unknown scenario ${name}; choose from ${[...Object.keys(SCENARIOS), ...OWN_TABLES].join(', ')}`);
    process.stderr.write(`running ${name}…\n`);
    return scenario(runs);
  });
  let robustness: RobustnessRow[] = [];
  if (only.includes(ROBUSTNESS)) {
    process.stderr.write(`running ${ROBUSTNESS}…\n`);
    robustness = runRobustness();
  }
  let lsp: LspLatencyRow[] = [];
  if (only.includes(LSP)) {
    process.stderr.write(`running ${LSP}…\n`);
    lsp = await runLspLatency(runs);
  }
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const ranTargets = TARGETS.some((target) => only.includes(target.scenario));
  const tables = [
    ...(rows.length > 0 ? [markdown(rows)] : []),
    ...(ranTargets ? [`## Targets (ratios of the medians above)\n\n${targetsTable(rows, only)}`] : []),
    ...(robustness.length > 0 ? [`## Pathological inputs (one run each, target ${TARGET_SECONDS} s)\n\n${robustnessTable(robustness)}`] : []),
    ...(lsp.length > 0 ? [`## Language server, a 10,000-line migration (${runs} runs, target ${LSP_TARGET_SECONDS} s)\n\n${lspLatencyTable(lsp)}`] : []),
  ].join('\n\n');
  const header = `# migralint benchmark (${commit}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, median of ${runs} alternating runs, ${runs * STARTUP_RUNS_FACTOR} for the start-up scenarios; load average ${loadAtStart.toFixed(1)} at the start)\n\n`;
  const results = path.resolve(option('results', path.join(ROOT, 'bench', 'results')));
  fs.mkdirSync(results, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(results, `${stamp}.md`), `${header}${tables}\n`);
  const targets = TARGETS.filter((target) => only.includes(target.scenario)).map((target) => ({ target: target.target, ratio: target.ratio(rows), atMost: target.atMost }));
  fs.writeFileSync(path.join(results, `${stamp}.json`), JSON.stringify({ commit, runs, node: process.version, rows, targets, robustness, lsp }, null, 2));
  console.log(`${header}${tables}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
