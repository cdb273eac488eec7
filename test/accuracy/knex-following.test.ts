import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { lintText, prepareLinting } from '../../src/lint';
import { keys, lintFile } from './lint-file';

beforeAll(prepareLinting);

describe('code that can be followed is followed, not reported as unanalyzed', () => {
  test('a same-file helper called with literal arguments: each operation at its own call, no warning', () => {
    const source = `async function addDeletedColumn(knex, tableName) {
  return await knex.schema.table(tableName, (table) => {
    table.timestamp('deleted_at').nullable();
  });
}

export async function up(knex) {
  await addDeletedColumn(knex, 'steps');
  await addDeletedColumn(knex, 'flows');
}

export async function down(knex) {}
`;
    const result = lintFile(source, 'packages/backend/src/db/migrations/20220928162525_soft-delete-base-model.js');
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(['require-lock-timeout@8:9']);
    expect(result.findings[0].message).toContain('(and 1 more in this file)');
    expect(result.findings[0].message).toContain('"steps"');
  });

  test('a helper argument that is not constant: one warning at the call, not one per operation at the helper', () => {
    const source = `async function addDeletedColumn(knex, tableName) {
  await knex.schema.table(tableName, (table) => table.timestamp('deleted_at'));
  await knex.schema.table(tableName, (table) => table.index('deleted_at'));
}

exports.up = async (knex) => {
  for (const { name } of await knex('tables').select('name')) await addDeletedColumn(knex, name);
};
`;
    const result = lintFile(source, 'migrations/20220928162525_soft-delete.js');
    expect(keys(result)).toEqual(['unanalyzed-code@7:3']);
  });

  test('for…of over a constant array of objects, with a nested loop in the table callback (directus)', () => {
    const source = `import type { Knex } from 'knex';

const updates = [
\t{ table: 'directus_fields', constraints: [{ column: 'collection', references: 'directus_collections.collection' }] },
\t{ table: 'directus_presets', constraints: [{ column: 'user', references: 'directus_users.id' }, { column: 'role', references: 'directus_roles.id' }] },
];

export async function up(knex: Knex): Promise<void> {
\tfor (const update of updates) {
\t\tawait knex.schema.alterTable(update.table, (table) => {
\t\t\tfor (const constraint of update.constraints) {
\t\t\t\ttable.dropForeign([constraint.column]);
\t\t\t\ttable.foreign(constraint.column).references(constraint.references).onDelete('CASCADE');
\t\t\t}
\t\t});
\t}
}
`;
    const result = lintFile(source, 'api/src/database/migrations/20201105A-add-cascade-system-relations.ts');
    expect(keys(result)).toEqual(['adding-foreign-key-constraint@13:5', 'adding-foreign-key-constraint@13:5', 'adding-foreign-key-constraint@13:5']);
    expect(result.findings.filter((f) => f.rule === 'adding-foreign-key-constraint').map((f) => f.message.match(/to "(\w+)"/)?.[1])).toEqual([
      'directus_fields',
      'directus_presets',
      'directus_presets',
    ]);
  });

  test('an indexed for loop over a constant list, destructured, with a create function from the list (spoke)', () => {
    const source = `exports.up = async knex => {
  const isSqlite = /sqlite/.test(knex.client.config.client);
  const buildTableSchema = [
    {
      tableName: "tag",
      create: t => {
        t.increments("id").primary();
        t.integer("organization_id").notNullable();
        if (!isSqlite) {
          t.foreign("organization_id").references("organization.id");
          t.index(["organization_id"]);
        }
      }
    }
  ];
  for (let i = 0; i < buildTableSchema.length; i++) {
    const { tableName, create } = buildTableSchema[i];
    if (!(await knex.schema.hasTable(tableName))) {
      await knex.schema.createTable(tableName, create);
    }
  }
};
`;
    const result = lintFile(source, 'migrations/20200322171627_tags.js');
    // The table is created under a guard, so later statements treat it as existing; its own index and foreign key are part of creating it.
    expect(keys(result)).toEqual([]);
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(['require-lock-timeout@19:25']);
    expect(result.findings[0].message).toContain('"organization"');
  });

  test('a table created under a hasTable guard is new for the rest of that branch, not after it or in the other branch (jellystat)', () => {
    const source = `exports.up = async function (knex) {
  try {
    const hasTable = await knex.schema.hasTable('jf_logging');
    if (!hasTable) {
      await knex.schema.createTable('jf_logging', function (table) {
        table.text('Id').primary();
        table.text('Name').notNullable();
      });
      await knex.raw(\`ALTER TABLE jf_logging OWNER TO "\${process.env.POSTGRES_ROLE}";\`);
      if (process.env.JS_LOG_DURATION) {
        await knex.raw('ALTER TABLE jf_logging ADD COLUMN "Duration" text NOT NULL');
      }
      await knex.raw('CREATE INDEX jf_logging_name ON jf_logging ("Name")');
    } else {
      await knex.raw('CREATE INDEX jf_logging_id ON jf_logging ("Id")');
    }
    await knex.raw('CREATE INDEX jf_logging_name_id ON jf_logging ("Name", "Id")');
  } catch (error) {
    console.error(error);
  }
};
`;
    const result = lintFile(source, 'backend/migrations/030_jf_logging_table.js');
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual([
      'require-concurrent-index-creation@15:23',
      'require-lock-timeout@15:23',
      'require-concurrent-index-creation@17:21',
    ]);
  });

  test('in a loop over a constant array, conditions on the element decide which branches run (nango)', () => {
    const source = `const TABLES = [
  { name: 'activity_logs', truncate: true },
  { name: 'connections', truncate: false },
];

exports.up = async function (knex) {
  await knex.raw("SET lock_timeout = '2s'");
  for (const tableObject of TABLES) {
    const { name: tableName, truncate } = tableObject;
    if (truncate) {
      await knex.raw('TRUNCATE TABLE ?? CASCADE', [tableName]);
    }
    await knex.schema.alterTable(tableName, function (table) {
      if (tableName === 'connections') {
        table.unique(['connection_id', 'environment_id']);
      }
      if (!truncate) table.dropColumn('account_id');
    });
  }
};
`;
    expect(keys(lintFile(source, 'lib/migrations/20230707103352_use_environment_id.cjs'))).toEqual([
      'ban-truncate-cascade@11:23',
      'disallowed-unique-constraint@15:9',
      'ban-drop-column@17:22',
    ]);
    expect(lintFile(source, 'lib/migrations/20230707103352_use_environment_id.cjs').findings).toMatchObject([
      { message: expect.stringContaining('TRUNCATE "activity_logs" CASCADE') },
      { message: expect.stringContaining('to "connections"') },
      { message: expect.stringContaining('"connections"."account_id"') },
    ]);
  });

  test('forEach and Promise.all(map) over a constant array', () => {
    const source = `const TABLES = ['orders', 'invoices'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET lock_timeout = '2s'");
  TABLES.forEach((name) => knex.schema.alterTable(name, (t) => t.dropColumn('legacy')));
  await Promise.all(TABLES.map(async (name) => knex.raw(\`CREATE INDEX \${name}_created_idx ON \${name} (created_at)\`)));
}
`;
    expect(keys(lintFile(source, 'migrations/20240101_drop_legacy.ts'))).toEqual([
      'ban-drop-column@5:64',
      'ban-drop-column@5:64',
      'require-concurrent-index-creation@6:58',
      'require-concurrent-index-creation@6:58',
    ]);
  });

  test('for…of over constant arrays spread into one, and over Object.entries of a constant object', () => {
    const source = `const PARENT_TABLES = ['workflow_runs', 'workflow_definitions'];
const CHILD_TABLES = ['workflow_run_steps'];
const ALL_TABLES = [...PARENT_TABLES, ...CHILD_TABLES];
const POLICIES = {
  survey_templates: 'tenant_isolation',
  survey_responses: 'tenant_read_only',
};

exports.up = async function up(knex) {
  for (const table of ALL_TABLES) {
    await knex.raw(\`CREATE INDEX idx_\${table}_tenant ON \${table} (tenant)\`);
  }
  for (const [table, policy] of Object.entries(POLICIES)) {
    await knex.raw(\`DROP POLICY IF EXISTS \${policy} ON \${table}\`);
    await knex.schema.alterTable(table, (t) => t.dropColumn(\`\${policy}_owner\`));
  }
  for (const table of Object.keys(POLICIES)) {
    await knex.schema.alterTable(table, (t) => t.dropColumn('policy_note'));
  }
};
`;
    const result = lintFile(source, 'server/migrations/20260529120000_add_tenant_indexes.cjs');
    expect(keys(result)).toEqual([
      'require-concurrent-index-creation@11:21',
      'require-concurrent-index-creation@11:21',
      'require-concurrent-index-creation@11:21',
      'ban-drop-column@15:48',
      'ban-drop-column@15:48',
      'ban-drop-column@18:48',
      'ban-drop-column@18:48',
    ]);
    expect(result.findings.filter((f) => f.rule === 'ban-drop-column').map((f) => f.message.match(/"[^"]+"\."[^"]+"/)?.[0])).toEqual([
      '"survey_templates"."tenant_isolation_owner"',
      '"survey_responses"."tenant_read_only_owner"',
      '"survey_templates"."policy_note"',
      '"survey_responses"."policy_note"',
    ]);
  });
});

describe('column builders', () => {
  test('a NOT NULL column with default(), the alias of defaultTo(), is not a required field (planka)', () => {
    const source = `exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  await knex.schema.alterTable('card', (table) => {
    table.boolean('is_closed').notNullable().default(false);
    table.integer('position').notNullable();
  });
};
`;
    expect(keys(lintFile(source, 'server/db/migrations/20250708200908_persist_closed_state_per_card.js'))).toEqual(['adding-required-field@5:5']);
  });
});

describe('code for other databases', () => {
  test.each([
    ["knex.client.config.client === 'sqlite3'", 'if'],
    ["knex.client.dialect === 'sqlite3'", 'if'],
    ["['mysql', 'mysql2'].includes(knex.client.config.client)", 'if'],
    ['/sqlite/.test(knex.client.config.client)', 'if'],
    ["getDatabaseClient(knex) === 'mysql'", 'if'],
    ['helpers.isSqlite(knex)', 'if'],
    // An application's own setting of the database, compared with a database's name (wiki.js, ghost).
    ["WIKI.config.db.type === 'mysql'", 'if'],
    ["process.env.DB_CLIENT === 'sqlite3'", 'if'],
    ["['mysql', 'mariadb'].includes(config.database.client)", 'if'],
  ])('`%s`: that branch is not analysed; the other runs unconditionally', (condition) => {
    const source = `exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  if (${condition}) {
    await knex.raw('ALTER TABLE \`users\` DROP INDEX \`users_email_unique\`');
  } else {
    await knex.schema.createTable('audit_log', (t) => t.bigIncrements());
    await knex.schema.alterTable('audit_log', (t) => t.index(['id'], 'audit_log_id_idx'));
  }
};
`;
    // The MySQL statement would be a syntax error; the PostgreSQL branch creates a table, so its index is on a new table.
    expect(keys(lintFile(source, 'migrations/20240102_audit.js'))).toEqual([]);
  });

  test('a switch on the client runs the PostgreSQL case only, unconditionally', () => {
    const source = `exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  const { client } = knex.client.config;
  switch (client) {
    case 'mysql':
      await knex.raw('ALTER TABLE users MODIFY email VARCHAR(320)');
      break;
    case 'pg':
    case 'postgresql':
      await knex.raw('ALTER TABLE users DROP COLUMN legacy_email');
      break;
    default:
      throw new Error('unsupported');
  }
};
`;
    expect(keys(lintFile(source, 'migrations/20240103_email.js'))).toEqual(['ban-drop-column@10:23']);
  });

  test('in a table callback, a switch runs its PostgreSQL case, any other switch and a try block are read too', () => {
    const source = `exports.up = (knex) =>
  knex.schema.alterTable('pages', (table) => {
    switch (knex.client.config.client) {
      case 'mysql':
        table.dropColumn('mysql_only');
        break;
      case 'pg': {
        table.dropColumn('legacy_render');
        break;
      }
      default:
        table.dropColumn('other_databases');
    }
    switch (process.env.EDITION) {
      case 'cloud':
        table.dropColumn('self_hosted_key');
    }
    try {
      table.dropColumn('legacy_toc');
    } finally {
      table.index(['path']);
    }
  });
`;
    expect(keys(lintFile(source, 'server/db/migrations/2.1.85.js'))).toEqual([
      'ban-drop-column@8:9',
      'ban-drop-column@16:9',
      'ban-drop-column@19:7',
      'require-concurrent-index-creation@21:7',
    ]);
  });

  test("a switch whose cases are databases' names is a switch on the database, in up() and in a table callback (wiki.js)", () => {
    const source = `exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  switch (WIKI.config.db.type) {
    case 'postgres':
      await knex.raw('ALTER TABLE "pageHistory" DROP COLUMN "legacyDate"');
      break;
    case 'mysql':
    case 'mariadb':
      await knex.schema.raw('ALTER TABLE pageHistory DROP COLUMN versionDate');
      break;
  }
  await knex.schema.alterTable('pageHistory', (table) => {
    switch (WIKI.config.db.type) {
      case 'mariadb':
      case 'mysql':
        table.specificType('content', 'LONGTEXT').alter();
        break;
      case 'mssql':
        table.specificType('content', 'VARCHAR(max)').alter();
        break;
    }
  });
};
`;
    expect(keys(lintFile(source, 'server/db/migrations/2.2.17.js'))).toEqual(['ban-drop-column@5:23']);
  });

  test("in a table callback, an if on the application's database setting runs its PostgreSQL branch only (wiki.js)", () => {
    const source = `exports.up = knex => {
  return knex.schema
    .alterTable('pages', table => {
      if (WIKI.config.db.type === 'mysql') {
        table.json('extra')
      } else {
        table.json('extra').notNullable().defaultTo('{}')
      }
    })
    .alterTable('users', table => {
      if (WIKI.config.db.type !== 'postgres') {
        table.dropColumn('legacyTheme')
      }
      table.string('dateFormat').notNullable().defaultTo('')
    })
}
`;
    // On PostgreSQL the else branch runs, and the other databases' drop does not: two statements wait for locks.
    const { findings } = lintFile(source, 'server/db/migrations/2.4.13.js');
    expect(findings.map((finding) => `${finding.rule}@${finding.line}:${finding.column}`)).toEqual(['require-lock-timeout@7:9']);
    expect(findings[0].message).toContain('(and 1 more in this file)');
  });

  test("a property named type or client is a database setting only under a name that speaks of a database", () => {
    const source = `exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  for (const column of [{ name: 'legacy_a', type: 'mysql' }]) {
    if (column.type === 'mysql') await knex.schema.alterTable('imports', (t) => t.dropColumn(column.name));
  }
};
`;
    // column.type is the loop's constant, not the database: its branch runs.
    expect(keys(lintFile(source, 'migrations/20240105_imports.js'))).toEqual(['ban-drop-column@4:81']);
  });

  test('an early return for other databases leaves the rest unconditional', () => {
    const source = `exports.up = async (knex) => {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw("SET lock_timeout = '2s'");
  await knex.schema.createTable('events', (t) => t.bigIncrements());
  await knex.raw('CREATE INDEX events_id_idx ON events (id)');
};
`;
    expect(keys(lintFile(source, 'migrations/20240104_events.js'))).toEqual([]);
  });

  test('an early return on PostgreSQL leaves the rest out: a migration for SQLite only does nothing here, and is no unanalyzed code (kener)', () => {
    const source = `import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  const dbClient = knex.client.config.client;
  if (dbClient !== "sqlite3" && dbClient !== "better-sqlite3") {
    return; // Already handled by 20260325120000_multi_monitor_alerts
  }

  try {
    await knex.transaction(async (trx) => {
      await trx.raw("PRAGMA foreign_keys = OFF");
      await trx.raw("DROP TABLE monitor_alerts_config");
      await trx.raw("ALTER TABLE monitor_alerts_config_new RENAME TO monitor_alerts_config");
      await trx.raw("PRAGMA foreign_keys = ON");
    });
  } catch (e) {
    await knex.raw("PRAGMA foreign_keys = ON");
    throw e;
  }
}
`;
    const result = lintFile(source, 'migrations/20260328120000_fix_sqlite_monitor_alerts_config_nullable.ts');
    expect(result.findings).toEqual([]);
  });
});

describe('imported helpers and calls migralint cannot read', () => {
  test('getHelpers(knex).schema.changeToType(…) is reported at the call (directus)', () => {
    const source = `import type { Knex } from 'knex';
import { getHelpers } from '../helpers/index.js';

export async function up(knex: Knex): Promise<void> {
\tconst helper = getHelpers(knex).schema;
\tconst type = helper.isOneOfClients(['oracle', 'cockroachdb']) ? 'text' : 'string';
\tawait helper.changeToType('directus_webhooks', 'url', type);
\tawait getHelpers(knex).schema.changeToType('directus_webhooks', 'collections', 'text');
}
`;
    const result = lintFile(source, 'api/src/database/migrations/20201105B-change-webhook-url-type.ts');
    expect(keys(result)).toEqual(['unanalyzed-code@7:8', 'unanalyzed-code@8:8']);
    expect(result.findings[0].message).toBe(
      "`helper.changeToType('directus_webhooks', 'url', type)` runs code from outside this file (on `getHelpers(knex)`); what it does was not checked.",
    );
  });

  test('a schema inspector only reads: no warning', () => {
    const source = `import { createInspector } from '@directus/schema';
export async function up(knex) {
\tconst inspector = createInspector(knex);
\tconst foreignKeys = await inspector.foreignKeys();
\tawait knex('directus_relations').whereIn('id', foreignKeys.map((fk) => fk.id)).delete();
}
`;
    expect(keys(lintFile(source, 'api/src/database/migrations/20210518A-cleanup.js'))).toEqual([]);
  });

  test.each([
    ['only returns Promise.resolve() (nango)', 'exports.up = function () {\n  return Promise.resolve();\n  /* return knex.raw(\'DROP INDEX CONCURRENTLY idx\'); */\n};\n'],
    ['only returns Promise.resolve(), as an arrow', 'exports.up = (knex) => Promise.resolve(true);\n'],
    [
      'runs only on SQLite (uptime-kuma)',
      "exports.up = async function (knex) {\n  const isSQLite = knex.client.dialect === 'sqlite3';\n  if (isSQLite) {\n    await knex.raw('DROP INDEX IF EXISTS monitor_important_time_index');\n  }\n};\n",
    ],
    ['switches on the database and has no PostgreSQL case', "exports.up = async (knex) => {\n  switch (knex.client.config.client) {\n    case 'mysql':\n      await knex.raw('ALTER TABLE pages MODIFY content LONGTEXT');\n  }\n};\n"],
  ])('an up() that %s does nothing on PostgreSQL: no warning', (_what, source) => {
    expect(lintFile(source, 'db/knex_migrations/2026-06-19-1411-noop.js').findings).toEqual([]);
  });

  test('an up() none of whose code reaches knex gets one warning instead of silence', () => {
    const source = `const { onUpdateTrigger } = require('./helpers');
exports.up = async function (knex) {
  const statements = await onUpdateTrigger('campaign_contact');
  return statements;
};
`;
    expect(keys(lintFile(source, 'migrations/20240503180901_campaigncontactsupdatedat.js'))).toEqual(['unanalyzed-code@2:14']);
  });
});

describe('ignore comments on a whole Knex statement', () => {
  test('the comment above knex.schema.alterTable covers every change in the callback', () => {
    const source = `exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  // migralint-ignore ban-drop-column -- the columns were unused since v3
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('legacy_name');
    table.dropColumn('legacy_email');
  });
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('legacy_phone');
  });
};
`;
    expect(keys(lintFile(source, 'migrations/20240105_drop_legacy.js'))).toEqual(['ban-drop-column@9:5']);
  });
});

describe('botpress reaches Knex through its migration context', () => {
  test('bp.database in a module migration, exported as a named object', () => {
    const source = `import * as sdk from 'botpress/sdk'

const migration: sdk.ModuleMigration = {
  info: { description: 'Add source column to hitl_messages', type: 'database' },
  up: async ({ bp }: sdk.ModuleMigrationOpts): Promise<sdk.MigrationResult> => {
    const exists = await bp.database.schema.hasColumn('hitl_messages', 'source')
    if (!exists) {
      await bp.database.schema.alterTable('hitl_messages', table => table.string('source').notNullable())
    }
    return { success: true, message: 'ok' }
  }
}

export default migration
`;
    expect(keys(lintFile(source, 'modules/hitl/src/migrations/v12_1_0-1564677070-add_source_column_to_hitl_messages.ts'))).toEqual([
      'adding-required-field@8:69',
    ]);
  });

  test('database.knex in a core migration, with sqlite branches left out', () => {
    const source = `import * as sdk from 'botpress/sdk'
import { Migration, MigrationOpts } from 'core/migration'

const migration: Migration = {
  info: { description: 'add hostname to logs', type: 'database' },
  up: async ({ bp, database }: MigrationOpts): Promise<sdk.MigrationResult> => {
    if (bp.database.isLite) {
      return { success: true, message: 'sqlite' }
    }
    await database.knex.raw('ALTER TABLE srv_logs ALTER COLUMN "timestamp" TYPE timestamptz')
    return { success: true, message: 'ok' }
  }
}
export default migration
`;
    expect(keys(lintFile(source, 'packages/bp/src/migrations/v12_6_0-1581612555-add_hostname_to_logs.ts'))).toEqual(['changing-column-type@10:30']);
  });

  test('a migration re-exported from another file is reported, not skipped', () => {
    const source = "import previousMigration from './v12_10_8-1600900478-add_thread_id'\nexport default previousMigration\n";
    const result = lintFile(source, 'modules/hitl/src/migrations/v12_13_0-1605201510-add_thread_id.ts');
    expect(keys(result)).toEqual(['unanalyzed-code@2:1']);
    expect(result.findings[0].message).toBe('This migration takes its up() from `previousMigration` in another file; it was not checked here.');
  });

  test('a CommonJS migration that is another one required again is reported, not skipped', () => {
    const source = "module.exports = require('./20260314134000_remap_sla_pause_configs.cjs');\n";
    const result = lintFile(source, 'server/migrations/20260314143000_remap_sla_pause_configs_again.cjs');
    expect(keys(result)).toEqual(['unanalyzed-code@1:1']);
    expect(result.findings[0].message).toBe('This migration takes its up() from `./20260314134000_remap_sla_pause_configs.cjs` in another file; it was not checked here.');
    expect([result.findings[0].endLine, result.findings[0].endColumn]).toEqual([1, 73]);
  });

  test('an up() that hands over to an imported function is reported at the call; one that only changes configuration is not a migration of the database', () => {
    const messaging = `import * as sdk from 'botpress/sdk'
import { Migration, MigrationOpts } from 'core/migration'
import { runMessagingMigration } from 'orchestrator/messaging-server'

const migration: Migration = {
  info: { description: 'Migrates the messaging database from 0.1.21 to 1.0.4', target: 'core', type: 'database' },

  up: async ({ metadata }: MigrationOpts): Promise<sdk.MigrationResult> => {
    return runMessagingMigration('up', '1.0.4', metadata.isDryRun)
  },

  down: async ({ metadata }: MigrationOpts): Promise<sdk.MigrationResult> => {
    return runMessagingMigration('down', '0.1.21', metadata.isDryRun)
  }
}

export default migration
`;
    const result = lintFile(messaging, 'packages/bp/src/migrations/v12_26_10-1652113625-bump_messaging.ts');
    expect(keys(result)).toEqual(['unanalyzed-code@9:12']);
    expect(result.findings[0].message).toBe("This migration's up() hands over to `runMessagingMigration`, imported from another file; what it changes was not checked here.");

    const config = `import { Migration, MigrationOpts } from 'core/migration'

const migration: Migration = {
  info: { description: 'Adding eventCollector configuration to Botpress Config', type: 'config' },
  up: async ({ configProvider }: MigrationOpts) => {
    await configProvider.mergeBotpressConfig({ eventCollector: { enabled: true } })
    return { success: true, message: 'Configuration updated successfully' }
  }
}

export default migration
`;
    const skipped = lintText(config, 'packages/bp/src/migrations/v12_0_0-1560863171-event_collector.ts', { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });
    expect(skipped).toEqual({ file: 'packages/bp/src/migrations/v12_0_0-1560863171-event_collector.ts', skipped: 'not a SQL, Knex or TypeORM migration' });
  });
});
