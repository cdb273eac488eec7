import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSqlParser } from '../../src/frontends/sql';
import { findingKeys, lintSql } from '../helpers';
import { keys, lintFile } from './lint-file';

beforeAll(loadSqlParser);

/** Writes files under a fresh folder and returns its path. */
function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-runners-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const INDEX = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS crates_updated_at_idx ON crates (updated_at);\n';

describe('diesel runs each up.sql in a transaction', () => {
  test('CREATE INDEX CONCURRENTLY in an up.sql fails at deploy: reported', () => {
    const root = project({ 'migrations/2024-03-05-120032_add_crates_index/up.sql': INDEX });
    const file = path.join(root, 'migrations/2024-03-05-120032_add_crates_index/up.sql');
    expect(findingKeys(lintSql(INDEX, {}, file))).toEqual(['ban-concurrent-index-creation-in-transaction@1:1']);
  });

  test('unless metadata.toml says run_in_transaction = false', () => {
    const root = project({
      'migrations/2024-05-27-142004_add_versions_index/up.sql': INDEX,
      'migrations/2024-05-27-142004_add_versions_index/metadata.toml': 'run_in_transaction = false\n',
    });
    const file = path.join(root, 'migrations/2024-05-27-142004_add_versions_index/up.sql');
    expect(findingKeys(lintSql(INDEX, {}, file))).toEqual([]);
  });

  test('with run_in_transaction = false diesel sends the up.sql as one query: beside another statement, CONCURRENTLY is in a transaction again', () => {
    const sql = `SET lock_timeout = '2s';\n${INDEX}`;
    const root = project({
      'migrations/2024-05-27-142004_add_versions_index/up.sql': sql,
      'migrations/2024-05-27-142004_add_versions_index/metadata.toml': 'run_in_transaction = false\n',
    });
    const file = path.join(root, 'migrations/2024-05-27-142004_add_versions_index/up.sql');
    expect(findingKeys(lintSql(sql, {}, file))).toEqual(['ban-concurrent-index-creation-in-transaction@2:1']);
  });

  test('a BEGIN in an up.sql nests in diesel\'s transaction', () => {
    const sql = "BEGIN;\nALTER TABLE crates ADD COLUMN trustpub_only boolean NOT NULL DEFAULT false;\nCOMMIT;\n";
    expect(findingKeys(lintSql(sql, {}, 'migrations/2025-01-01-000000_trustpub/up.sql'))).toEqual(['transaction-nesting@1:1', 'require-lock-timeout@2:1']);
  });
});

describe('flyway runs each versioned migration in a transaction, unless it holds a statement that cannot run in one', () => {
  test('validating in the migration that added the constraint NOT VALID keeps the ACCESS EXCLUSIVE lock', () => {
    const sql = "SET lock_timeout = '2s';\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\n";
    expect(findingKeys(lintSql(sql, {}, 'db/migration/V7__orders_total_check.sql'))).toEqual(['constraint-missing-not-valid@3:1']);
  });

  test('a baseline migration (B<version>__) runs in a transaction too: a BEGIN in it nests (hawkbit)', () => {
    const sql = 'BEGIN;\nCREATE TABLE sp_target_conf_status (id bigint PRIMARY KEY, target bigint NOT NULL);\nCOMMIT;\n';
    expect(findingKeys(lintSql(sql, {}, 'db/migration/POSTGRESQL/B1_20_0__1.0.0_baseline__POSTGRESQL.sql'))).toEqual(['transaction-nesting@1:1']);
  });

  test('a migration with CREATE INDEX CONCURRENTLY runs outside a transaction', () => {
    expect(findingKeys(lintSql(INDEX, {}, 'db/migration/V8__crates_updated_at_index.sql'))).toEqual([]);
  });
});

describe('sqlx runs each migration of a crate that depends on it in a transaction, unless the file begins with -- no-transaction', () => {
  const CARGO = '[package]\nname = "atuin-server-postgres"\n\n[dependencies]\nsqlx = { workspace = true }\n';
  const file = (files: Record<string, string>, name: string) => path.join(project(files), name);

  test('CREATE INDEX CONCURRENTLY alone in a <version>_<name>.sql fails in sqlx\'s transaction: reported', () => {
    const name = 'crates/atuin-server-postgres/migrations/20240702094825_idx_cache_index.sql';
    expect(findingKeys(lintSql(INDEX, {}, file({ 'crates/atuin-server-postgres/Cargo.toml': CARGO, [name]: INDEX }, name)))).toEqual(['ban-concurrent-index-creation-in-transaction@1:1']);
  });

  test('and in a reversible *.up.sql, where the crate takes sqlx from its workspace', () => {
    const name = 'backend/migrations/20230831210028_add_q_index.up.sql';
    const cargo = '[workspace]\nmembers = ["windmill-api"]\n\n[workspace.dependencies.sqlx]\nversion = "0.8"\n';
    expect(findingKeys(lintSql(INDEX, {}, file({ 'backend/Cargo.toml': cargo, [name]: INDEX }, name)))).toEqual(['ban-concurrent-index-creation-in-transaction@1:1']);
  });

  test('-- no-transaction as its first line runs it without one; sent as one query, it still fails beside another statement', () => {
    const name = 'migrations/20240702094825_idx_cache_index.sql';
    const alone = `-- no-transaction\n${INDEX}`;
    expect(findingKeys(lintSql(alone, {}, file({ 'Cargo.toml': CARGO, [name]: alone }, name)))).toEqual([]);
    const beside = `-- no-transaction\nSET lock_timeout = '2s';\n${INDEX}`;
    expect(findingKeys(lintSql(beside, {}, file({ 'Cargo.toml': CARGO, [name]: beside }, name)))).toEqual(['ban-concurrent-index-creation-in-transaction@3:1']);
  });

  test('a crate without sqlx, or no crate, keeps what the name says: a <version>_<name>.sql runs as it is', () => {
    const name = 'migrations/20240702094825_idx_cache_index.sql';
    expect(findingKeys(lintSql(INDEX, {}, file({ 'Cargo.toml': '[dependencies]\nrefinery = "0.8"\n', [name]: INDEX }, name)))).toEqual([]);
    expect(findingKeys(lintSql(INDEX, {}, file({ [name]: INDEX }, name)))).toEqual([]);
  });
});

describe("dbmate's transaction:false sends the up section as one query", () => {
  const NOTE = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);\n';

  test('alone in it, CREATE INDEX CONCURRENTLY runs outside a transaction', () => {
    const sql = `-- migrate:up transaction:false\n${NOTE}\n-- migrate:down\nDROP INDEX orders_note_idx;\n`;
    expect(findingKeys(lintSql(sql, {}, 'db/migrations/20240301000000_orders_note_idx.sql'))).toEqual([]);
  });

  test('beside another statement, PostgreSQL runs the query as one transaction: reported (the down section does not count)', () => {
    const sql = `-- migrate:up transaction:false\nSET lock_timeout = '2s';\n${NOTE}\n-- migrate:down\nDROP INDEX orders_note_idx;\n`;
    expect(findingKeys(lintSql(sql, {}, 'db/migrations/20240301000000_orders_note_idx.sql'))).toEqual(['ban-concurrent-index-creation-in-transaction@3:1']);
  });

  test("goose's NO TRANSACTION runs each statement on its own: not reported", () => {
    const sql = `-- +goose NO TRANSACTION\n-- +goose Up\nSET lock_timeout = '2s';\n${NOTE}`;
    expect(findingKeys(lintSql(sql, {}, 'db/migrations/20240301000000_orders_note_idx.sql'))).toEqual([]);
  });
});

describe("ory/pop runs each up migration of a Go module that requires it in a transaction, unless its name says .autocommit.", () => {
  const GO_MOD = 'module github.com/acme/authd\n\ngo 1.24\n\nrequire (\n\tgithub.com/gofrs/uuid v4.4.0+incompatible\n\tgithub.com/ory/pop/v6 v6.4.2\n)\n';
  const SESSIONS = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS authd_sessions_subject_idx ON authd_sessions (nid, subject);\n';
  const file = (files: Record<string, string>, name: string) => path.join(project(files), name);

  test('CREATE INDEX CONCURRENTLY alone in a <version>_<name>.postgres.up.sql fails in pop\'s transaction: reported', () => {
    const name = 'persistence/sql/migrations/20250301000000000000_sessions_subject.postgres.up.sql';
    expect(findingKeys(lintSql(SESSIONS, {}, file({ 'go.mod': GO_MOD, [name]: SESSIONS }, name)))).toEqual(['ban-concurrent-index-creation-in-transaction@1:1']);
  });

  test('and in one written for every database; a BEGIN there nests in pop\'s transaction', () => {
    const name = 'persistence/sql/migrations/20250301000000000000_sessions_subject.up.sql';
    expect(findingKeys(lintSql(SESSIONS, {}, file({ 'go.mod': GO_MOD, [name]: SESSIONS }, name)))).toEqual(['ban-concurrent-index-creation-in-transaction@1:1']);
    const wrapped = 'BEGIN;\nALTER TABLE authd_sessions ADD COLUMN expires_at timestamp NULL;\nCOMMIT;\n';
    expect(findingKeys(lintSql(wrapped, {}, file({ 'go.mod': GO_MOD, [name]: wrapped }, name)))).toEqual(['transaction-nesting@1:1', 'require-lock-timeout@2:1']);
  });

  test('an .autocommit. file runs without it, sent as one query: alone it passes, beside another statement it fails', () => {
    const name = 'persistence/sql/migrations/20250301000000000000_sessions_subject.postgres.autocommit.up.sql';
    expect(findingKeys(lintSql(SESSIONS, {}, file({ 'go.mod': GO_MOD, [name]: SESSIONS }, name)))).toEqual([]);
    const beside = `DROP INDEX IF EXISTS authd_sessions_nid_idx;\n${SESSIONS}`;
    expect(findingKeys(lintSql(beside, {}, file({ 'go.mod': GO_MOD, [name]: beside }, name)))).toEqual(['require-concurrent-index-deletion@1:1', 'require-lock-timeout@1:1', 'ban-concurrent-index-creation-in-transaction@2:1']);
  });

  test('a module that requires pop only indirectly, or none, keeps what the name says: golang-migrate sends the file as it is', () => {
    const name = 'migrations/20250301000000000000_sessions_subject.up.sql';
    const indirect = 'module github.com/acme/authd\n\ngo 1.24\n\nrequire github.com/ory/pop/v6 v6.4.2 // indirect\n';
    expect(findingKeys(lintSql(SESSIONS, {}, file({ 'go.mod': indirect, [name]: SESSIONS }, name)))).toEqual([]);
    expect(findingKeys(lintSql(SESSIONS, {}, file({ [name]: SESSIONS }, name)))).toEqual([]);
  });
});

describe('postgres-migrations runs each file of a package that depends on it in a transaction, unless the file says disable-transaction', () => {
  const PACKAGE = '{\n  "name": "files-api",\n  "dependencies": {\n    "pg": "^8.11.0",\n    "postgres-migrations": "^5.3.0"\n  }\n}\n';
  const OBJECTS = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS objects_bucket_name_idx ON files.objects (bucket_id, name);\n';
  const file = (files: Record<string, string>, name: string) => path.join(project(files), name);

  test('CREATE INDEX CONCURRENTLY in a 0042-name.sql fails in its transaction: reported', () => {
    const name = 'migrations/tenant/0042-objects-bucket-name-index.sql';
    expect(findingKeys(lintSql(OBJECTS, {}, file({ 'package.json': PACKAGE, [name]: OBJECTS }, name)))).toEqual(['ban-concurrent-index-creation-in-transaction@1:1']);
  });

  test('the marker, on any line, runs the file without one, sent as one query: alone it passes, beside another statement it fails', () => {
    const name = 'migrations/tenant/0042-objects-bucket-name-index.sql';
    const alone = `-- builds the index without blocking uploads\n-- postgres-migrations disable-transaction\n${OBJECTS}`;
    expect(findingKeys(lintSql(alone, {}, file({ 'package.json': PACKAGE, [name]: alone }, name)))).toEqual([]);
    const beside = `-- postgres-migrations disable-transaction\nSET lock_timeout = '2s';\n${OBJECTS}`;
    expect(findingKeys(lintSql(beside, {}, file({ 'package.json': PACKAGE, [name]: beside }, name)))).toEqual(['ban-concurrent-index-creation-in-transaction@3:1']);
  });

  test('a package without it keeps what the name says: the file runs as it is', () => {
    const name = 'migrations/tenant/0042-objects-bucket-name-index.sql';
    const other = '{\n  "name": "files-api",\n  "dependencies": { "pg": "^8.11.0" }\n}\n';
    expect(findingKeys(lintSql(OBJECTS, {}, file({ 'package.json': other, [name]: OBJECTS }, name)))).toEqual([]);
  });
});

describe('synapse applies the schema deltas of an upgrade in one transaction', () => {
  const REBUILD = 'CREATE TABLE IF NOT EXISTS new_server_keys_json (\n    server_name TEXT NOT NULL,\n    key_id TEXT NOT NULL,\n    key_json bytea NOT NULL,\n    CONSTRAINT server_keys_json_uniqueness UNIQUE (server_name, key_id)\n);\n\nINSERT INTO new_server_keys_json\n    SELECT server_name, key_id, key_json FROM server_keys_json;\n\nDROP TABLE server_keys_json;\n\nALTER TABLE new_server_keys_json RENAME TO server_keys_json;\n';

  test('a table rebuilt and renamed into place is swapped at commit: the drop is not reported, the lock it waits for is', () => {
    expect(findingKeys(lintSql(REBUILD, {}, 'synapse/storage/schema/main/delta/18/server_keys_bigger_ints.sql'))).toEqual(['require-lock-timeout@11:1']);
  });

  test('the same in a delta written for PostgreSQL only (*.sql.postgres)', () => {
    expect(findingKeys(lintSql(REBUILD, {}, 'synapse/storage/schema/main/delta/52/server_keys.sql.postgres'))).toEqual(['require-lock-timeout@11:1']);
  });

  test('CONCURRENTLY cannot run in it: reported', () => {
    expect(findingKeys(lintSql(INDEX, {}, 'synapse/storage/schema/main/delta/92/01_crates_updated_at.sql'))).toEqual(['ban-concurrent-index-creation-in-transaction@1:1']);
  });
});

describe("drizzle's migrator applies every pending migration in one transaction", () => {
  const JOURNAL = '{\n  "version": "7",\n  "dialect": "postgresql",\n  "entries": [\n    { "idx": 0, "version": "7", "when": 1736548699659, "tag": "0000_lethal_trish_tilby", "breakpoints": true }\n  ]\n}\n';
  const name = 'packages/backend-lib/drizzle/0003_hesitant_lionheart.sql';
  const concurrently = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "Workspace_parentWorkspaceId_idx" ON "Workspace" USING btree ("parentWorkspaceId");--> statement-breakpoint\n';

  test('a NNNN_name.sql beside meta/_journal.json: CONCURRENTLY cannot run in it (reported), and a BEGIN nests (dittofeed)', () => {
    const folder = project({ 'packages/backend-lib/drizzle/meta/_journal.json': JOURNAL, [name]: concurrently });
    expect(findingKeys(lintSql(concurrently, {}, path.join(folder, name)))).toEqual(['ban-concurrent-index-creation-in-transaction@1:1']);
    const wrapped = 'BEGIN;\n\nDROP INDEX "Workspace_name_key";--> statement-breakpoint\nALTER TABLE "Workspace" ADD COLUMN "parentWorkspaceId" uuid;\n\nCOMMIT;\n';
    expect(findingKeys(lintSql(wrapped, {}, path.join(folder, name)))).toEqual(['transaction-nesting@1:1', 'require-concurrent-index-deletion@3:1', 'require-lock-timeout@3:1']);
  });

  test("a COMMIT of the file's own ends the migrator's transaction: reported, and a CONCURRENTLY statement after it runs (sim)", () => {
    const file = 'packages/db/migrations/0271_usage_log_billing_period_cost_idx.sql';
    const folder = project({ 'packages/db/migrations/meta/_journal.json': JOURNAL.replace('0000_lethal_trish_tilby', '0271_usage_log_billing_period_cost_idx'), [file]: '' });
    const sql =
      '-- Replay-safety: a single CONCURRENTLY index build below an embedded COMMIT.\nCOMMIT;--> statement-breakpoint\nSET lock_timeout = 0;--> statement-breakpoint\n' +
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "usage_log_billing_period_cost_idx" ON "usage_log" USING btree ("billing_entity_type","billing_entity_id","cost");--> statement-breakpoint\n' +
      "SET lock_timeout = '5s';\n";
    expect(findingKeys(lintSql(sql, {}, path.join(folder, file)))).toEqual(['transaction-nesting@2:1']);
    // Without the COMMIT, the same build is in the migrator's transaction.
    expect(findingKeys(lintSql(sql.replace('COMMIT;', ''), {}, path.join(folder, file)))).toEqual(['ban-concurrent-index-creation-in-transaction@4:1']);
  });

  test('the same file without a journal beside it runs as it is', () => {
    const folder = project({ [name]: concurrently });
    expect(findingKeys(lintSql(concurrently, {}, path.join(folder, name)))).toEqual([]);
  });
});

describe('golang-migrate and Prisma send a file as one query: several statements are one transaction', () => {
  const multi = `SET lock_timeout = '2s';\n${INDEX}`;

  test('CONCURRENTLY with another statement in a *.up.sql is rejected by PostgreSQL: reported, with the fix for that runner', () => {
    const result = lintSql(multi, {}, 'db/migrations/000042_crates_updated_at.up.sql');
    expect(findingKeys(result)).toEqual(['ban-concurrent-index-creation-in-transaction@2:1']);
    expect(result.findings[0].message).toContain('is sent in one query with the other statements of this file');
    expect(result.findings[0].help).toContain('x-multi-statement=true');
  });

  test('alone in its file it runs', () => {
    expect(findingKeys(lintSql(INDEX, {}, 'db/migrations/000042_crates_updated_at.up.sql'))).toEqual([]);
  });

  test('a BEGIN … COMMIT in such a file is the usual way to write it, not nesting', () => {
    const sql = "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE crates ADD COLUMN note text;\nCOMMIT;\n";
    expect(findingKeys(lintSql(sql, {}, 'db/migrations/000043_crates_note.up.sql'))).toEqual([]);
  });

  test('Prisma: a migration.sql in its timestamped folder', () => {
    const file = 'prisma/migrations/20240101000000_crates_updated_at/migration.sql';
    expect(findingKeys(lintSql(multi, {}, file))).toEqual(['ban-concurrent-index-creation-in-transaction@2:1']);
    expect(findingKeys(lintSql(INDEX, {}, file))).toEqual([]);
  });

  test('Prisma: a migration.sql in a folder of migrations/ named without a timestamp (umami: 05_add_visit_id)', () => {
    const file = 'prisma/migrations/05_add_visit_id/migration.sql';
    expect(findingKeys(lintSql(multi, {}, file))).toEqual(['ban-concurrent-index-creation-in-transaction@2:1']);
    expect(findingKeys(lintSql(INDEX, {}, file))).toEqual([]);
  });
});

describe("a migration that ends the runner's transaction to run a statement outside it", () => {
  test('TypeORM: COMMIT, VACUUM, BEGIN: the COMMIT is reported; the BEGIN reopens the transaction the runner commits (spacebar)', () => {
    const source = `import { MigrationInterface, QueryRunner } from "typeorm";

export class InstanceBansIndexes1772404321404 implements MigrationInterface {
    name = "InstanceBansIndexes1772404321404";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(\`ALTER TABLE instance_bans ADD note text;\`);
        // escape the transaction for a sec...
        await queryRunner.query(\`COMMIT;\`);
        await queryRunner.query(\`VACUUM (ANALYZE) instance_bans;\`);
        await queryRunner.query(\`BEGIN;\`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {}
}
`;
    const result = lintFile(source, 'src/database/migration/postgres/1772404321404-InstanceBansIndexes.ts');
    expect(keys(result)).toEqual(['transaction-nesting@9:34']);
  });

  test('Knex: CREATE INDEX CONCURRENTLY between the COMMIT and the BEGIN runs outside a transaction; a second BEGIN nests', () => {
    const source = `exports.up = async (knex) => {
  await knex.raw('COMMIT');
  await knex.raw('CREATE INDEX CONCURRENTLY events_created_at ON events (created_at)');
  await knex.raw('BEGIN');
  await knex.raw('CREATE INDEX CONCURRENTLY events_kind ON events (kind)');
  await knex.raw('BEGIN');
};
`;
    const result = lintFile(source, 'migrations/20240101000000_events_indexes.js');
    expect(keys(result)).toEqual(['transaction-nesting@2:19', 'ban-concurrent-index-creation-in-transaction@5:19', 'ban-uncommitted-transaction@6:19', 'transaction-nesting@6:19']);
  });
});
