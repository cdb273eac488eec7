import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import * as lint from '../../src/lint';
import { runCli, tempProject, withFailingRead } from './run-cli';

const DROP = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n";
const SAFE = "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN bio text;\n";
const WARNING_ONLY = 'ALTER TABLE users ADD COLUMN bio text;\n';

interface JsonReport {
  files: Array<{ file: string; frontend: string; statements: number; skipped?: string }>;
  findings: Array<{ rule: string; file: string; line: number; column: number; severity: string }>;
  summary: { files: number; errors: number; warnings: number };
}

/** An environment whose user cache folder (for the cache's key) is a fresh temporary folder. */
const userEnvironment = (): NodeJS.ProcessEnv => ({ XDG_CACHE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-user-cache-')) });

const parse = (stdout: string) => JSON.parse(stdout) as JsonReport;
const ruleKeys = (report: JsonReport) => report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);

describe('which files are linted', () => {
  test('a folder is walked recursively, skipping node_modules and dot-folders; paths are relative and sorted', async () => {
    const cwd = tempProject({
      'db/migrations/002_drop.sql': DROP,
      'db/migrations/001_add.sql': SAFE,
      'db/migrations/archive/000_old.sql': DROP,
      'db/migrations/node_modules/x.sql': DROP,
      'db/migrations/.cache/y.sql': DROP,
      'db/migrations/README.md': '# not a migration',
    });
    const { code, stdout } = await runCli(['db/migrations', '--format', 'json'], { cwd });
    const report = parse(stdout);
    expect(report.files.map((file) => file.file)).toEqual([
      'db/migrations/001_add.sql',
      'db/migrations/002_drop.sql',
      'db/migrations/archive/000_old.sql',
    ]);
    expect(ruleKeys(report)).toEqual([
      'db/migrations/002_drop.sql:2:1 ban-drop-column',
      'db/migrations/archive/000_old.sql:2:1 ban-drop-column',
    ]);
    expect(code).toBe(1);
  });

  test('globs select files, and config excludes drop them', async () => {
    const cwd = tempProject({
      'migrations/001.sql': DROP,
      'migrations/002.sql': DROP,
      'migralint.config.json': JSON.stringify({ exclude: ['migrations/002.sql'] }),
    });
    const report = parse((await runCli(['migrations/*.sql', '--format', 'json'], { cwd })).stdout);
    expect(report.files.map((file) => file.file)).toEqual(['migrations/001.sql']);
  });

  test('with no path, the config include globs are used, relative to the config file', async () => {
    const cwd = tempProject({
      'sql/schema/001.sql': DROP,
      'sql/seed/001.sql': DROP,
      'migralint.config.json': JSON.stringify({ include: ['sql/schema/**/*.sql'] }),
      'src/placeholder.txt': '',
    });
    const report = parse((await runCli(['--format', 'json'], { cwd: path.join(cwd, 'src') })).stdout);
    expect(report.files.map((file) => file.file)).toEqual(['../sql/schema/001.sql']);
  });

  test('with no path and no config, the usual migrations folders are used', async () => {
    const cwd = tempProject({ 'db/migrations/001.sql': DROP, 'migrations/001.sql': SAFE });
    const report = parse((await runCli(['--format', 'json'], { cwd })).stdout);
    expect(report.files.map((file) => file.file)).toEqual(['db/migrations/001.sql', 'migrations/001.sql']);
  });

  test('rollback files are listed as skipped and not linted', async () => {
    const cwd = tempProject({ 'm/001_x.up.sql': SAFE, 'm/001_x.down.sql': 'DROP TABLE users;' });
    const report = parse((await runCli(['m', '--format', 'json'], { cwd })).stdout);
    expect(report.files).toEqual([
      { file: 'm/001_x.down.sql', frontend: 'sql', statements: 0, skipped: 'rollback migration (down/undo file)' },
      { file: 'm/001_x.up.sql', frontend: 'sql', statements: 2 },
    ]);
    expect(report.findings).toEqual([]);
  });
});

describe('standard input', () => {
  test('- reads SQL from stdin, named by --stdin-filepath', async () => {
    const cwd = tempProject({});
    const { code, stdout } = await runCli(['-', '--stdin-filepath', '0042_drop.sql', '--format', 'compact'], { cwd, stdin: DROP });
    expect(stdout).toBe(
      '0042_drop.sql:2:1: error ban-drop-column Dropping column "users"."age" breaks application code that still reads or writes it.\n',
    );
    expect(code).toBe(1);
  });

  test('--stdin-filepath alone also reads stdin; without a name, stdin is SQL shown as <stdin>', async () => {
    const cwd = tempProject({});
    expect((await runCli(['--stdin-filepath', 'x.sql', '--format', 'compact'], { cwd, stdin: DROP })).stdout).toMatch(/^x\.sql:2:1: /);
    expect((await runCli(['-', '--format', 'compact'], { cwd, stdin: DROP })).stdout).toMatch(/^<stdin>:2:1: /);
  });
});

describe('options', () => {
  test('--rule overrides severities; warnings alone exit 0', async () => {
    const cwd = tempProject({ 'm/1.sql': DROP });
    const { code, stdout } = await runCli(['m', '--rule', 'ban-drop-column=warn', '--format', 'json'], { cwd });
    expect(parse(stdout).summary).toEqual({ files: 1, errors: 0, warnings: 1 });
    expect(code).toBe(0);
  });

  test('--rule takes exactly one value: a path after it is linted, and the flag may repeat', async () => {
    const cwd = tempProject({ 'db/migrations/1.sql': DROP });
    const { code, stdout, stderr } = await runCli(
      ['--rule', 'ban-drop-column=warn', 'db/migrations', '--rule', 'require-lock-timeout=off', '--format', 'json'],
      { cwd },
    );
    expect(stderr).toBe('');
    expect(ruleKeys(parse(stdout))).toEqual(['db/migrations/1.sql:2:1 ban-drop-column']);
    expect(parse(stdout).findings[0].severity).toBe('warning');
    expect(code).toBe(0);
  });

  test('--max-warnings fails the run when warnings exceed it', async () => {
    const cwd = tempProject({ 'm/1.sql': WARNING_ONLY });
    expect((await runCli(['m', '--max-warnings', '1'], { cwd })).code).toBe(0);
    const strict = await runCli(['m', '--max-warnings', '0'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('migralint: 1 warnings exceed --max-warnings 0\n');
  });

  test('--quiet reports errors only', async () => {
    const cwd = tempProject({ 'm/1.sql': 'ALTER TABLE users DROP COLUMN age;' });
    const report = parse((await runCli(['m', '--quiet', '--format', 'json'], { cwd })).stdout);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['ban-drop-column']);
  });

  test('--pg-version and --assume-in-transaction change the findings', async () => {
    const cwd = tempProject({
      'm/1.sql': "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN status text DEFAULT 'x';\nCREATE INDEX CONCURRENTLY i ON users (status);",
    });
    const rules = async (...flags: string[]) =>
      parse((await runCli(['m', '--format', 'json', ...flags], { cwd })).stdout).findings.map((f) => f.rule);
    expect(await rules()).toEqual([]);
    expect(await rules('--pg-version', '10')).toEqual(['adding-field-with-default']);
    expect(await rules('--assume-in-transaction')).toEqual(['ban-concurrent-index-creation-in-transaction']);
  });

  test('config pgVersion, assumeInTransaction, preset and rules apply; flags override config', async () => {
    const cwd = tempProject({
      'm/1.sql': "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN status text DEFAULT 'x';",
      'migralint.config.json': JSON.stringify({ pgVersion: 10, rules: { 'adding-field-with-default': 'warn' } }),
    });
    const fromConfig = parse((await runCli(['m', '--format', 'json'], { cwd })).stdout);
    expect(fromConfig.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['adding-field-with-default:warning']);
    const overridden = parse((await runCli(['m', '--format', 'json', '--pg-version', '16'], { cwd })).stdout);
    expect(overridden.findings).toEqual([]);
  });

  test('-o writes the report to a file and nothing to stdout', async () => {
    const cwd = tempProject({ 'm/1.sql': DROP });
    const { code, stdout } = await runCli(['m', '--format', 'json', '-o', 'reports/migralint.json'], { cwd });
    expect(stdout).toBe('');
    expect(parse(fs.readFileSync(path.join(cwd, 'reports/migralint.json'), 'utf8')).summary.errors).toBe(1);
    expect(code).toBe(1);
  });

  test('under GitHub Actions the default format is annotations, unless --format is given', async () => {
    const cwd = tempProject({ 'm/1.sql': DROP });
    const env = { GITHUB_ACTIONS: 'true' };
    expect((await runCli(['m'], { cwd, env })).stdout).toMatch(/^::error file=m\/1\.sql,line=2,col=1,/);
    expect((await runCli(['m', '--format', 'compact'], { cwd, env })).stdout).toMatch(/^m\/1\.sql:2:1: error /);
  });

  test('colour only on a TTY, never with NO_COLOR, and --color/--no-color force it', async () => {
    const cwd = tempProject({ 'm/1.sql': DROP });
    const hasColour = (run: { stdout: string }) => run.stdout.includes('\u001b[');
    expect(hasColour(await runCli(['m'], { cwd }))).toBe(false);
    expect(hasColour(await runCli(['m'], { cwd, tty: true }))).toBe(true);
    expect(hasColour(await runCli(['m'], { cwd, tty: true, env: { NO_COLOR: '1' } }))).toBe(false);
    expect(hasColour(await runCli(['m', '--no-color'], { cwd, tty: true }))).toBe(false);
    expect(hasColour(await runCli(['m', '--color'], { cwd }))).toBe(true);
  });
});

describe('bad input gives one clear line and exit code 2, or a finding', () => {
  test.each([
    [['missing/dir'], 'migralint: No such file or directory: missing/dir\n'],
    [['m/*.psql'], 'migralint: No files match the pattern m/*.psql\n'],
    [["empty"], "migralint: No migration files (.sql, .js, .ts, Django .py) found in empty\n"],
    [['m', '--format', 'xml'], 'migralint: --format "xml" is not a format; choose one of stylish, json, sarif, github, junit, gitlab, compact\n'],
    [['m', '--rule', 'no-such-rule=off'], 'migralint: --rule: unknown rule "no-such-rule" (see `migralint rules`)\n'],
    [['m', '--pg-version', 'fifteen'], 'migralint: --pg-version "fifteen": expected a PostgreSQL version such as 15 or 9.6\n'],
    [['m', '--max-warnings', '-1'], 'migralint: --max-warnings must be a whole number of 0 or more\n'],
    [['m', '--frobnicate'], 'migralint: Unknown argument: frobnicate\n'],
    [['explain', 'no-such-rule'], 'migralint: Unknown rule "no-such-rule" (see `migralint rules`)\n'],
  ])('%j', async (args, stderr) => {
    const cwd = tempProject({ 'm/1.sql': DROP, 'empty/notes.txt': 'nothing here' });
    const run = await runCli(args, { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr });
  });

  test('an invalid config file names the file and key', async () => {
    const cwd = tempProject({ 'm/1.sql': DROP, 'migralint.config.json': '{"rulez": {}}' });
    const run = await runCli(['m'], { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `migralint: ${path.join(cwd, 'migralint.config.json')}: unknown key "rulez"\n` });
  });

  test('no path and no migrations folder explains where it looked', async () => {
    const run = await runCli([], { cwd: tempProject({}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^migralint: No paths given and no migrations folder found \(looked for migrations\/, db\/migrations\/, /);
  });

  test('a binary file is a syntax-error finding; the other files are still linted', async () => {
    const cwd = tempProject({ 'm/1.sql': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]), 'm/2.sql': DROP });
    const run = await runCli(['m', '--format', 'compact'], { cwd });
    expect(run.stdout.split('\n').filter(Boolean).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'm/1.sql:1:5: error syntax-error',
      'm/2.sql:2:1: error ban-drop-column',
    ]);
    expect(run.code).toBe(1);
  });

  test('a file PostgreSQL cannot parse is a syntax-error finding at the parser position; others are still linted', async () => {
    const cwd = tempProject({ 'm/1.sql': 'SELECT 1;\nALTR TABLE x;', 'm/2.sql': DROP });
    const run = await runCli(['m', '--format', 'compact'], { cwd });
    expect(run.stdout).toContain('m/1.sql:2:1: error syntax-error PostgreSQL cannot parse this SQL: syntax error at or near "ALTR".\n');
    expect(run.stdout).toContain('m/2.sql:2:1: error ban-drop-column');
    expect(run.code).toBe(1);
  });

  test('empty files, files with only comments, and a UTF-8 BOM are fine', async () => {
    const cwd = tempProject({
      'm/1.sql': '',
      'm/2.sql': '-- nothing yet\n/* still nothing */\n',
      'm/3.sql': `\uFEFF${DROP}`,
    });
    const run = await runCli(['m', '--format', 'json'], { cwd });
    const report = parse(run.stdout);
    expect(report.files.map((file) => file.statements)).toEqual([0, 0, 2]);
    expect(ruleKeys(report)).toEqual(['m/3.sql:2:1 ban-drop-column']);
  });

  test('an unreadable file is one line on stderr and exit code 2; the other files are still linted', async () => {
    const cwd = tempProject({ 'm/001_locked.sql': DROP, 'm/002_open.sql': DROP });
    const run = await withFailingRead('001_locked.sql', 'EACCES', () => runCli(['m', '--format', 'compact'], { cwd }));
    expect(run.stderr).toBe('migralint: cannot read m/001_locked.sql: permission denied\n');
    expect(run.stdout).toMatch(/^m\/002_open\.sql:2:1: error ban-drop-column /);
    expect(run.code).toBe(2);
  });

  test('a symbolic link loop in a folder is walked once', async () => {
    const cwd = tempProject({ 'm/1.sql': DROP });
    fs.symlinkSync(path.join(cwd, 'm'), path.join(cwd, 'm', 'loop'));
    const report = parse((await runCli(['m', '--format', 'json'], { cwd })).stdout);
    expect(report.files.map((file) => file.file)).toEqual(['m/1.sql']);
  });
});

describe('explain, rules and init', () => {
  test('explain prints the rationale, the safe alternative and the examples', async () => {
    const run = await runCli(['explain', 'require-concurrent-index-creation'], { cwd: tempProject({}) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^require-concurrent-index-creation: Creating an index without CONCURRENTLY\n/);
    expect(run.stdout).toContain('Safe alternative: Use CREATE INDEX CONCURRENTLY, in a migration that runs outside a transaction.');
    expect(run.stdout).toContain('Flagged:\n    CREATE INDEX orders_customer_idx ON orders (customer_id);');
  });

  test('explain accepts an alias', async () => {
    const run = await runCli(['explain', 'prefer-timestamp-tz'], { cwd: tempProject({}) });
    expect(run.stdout).toMatch(/^prefer-timestamptz: /);
  });

  test('explain of a mistyped rule suggests the nearest one', async () => {
    expect(await runCli(['explain', 'ban-drop-colum'], { cwd: tempProject({}) })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'migralint: Unknown rule "ban-drop-colum": did you mean ban-drop-column? (see `migralint rules`)\n',
    });
    expect((await runCli(['explain', 'prefer-timestamp-z'], { cwd: tempProject({}) })).stderr).toContain('did you mean prefer-timestamptz?');
    expect((await runCli(['explain', 'no-such-thing'], { cwd: tempProject({}) })).stderr).toBe('migralint: Unknown rule "no-such-thing" (see `migralint rules`)\n');
  });

  test('rules --format json prints JSON: every rule with its metadata', async () => {
    const run = await runCli(['rules', '--format', 'json'], { cwd: tempProject({}) });
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { version: number; rules: Array<Record<string, unknown>> };
    expect(document.version).toBe(1);
    expect(document.rules.map((rule) => rule.id)).toEqual(allRules.map((rule) => rule.id));
    expect(document.rules.find((rule) => rule.id === 'prefer-timestamptz')).toEqual({
      id: 'prefer-timestamptz',
      aliases: ['prefer-timestamp-tz'],
      category: 'conventions',
      severity: 'off',
      frontends: ['sql', 'knex', 'typeorm', 'django'],
      description: 'A timestamp column without time zone',
      help: 'Use timestamptz (timestamp with time zone).',
      docs: 'migralint explain prefer-timestamptz',
    });
    expect(await runCli(['rules', '--format', 'sarif'], { cwd: tempProject({}) })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'migralint: --format "sarif": rules prints a table, or JSON with --format json\n',
    });
  });

  test('rules lists every rule with its category and default severity', async () => {
    const run = await runCli(['rules'], { cwd: tempProject({}) });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RULE\s+CATEGORY\s+SEVERITY\s+FRONT-ENDS$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ban-drop-column\s+compatibility\s+error\s+sql,knex,typeorm,django$/));
    expect(lines).toContainEqual(expect.stringMatching(/^require-statement-timeout\s+locking\s+off\s+sql,knex,typeorm,django$/));
  });

  test('init looks at the repository: folders, front-end per folder, PostgreSQL version, other databases; never overwrites', async () => {
    const cwd = tempProject({
      'db/migrations/001.sql': SAFE,
      'db/migrations/002.sql': SAFE,
      'server/src/database/migrations/postgres/1700-Init.ts': "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class Init1700 implements MigrationInterface { async up(q: QueryRunner) {} async down() {} }\n",
      'server/src/database/migrations/mysql/1700-Init.ts': "import { MigrationInterface } from 'typeorm';\nexport class Init1700 implements MigrationInterface { async up() {} async down() {} }\n",
      'node_modules/pkg/migrations/001.sql': SAFE,
      'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n',
    });
    const first = await runCli(['init'], { cwd });
    expect(first.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'migralint.config.json'), 'utf8'))).toEqual({
      include: ['db/migrations/**/*.sql', 'server/src/database/migrations/**/*.{js,ts,cjs,mjs,cts,mts}'],
      exclude: ['server/src/database/migrations/mysql/**'],
      pgVersion: 16,
      assumeInTransaction: false,
      rules: {},
      frontends: { 'server/src/database/migrations/**/*.{js,ts,cjs,mjs,cts,mts}': 'typeorm' },
    });
    expect(first.stdout).toContain('  db/migrations/: 2 sql migrations\n');
    expect(first.stdout).toContain('  server/src/database/migrations/: 1 typeorm migration; excluded mysql/ (not PostgreSQL)\n');
    expect(first.stdout).toContain('  PostgreSQL 16 (from docker-compose.yml)\n');
    expect(first.stdout).toContain('      - id: migralint\n        files: ^(db/migrations|server/src/database/migrations)/\n');
    expect(first.stdout).toContain('codequality: gl-code-quality-report.json');

    const lint = await runCli(['--format', 'json'], { cwd });
    expect(JSON.parse(lint.stdout).files.map((file: { file: string }) => file.file)).toEqual([
      'db/migrations/001.sql',
      'db/migrations/002.sql',
      'server/src/database/migrations/postgres/1700-Init.ts',
    ]);
    const second = await runCli(['init'], { cwd });
    expect(second).toEqual({ code: 2, stdout: '', stderr: 'migralint: migralint.config.json already exists; not overwriting it\n' });
  });
});

describe('--output-file', () => {
  test('the report goes to the file (its folder made as needed), and nothing to stdout', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP, 'm/002.sql': SAFE });
    const run = await runCli(['m', '--format', 'compact', '--output-file', 'reports/lint.txt'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(fs.readFileSync(path.join(cwd, 'reports/lint.txt'), 'utf8')).toBe((await runCli(['m', '--format', 'compact'], { cwd })).stdout);
  });

  test('a path that cannot be written is one line on stderr, before anything is linted', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP, 'not-a-folder': '' });
    const run = await runCli(['m', '--output-file', 'not-a-folder/report.txt'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^migralint: cannot write the report to .*not-a-folder\/report\.txt: .+\n$/);
  });
});

describe('--cache', () => {
  test('a second run reuses results, and a changed file or setting is linted again', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP, 'm/002.sql': SAFE });
    const cacheFile = path.join(cwd, 'cache.json');
    const env = userEnvironment();
    const linted = jest.spyOn(lint, 'lintText');
    const first = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(stored.entries).sort()).toEqual(['m/001.sql', 'm/002.sql']);
    expect(linted).toHaveBeenCalledTimes(2);

    // A cached result is used as it is: neither file is linted again.
    linted.mockClear();
    const again = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    expect(again).toEqual(first);
    expect(linted).not.toHaveBeenCalled();

    fs.writeFileSync(path.join(cwd, 'm/001.sql'), `${DROP}-- edited\n`);
    const edited = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    expect(JSON.parse(edited.stdout).findings[0].message).toMatch(/^Dropping column/);
    expect(linted.mock.calls.map((call) => call[1])).toEqual(['m/001.sql']);

    const otherSettings = await runCli(['m', '--format', 'json', '--cache-location', cacheFile, '--rule', 'ban-drop-column=off'], { cwd, env });
    expect(JSON.parse(otherSettings.stdout).findings).toEqual([]);
    linted.mockRestore();
  });

  test('a cached run reports exactly what the first did; findings are stored without their file, help and docs, with what their suggestion is built from', async () => {
    const cwd = tempProject({ 'm/001.sql': DROP, 'm/002.sql': SAFE });
    const cacheFile = path.join(cwd, 'cache.json');
    const env = userEnvironment();
    const first = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    const again = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    expect(again.stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout).findings.length).toBeGreaterThan(0);

    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { values: unknown[]; entries: Record<string, { result: { findings: Array<Record<string, unknown>> }; targets: unknown[] }> };
    const [finding] = stored.entries['m/001.sql'].result.findings;
    expect(Object.keys(finding).sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'lock', 'message', 'rule', 'severity', 'suggestion', 'target']);
    // The message, lock and suggestion as the report writes them, kept once among the file's values; what the suggestion is built from apart, read only by runs that fix (or count what --fix can fix).
    const [reported] = JSON.parse(first.stdout).findings;
    expect(stored.values[finding.message as number]).toBe(reported.message);
    expect(stored.values[finding.lock as number]).toEqual(reported.lock);
    expect(stored.values[finding.suggestion as number]).toEqual(reported.suggestion);
    expect(finding.target).toBe(true);
    expect(stored.entries['m/001.sql'].targets[0]).toMatchObject({ operation: { kind: 'dropColumn' } });

    // An entry naming a rule this version does not have is not trusted: the file is linted again.
    finding.rule = 'no-such-rule';
    fs.writeFileSync(cacheFile, JSON.stringify(stored));
    const relinted = await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env });
    expect(relinted.stdout).toBe(first.stdout);
  });

  test('a file is checked again when the schema the earlier migrations build changes, not when they only move', async () => {
    const create = (type: string) => `CREATE TABLE products (id bigint PRIMARY KEY, price ${type});\n`;
    const retype = "SET lock_timeout = '2s';\nALTER TABLE products ALTER COLUMN price TYPE bigint;\n";
    const cwd = tempProject({ 'm/001_create.sql': create('integer'), 'm/002_retype.sql': retype });
    const cacheFile = path.join(cwd, 'cache.json');
    const env = userEnvironment();
    const run = async () => parse((await runCli(['m', '--format', 'json', '--cache-location', cacheFile], { cwd, env })).stdout);
    const linted = jest.spyOn(lint, 'lintText');
    const first = await run();
    expect(first.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['changing-column-type error']);

    // The cached effect of each file is kept without the places of its statements.
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { effect: { operations: Array<Record<string, unknown>> } }> };
    const [createTable] = stored.entries['m/001_create.sql'].effect.operations;
    expect(createTable.kind).toBe('createTable');
    expect(createTable).not.toHaveProperty('location');

    // Blank lines before the table change no schema: both results come from the cache.
    linted.mockClear();
    fs.writeFileSync(path.join(cwd, 'm/001_create.sql'), `\n\n${create('integer')}`);
    expect(await run()).toEqual(first);
    expect(linted.mock.calls.map((call) => call[1])).toEqual(['m/001_create.sql']);

    // The column is a bigint already: the unchanged later file is checked again, and re-states its type.
    linted.mockClear();
    fs.writeFileSync(path.join(cwd, 'm/001_create.sql'), create('bigint'));
    expect((await run()).findings).toEqual([]);
    expect(linted.mock.calls.map((call) => call[1])).toEqual(['m/001_create.sql', 'm/002_retype.sql']);

    // A named file takes its folder's earlier migrations as context, from their cached effect.
    linted.mockClear();
    const analyzed = jest.spyOn(lint, 'analyzeText');
    const named = parse((await runCli(['m/002_retype.sql', '--format', 'json', '--cache-location', cacheFile], { cwd, env })).stdout);
    expect(named.findings).toEqual([]);
    expect(linted).not.toHaveBeenCalled();
    expect(analyzed).not.toHaveBeenCalled();
    linted.mockRestore();
    analyzed.mockRestore();
  });

  test('a file read only as context is read once: its effect is cached for the next run that needs it, and a later edit of it is seen', async () => {
    const create = (type: string) => `CREATE TABLE products (id bigint PRIMARY KEY, price ${type});\n`;
    const retype = "SET lock_timeout = '2s';\nALTER TABLE products ALTER COLUMN price TYPE bigint;\n";
    const cwd = tempProject({ 'm/001_create.sql': create('integer'), 'm/002_add.sql': 'ALTER TABLE products ADD COLUMN note text;\n', 'm/003_retype.sql': retype });
    const cacheFile = path.join(cwd, 'cache.json');
    const env = userEnvironment();
    const run = async () => parse((await runCli(['m/003_retype.sql', '--format', 'json', '--cache-location', cacheFile], { cwd, env })).stdout);
    const analyzed = jest.spyOn(lint, 'analyzeText');
    const linted = jest.spyOn(lint, 'lintText');
    const first = await run();
    expect(first.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['changing-column-type error']);
    expect(analyzed.mock.calls.map((call) => call[1])).toEqual(['m/001_create.sql', 'm/002_add.sql']);
    expect(linted.mock.calls.map((call) => call[1])).toEqual(['m/003_retype.sql']);

    analyzed.mockClear();
    linted.mockClear();
    expect(await run()).toEqual(first);
    expect(analyzed).not.toHaveBeenCalled();
    expect(linted).not.toHaveBeenCalled();

    // The context changed: the column is a bigint already, and the named file is checked again against it.
    fs.writeFileSync(path.join(cwd, 'm/001_create.sql'), create('bigint'));
    expect((await run()).findings).toEqual([]);
    expect(analyzed.mock.calls.map((call) => call[1])).toEqual(['m/001_create.sql']);
    expect(linted.mock.calls.map((call) => call[1])).toEqual(['m/003_retype.sql']);
    analyzed.mockRestore();
    linted.mockRestore();
  });
});
