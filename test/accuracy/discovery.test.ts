import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempProject } from '../cli/run-cli';

interface JsonReport {
  files: Array<{ file: string; skipped?: string }>;
  findings: Array<{ rule: string; file: string; line: number; column: number; message: string }>;
}

describe('SQL named for one database (synapse)', () => {
  test('a folder walk lints *.sql.postgres, skips *.sql.sqlite, and warns that Python delta steps are not read', async () => {
    const cwd = tempProject({
      'synapse/storage/schema/main/delta/72/01event_push_actions_index.sql': "CREATE INDEX CONCURRENTLY IF NOT EXISTS event_push_actions_stream_highlight_index ON event_push_actions (highlight, stream_ordering);\n",
      'synapse/storage/schema/main/delta/72/02event_push_actions_index.sql.postgres': 'ALTER TABLE event_push_actions DROP COLUMN actions_legacy;\n',
      'synapse/storage/schema/main/delta/72/02event_push_actions_index.sql.sqlite': 'DROP TABLE event_push_actions_legacy;\n',
      'synapse/storage/schema/main/delta/72/03bg_populate_events_columns.py':
        'from synapse.storage.engines import PostgresEngine\n\n\ndef run_create(cur, database_engine, *args, **kwargs):\n    cur.execute("ALTER TABLE events ADD COLUMN state_key TEXT")\n',
      'synapse/storage/schema/main/delta/78/03_remove_unused_indexes_user_filters.py': 'def run_update(cur, database_engine, config):\n    cur.execute("DROP INDEX IF EXISTS full_users_unique_idx")\n',
      'synapse/storage/schema/__init__.py': 'SCHEMA_VERSION = 93\n',
    });
    const { stdout, stderr } = await runCli(['synapse/storage/schema', '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((file) => file.file)).toEqual([
      'synapse/storage/schema/main/delta/72/01event_push_actions_index.sql',
      'synapse/storage/schema/main/delta/72/02event_push_actions_index.sql.postgres',
      'synapse/storage/schema/main/delta/72/03bg_populate_events_columns.py',
    ]);
    expect(report.findings.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      // synapse applies its deltas in a transaction, where CONCURRENTLY cannot run.
      '01event_push_actions_index.sql:1:1 ban-concurrent-index-creation-in-transaction',
      '02event_push_actions_index.sql.postgres:1:1 ban-drop-column',
      '02event_push_actions_index.sql.postgres:1:1 require-lock-timeout',
      '03bg_populate_events_columns.py:4:1 unanalyzed-code',
    ]);
    expect(report.findings[3].message).toBe("synapse runs this Python delta's run_create() with a database cursor; the SQL it sends was not checked here.");
    expect(stderr).toBe(
      'migralint: note: skipped synapse/storage/schema/main/delta/72/02event_push_actions_index.sql.sqlite: SQL for sqlite, not PostgreSQL\n' +
        'migralint: note: skipped synapse/storage/schema/main/delta/78/03_remove_unused_indexes_user_filters.py: a Python delta with no run_create or run_upgrade, which synapse does not run\n' +
        // The deltas change tables that earlier ones (not in this folder) made.
        'migralint: note: unknown-object was off: the migrations replayed do not look like a whole history (the first migrations change "event_push_actions", which they do not create)\n',
    );
  });

  test("ory/pop: a migration for every database that has a PostgreSQL version beside it is skipped, with a note: PostgreSQL runs the other", async () => {
    // kratos: identity_search_index.up.sql builds a plain index for CockroachDB and others; PostgreSQL runs the .postgres. file.
    const cwd = tempProject({
      'migrations/20200101000000000000_init.up.sql': 'CREATE TABLE identities (id uuid PRIMARY KEY);\nCREATE TABLE courier_messages (id uuid PRIMARY KEY);\nCREATE INDEX courier_messages_list_idx ON courier_messages (id);\n',
      'migrations/20230920171028000000_identity_search_index.up.sql': 'CREATE INDEX identities_search_idx ON identities (id);\n',
      'migrations/20230920171028000000_identity_search_index.postgres.up.sql': 'CREATE INDEX CONCURRENTLY identities_search_idx ON identities USING GIN (id);\n',
      'migrations/20260616000000000000_restore_list_index.autocommit.up.sql': 'DROP INDEX courier_messages_list_idx;\n',
      'migrations/20260616000000000000_restore_list_index.postgres.autocommit.up.sql': 'DROP INDEX CONCURRENTLY IF EXISTS courier_messages_list_idx;\n',
    });
    const { stdout, stderr } = await runCli(['migrations', '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((file) => file.file)).toEqual([
      'migrations/20200101000000000000_init.up.sql',
      'migrations/20230920171028000000_identity_search_index.postgres.up.sql',
      'migrations/20260616000000000000_restore_list_index.postgres.autocommit.up.sql',
    ]);
    expect(report.findings).toEqual([]);
    expect(stderr).toBe(
      'migralint: note: skipped migrations/20230920171028000000_identity_search_index.up.sql: 20230920171028000000_identity_search_index.postgres.up.sql is what runs on PostgreSQL\n' +
        'migralint: note: skipped migrations/20260616000000000000_restore_list_index.autocommit.up.sql: 20260616000000000000_restore_list_index.postgres.autocommit.up.sql is what runs on PostgreSQL\n',
    );
  });

  test('ory/pop names the database before the direction: *.postgres.up.sql and files for every database are linted, *.mysql.up.sql and the like are skipped', async () => {
    const cwd = tempProject({
      'migrations/20200401183443000000_continuity_containers.postgres.up.sql': 'CREATE TABLE continuity_containers (id UUID NOT NULL PRIMARY KEY, nid UUID);\n',
      'migrations/20200401183443000000_continuity_containers.postgres.down.sql': 'DROP TABLE continuity_containers;\n',
      'migrations/20200401183443000000_continuity_containers.mysql.up.sql': 'CREATE TABLE `continuity_containers` (`id` char(36) NOT NULL, PRIMARY KEY(`id`)) ENGINE=InnoDB;\n',
      'migrations/20200401183443000000_continuity_containers.mysql.down.sql': 'DROP TABLE `continuity_containers`;\n',
      'migrations/20200401183443000000_continuity_containers.sqlite3.up.sql': 'CREATE TABLE IF NOT EXISTS "continuity_containers" ("id" TEXT PRIMARY KEY, "nid" char(36));\n',
      'migrations/20200401183443000000_continuity_containers.cockroach.up.sql': 'CREATE TABLE "continuity_containers" ("id" UUID NOT NULL, PRIMARY KEY("id"));\n',
      'migrations/20210410175418000024_network.up.sql': 'CREATE INDEX continuity_containers_nid_idx ON continuity_containers (id, nid);\n',
      'migrations/20250710085000000000_add_schema_id.cockroach.autocommit.up.sql': 'ALTER TABLE continuity_containers ADD COLUMN IF NOT EXISTS schema_id VARCHAR(128) NULL;\n',
    });
    const { stdout, stderr } = await runCli(['migrations', '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.filter((file) => !file.skipped).map((file) => file.file)).toEqual([
      'migrations/20200401183443000000_continuity_containers.postgres.up.sql',
      'migrations/20210410175418000024_network.up.sql',
    ]);
    expect(report.findings.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '20210410175418000024_network.up.sql:1:1 require-concurrent-index-creation',
      '20210410175418000024_network.up.sql:1:1 require-lock-timeout',
    ]);
    expect(stderr).toBe(
      'migralint: note: skipped migrations/20200401183443000000_continuity_containers.cockroach.up.sql: SQL for cockroach, not PostgreSQL\n' +
        'migralint: note: skipped migrations/20200401183443000000_continuity_containers.mysql.down.sql: SQL for mysql, not PostgreSQL\n' +
        'migralint: note: skipped migrations/20200401183443000000_continuity_containers.mysql.up.sql: SQL for mysql, not PostgreSQL\n' +
        'migralint: note: skipped migrations/20200401183443000000_continuity_containers.postgres.down.sql: rollback migration (down/undo file)\n' +
        'migralint: note: skipped migrations/20200401183443000000_continuity_containers.sqlite3.up.sql: SQL for sqlite3, not PostgreSQL\n' +
        'migralint: note: skipped migrations/20250710085000000000_add_schema_id.cockroach.autocommit.up.sql: SQL for cockroach, not PostgreSQL\n',
    );
  });

  test('--verbose also names every rollback file skipped, and why', async () => {
    const cwd = tempProject({
      'migrations/000001_users.up.sql': "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN bio text;\n",
      'migrations/000001_users.down.sql': 'ALTER TABLE users DROP COLUMN bio;\n',
    });
    const { stderr } = await runCli(['migrations', '--verbose'], { cwd });
    expect(stderr).toBe(
      'migralint: note: skipped migrations/000001_users.down.sql: rollback migration (down/undo file)\n' +
        'migralint: note: unknown-object was off: the migrations replayed do not look like a whole history (the first migrations change "users", which they do not create)\n',
    );
  });
});

describe("temporal's schema tool (a manifest.json per version folder)", () => {
  const versioned = 'schema/postgresql/v12/visibility/versioned';
  const manifest = (version: string, files: string[]) =>
    JSON.stringify({ CurrVersion: version, MinCompatibleVersion: '0.1', Description: `version ${version}`, SchemaUpdateCqlFiles: files, ...(files.length === 0 ? { AllowNoCqlFiles: true } : {}) }, null, 2) + '\n';
  const project = () =>
    tempProject({
      [`${versioned}/v1.0/manifest.json`]: manifest('1.0', ['schema.sql']),
      [`${versioned}/v1.0/schema.sql`]:
        'CREATE TABLE executions_visibility (\n  namespace_id      CHAR(64)      NOT NULL,\n  run_id            CHAR(64)      NOT NULL,\n  start_time        TIMESTAMP     NOT NULL,\n  search_attributes JSONB         NULL,\n  PRIMARY KEY (namespace_id, run_id)\n);\n',
      // Applied in the manifest's order, not the names'.
      [`${versioned}/v1.3/manifest.json`]: manifest('1.3', ['add_history_size_bytes.sql', 'add_build_ids_search_attribute.sql']),
      [`${versioned}/v1.3/add_history_size_bytes.sql`]: 'ALTER TABLE executions_visibility ADD COLUMN history_size_bytes BIGINT NULL;\n',
      [`${versioned}/v1.3/add_build_ids_search_attribute.sql`]: 'CREATE INDEX by_history_size_bytes ON executions_visibility (namespace_id, history_size_bytes, start_time DESC, run_id);\n',
      [`${versioned}/v1.9/manifest.json`]: manifest('1.9', ['add_version_column.sql']),
      [`${versioned}/v1.9/add_version_column.sql`]: 'ALTER TABLE executions_visibility ADD COLUMN _version BIGINT NOT NULL DEFAULT 0;\n',
      // Superseded by the combined file of v1.13: the tool applies no file of this version.
      [`${versioned}/v1.10/manifest.json`]: manifest('1.10', []),
      [`${versioned}/v1.10/add_temporal_reported_columns.sql`]:
        "ALTER TABLE executions_visibility ADD COLUMN TemporalReportedProblems JSONB GENERATED ALWAYS AS (search_attributes->'TemporalReportedProblems') STORED;\nCREATE INDEX by_temporal_reported_problems ON executions_visibility USING GIN (namespace_id, TemporalReportedProblems jsonb_path_ops);\n",
      [`${versioned}/v1.13/manifest.json`]: manifest('1.13', ['combined_v1.10_v1.13.sql']),
      [`${versioned}/v1.13/combined_v1.10_v1.13.sql`]:
        "ALTER TABLE executions_visibility ADD COLUMN IF NOT EXISTS TemporalReportedProblems JSONB GENERATED ALWAYS AS (search_attributes->'TemporalReportedProblems') STORED;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS by_temporal_reported_problems ON executions_visibility USING GIN (namespace_id, TemporalReportedProblems jsonb_path_ops);\nALTER TABLE executions_visibility DROP COLUMN _version;\n",
    });

  test('versions v1.9 before v1.10, the files of a version in the order its manifest lists them, and a file it does not list skipped with a note', async () => {
    const cwd = project();
    const { stdout, stderr } = await runCli([versioned, '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((file) => file.file.slice(versioned.length + 1))).toEqual([
      'v1.0/schema.sql',
      'v1.3/add_history_size_bytes.sql',
      'v1.3/add_build_ids_search_attribute.sql',
      'v1.9/add_version_column.sql',
      'v1.13/combined_v1.10_v1.13.sql',
    ]);
    expect(report.findings.map((f) => `${f.file.slice(versioned.length + 1)}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      'v1.3/add_history_size_bytes.sql:1:1 require-lock-timeout',
      'v1.3/add_build_ids_search_attribute.sql:1:1 require-concurrent-index-creation',
      'v1.3/add_build_ids_search_attribute.sql:1:1 require-lock-timeout',
      'v1.9/add_version_column.sql:1:1 require-lock-timeout',
      'v1.13/combined_v1.10_v1.13.sql:1:1 adding-field-with-default',
      'v1.13/combined_v1.10_v1.13.sql:1:1 require-lock-timeout',
      'v1.13/combined_v1.10_v1.13.sql:3:1 ban-drop-column',
    ]);
    expect(stderr).toBe(`migralint: note: skipped ${versioned}/v1.10/add_temporal_reported_columns.sql: not listed in the SchemaUpdateCqlFiles of its manifest.json, so the schema tool does not apply it\n`);
  });

  test('a file the manifest does not list, given by name, is skipped with the same note', async () => {
    const cwd = project();
    const { stdout, stderr } = await runCli([`${versioned}/v1.10/add_temporal_reported_columns.sql`, `${versioned}/v1.13/combined_v1.10_v1.13.sql`, '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((file) => file.file.slice(versioned.length + 1))).toEqual(['v1.13/combined_v1.10_v1.13.sql']);
    expect(report.findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['1:1 adding-field-with-default', '1:1 require-lock-timeout', '3:1 ban-drop-column']);
    expect(stderr).toBe(
      `migralint: note: skipped ${versioned}/v1.10/add_temporal_reported_columns.sql: not listed in the SchemaUpdateCqlFiles of its manifest.json, so the schema tool does not apply it\n` +
        // A named file's context is its own folder here (versioned/ is not named like a migrations folder).
        'migralint: note: unknown-object was off: the migrations replayed do not look like a whole history (the first migrations change "executions_visibility", which they do not create)\n',
    );
  });
});

describe("drizzle-kit's journal (meta/_journal.json) names the migrations its migrator applies", () => {
  const journal = (tags: string[]) =>
    JSON.stringify({ version: '7', dialect: 'postgresql', entries: tags.map((tag, idx) => ({ idx, version: '7', when: 1746693478656 + idx, tag, breakpoints: true })) }, null, 2) + '\n';
  const setup =
    'CREATE TABLE "board" (\n\t"id" bigserial PRIMARY KEY NOT NULL,\n\t"name" varchar(255) NOT NULL\n);\n--> statement-breakpoint\nCREATE TABLE "card" (\n\t"id" bigserial PRIMARY KEY NOT NULL,\n\t"title" varchar(255) NOT NULL,\n\t"listId" bigint NOT NULL\n);\n';

  test('migrations named with a timestamp (migrations.prefix "timestamp") run in the migrator\'s transaction too', async () => {
    const migrations = 'packages/db/migrations';
    const cwd = tempProject({
      [`${migrations}/meta/_journal.json`]: journal(['20250508083758_SetupTables', '20251001220136_AddFuzzySearchSupport']),
      [`${migrations}/20250508083758_SetupTables.sql`]: setup,
      [`${migrations}/20251001220136_AddFuzzySearchSupport.sql`]:
        'CREATE EXTENSION IF NOT EXISTS pg_trgm; --> statement-breakpoint\nCREATE INDEX CONCURRENTLY IF NOT EXISTS boards_name_trgm_idx ON board USING gin (name gin_trgm_ops);\n--> statement-breakpoint\nCREATE INDEX IF NOT EXISTS cards_title_trgm_idx ON card USING gin (title gin_trgm_ops);\n',
    });
    // The runner is known from the file's folder, resolved as the CLI process resolves it: from its own cwd.
    const before = process.cwd();
    process.chdir(cwd);
    const { stdout, stderr } = await runCli([migrations, '--format', 'json', '--verbose'], { cwd }).finally(() => process.chdir(before));
    const report = JSON.parse(stdout) as JsonReport & { findings: Array<{ suggestion?: { steps: Array<{ migration: string; code: string }> } }> };
    expect(report.findings.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '20251001220136_AddFuzzySearchSupport.sql:2:1 ban-concurrent-index-creation-in-transaction',
      '20251001220136_AddFuzzySearchSupport.sql:4:1 require-concurrent-index-creation',
      '20251001220136_AddFuzzySearchSupport.sql:4:1 require-lock-timeout',
    ]);
    // The index is built apart from the migrator, not with CONCURRENTLY in this file (where it would fail).
    const steps = report.findings[1].suggestion?.steps ?? [];
    expect(steps.map((step) => step.migration)).toEqual(['next']);
    expect(steps[0].code).toContain("drizzle's migrator applies its migrations in one transaction");
    expect(stderr).toBe('');
  });

  test('a .sql file the journal does not list is not applied: skipped with a note, named or found in the folder', async () => {
    const migrations = 'packages/db/migrations';
    const cwd = tempProject({
      [`${migrations}/meta/_journal.json`]: journal(['0000_careless_black_knight', '0001_amusing_iron_lad']),
      [`${migrations}/0000_careless_black_knight.sql`]: 'CREATE TABLE "user_stats" (\n\t"id" text PRIMARY KEY NOT NULL,\n\t"user_id" text NOT NULL,\n\t"total_cost" numeric DEFAULT \'0\' NOT NULL\n);\n',
      [`${migrations}/0001_amusing_iron_lad.sql`]: 'ALTER TABLE "user_stats" ADD COLUMN "total_tokens_used" integer DEFAULT 0 NOT NULL;',
      // A script kept beside the migrations, never added to the journal.
      [`${migrations}/0001_backfill_user_stats.sql`]: 'ALTER TABLE "user_stats" DROP COLUMN "total_cost";\n',
    });
    const note = `migralint: note: skipped ${migrations}/0001_backfill_user_stats.sql: not in drizzle-kit's meta/_journal.json, so drizzle's migrator does not apply it\n`;
    const folderRun = await runCli([migrations, '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(folderRun.stdout) as JsonReport;
    expect(report.files.map((file) => file.file.split('/').pop())).toEqual(['0000_careless_black_knight.sql', '0001_amusing_iron_lad.sql']);
    expect(report.findings.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.rule}`)).toEqual(['0001_amusing_iron_lad.sql:1:1 require-lock-timeout']);
    expect(folderRun.stderr).toBe(note);
    const named = await runCli([`${migrations}/0001_backfill_user_stats.sql`, '--format', 'json', '--verbose'], { cwd });
    expect((JSON.parse(named.stdout) as JsonReport).findings).toEqual([]);
    expect(named.stderr).toBe(note);
  });
});

describe('migrations kept for another database beside the PostgreSQL ones', () => {
  // What a file is for is known from its folder, resolved as the CLI process resolves it: from its own cwd.
  const inProject = async (cwd: string, args: string[]) => {
    const before = process.cwd();
    process.chdir(cwd);
    return runCli(args, { cwd }).finally(() => process.chdir(before));
  };
  const drizzleJournal = (dialect: string, tags: string[]) =>
    JSON.stringify({ version: '7', dialect, entries: tags.map((tag, idx) => ({ idx, version: '7', when: 1754853510707 + idx, tag, breakpoints: true })) }, null, 2) + '\n';

  test('drizzle-kit folders for mysql and sqlite beside the postgresql one: only the PostgreSQL migrations are linted', async () => {
    const migrations = 'packages/db/migrations';
    const cwd = tempProject({
      [`${migrations}/postgresql/meta/_journal.json`]: drizzleJournal('postgresql', ['0000_initial', '0001_drop_board_icon']),
      [`${migrations}/postgresql/0000_initial.sql`]: 'CREATE TABLE "board" (\n\t"id" varchar(64) PRIMARY KEY NOT NULL,\n\t"name" varchar(256) NOT NULL,\n\t"icon" text\n);\n',
      [`${migrations}/postgresql/0001_drop_board_icon.sql`]: 'ALTER TABLE "board" DROP COLUMN "icon";',
      [`${migrations}/mysql/meta/_journal.json`]: drizzleJournal('mysql', ['0000_initial', '0001_drop_board_icon']),
      [`${migrations}/mysql/0000_initial.sql`]: 'CREATE TABLE `board` (\n\t`id` varchar(64) NOT NULL,\n\t`name` varchar(256) NOT NULL,\n\t`icon` text,\n\tCONSTRAINT `board_id` PRIMARY KEY(`id`)\n);\n',
      [`${migrations}/mysql/0001_drop_board_icon.sql`]: 'ALTER TABLE `board` DROP COLUMN `icon`;',
      [`${migrations}/sqlite/meta/_journal.json`]: drizzleJournal('sqlite', ['0000_initial', '0001_drop_board_icon']),
      [`${migrations}/sqlite/0000_initial.sql`]: 'CREATE TABLE `board` (\n\t`id` text PRIMARY KEY NOT NULL,\n\t`name` text NOT NULL,\n\t`icon` text\n);\n',
      [`${migrations}/sqlite/0001_drop_board_icon.sql`]: 'ALTER TABLE `board` DROP COLUMN `icon`;',
      // The same layout under a name that says nothing: the journal's dialect does.
      'drizzle-legacy/meta/_journal.json': drizzleJournal('mysql', ['0000_board_color']),
      'drizzle-legacy/0000_board_color.sql': 'ALTER TABLE board ADD color varchar(7) NOT NULL;',
    });
    const { code, stdout, stderr } = await inProject(cwd, [migrations, 'drizzle-legacy', '--format', 'json', '--verbose']);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((file) => file.file)).toEqual([`${migrations}/postgresql/0000_initial.sql`, `${migrations}/postgresql/0001_drop_board_icon.sql`]);
    expect(report.findings.map((f) => `${f.file.split('/').slice(-2).join('/')}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      'postgresql/0001_drop_board_icon.sql:1:1 ban-drop-column',
      'postgresql/0001_drop_board_icon.sql:1:1 require-lock-timeout',
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      "migralint: note: skipped drizzle-legacy/0000_board_color.sql: SQL for mysql (the dialect of drizzle-kit's meta/_journal.json), not PostgreSQL\n" +
        `migralint: note: skipped ${migrations}/mysql/0000_initial.sql: SQL for mysql (by its folder mysql/), not PostgreSQL\n` +
        `migralint: note: skipped ${migrations}/mysql/0001_drop_board_icon.sql: SQL for mysql (by its folder mysql/), not PostgreSQL\n` +
        `migralint: note: skipped ${migrations}/sqlite/0000_initial.sql: SQL for sqlite (by its folder sqlite/), not PostgreSQL\n` +
        `migralint: note: skipped ${migrations}/sqlite/0001_drop_board_icon.sql: SQL for sqlite (by its folder sqlite/), not PostgreSQL\n`,
    );
  });

  test('ClickHouse migrations beside Prisma\'s: a run with no path and init leave them out, and a run pointed at them reports nothing', async () => {
    const clickhouse = 'packages/shared/clickhouse/migrations';
    const cwd = tempProject({
      'packages/shared/prisma/migrations/20240301120000_init/migration.sql': 'CREATE TABLE "page_views" (\n    "id" TEXT NOT NULL,\n    "referrer" TEXT,\n    CONSTRAINT "page_views_pkey" PRIMARY KEY ("id")\n);\n',
      'packages/shared/prisma/migrations/20240415090000_drop_referrer/migration.sql': 'ALTER TABLE "page_views" DROP COLUMN "referrer";\n',
      'packages/shared/prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      [`${clickhouse}/clustered/0001_page_views.up.sql`]:
        'CREATE TABLE IF NOT EXISTS page_views ON CLUSTER default (\n    `id` String,\n    `project_id` String,\n    `viewed_at` DateTime64(3),\n    INDEX idx_id id TYPE bloom_filter(0.001) GRANULARITY 1\n) ENGINE = ReplicatedReplacingMergeTree(viewed_at)\nPARTITION BY toYYYYMM(viewed_at)\nORDER BY (project_id, id);\n',
      [`${clickhouse}/clustered/0001_page_views.down.sql`]: 'DROP TABLE IF EXISTS page_views ON CLUSTER default;\n',
      // ClickHouse SQL that PostgreSQL's parser also reads, as a column dropped.
      [`${clickhouse}/unclustered/0002_drop_referrer.up.sql`]: 'ALTER TABLE page_views DROP COLUMN referrer;\n',
    });
    const pointed = await inProject(cwd, [clickhouse, '--format', 'json', '--verbose']);
    expect(JSON.parse(pointed.stdout)).toMatchObject({ files: [], findings: [] });
    expect(pointed.code).toBe(0);
    expect(pointed.stderr).toBe(
      `migralint: note: skipped ${clickhouse}/clustered/0001_page_views.down.sql: SQL for clickhouse (by its folder clickhouse/), not PostgreSQL\n` +
        `migralint: note: skipped ${clickhouse}/clustered/0001_page_views.up.sql: SQL for clickhouse (by its folder clickhouse/), not PostgreSQL\n` +
        `migralint: note: skipped ${clickhouse}/unclustered/0002_drop_referrer.up.sql: SQL for clickhouse (by its folder clickhouse/), not PostgreSQL\n`,
    );
    const noPath = await inProject(cwd, ['--format', 'json']);
    expect((JSON.parse(noPath.stdout) as JsonReport).findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'packages/shared/prisma/migrations/20240415090000_drop_referrer/migration.sql:1 ban-drop-column',
      'packages/shared/prisma/migrations/20240415090000_drop_referrer/migration.sql:1 require-lock-timeout',
    ]);
    expect(noPath.stderr).toBe(
      'migralint: note: no "include" in a config and none of the usual folders here; linting the migrations folders found: packages/shared/prisma/migrations (migralint init writes a config that names them)\n',
    );
    const init = await inProject(cwd, ['init']);
    expect(init.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'migralint.config.json'), 'utf8'))).toMatchObject({ include: ['packages/shared/prisma/migrations/**/*.sql'] });
  });

  test('TypeORM migrations in migrations/mysql and migrations/sqlite are skipped with a note', async () => {
    const cwd = tempProject({
      'packages/auth/migrations/mysql/1606470249553-init_database.ts':
        "import { MigrationInterface, QueryRunner } from 'typeorm'\n\nexport class InitDatabase1606470249553 implements MigrationInterface {\n  name = 'InitDatabase1606470249553'\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(\n      'CREATE TABLE `sessions` (`uuid` varchar(36) NOT NULL, `user_uuid` varchar(255) NOT NULL, PRIMARY KEY (`uuid`)) ENGINE=InnoDB',\n    )\n    await queryRunner.query('CREATE INDEX `index_sessions_on_user_uuid` ON `sessions` (`user_uuid`)')\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('DROP TABLE `sessions`')\n  }\n}\n",
      'packages/auth/migrations/sqlite/1678340701766-init_sqlite.ts':
        "import { MigrationInterface, QueryRunner } from 'typeorm'\n\nexport class InitSqlite1678340701766 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('CREATE TABLE \"sessions\" (\"uuid\" varchar PRIMARY KEY NOT NULL, \"user_uuid\" varchar(255) NOT NULL)')\n    await queryRunner.query('CREATE INDEX \"index_sessions_on_user_uuid\" ON \"sessions\" (\"user_uuid\") ')\n  }\n\n  public async down(): Promise<void> {\n    return\n  }\n}\n",
    });
    const { code, stdout, stderr } = await inProject(cwd, ['packages/auth/migrations', '--format', 'json', '--verbose']);
    expect(JSON.parse(stdout)).toMatchObject({ files: [], findings: [] });
    expect(code).toBe(0);
    expect(stderr).toBe(
      'migralint: note: skipped packages/auth/migrations/mysql/1606470249553-init_database.ts: SQL for mysql (by its folder mysql/), not PostgreSQL\n' +
        'migralint: note: skipped packages/auth/migrations/sqlite/1678340701766-init_sqlite.ts: SQL for sqlite (by its folder sqlite/), not PostgreSQL\n',
    );
  });
});

describe('TypeORM migrations generated for MySQL, in a folder that does not say so', () => {
  test('a migration whose queries quote names with backticks is skipped with a note; one generated for PostgreSQL is linted', async () => {
    const cwd = tempProject({
      'packages/analytics/migrations/1667568051894-add_email_to_analytics_entity.ts':
        "import { MigrationInterface, QueryRunner } from 'typeorm'\n\nexport class AddEmailToAnalyticsEntity1667568051894 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE `analytics_entities` ADD `user_email` varchar(255) NULL')\n    await queryRunner.query('CREATE INDEX `email` ON `analytics_entities` (`user_email`)')\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('DROP INDEX `email` ON `analytics_entities`')\n  }\n}\n",
      'packages/billing/migrations/1667568051999-add_email_to_invoices.ts':
        "import { MigrationInterface, QueryRunner } from 'typeorm'\n\nexport class AddEmailToInvoices1667568051999 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"invoices\" ADD \"user_email\" character varying(255)`)\n    await queryRunner.query(`CREATE INDEX \"IDX_invoices_email\" ON \"invoices\" (\"user_email\") `)\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP INDEX \"public\".\"IDX_invoices_email\"`)\n  }\n}\n",
    });
    const { stdout, stderr } = await runCli(['packages/analytics/migrations', 'packages/billing/migrations', '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.findings.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '1667568051999-add_email_to_invoices.ts:5:30 require-lock-timeout',
      '1667568051999-add_email_to_invoices.ts:6:30 require-concurrent-index-creation',
    ]);
    expect(stderr).toContain(
      'migralint: note: skipped packages/analytics/migrations/1667568051894-add_email_to_analytics_entity.ts: SQL for mysql or mariadb (its queries quote names with backticks), not PostgreSQL\n',
    );
  });
});

describe('db-migrate migrations (exports.up = function (db, callback))', () => {
  test('each one that sends something gets one unanalyzed-code warning at its first call on db, instead of being skipped in silence', async () => {
    const cwd = tempProject({
      'src/migrations/20141020151056-initial-schema.js':
        "'use strict';\n\nexports.up = function (db, callback) {\n    db.runSql(\n        `\nCREATE TABLE strategies (\n  created_at timestamp default now(),\n  name varchar(255) PRIMARY KEY NOT NULL\n);\n       `,\n        callback,\n    );\n};\n\nexports.down = function (db, callback) {\n    db.runSql('DROP TABLE strategies;', callback);\n};\n",
      'src/migrations/20161205203516-create-client-applications.js':
        "'use strict';\n\nexports.up = (db, cb) => {\n    db.createTable(\n        'client_applications',\n        { app_name: { type: 'string', length: 255, primaryKey: true, notNull: true } },\n        cb,\n    );\n};\n\nexports.down = (db, cb) => db.dropTable('client_applications', cb);\n",
      'src/migrations/20200102184820-create-context-fields.js':
        "'use strict';\n\nconst async = require('async');\n\nexports.up = function (db, cb) {\n    async.series(\n        [\n            db.createTable.bind(db, 'context_fields', { name: { type: 'string', length: 255, primaryKey: true } }),\n            db.runSql.bind(db, 'CREATE INDEX context_fields_name_idx ON context_fields (name);'),\n        ],\n        cb,\n    );\n};\n",
      'src/migrations/20210920104218-rename-global-env.js':
        "'use strict';\n\nconst up = function (db, cb) {\n    db.runSql(`ALTER TABLE feature_strategies ALTER COLUMN environment SET DEFAULT 'default';`, cb);\n};\n\nconst down = function (db, cb) {\n    db.runSql(`ALTER TABLE feature_strategies ALTER COLUMN environment DROP DEFAULT;`, cb);\n};\n\nmodule.exports = { up, down };\n",
      'src/migrations/20250211114205-noop.js': 'exports.up = (db, cb) => {\n    cb();\n};\n\nexports.down = (db, cb) => {\n    db.runSql(`SELECT 1;`, cb);\n};\n',
      'src/migrations/package.json': '{ "type": "commonjs" }\n',
    });
    const { code, stdout, stderr } = await runCli(['src/migrations', '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.findings.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '20141020151056-initial-schema.js:4:5 unanalyzed-code',
      '20161205203516-create-client-applications.js:4:5 unanalyzed-code',
      '20200102184820-create-context-fields.js:8:13 unanalyzed-code',
      '20210920104218-rename-global-env.js:4:5 unanalyzed-code',
    ]);
    expect(report.findings[0].message).toBe(
      "This is a db-migrate migration: migralint does not read db-migrate's db.runSql() and the other calls of its up(), so what it changes was not checked.",
    );
    expect(code).toBe(0);
    expect(stderr).toBe(
      'migralint: note: skipped src/migrations/20250211114205-noop.js: not a SQL, Knex or TypeORM migration\n' +
        'migralint: note: unknown-object was off: the migrations replayed do not look like a whole history (src/migrations/20141020151056-initial-schema.js could not be read whole)\n',
    );
  });
});
