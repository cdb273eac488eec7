import { parseOrder, sortMigrations } from '../../src/schema/order';

/** The files shuffled (deterministically), so that the order cannot come from the input's. */
const shuffled = (files: readonly string[]) => [...files].reverse().sort((a, b) => (a.length % 3) - (b.length % 3));

describe('migrations are replayed in the order their runner applies them', () => {
  test.each<[string, string[]]>([
    ['Knex timestamps', ['migrations/20230105120000_create_users.js', 'migrations/20230105120100_add_email.js', 'migrations/20240101000000_drop_age.ts']],
    ['TypeORM class timestamps at the front', ['src/migrations/1699999999999-Init.ts', 'src/migrations/1700000000000-AddUsers.ts']],
    ['TypeORM class timestamps at the end', ['src/migrations/InitSchema1699999999999.ts', 'src/migrations/AddUsers1700000000000.ts']],
    ['golang-migrate and goose numbers, compared as numbers', ['db/2_users.up.sql', 'db/9_orders.up.sql', 'db/10_items.up.sql', 'db/100_tags.up.sql']],
    ['timestamps of different precision, by the time they say (nango: 16 digits among 14)', ['migrations/20241113091500_a.cjs', 'migrations/2024111409170956_on_event_scripts.cjs', 'migrations/20241115000000_b.cjs', 'migrations/20250519153421_sync_config.cjs']],
    ['dbmate and sql-migrate timestamps', ['db/migrations/20200101093000_init.sql', 'db/migrations/20211231235959_next.sql']],
    ['Prisma dated folders', ['prisma/migrations/20240101000000_init/migration.sql', 'prisma/migrations/20240115093000_add_posts/migration.sql', 'prisma/migrations/20241001120000_index/migration.sql']],
    ['diesel dated folders', ['migrations/2024-01-01-000000_create_users/up.sql', 'migrations/2024-01-02-093000_create_posts/up.sql', 'migrations/2024-10-01-000000_add_index/up.sql']],
    [
      "diesel's dashed and undashed versions in one folder, by the same timestamp (crates.io's history)",
      [
        'migrations/00000000000000_diesel_initial_setup/up.sql',
        'migrations/20140924113530_dumped_migration_1/up.sql',
        'migrations/20170804200817_add_email_table/up.sql',
        'migrations/2017-09-23-182408_move_tokens_to_emails_table/up.sql',
        'migrations/20171002233100_add_crate_owner_invitations/up.sql',
        'migrations/2018-04-13-170549_properly_index_version_downloads/up.sql',
      ],
    ],
    ['flyway versions by their parts, repeatables last', ['sql/V1__init.sql', 'sql/V1_2__users.sql', 'sql/V1.10__orders.sql', 'sql/V2__items.sql', 'sql/V10__tags.sql', 'sql/R__views.sql']],
    ['flyway baseline migrations by their version, after a versioned one of the same version', ['sql/V1_12_15__baseline.sql', 'sql/V1_12_33__rename.sql', 'sql/V1_20_0__last.sql', 'sql/B1_20_0__baseline.sql', 'sql/V1_20_1__next.sql']],
    ['synapse: a full schema right after the deltas of its version', ['main/delta/72/01add_room_type.sql', 'main/delta/72/09partial_indices.sql.postgres', 'main/full_schemas/72/full.sql.postgres', 'main/delta/73/01event_failed_pull_attempts.sql', 'main/delta/85/01_add_suspended.sql']],
    ["versions written with a v (temporal's versioned folders), by their parts", ['versioned/v1.0/schema.sql', 'versioned/v1.2/advanced_visibility.sql', 'versioned/v1.9/add_version_column.sql', 'versioned/v1.10/add_temporal_reported_columns.sql', 'versioned/v1.13/combined_v1.10_v1.13.sql']],
    ['numbered folders (synapse deltas)', ['delta/9/01users.sql', 'delta/9/02rooms.sql', 'delta/10/01events.sql', 'delta/58/01stats.sql']],
  ])('%s', (_name, expected) => {
    expect(sortMigrations(shuffled(expected))).toEqual(expected);
  });

  test('flyway: V1_2 sorts before V1_10 as a version, not as text; a shorter version before its longer ones', () => {
    expect(sortMigrations(['V1_10__b.sql', 'V1_2__a.sql'])).toEqual(['V1_2__a.sql', 'V1_10__b.sql']);
    expect(sortMigrations(['V1.2__c.sql', 'V1.1.1__b.sql', 'V1.1__a.sql'])).toEqual(['V1.1__a.sql', 'V1.1.1__b.sql', 'V1.2__c.sql']);
  });

  test('"name" keeps plain name order, as runners that sort names do', () => {
    expect(sortMigrations(['db/10_b.sql', 'db/2_a.sql', 'db/9_c.sql'], parseOrder('name'))).toEqual(['db/10_b.sql', 'db/2_a.sql', 'db/9_c.sql']);
  });

  test('a regular expression takes the version from its first group; files it does not match come last', () => {
    const order = parseOrder('release-(\\d+(?:\\.\\d+)*)');
    expect(sortMigrations(['m/release-1.10/a.sql', 'm/extra.sql', 'm/release-1.9/b.sql', 'm/release-1.9/a.sql'], order)).toEqual([
      'm/release-1.9/a.sql',
      'm/release-1.9/b.sql',
      'm/release-1.10/a.sql',
      'm/extra.sql',
    ]);
  });

  test('"version" is the default; Windows separators sort the same', () => {
    expect(parseOrder(undefined)).toBe('version');
    expect(sortMigrations(['db\\10_b.sql', 'db\\2_a.sql'])).toEqual(['db\\2_a.sql', 'db\\10_b.sql']);
  });
});
