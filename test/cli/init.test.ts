import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectPostgresVersion } from '../../src/cli/init';
import { toolVersion } from '../../src/cli/version';
import { SNIPPETS_END, SNIPPETS_START, ciSnippets, snippetsMarkdown } from '../../src/docs/ci-snippets';
import { runCli, tempProject } from './run-cli';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const SAFE = "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;\n";

/** The code blocks of the README's CI section. */
function readmeSnippets(): string[] {
  const section = README.slice(README.indexOf(SNIPPETS_START), README.indexOf(SNIPPETS_END));
  return [...section.matchAll(/```\w+\n([^]*?)```/g)].map((match) => match[1]);
}

describe('the snippets init prints and the README shows', () => {
  test("the README's section is generated (npm run docs) for db/migrations at this version", () => {
    const section = README.slice(README.indexOf(SNIPPETS_START) + SNIPPETS_START.length, README.indexOf(SNIPPETS_END));
    expect(section).toBe(`\n${snippetsMarkdown(ciSnippets(['db/migrations'], toolVersion()))}\n`);
    expect(readmeSnippets()).toHaveLength(5);
  });

  test("what init prints for a repository with db/migrations holds each of the README's snippets, as they are", async () => {
    const cwd = tempProject({ 'db/migrations/001.sql': SAFE });
    const run = await runCli(['init'], { cwd });
    expect(run.code).toBe(0);
    for (const snippet of readmeSnippets()) expect(run.stdout).toContain(`:\n${snippet}`);
    // pre-commit, the husky set-up and package.json, GitHub, GitLab (with the fetch of the target branch).
    expect(run.stdout).toContain('    - git fetch --no-tags origin "+$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:refs/remotes/origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"\n');
    expect(run.stdout).toContain(`      - uses: migralint/migralint@v${toolVersion()}\n`);
  });

  test('the snippets cover every folder init found', async () => {
    const cwd = tempProject({ 'apps/api/migrations/001.sql': SAFE, 'apps/billing/db/migrations/001.sql': SAFE });
    const run = await runCli(['init'], { cwd });
    expect(run.stdout).toContain('        files: ^(apps/api/migrations|apps/billing/db/migrations)/\n');
    expect(run.stdout).toContain('"lint-staged": { "{apps/api/migrations,apps/billing/db/migrations}/**/*.{sql,js,ts}": "migralint --cache" }');
    // The pre-commit pattern is a regular expression: dots in folder names are literal.
    expect(ciSnippets(['db.v2/migrations'], '1.0.0')[0].files[0].text).toContain('files: ^db\\.v2/migrations/\n');
  });

  test('init counts forward migrations only, and says how many rollback files it left out', async () => {
    const cwd = tempProject({
      'migrations/001_users.up.sql': SAFE,
      'migrations/001_users.down.sql': 'DROP TABLE users;\n',
      'migrations/002_orders.up.sql': SAFE,
      'migrations/002_orders.down.sql': 'DROP TABLE orders;\n',
      'db/migration/V1__init.sql': SAFE,
      'db/migration/U1__init.sql': 'DROP TABLE users;\n',
    });
    const run = await runCli(['init'], { cwd });
    expect(run.stdout).toContain('  db/migration/: 1 sql migration (and 1 rollback file, not linted)\n');
    expect(run.stdout).toContain('  migrations/: 2 sql migrations (and 2 rollback files, not linted)\n');
  });
});

describe("drizzle-kit's folder, known by its journal whatever its name", () => {
  const JOURNAL =
    '{"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1736548699659,"tag":"0000_init","breakpoints":true},{"idx":1,"version":"7","when":1736548799659,"tag":"0001_index","breakpoints":true}]}\n';
  const INDEX = 'CREATE INDEX CONCURRENTLY "events_at_idx" ON "events" USING btree ("at");\n';

  test('init finds it, and so does a run with no path and no config', async () => {
    const cwd = tempProject({ 'packages/db/drizzle/meta/_journal.json': JOURNAL, 'packages/db/drizzle/0000_init.sql': SAFE, 'packages/db/drizzle/0001_index.sql': INDEX });
    const lint = await runCli(['--format', 'json'], { cwd });
    expect(lint.stderr).toContain('linting the migrations folders found: packages/db/drizzle ');
    expect((JSON.parse(lint.stdout) as { files: Array<{ file: string }> }).files.map((entry) => entry.file)).toEqual(['packages/db/drizzle/0000_init.sql', 'packages/db/drizzle/0001_index.sql']);
    const init = await runCli(['init'], { cwd });
    expect(init.stdout).toContain('  packages/db/drizzle/: 2 sql migrations\n');
  });

  test('init counts apart the .sql files the journal does not list (PageSpace: a migration of the same number left by a merge)', async () => {
    const cwd = tempProject({
      'packages/db/drizzle/meta/_journal.json': JOURNAL,
      'packages/db/drizzle/0000_init.sql': SAFE,
      'packages/db/drizzle/0001_index.sql': INDEX,
      'packages/db/drizzle/0001_opposite_santa_claus.sql': 'ALTER TABLE "ai_usage_logs" DROP COLUMN IF EXISTS "prompt";\n',
    });
    const init = await runCli(['init'], { cwd });
    expect(init.stdout).toContain("  packages/db/drizzle/: 2 sql migrations (and 1 .sql file not in meta/_journal.json, not linted)\n");
  });
});

describe('the PostgreSQL version init reads from image tags', () => {
  test.each([
    ['docker-compose.yml', 'services:\n  db:\n    image: postgres:16-alpine\n', 16],
    ['compose.yaml', 'services:\n  db:\n    image: "pgautoupgrade/pgautoupgrade:18-alpine"\n', 18],
    ['docker-compose.dev.yml', 'services:\n  cache:\n    image: redis:7\n  db:\n    image: postgis/postgis:14-3.4\n', 14],
    ['docker-compose.yml', 'services:\n  db:\n    image: bitnami/postgresql:17.2.0\n', 17],
    ['docker-compose.yml', 'services:\n  db:\n    image: pgvector/pgvector:pg17\n', 17],
    ['docker-compose.yml', 'services:\n  db:\n    image: timescale/timescaledb:2.14.2-pg16\n', 16],
    ['docker-compose.yml', 'services:\n  db:\n    image: docker.io/library/postgres:9.6\n', 9.6],
    ['.github/workflows/test.yml', 'jobs:\n  test:\n    services:\n      postgres:\n        image: postgres:15\n', 15],
    ['Dockerfile.db', 'FROM postgres:13-bookworm\n', 13],
  ])('%s: %j', (file, text, version) => {
    const cwd = tempProject({ [file]: text });
    expect(detectPostgresVersion(cwd)).toEqual({ version, source: file });
  });

  test.each([
    ['docker-compose.yml', 'services:\n  db:\n    image: postgres:latest\n'],
    ['docker-compose.yml', 'services:\n  db:\n    image: mysql:8\n'],
    ['docker-compose.yml', 'services:\n  exporter:\n    image: prometheuscommunity/postgres-exporter:0.15.0\n'],
  ])('no version from %s: %j', (file, text) => {
    expect(detectPostgresVersion(tempProject({ [file]: text }))).toBeUndefined();
  });
});
