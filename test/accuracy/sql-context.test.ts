import { SchemaReplay } from '../../src/schema/replay';
import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { loadSqlParser } from '../../src/frontends/sql';
import { findingKeys, lintSql } from '../helpers';

beforeAll(loadSqlParser);

const strict = { settings: new RuleSettings(allRules, 'strict') };

describe('temporary tables', () => {
  test('a temporary table needs no IF NOT EXISTS and no schema, and neither do the statements on it', () => {
    const sql = `SET lock_timeout = '2s';

CREATE TEMP TABLE moved_orders (id bigint PRIMARY KEY) ON COMMIT DROP;
INSERT INTO moved_orders SELECT id FROM public.orders WHERE region = 'eu';
CREATE INDEX moved_orders_id_idx ON moved_orders (id);
UPDATE public.orders SET region = 'eu-west' WHERE id IN (SELECT id FROM moved_orders);
DROP TABLE moved_orders;
`;
    expect(findingKeys(lintSql(sql, strict))).toEqual([]);
  });

  test('an ordinary table in the same file is still checked', () => {
    const sql = "CREATE TEMPORARY TABLE scratch (id bigint);\nCREATE TABLE audit_log (id bigint);\n";
    expect(findingKeys(lintSql(sql, strict))).toEqual(['prefer-robust-stmts@2:1', 'require-table-schema@2:1']);
  });
});

describe('REINDEX SYSTEM', () => {
  test('cannot run concurrently, so it is not require-concurrent-reindex', () => {
    const sql = "SET lock_timeout = '5s';\n-- rebuild the catalogue indexes after the upgrade\nREINDEX SYSTEM;\nREINDEX TABLE public.orders;\n";
    expect(findingKeys(lintSql(sql))).toEqual(['require-concurrent-reindex@4:1']);
  });
});

describe('partitioned tables', () => {
  test('CREATE INDEX … ON ONLY the parent builds nothing: no finding, no lock wait', () => {
    const sql = `-- +goose Up
-- +goose StatementBegin
CREATE INDEX IF NOT EXISTS ix_v1_tasks_olap_additional_metadata_gin
    ON ONLY v1_tasks_olap USING gin (additional_metadata jsonb_path_ops);
-- +goose StatementEnd
`;
    expect(findingKeys(lintSql(sql))).toEqual([]);
  });

  test('an index on a partitioned parent is reported with the partition recipe, not CONCURRENTLY', () => {
    const replay = new SchemaReplay();
    lintSql(
      `CREATE TABLE public.events (id bigint, created_at timestamptz NOT NULL, kind text) PARTITION BY RANGE (created_at);
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
`,
      { replay },
      '0001_events.sql',
    );
    const result = lintSql("SET lock_timeout = '2s';\n\nCREATE INDEX events_kind_idx ON public.events (kind);\n", { replay }, '0002_events_kind.sql');
    expect(findingKeys(result)).toEqual(['require-concurrent-index-creation@3:1']);
    expect(result.findings[0].message).toContain('partitioned table "public.events"');
    expect(result.findings[0].help).toContain('CREATE INDEX CONCURRENTLY on each partition, CREATE INDEX … ON ONLY the parent');
  });

  test('a parent index created after every partition has one attaches them without a build', () => {
    const replay = new SchemaReplay();
    lintSql(
      `CREATE TABLE public.events (id bigint, created_at timestamptz NOT NULL, kind text) PARTITION BY RANGE (created_at);
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_2025 (LIKE public.events);
`,
      { replay },
      '0001_events.sql',
    );
    const sql = `SET lock_timeout = '2s';

ALTER TABLE public.events ATTACH PARTITION public.events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX events_2024_kind_idx ON public.events_2024 (kind);
CREATE INDEX events_2025_kind_idx ON public.events_2025 (kind);
CREATE INDEX events_kind_idx ON public.events (kind);
`;
    // The partitions' own indexes are built on tables that may have rows; the parent's attaches them.
    expect(findingKeys(lintSql(sql, { replay }, '0002_events_kind.sql'))).toEqual(['require-concurrent-index-creation@4:1', 'require-concurrent-index-creation@5:1']);
  });

  test('a table known to be partitioned from an earlier migration of the run gets the recipe too', () => {
    const replay = new SchemaReplay();
    lintSql('CREATE TABLE public.events (id bigint, kind text) PARTITION BY LIST (kind);', { replay }, '0001.sql');
    const later = lintSql("SET lock_timeout = '2s';\nCREATE INDEX events_kind_idx ON public.events (kind);", { replay }, '0002.sql');
    expect(findingKeys(later)).toEqual(['require-concurrent-index-creation@2:1']);
    expect(later.findings[0].help).toContain('ON ONLY the parent');
  });
});

describe('new tables that have rows', () => {
  const filled = (fill: string) => `SET lock_timeout = '2s';
BEGIN;
ALTER TABLE public.orders RENAME TO orders_old;
CREATE TABLE public.order_totals (order_id bigint, total numeric);
${fill}
ALTER TABLE public.order_totals ADD COLUMN currency text NOT NULL;
CREATE INDEX order_totals_order_idx ON public.order_totals (order_id);
ALTER TABLE public.order_totals ADD CONSTRAINT order_totals_total_check CHECK (total >= 0);
COMMIT;
`;
  const heldOnOrders =
    '"public.order_totals" was created and filled by this migration, so no query waits on it; but while this statement works through its rows, the transaction keeps its locks on "public.orders", and every query on that table waits until the migration commits.';

  test.each([
    ['INSERT … SELECT', 'INSERT INTO public.order_totals SELECT id, total FROM orders_old;'],
    ['COPY … FROM', "COPY public.order_totals FROM '/tmp/totals.csv' WITH (FORMAT csv);"],
  ])('after %s, a NOT NULL column fails on its rows, and an index or constraint keeps the locks the transaction holds', (_name, fill) => {
    const result = lintSql(filled(fill));
    expect(findingKeys(result)).toEqual([
      'renaming-table@3:1',
      'adding-required-field@6:1',
      'require-concurrent-index-creation@7:1',
      'constraint-missing-not-valid@8:1',
    ]);
    for (const finding of result.findings.slice(2)) {
      expect(finding.message).toBe(heldOnOrders);
      expect(finding.help).toBe('Take the locks on "public.orders" as late in the transaction as the change allows: fill the new table and build its indexes and keys first, so that those locks are held only for the switch.');
      // The rule's lock is on the new table, which nobody uses; and CONCURRENTLY would not help.
      expect(finding.lock).toBeUndefined();
      expect(finding.target).toBeUndefined();
    }
  });

  test('with no other lock held, building on the filled new table keeps nobody waiting: only the NOT NULL column that fails is reported', () => {
    const sql = `SET lock_timeout = '2s';

CREATE TABLE public.order_totals (order_id bigint, total numeric);
INSERT INTO public.order_totals SELECT id, total FROM public.orders;
ALTER TABLE public.order_totals ADD COLUMN currency text NOT NULL;
CREATE INDEX order_totals_order_idx ON public.order_totals (order_id);
ALTER TABLE public.order_totals ADD CONSTRAINT order_totals_total_check CHECK (total >= 0);
`;
    expect(findingKeys(lintSql(sql))).toEqual(['adding-required-field@5:1']);
  });

  test('INSERT … VALUES of a few rows leaves the table new', () => {
    expect(findingKeys(lintSql(filled("INSERT INTO public.order_totals VALUES (1, 10), (2, 20);")))).toEqual(['renaming-table@3:1']);
  });

  test('CREATE TABLE … AS SELECT and SELECT … INTO create tables with rows (WITH NO DATA does not)', () => {
    const sql = `SET lock_timeout = '2s';
BEGIN;
ALTER TABLE public.orders ADD COLUMN archived boolean;
CREATE TABLE public.orders_copy AS SELECT * FROM public.orders;
CREATE INDEX orders_copy_id_idx ON public.orders_copy (id);
SELECT * INTO public.orders_archive FROM public.orders WHERE created_at < '2020-01-01';
ALTER TABLE public.orders_archive ALTER COLUMN id SET NOT NULL;
CREATE TABLE public.orders_shape AS SELECT * FROM public.orders WITH NO DATA;
CREATE INDEX orders_shape_id_idx ON public.orders_shape (id);
COMMIT;
`;
    const result = lintSql(sql);
    expect(findingKeys(result)).toEqual(['require-concurrent-index-creation@5:1', 'adding-not-nullable-field@7:1']);
    expect(result.findings.map((finding) => finding.message.split(';')[0])).toEqual([
      '"public.orders_copy" was created and filled by this migration, so no query waits on it',
      '"public.orders_archive" was created and filled by this migration, so no query waits on it',
    ]);
  });

  test('the locks of the rest of its statement count: an ALTER TABLE takes them all before it works', () => {
    const sql = `SET lock_timeout = '2s';
CREATE TABLE public.post_stats AS SELECT id AS post_id, creator_id FROM public.posts;
ALTER TABLE public.post_stats
    ADD COLUMN id int PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
    ADD CONSTRAINT post_stats_post_fkey FOREIGN KEY (post_id) REFERENCES public.posts ON DELETE CASCADE;
`;
    const result = lintSql(sql);
    expect(findingKeys(result)).toEqual(['adding-field-with-default@4:5', 'adding-serial-primary-key-field@4:5', 'adding-foreign-key-constraint@5:5']);
    expect(result.findings[0].message).toContain('keeps its locks on "public.posts"');
    expect(result.findings[1].message).toContain('keeps its locks on "public.posts"');
    // The key itself locks the existing table it references: the rule's own finding.
    expect(result.findings[2].message).toBe('Adding foreign key "post_stats_post_fkey" to "public.post_stats" without NOT VALID checks every row while blocking writes to both tables.');
  });

  test('a table dropped and made again under its name in the transaction: queries on the name wait, as the rule says', () => {
    const sql = `SET lock_timeout = '2s';
BEGIN;
DROP TABLE public.user_stats;
CREATE TABLE public.user_stats AS SELECT id AS user_id, count(*) AS posts FROM public.users GROUP BY id;
ALTER TABLE public.user_stats ADD PRIMARY KEY (user_id);
COMMIT;
`;
    const result = lintSql(sql);
    // (The drop itself is not reported: at commit, code finds a table under that name.)
    expect(findingKeys(result)).toEqual(['adding-serial-primary-key-field@5:1']);
    expect(result.findings[0].message).toBe('Adding a primary key to "public.user_stats" builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes.');
  });

  test('a table renamed in this migration keeps its rows and its readers: the rule reports it as it is', () => {
    const sql = `SET lock_timeout = '2s';
BEGIN;
ALTER TABLE public.member RENAME TO account;
ALTER TABLE public.account ADD CONSTRAINT account_name_key UNIQUE (name);
COMMIT;
`;
    const result = lintSql(sql);
    expect(findingKeys(result)).toEqual(['renaming-table@3:1', 'disallowed-unique-constraint@4:1']);
    expect(result.findings[1].message).toContain('blocking reads and writes');
  });

  test('a TypeORM rebuild in the migration transaction: the copy\'s keys keep the old tables locked', () => {
    const migration = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class RebuildTags1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE tag RENAME TO tag_old');
    await queryRunner.query('CREATE TABLE "tag" ("id" uuid NOT NULL, "name" character varying(100) NOT NULL)');
    await queryRunner.query('INSERT INTO "tag" (id, name) SELECT id, name FROM tag_old');
    await queryRunner.query('CREATE TABLE "item_tag" ("id" uuid NOT NULL, "tag_id" uuid NOT NULL)');
    await queryRunner.query('INSERT INTO "item_tag" (id, tag_id) SELECT id, tag_id FROM item_tag_old');
    await queryRunner.query('ALTER TABLE "item_tag" ADD CONSTRAINT "PK_item_tag" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "item_tag" ADD CONSTRAINT "FK_item_tag_tag" FOREIGN KEY ("tag_id") REFERENCES "tag"("id")');
  }

  public async down(): Promise<void> {}
}
`;
    const result = lintSql(migration, {}, 'src/migrations/1700000000000-rebuild-tags.ts');
    const keys = result.findings.filter((finding) => finding.rule !== 'require-lock-timeout').map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);
    // The rename is not reported: a table is made again under the old name in the same transaction.
    expect(keys).toEqual(['adding-serial-primary-key-field@10:30', 'adding-foreign-key-constraint@11:30']);
    for (const finding of result.findings.filter((each) => each.line >= 10)) {
      expect(finding.message).toMatch(/^"item_tag" was created and filled by this migration, so no query waits on it; but while this statement works through its rows, the transaction keeps its locks on "tag", and every query on that table waits until the migration commits\.$/);
    }
  });

  test('a filled new table still has no readers: renaming or dropping it is not a finding', () => {
    const sql = `SET lock_timeout = '2s';
CREATE TABLE public.orders_new AS SELECT * FROM public.orders;
ALTER TABLE public.orders_new RENAME COLUMN total TO total_cents;
DROP TABLE public.orders_new;
`;
    expect(findingKeys(lintSql(sql))).toEqual([]);
  });
});

describe('a foreign key declared inline on a new column', () => {
  test('without a default it is not checked against existing rows: no adding-foreign-key-constraint', () => {
    const sql = "SET lock_timeout = '2s';\n\nALTER TABLE public.orders\n  ADD COLUMN coupon_id bigint REFERENCES public.coupons (id);\n";
    expect(findingKeys(lintSql(sql))).toEqual([]);
  });

  test('with a default, or as ADD CONSTRAINT … FOREIGN KEY, every row is checked', () => {
    const sql = `SET lock_timeout = '2s';
ALTER TABLE public.orders ADD COLUMN coupon_id bigint DEFAULT 0 REFERENCES public.coupons (id);
ALTER TABLE public.orders ADD COLUMN shop_id bigint;
ALTER TABLE public.orders ADD CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES public.shops (id);
`;
    expect(findingKeys(lintSql(sql))).toEqual(['adding-foreign-key-constraint@2:1', 'adding-foreign-key-constraint@4:1']);
  });

  test('the referenced table is still locked: require-lock-timeout, even when the table altered is new', () => {
    const sql = `CREATE TABLE public.refunds (id bigint PRIMARY KEY);
ALTER TABLE public.refunds ADD COLUMN order_id bigint REFERENCES public.orders (id);
`;
    const result = lintSql(sql);
    expect(findingKeys(result)).toEqual(['require-lock-timeout@2:1']);
    expect(result.findings[0].message).toContain('"public.orders"');
  });
});

describe('a table renamed in this file', () => {
  test('dropping it under its new name breaks no code (the rename is the finding); building on it still counts its rows', () => {
    const sql = `-- +migrate Up
SET lock_timeout = '2s';
CREATE TABLE convoy.events_endpoints_temp (LIKE convoy.events_endpoints INCLUDING INDEXES);
ALTER TABLE convoy.events_endpoints RENAME TO events_endpoints_deprecated;
CREATE INDEX events_endpoints_deprecated_event_idx ON convoy.events_endpoints_deprecated (event_id);
INSERT INTO convoy.events_endpoints_temp SELECT * FROM convoy.events_endpoints_deprecated;
DROP TABLE IF EXISTS convoy.events_endpoints_deprecated;
`;
    expect(findingKeys(lintSql(sql))).toEqual(['renaming-table@4:1', 'require-concurrent-index-creation@5:1']);
  });
});

describe('a table dropped and made again under the same name in one transaction', () => {
  test('a rebuilt table or a copy renamed into place: readers find the new table', () => {
    const sql = `-- +migrate Up
SET lock_timeout = '2s';
DROP TABLE IF EXISTS convoy.event_delivery_daily_counts;
CREATE TABLE convoy.event_delivery_daily_counts (project_id text NOT NULL, day date NOT NULL, count bigint NOT NULL);
CREATE TABLE convoy.pushers2 (id bigint PRIMARY KEY, app_id text);
INSERT INTO convoy.pushers2 SELECT id, app_id FROM convoy.pushers;
DROP TABLE convoy.pushers;
ALTER TABLE convoy.pushers2 RENAME TO pushers;
DROP TABLE convoy.legacy_counts;
`;
    expect(findingKeys(lintSql(sql))).toEqual(['ban-drop-table@9:1']);
  });

  test('outside a transaction the table is missing in between: reported', () => {
    const sql = "SET lock_timeout = '2s';\nDROP TABLE public.daily_counts;\nCREATE TABLE public.daily_counts (day date NOT NULL);\n";
    expect(findingKeys(lintSql(sql))).toEqual(['ban-drop-table@2:1']);
  });
});

describe('a parent index after its partitions (made by a function) are indexed', () => {
  test("partitions named after the parent, indexed CONCURRENTLY first, stand for the parent's partitions (hatchet)", () => {
    const replay = new SchemaReplay();
    lintSql("CREATE TABLE v1_payload_wal (tenant_id uuid, offload_at timestamptz) PARTITION BY HASH (tenant_id);\nSELECT create_v1_hash_partitions('v1_payload_wal'::TEXT, 2);", { replay }, '0001.sql');
    const sql = `-- +goose no transaction
-- +goose Up
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS v1_payload_wal_0_poll_idx ON v1_payload_wal_0 (tenant_id, offload_at);
CREATE INDEX CONCURRENTLY IF NOT EXISTS v1_payload_wal_1_poll_idx ON v1_payload_wal_1 (tenant_id, offload_at);
CREATE INDEX IF NOT EXISTS v1_payload_wal_poll_idx ON v1_payload_wal (tenant_id, offload_at);
CREATE INDEX IF NOT EXISTS v1_payload_wal_tenant_idx ON v1_payload_wal (tenant_id);
`;
    expect(findingKeys(lintSql(sql, { replay }, '0002.sql'))).toEqual(['require-concurrent-index-creation@7:1']);
  });
});

describe('a table renamed away and made again under its old name in one transaction', () => {
  // authelia's rebuild: the old table set aside under a backup name, a new one made under the old name, the rows copied back.
  const rebuild = `ALTER TABLE webauthn_devices
    DROP CONSTRAINT IF EXISTS webauthn_devices_pkey;

ALTER TABLE webauthn_devices
    RENAME TO _bkp_UP_V0003_webauthn_devices;

DROP INDEX IF EXISTS webauthn_devices_kid_key;

CREATE TABLE IF NOT EXISTS webauthn_devices (
    id SERIAL CONSTRAINT webauthn_devices_pkey PRIMARY KEY,
    username VARCHAR(100) NOT NULL,
    kid VARCHAR(512) NOT NULL
);

CREATE UNIQUE INDEX webauthn_devices_kid_key ON webauthn_devices (kid);

INSERT INTO webauthn_devices (id, username, kid)
SELECT id, username, kid
FROM _bkp_UP_V0003_webauthn_devices;
`;

  test('readers find the new table under the old name when the transaction commits: not renaming-table', () => {
    const sql = `SET lock_timeout = '2s';\nBEGIN;\n${rebuild}COMMIT;\n`;
    expect(findingKeys(lintSql(sql))).toEqual(['require-concurrent-index-deletion@9:1']);
  });

  test('a view under the old name, in the same transaction, keeps old code working too', () => {
    const sql = "SET lock_timeout = '2s';\nBEGIN;\nALTER TABLE customers RENAME TO clients;\nCREATE VIEW customers AS SELECT * FROM clients;\nCOMMIT;\n";
    expect(findingKeys(lintSql(sql))).toEqual([]);
  });

  test('outside a transaction the old name is missing in between, and a different name made again does not help: reported', () => {
    expect(findingKeys(lintSql(`SET lock_timeout = '2s';\n${rebuild}`))).toEqual(['renaming-table@5:1', 'require-concurrent-index-deletion@8:1']);
    const sql = "SET lock_timeout = '2s';\nBEGIN;\nALTER TABLE customers RENAME TO clients;\nCREATE TABLE customer_notes (id bigint);\nCOMMIT;\n";
    expect(findingKeys(lintSql(sql))).toEqual(['renaming-table@3:1']);
  });
});
