/** The suggestion for the first flagged example of each rule in each front-end: [migration (and place), code] per step. */
export const EXPECTED: Record<string, Array<[string, string]>> = {
  "adding-field-with-default django": [
    ["this", "migrations.AddField(\"order\", \"token\", models.UUIDField(null=True)),\nmigrations.AlterField(\"order\", \"token\", models.UUIDField(db_default=RandomUUID(), null=True)),"],
    ["next", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        migrations.RunSQL(\"UPDATE shop_order SET token = DEFAULT WHERE token IS NULL\", migrations.RunSQL.noop),\n        migrations.RunSQL(\"ALTER TABLE shop_order ADD CONSTRAINT shop_order_token_not_null_check CHECK (token IS NOT NULL) NOT VALID\", \"ALTER TABLE shop_order DROP CONSTRAINT IF EXISTS shop_order_token_not_null_check\"),\n    ]"],
    ["later", "from django.contrib.postgres.operations import ValidateConstraint\nfrom django.contrib.postgres.functions import RandomUUID\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"<the migration before this one>\")]\n\n    operations = [\n        ValidateConstraint(\"order\", \"shop_order_token_not_null_check\"),\n        migrations.AlterField(\"order\", \"token\", models.UUIDField(db_default=RandomUUID())),\n        migrations.RunSQL(\"ALTER TABLE shop_order DROP CONSTRAINT shop_order_token_not_null_check\", migrations.RunSQL.noop),\n    ]"],
  ],
  "adding-field-with-default typeorm": [
    ["this", "await queryRunner.addColumn('users', new TableColumn({ name: 'token', type: 'uuid', isNullable: true }));\nawait queryRunner.query(`ALTER TABLE \"users\" ALTER COLUMN \"token\" SET DEFAULT gen_random_uuid()`);"],
    ["next", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationNext1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`UPDATE \"users\" SET \"token\" = DEFAULT WHERE \"token\" IS NULL`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
  ],
  "adding-field-with-default knex": [
    ["this", "await knex.schema.alterTable('users', (table) => {\n  table.uuid('token');\n});\nawait knex.raw('ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid()');"],
    ["next", "exports.up = async (knex) => {\n  await knex.raw('UPDATE users SET token = DEFAULT WHERE token IS NULL');\n};\n\nexports.down = async (knex) => {\n};"],
  ],
  "adding-field-with-default sql": [
    ["this", "ALTER TABLE users ADD COLUMN token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();"],
    ["next", "UPDATE users SET token = DEFAULT WHERE token IS NULL;"],
  ],
  "adding-foreign-key-constraint django": [
    ["this", "migrations.SeparateDatabaseAndState(\n    database_operations=[\n        migrations.AddField(\"order\", \"customer\", models.ForeignKey(default=1, on_delete=models.CASCADE, to=\"shop.customer\", db_constraint=False)),\n    ],\n    state_operations=[\n        migrations.AddField(\"order\", \"customer\", models.ForeignKey(default=1, on_delete=models.CASCADE, to=\"shop.customer\")),\n    ],\n),\nmigrations.RunSQL(\"ALTER TABLE shop_order ADD CONSTRAINT shop_order_customer_id_f638df20_fk_shop_customer_id FOREIGN KEY (customer_id) REFERENCES shop_customer (id) DEFERRABLE INITIALLY DEFERRED NOT VALID\", \"ALTER TABLE shop_order DROP CONSTRAINT IF EXISTS shop_order_customer_id_f638df20_fk_shop_customer_id\"),"],
    ["next", "from django.contrib.postgres.operations import ValidateConstraint\nfrom django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        ValidateConstraint(\"order\", \"shop_order_customer_id_f638df20_fk_shop_customer_id\"),\n    ]"],
  ],
  "adding-foreign-key-constraint typeorm": [
    ["this", "await queryRunner.query(`ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") NOT VALID`);"],
    ["next", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationNext1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"orders_user_id_fkey\"`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
  ],
  "adding-foreign-key-constraint knex": [
    ["this", "await knex.raw('ALTER TABLE orders ADD CONSTRAINT orders_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID');"],
    ["next", "exports.up = async (knex) => {\n  await knex.raw('ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_foreign');\n};\n\nexports.down = async (knex) => {\n};"],
  ],
  "adding-foreign-key-constraint sql": [
    ["this", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"],
    ["next", "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;"],
  ],
  "adding-not-nullable-field django": [
    ["this", "migrations.RunSQL(\"ALTER TABLE shop_order ADD CONSTRAINT shop_order_note_not_null_check CHECK (note IS NOT NULL) NOT VALID\", \"ALTER TABLE shop_order DROP CONSTRAINT IF EXISTS shop_order_note_not_null_check\"),"],
    ["next", "from django.contrib.postgres.operations import ValidateConstraint\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        ValidateConstraint(\"order\", \"shop_order_note_not_null_check\"),\n        migrations.AlterField(\"order\", \"note\", models.TextField(default=\"\")),\n        migrations.RunSQL(\"ALTER TABLE shop_order DROP CONSTRAINT shop_order_note_not_null_check\", migrations.RunSQL.noop),\n    ]"],
  ],
  "adding-not-nullable-field typeorm": [
    ["this", "await queryRunner.query(`ALTER TABLE \"users\" ADD CONSTRAINT \"users_email_not_null_check\" CHECK (\"email\" IS NOT NULL) NOT VALID`);"],
    ["next", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationNext1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"users\" VALIDATE CONSTRAINT \"users_email_not_null_check\"`);\n    await queryRunner.query(`ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL`);\n    await queryRunner.query(`ALTER TABLE \"users\" DROP CONSTRAINT \"users_email_not_null_check\"`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"users\" ALTER COLUMN \"email\" DROP NOT NULL`);\n  }\n}"],
  ],
  "adding-not-nullable-field knex": [
    ["this", "await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID');"],
    ["next", "exports.up = async (knex) => {\n  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check');\n  await knex.schema.alterTable('users', (table) => {\n    table.dropNullable('email');\n  });\n  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_email_not_null_check');\n};\n\nexports.down = async (knex) => {\n  await knex.raw('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');\n};"],
  ],
  "adding-not-nullable-field sql": [
    ["this", "ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;"],
    ["next", "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_not_null_check;"],
  ],
  "adding-required-field django": [
    ["this", "migrations.AddField(\"order\", \"currency\", models.CharField(max_length=3, default=\"EUR\", db_default=\"EUR\")),"],
  ],
  "adding-required-field typeorm": [
    ["this", "await queryRunner.addColumn('orders', new TableColumn({ name: 'currency', type: 'varchar', length: '3', default: '\"<value for existing rows>\"' }));"],
  ],
  "adding-required-field knex": [
    ["this", "await knex.schema.alterTable('orders', (table) => {\n  table.string('currency', 3).notNullable().defaultTo(knex.raw('\"<value for existing rows>\"'));\n});"],
  ],
  "adding-required-field sql": [
    ["this", "ALTER TABLE orders ADD COLUMN currency text DEFAULT \"<value for existing rows>\" NOT NULL;"],
  ],
  "adding-serial-primary-key-field typeorm": [
    ["this file", "export class Migration1700000000000 implements MigrationInterface {\n  transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('events', new TableIndex({ name: 'events_pkey', columnNames: ['id'], isUnique: true, isConcurrent: true }));\n    await queryRunner.query(`ALTER TABLE \"events\" ADD CONSTRAINT \"events_pkey\" PRIMARY KEY USING INDEX \"events_pkey\"`);\n  }\n}"],
  ],
  "adding-serial-primary-key-field knex": [
    ["this file", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id)');\n  await knex.raw('ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey');\n};"],
  ],
  "adding-serial-primary-key-field sql": [
    ["this", "CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);\nALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;"],
  ],
  "ban-alter-domain-with-add-constraint typeorm": [
  ],
  "ban-alter-domain-with-add-constraint knex": [
  ],
  "ban-alter-domain-with-add-constraint sql": [
  ],
  "ban-concurrent-index-creation-in-transaction django": [
    ["this file", "class Migration(migrations.Migration):\n    atomic = False\n\n    operations = [\n        AddIndexConcurrently(\"order\", models.Index(fields=[\"total\"], name=\"order_total_idx\")),\n    ]"],
  ],
  "ban-concurrent-index-creation-in-transaction typeorm": [
    ["this file", "export class Migration1700000000000 implements MigrationInterface {\n  transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"IDX_orders_customer\" ON \"orders\" (\"customer_id\")`);\n  }\n}"],
  ],
  "ban-concurrent-index-creation-in-transaction knex": [
    ["this file", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)');\n};"],
  ],
  "ban-concurrent-index-creation-in-transaction sql": [
    ["next", "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);"],
  ],
  "ban-create-domain-with-constraint typeorm": [
    ["this", "await queryRunner.query(`CREATE DOMAIN email AS text`);"],
  ],
  "ban-create-domain-with-constraint knex": [
    ["this", "await knex.raw('CREATE DOMAIN email AS text');"],
  ],
  "ban-create-domain-with-constraint sql": [
    ["this", "CREATE DOMAIN email AS text;"],
  ],
  "ban-drop-column django": [
    ["this", "migrations.SeparateDatabaseAndState(\n    state_operations=[\n        migrations.RemoveField(model_name=\"order\", name=\"note\"),\n    ],\n),"],
    ["later", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        migrations.RunSQL(\"ALTER TABLE shop_order DROP COLUMN note\", migrations.RunSQL.noop),\n    ]"],
  ],
  "ban-drop-column typeorm": [
    ["later", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationLater1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('users', 'age');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
  ],
  "ban-drop-column knex": [
    ["later", "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('age');\n  });\n};\n\nexports.down = async (knex) => {\n};"],
  ],
  "ban-drop-column sql": [
    ["later", "ALTER TABLE users DROP COLUMN age;"],
  ],
  "ban-drop-database typeorm": [
  ],
  "ban-drop-database knex": [
  ],
  "ban-drop-database sql": [
  ],
  "ban-drop-table django": [
    ["this", "migrations.SeparateDatabaseAndState(\n    state_operations=[\n        migrations.DeleteModel(name=\"Order\"),\n    ],\n),"],
    ["later", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        migrations.RunSQL(\"DROP TABLE shop_order CASCADE\", migrations.RunSQL.noop),\n    ]"],
  ],
  "ban-drop-table typeorm": [
    ["later", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationLater1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropTable('audit_log');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
  ],
  "ban-drop-table knex": [
    ["later", "exports.up = async (knex) => {\n  await knex.schema.dropTable('audit_log');\n};\n\nexports.down = async (knex) => {\n};"],
  ],
  "ban-drop-table sql": [
    ["later", "DROP TABLE audit_log;"],
  ],
  "ban-truncate-cascade typeorm": [
    ["this", "await queryRunner.query(`TRUNCATE TABLE \"customers\"`);"],
  ],
  "ban-truncate-cascade knex": [
    ["this", "await knex.raw('TRUNCATE TABLE customers');"],
  ],
  "ban-truncate-cascade sql": [
    ["this", "TRUNCATE TABLE customers;"],
  ],
  "ban-uncommitted-transaction typeorm": [
    ["this end", "await queryRunner.query(`COMMIT`);"],
  ],
  "ban-uncommitted-transaction knex": [
    ["this end", "await knex.raw('COMMIT');"],
  ],
  "ban-uncommitted-transaction sql": [
    ["this end", "COMMIT;"],
  ],
  "changing-column-type django": [
    ["this", "migrations.AddField(\"order\", \"total_new\", models.BigIntegerField(null=True)),"],
    ["next", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        migrations.RunSQL(\"UPDATE shop_order SET total_new = total::bigint WHERE total_new IS DISTINCT FROM total::bigint\", migrations.RunSQL.noop),\n    ]"],
    ["later", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"<the migration before this one>\")]\n\n    operations = [\n        migrations.RemoveField(\"order\", \"total\"),\n    ]"],
  ],
  "changing-column-type typeorm": [
    ["this", "await queryRunner.query(`ALTER TABLE \"accounts\" ADD COLUMN \"id_new\" bigint`);"],
    ["next", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationNext1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`UPDATE \"accounts\" SET \"id_new\" = \"id\"::bigint WHERE \"id_new\" IS DISTINCT FROM \"id\"::bigint`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
    ["later", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationLater1700000000002 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('accounts', 'id');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
  ],
  "changing-column-type knex": [
    ["this", "await knex.schema.alterTable('accounts', (table) => {\n  table.bigInteger('id_new');\n});"],
    ["next", "exports.up = async (knex) => {\n  await knex.raw('UPDATE accounts SET id_new = id::bigint WHERE id_new IS DISTINCT FROM id::bigint');\n};\n\nexports.down = async (knex) => {\n};"],
    ["later", "exports.up = async (knex) => {\n  await knex.schema.alterTable('accounts', (table) => {\n    table.dropColumn('id');\n  });\n};\n\nexports.down = async (knex) => {\n};"],
  ],
  "changing-column-type sql": [
    ["this", "ALTER TABLE events ADD COLUMN payload_new jsonb;"],
    ["next", "UPDATE events SET payload_new = payload::jsonb WHERE payload_new IS DISTINCT FROM payload::jsonb;"],
    ["later", "ALTER TABLE events DROP COLUMN payload;"],
  ],
  "constraint-missing-not-valid django": [
    ["this", "from django.contrib.postgres.operations import AddConstraintNotValid\n\nAddConstraintNotValid(\"order\", models.CheckConstraint(condition=models.Q(total__gte=0), name=\"order_total_gte_0\")),"],
    ["next", "from django.contrib.postgres.operations import ValidateConstraint\nfrom django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        ValidateConstraint(\"order\", \"order_total_gte_0\"),\n    ]"],
  ],
  "constraint-missing-not-valid typeorm": [
    ["this", "await queryRunner.query(`ALTER TABLE \"orders\" ADD CONSTRAINT \"CHK_total\" CHECK (\"total\" >= 0) NOT VALID`);"],
    ["next", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationNext1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"CHK_total\"`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
  ],
  "constraint-missing-not-valid knex": [
    ["this", "await knex.raw('ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (\"total\" >= 0) NOT VALID');"],
    ["next", "exports.up = async (knex) => {\n  await knex.raw('ALTER TABLE orders VALIDATE CONSTRAINT positive_total');\n};\n\nexports.down = async (knex) => {\n};"],
  ],
  "constraint-missing-not-valid sql": [
    ["this", "ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;"],
    ["next", "ALTER TABLE orders VALIDATE CONSTRAINT positive_total;"],
  ],
  "disallowed-unique-constraint django": [
    ["this file", "class Migration(migrations.Migration):\n    atomic = False\n\n    operations = [\n        migrations.RunSQL(\"CREATE UNIQUE INDEX CONCURRENTLY order_status_total_uniq ON shop_order (status, total)\", \"DROP INDEX CONCURRENTLY IF EXISTS order_status_total_uniq\"),\n        migrations.RunSQL(\n            \"ALTER TABLE shop_order ADD CONSTRAINT order_status_total_uniq UNIQUE USING INDEX order_status_total_uniq\",\n            \"ALTER TABLE shop_order DROP CONSTRAINT IF EXISTS order_status_total_uniq\",\n            state_operations=[\n                migrations.AddConstraint(\"order\", models.UniqueConstraint(fields=[\"status\", \"total\"], name=\"order_status_total_uniq\")),\n            ],\n        ),\n    ]"],
  ],
  "disallowed-unique-constraint typeorm": [
    ["this file", "export class Migration1700000000000 implements MigrationInterface {\n  transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('users', new TableIndex({ name: 'UQ_users_email', columnNames: ['email'], isUnique: true, isConcurrent: true }));\n    await queryRunner.query(`ALTER TABLE \"users\" ADD CONSTRAINT \"UQ_users_email\" UNIQUE USING INDEX \"UQ_users_email\"`);\n  }\n}"],
  ],
  "disallowed-unique-constraint knex": [
    ["this file", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE UNIQUE INDEX CONCURRENTLY users_email_unique ON users (email)');\n  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_unique UNIQUE USING INDEX users_email_unique');\n};"],
  ],
  "disallowed-unique-constraint sql": [
    ["this", "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;"],
  ],
  "prefer-robust-stmts django": [
  ],
  "prefer-robust-stmts typeorm": [
    ["this", "await queryRunner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS \"IDX_orders_user\" ON \"orders\" (\"user_id\")`);"],
  ],
  "prefer-robust-stmts knex": [
    ["this", "await knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id)');"],
  ],
  "prefer-robust-stmts sql": [
    ["this", "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id);"],
  ],
  "renaming-column django": [
    ["this", "migrations.AddField(\"order\", \"remark\", models.TextField(null=True)),"],
    ["next", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        migrations.RunSQL(\"UPDATE shop_order SET remark = note WHERE remark IS DISTINCT FROM note\", migrations.RunSQL.noop),\n    ]"],
    ["later", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"<the migration before this one>\")]\n\n    operations = [\n        migrations.RemoveField(\"order\", \"note\"),\n    ]"],
  ],
  "renaming-column typeorm": [
    ["this", "await queryRunner.query(`ALTER TABLE \"users\" ADD COLUMN \"email_address\" \"<type of email>\"`);"],
    ["next", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationNext1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`UPDATE \"users\" SET \"email_address\" = \"email\" WHERE \"email_address\" IS DISTINCT FROM \"email\"`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
    ["later", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationLater1700000000002 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('users', 'email');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}"],
  ],
  "renaming-column knex": [
    ["this", "await knex.schema.alterTable('users', (table) => {\n  table.specificType('email_address', '\"<type of email>\"');\n});"],
    ["next", "exports.up = async (knex) => {\n  await knex.raw('UPDATE users SET email_address = email WHERE email_address IS DISTINCT FROM email');\n};\n\nexports.down = async (knex) => {\n};"],
    ["later", "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('email');\n  });\n};\n\nexports.down = async (knex) => {\n};"],
  ],
  "renaming-column sql": [
    ["this", "ALTER TABLE users ADD COLUMN email_address \"<type of email>\";"],
    ["next", "UPDATE users SET email_address = email WHERE email_address IS DISTINCT FROM email;"],
    ["later", "ALTER TABLE users DROP COLUMN email;"],
  ],
  "renaming-table django": [
    ["this", "migrations.AlterModelTable(name=\"order\", table=\"sales_order\"),\nmigrations.RunSQL(\"CREATE VIEW shop_order AS SELECT * FROM sales_order\", \"DROP VIEW IF EXISTS shop_order\"),"],
    ["later", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0002_example\")]\n\n    operations = [\n        migrations.RunSQL(\"DROP VIEW shop_order\", \"CREATE VIEW shop_order AS SELECT * FROM sales_order\"),\n    ]"],
  ],
  "renaming-table typeorm": [
    ["this", "await queryRunner.renameTable('customers', 'clients');\nawait queryRunner.query(`CREATE VIEW \"customers\" AS SELECT * FROM \"clients\"`);"],
    ["later", "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class MigrationLater1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP VIEW \"customers\"`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE VIEW \"customers\" AS SELECT * FROM \"clients\"`);\n  }\n}"],
  ],
  "renaming-table knex": [
    ["this", "await knex.schema.renameTable('customers', 'clients');\nawait knex.raw('CREATE VIEW customers AS SELECT * FROM clients');"],
    ["later", "exports.up = async (knex) => {\n  await knex.raw('DROP VIEW customers');\n};\n\nexports.down = async (knex) => {\n  await knex.raw('CREATE VIEW customers AS SELECT * FROM clients');\n};"],
  ],
  "renaming-table sql": [
    ["this", "ALTER TABLE customers RENAME TO clients;\nCREATE VIEW customers AS SELECT * FROM clients;"],
    ["later", "DROP VIEW customers;"],
  ],
  "require-concurrent-index-creation django": [
    ["this file", "from django.contrib.postgres.operations import AddIndexConcurrently\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n\n    operations = [\n        AddIndexConcurrently(\"order\", models.Index(fields=[\"status\"], name=\"order_status_idx\")),\n    ]"],
  ],
  "require-concurrent-index-creation typeorm": [
    ["this file", "export class Migration1700000000000 implements MigrationInterface {\n  transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer', columnNames: ['customer_id'], isConcurrent: true }));\n  }\n}"],
  ],
  "require-concurrent-index-creation knex": [
    ["this file", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_customer_id_index ON orders (customer_id)');\n};"],
  ],
  "require-concurrent-index-creation sql": [
    ["this", "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);"],
  ],
  "require-concurrent-index-deletion django": [
    ["this file", "from django.contrib.postgres.operations import RemoveIndexConcurrently\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n\n    operations = [\n        RemoveIndexConcurrently(model_name=\"order\", name=\"order_status_idx\"),\n    ]"],
  ],
  "require-concurrent-index-deletion typeorm": [
    ["this file", "export class Migration1700000000000 implements MigrationInterface {\n  transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP INDEX CONCURRENTLY \"IDX_orders_customer\"`);\n  }\n}"],
  ],
  "require-concurrent-index-deletion knex": [
    ["this file", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('DROP INDEX CONCURRENTLY orders_customer_id_index');\n};"],
  ],
  "require-concurrent-index-deletion sql": [
    ["this", "DROP INDEX CONCURRENTLY orders_customer_idx;"],
  ],
  "require-concurrent-partition-detach typeorm": [
    ["this file", "export class Migration1700000000000 implements MigrationInterface {\n  transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY`);\n  }\n}"],
  ],
  "require-concurrent-partition-detach knex": [
    ["this file", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY');\n};"],
  ],
  "require-concurrent-partition-detach sql": [
    ["this", "ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;"],
  ],
  "require-concurrent-reindex typeorm": [
    ["this file", "export class Migration1700000000000 implements MigrationInterface {\n  transaction = false; // TypeORM honours it with migrationsTransactionMode: 'each' in the data source\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`REINDEX TABLE CONCURRENTLY \"orders\"`);\n  }\n}"],
  ],
  "require-concurrent-reindex knex": [
    ["this file", "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('REINDEX TABLE CONCURRENTLY orders');\n};"],
  ],
  "require-concurrent-reindex sql": [
    ["this", "REINDEX INDEX CONCURRENTLY orders_customer_idx;"],
  ],
  "require-lock-timeout django": [
    ["this top", "migrations.RunSQL(\"SET lock_timeout = '2s'\", migrations.RunSQL.noop),"],
  ],
  "require-lock-timeout typeorm": [
    ["this top", "await queryRunner.query(`SET lock_timeout = '2s'`);"],
  ],
  "require-lock-timeout knex": [
    ["this top", "await knex.raw(\"SET lock_timeout = '2s'\");"],
  ],
  "require-lock-timeout sql": [
    ["this top", "SET lock_timeout = '2s';"],
  ],
  "require-statement-timeout django": [
    ["this top", "migrations.RunSQL(\"SET statement_timeout = '5s'\", migrations.RunSQL.noop),"],
  ],
  "require-statement-timeout typeorm": [
    ["this top", "await queryRunner.query(`SET statement_timeout = '5s'`);"],
  ],
  "require-statement-timeout knex": [
    ["this top", "await knex.raw(\"SET statement_timeout = '5s'\");"],
  ],
  "require-statement-timeout sql": [
    ["this top", "SET statement_timeout = '5s';"],
  ],
  "transaction-nesting django": [
  ],
  "transaction-nesting typeorm": [
  ],
  "transaction-nesting knex": [
  ],
  "transaction-nesting sql": [
  ],
};
