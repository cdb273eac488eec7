import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { analyzeDjangoFile, analyzeDjangoProject } from '../../src/frontends/django';
import { readAppLabel } from '../../src/frontends/django/apps';
import { indexName } from '../../src/frontends/django/names';
import { orderMigrations } from '../../src/frontends/django/order';
import { suggestionFor } from '../../src/fixes/suggest';
import { checkAnalysis, isSkipped, lintText, prepareLinting } from '../../src/lint';
import { runCli, tempProject } from '../cli/run-cli';

beforeAll(prepareLinting);

const FILE = 'shop/migrations/0002_change.py';

/** The migration before the ones tested: shop.Order and shop.Product on existing tables. */
const INITIAL = `from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100)),
            ],
        ),
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("total", models.IntegerField()),
                ("note", models.TextField(null=True)),
                ("status", models.CharField(max_length=20)),
                ("product", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="shop.product")),
                ("tags", models.ManyToManyField(to="shop.product", related_name="+")),
            ],
        ),
    ]
`;

/** A migration whose operations start on line 7, column 9. */
function migration(operations: string, header = ''): string {
  return `from django.db import migrations, models
import django.db.models.deletion
${header}

class Migration(migrations.Migration):
    operations = [
${operations.replace(/^/gm, '        ')}
    ]
`;
}

/** `rule@line:column` for each finding (strict preset: every rule), after the initial migration. */
function lint(text: string, history: string[] = [INITIAL]): string[] {
  const analyzed = analyzeDjangoFile(text, FILE, history);
  const result = checkAnalysis({ analyzed, source: text }, FILE, { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });
  return result.findings.map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);
}

function operationsOf(text: string, history: string[] = [INITIAL]) {
  return analyzeDjangoFile(text, FILE, history).operations;
}

describe('operations, lowered as Django runs them on PostgreSQL', () => {
  test('CreateModel: a new table, with its foreign keys and indexes exempt (the referenced table is still locked)', () => {
    const text = migration('migrations.CreateModel(\n    name="Refund",\n    fields=[\n        ("id", models.BigAutoField(primary_key=True, serialize=False)),\n        ("order", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="shop.order")),\n    ],\n),');
    expect(lint(text)).toEqual(['require-lock-timeout@7:9']);
    const kinds = operationsOf(text).map((operation) => `${operation.kind}:${'table' in operation ? operation.table.name : ''}`);
    expect(kinds).toEqual(['createTable:shop_refund', 'addConstraint:shop_refund', 'createIndex:shop_refund']);
  });

  test('AddField: nullable, NOT NULL with a Python default (dropped after), db_default, foreign key, unique', () => {
    expect(lint(migration('migrations.AddField(model_name="order", name="coupon", field=models.TextField(null=True)),'))).toEqual(['require-lock-timeout@7:9']);
    expect(lint(migration('migrations.AddField(model_name="order", name="currency", field=models.CharField(default="EUR", max_length=3)),'))).toEqual([
      'adding-required-field@7:9',
      'require-lock-timeout@7:9',
    ]);
    expect(lint(migration('migrations.AddField(model_name="order", name="channel", field=models.CharField(db_default="web", max_length=8)),'))).toEqual(['require-lock-timeout@7:9']);
    expect(lint(migration('migrations.AddField(model_name="order", name="code", field=models.CharField(max_length=8)),'))).toEqual(['adding-required-field@7:9', 'require-lock-timeout@7:9']);
    // Django adds a foreign key column's constraint inline: with NULL in every row, PostgreSQL checks nothing.
    expect(lint(migration('migrations.AddField(\n    model_name="order",\n    name="parent",\n    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to="shop.order"),\n),'))).toEqual([
      'require-concurrent-index-creation@7:9',
      'require-lock-timeout@7:9',
    ]);
    // A default fills the rows first: then the inline constraint is checked.
    expect(lint(migration('migrations.AddField(model_name="order", name="owner", field=models.ForeignKey(default=1, on_delete=django.db.models.deletion.CASCADE, to="shop.order")),'))).toEqual([
      'adding-foreign-key-constraint@7:9',
      'adding-required-field@7:9',
      'require-concurrent-index-creation@7:9',
      'require-lock-timeout@7:9',
    ]);
    expect(lint(migration('migrations.AddField(model_name="product", name="sku", field=models.CharField(max_length=8, null=True, unique=True)),'))).toEqual([
      'disallowed-unique-constraint@7:9',
      'require-concurrent-index-creation@7:9',
      'require-lock-timeout@7:9',
    ]);
    const [column] = operationsOf(migration('migrations.AddField(model_name="order", name="parent", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="shop.order")),'));
    expect(column).toMatchObject({ kind: 'addColumn', table: { name: 'shop_order' }, column: { name: 'parent_id', type: { name: 'int8' }, notNull: false } });
  });

  test('RenameField after AddField in one migration: the deferred index of the new foreign key is on the renamed column, with the name Django gives it then', () => {
    // peering-manager: a foreign key added beside the old field, filled, the old field removed and the new one renamed to its name.
    const text = migration(
      [
        'migrations.AddField(model_name="order", name="supplier_fk", field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, to="shop.product")),',
        'migrations.RenameField(model_name="order", old_name="supplier_fk", new_name="supplier"),',
      ].join('\n'),
    );
    const indexes = operationsOf(text).filter((operation) => operation.kind === 'createIndex');
    expect(indexes).toMatchObject([{ table: { name: 'shop_order' }, columns: ['supplier_id'], name: indexName('shop_order', ['supplier_id']) }]);
    // The index is the AddField's (the column is new, so its rename is no finding); the foreign key AddField made
    // inline is in the database when RenameField runs, which drops it and adds it again, checking every row.
    expect(lint(text)).toEqual(['require-concurrent-index-creation@7:9', 'require-lock-timeout@7:9', 'adding-foreign-key-constraint@8:9']);
  });

  test('RemoveField, RenameField: the column Django names (foreign keys end in _id), not a db_column rename', () => {
    expect(lint(migration('migrations.RemoveField(model_name="order", name="note"),'))).toEqual(['ban-drop-column@7:9', 'require-lock-timeout@7:9']);
    expect(operationsOf(migration('migrations.RemoveField(model_name="order", name="product"),')).map((operation) => operation.kind)).toEqual(['dropConstraint', 'dropColumn']);
    expect(operationsOf(migration('migrations.RemoveField(model_name="order", name="product"),'))[1]).toMatchObject({ column: 'product_id' });
    // Django drops the foreign key, renames its column, and adds the foreign key again under the new column's name.
    const renameForeignKey = migration('migrations.RenameField(model_name="order", old_name="product", new_name="item"),');
    expect(lint(renameForeignKey)).toEqual(['adding-foreign-key-constraint@7:9', 'renaming-column@7:9', 'require-lock-timeout@7:9']);
    expect(operationsOf(renameForeignKey).map((operation) => operation.kind)).toEqual(['dropConstraint', 'renameColumn', 'addConstraint']);
    expect(operationsOf(renameForeignKey)[1]).toMatchObject({ column: 'product_id', newName: 'item_id' });
    expect(operationsOf(renameForeignKey)[2]).toMatchObject({ constraint: { name: 'shop_order_item_id_1c3e61d3_fk_shop_product_id', columns: ['item_id'] } });
    // A foreign key CreateModel deferred to the end of the migration is not in the database yet: renamed with its column, not dropped.
    const created = migration('migrations.CreateModel(name="Refund", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("order", models.ForeignKey(on_delete=models.CASCADE, to="shop.order"))]),\nmigrations.RenameField(model_name="refund", old_name="order", new_name="purchase"),');
    expect(operationsOf(created).map((operation) => operation.kind)).toEqual(['createTable', 'renameColumn', 'addConstraint', 'createIndex']);
    const history = [INITIAL, migration('migrations.AlterField(model_name="order", name="note", field=models.TextField(null=True, db_column="note")),')];
    expect(lint(migration('migrations.RenameField(model_name="order", old_name="note", new_name="remark"),'), history)).toEqual([]);
  });

  test('AlterField: only what changes in the database, compared with the field before', () => {
    expect(lint(migration('migrations.AlterField(model_name="order", name="total", field=models.IntegerField(verbose_name="total", help_text="cents")),'))).toEqual([]);
    expect(lint(migration('migrations.AlterField(model_name="order", name="total", field=models.BigIntegerField()),'))).toEqual(['changing-column-type@7:9', 'require-lock-timeout@7:9']);
    expect(lint(migration('migrations.AlterField(model_name="order", name="note", field=models.TextField(default="")),'))).toEqual(['adding-not-nullable-field@7:9', 'require-lock-timeout@7:9']);
    expect(lint(migration('migrations.AlterField(model_name="order", name="total", field=models.IntegerField(null=True)),'))).toEqual(['ban-drop-not-null@7:9', 'require-lock-timeout@7:9']);
    expect(lint(migration('migrations.AlterField(model_name="order", name="status", field=models.CharField(max_length=20, db_index=True)),'))).toEqual([
      'require-concurrent-index-creation@7:9',
      'require-concurrent-index-creation@7:9',
      'require-lock-timeout@7:9',
    ]);
    expect(lint(migration('migrations.AlterField(model_name="order", name="status", field=models.CharField(max_length=20, unique=True)),'))).toEqual([
      'disallowed-unique-constraint@7:9',
      'require-concurrent-index-creation@7:9',
      'require-lock-timeout@7:9',
    ]);
    // A PositiveIntegerField adds CHECK (col >= 0), which scans the table.
    expect(lint(migration('migrations.AlterField(model_name="order", name="total", field=models.PositiveIntegerField()),'))).toEqual(['constraint-missing-not-valid@7:9', 'require-lock-timeout@7:9']);
    // Any change to a foreign key field drops and re-adds the constraint.
    expect(lint(migration('migrations.AlterField(model_name="order", name="product", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="shop.product")),'))).toEqual([
      'adding-foreign-key-constraint@7:9',
      'ban-drop-not-null@7:9',
      'require-lock-timeout@7:9',
    ]);
    expect(lint(migration('migrations.AlterField(model_name="invoice", name="total", field=models.BigIntegerField()),'))).toEqual(['unanalyzed-code@7:9']);
  });

  test('AlterField of a foreign key that names the same model another way ("shop.Product" first, for to="shop.product") and changes only related_name: Django runs nothing', () => {
    const text = migration('migrations.AlterField(\n    model_name="order",\n    name="product",\n    field=models.ForeignKey("shop.Product", django.db.models.deletion.CASCADE, related_name="orders"),\n),');
    expect(lint(text)).toEqual([]);
    expect(operationsOf(text)).toEqual([]);
    // Another target is still a change.
    expect(lint(migration('migrations.AlterField(model_name="order", name="product", field=models.ForeignKey("shop.Order", on_delete=models.CASCADE)),'))).toContain('adding-foreign-key-constraint@7:9');
  });

  test("AlterField of an indexed varchar: a new length keeps the LIKE index; becoming text builds it again", () => {
    const history = [
      INITIAL,
      migration('migrations.AddField(model_name="product", name="slug", field=models.SlugField(max_length=100, unique=True, null=True)),\nmigrations.AddField(model_name="product", name="sku", field=models.CharField(max_length=64, db_index=True, null=True)),'),
    ];
    const shorter = migration('migrations.AlterField(model_name="product", name="slug", field=models.SlugField(max_length=48, unique=True, null=True)),\nmigrations.AlterField(model_name="product", name="sku", field=models.CharField(max_length=32, db_index=True, null=True)),');
    expect(lint(shorter, history)).toEqual(['changing-column-type@7:9', 'require-lock-timeout@7:9', 'changing-column-type@8:9']);
    expect(operationsOf(shorter, history).map((operation) => operation.kind)).toEqual(['alterColumnType', 'alterColumnType']);
    const text = migration('migrations.AlterField(model_name="product", name="sku", field=models.TextField(db_index=True, null=True)),');
    expect(operationsOf(text, history).map((operation) => (operation.kind === 'createIndex' ? `createIndex:${operation.name}` : operation.kind))).toEqual(['dropIndex', 'alterColumnType', 'createIndex:shop_product_sku_20049d15_like']);
  });

  test("AlterField of a foreign key added by AddField drops the constraint Django named inline, on a table whose name Django truncates", () => {
    const history = [
      INITIAL,
      migration('migrations.CreateModel(name="ConsolePortTemplate", fields=[("id", models.BigAutoField(primary_key=True, serialize=False))]),'),
      migration('migrations.AddField(model_name="consoleporttemplate", name="device_type", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="shop.product")),'),
    ];
    // Django 5.2 writes: ADD COLUMN "device_type_id" bigint NULL CONSTRAINT "shop_consoleporttemp_device_type_id_de90e410_fk_shop_prod" REFERENCES …
    const [addColumn] = operationsOf(history[2], history.slice(0, 2));
    expect(addColumn).toMatchObject({ kind: 'addColumn', column: { references: { table: { name: 'shop_product' } }, constraintNames: { foreignKey: 'shop_consoleporttemp_device_type_id_de90e410_fk_shop_prod' } } });
    expect(lint(migration('migrations.AlterField(model_name="consoleporttemplate", name="device_type", field=models.ForeignKey(on_delete=models.CASCADE, to="shop.product")),'), history)).toEqual([
      'adding-foreign-key-constraint@7:9',
      'adding-not-nullable-field@7:9',
      'require-lock-timeout@7:9',
    ]);
  });

  test('AlterField after RenameField drops the foreign key Django finds by its column, whatever name it kept: not an unknown constraint', async () => {
    // netbox: the constraint keeps the (truncated) name made from device_type_id; Django's schema editor looks it up by the column.
    const cwd = tempProject({
      'manage.py': '',
      'shop/__init__.py': '',
      'shop/migrations/__init__.py': '',
      'shop/migrations/0001_initial.py': INITIAL,
      'shop/migrations/0002_template.py': migration('migrations.CreateModel(name="ConsolePortTemplate", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("device_type", models.ForeignKey(on_delete=models.CASCADE, to="shop.product"))]),'),
      'shop/migrations/0003_rename.py': migration('migrations.RenameField(model_name="consoleporttemplate", old_name="device_type", new_name="product_type"),'),
      'shop/migrations/0004_nullable.py': migration('migrations.AlterField(model_name="consoleporttemplate", name="product_type", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="shop.product")),'),
    });
    const run = await runCli(['shop/migrations/0004_nullable.py', '--format', 'json'], { cwd });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ rule: string; line: number }> }).findings.map((finding) => `${finding.rule}@${finding.line}`);
    expect(findings).toEqual(['adding-foreign-key-constraint@7', 'ban-drop-not-null@7', 'require-lock-timeout@7']);
    expect(operationsOf(migration('migrations.AlterField(model_name="consoleporttemplate", name="product_type", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="shop.product")),'), [INITIAL, migration('migrations.CreateModel(name="ConsolePortTemplate", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("device_type", models.ForeignKey(on_delete=models.CASCADE, to="shop.product"))]),'), migration('migrations.RenameField(model_name="consoleporttemplate", old_name="device_type", new_name="product_type"),')])[0]).toMatchObject({ kind: 'dropConstraint', byLookup: true });
  });

  test('RenameIndex (old_name, or the old_fields of index_together) renames the index: a later RemoveIndex drops a known index of a known table', async () => {
    // Misago: index_together sets renamed to named indexes (Django 4.2), and one of them removed later.
    const cwd = tempProject({
      'manage.py': '',
      'shop/__init__.py': '',
      'shop/migrations/__init__.py': '',
      'shop/migrations/0001_initial.py': INITIAL,
      'shop/migrations/0002_indexes.py': migration('migrations.AlterIndexTogether(name="order", index_together={("status", "total")}),\nmigrations.AddIndex(model_name="order", index=models.Index(fields=["note"], name="shop_order_note_idx")),'),
      'shop/migrations/0003_rename_indexes.py': migration('migrations.RenameIndex(model_name="order", new_name="shop_order_status_total_idx", old_fields=("status", "total")),\nmigrations.RenameIndex(model_name="order", new_name="order_note_idx", old_name="shop_order_note_idx"),'),
      'shop/migrations/0004_drop_indexes.py': migration('migrations.RemoveIndex(model_name="order", name="shop_order_status_total_idx"),\nmigrations.RemoveIndex(model_name="order", name="order_note_idx"),'),
    });
    const run = await runCli(['shop/migrations/0004_drop_indexes.py', '--format', 'json'], { cwd });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ rule: string; line: number; message: string }> }).findings;
    expect(findings.map((finding) => `${finding.rule}@${finding.line}`)).toEqual(['require-concurrent-index-deletion@7', 'require-lock-timeout@7', 'require-concurrent-index-deletion@8']);
    expect(findings[0].message).toContain('its table "shop_order"');
  });

  test('AlterField that drops unique=True finds the constraint by its column, whatever name PostgreSQL gave it with the column', async () => {
    // peering-manager: unique=True given with AddField (PostgreSQL names it <table>_<column>_key), loosened later; Django's own name is truncated.
    const session = 'migrations.CreateModel(name="InternetExchangePeeringSession", fields=[("id", models.BigAutoField(primary_key=True, serialize=False))]),';
    const cwd = tempProject({
      'manage.py': '',
      'shop/__init__.py': '',
      'shop/migrations/__init__.py': '',
      'shop/migrations/0001_initial.py': INITIAL,
      'shop/migrations/0002_session.py': migration(session),
      'shop/migrations/0003_reference.py': migration('migrations.AddField(model_name="internetexchangepeeringsession", name="service_reference", field=models.CharField(max_length=255, null=True, unique=True)),'),
      'shop/migrations/0004_loosen.py': migration('migrations.AlterField(model_name="internetexchangepeeringsession", name="service_reference", field=models.CharField(max_length=255, null=True)),'),
    });
    const run = await runCli(['shop/migrations/0004_loosen.py', '--format', 'json'], { cwd });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ rule: string; line: number; column: number }> }).findings.map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);
    expect(findings).toEqual(['require-concurrent-index-deletion@7:9', 'require-lock-timeout@7:9']);
  });

  test('AddIndex (partial, expression), AddIndexConcurrently, RemoveIndex, RemoveIndexConcurrently', () => {
    expect(lint(migration('migrations.AddIndex(model_name="order", index=models.Index(fields=["-total"], name="order_total_idx", condition=models.Q(total__gt=0))),'))).toEqual([
      'require-concurrent-index-creation@7:9',
      'require-lock-timeout@7:9',
    ]);
    expect(lint(migration('migrations.AddIndex(model_name="order", index=models.Index(models.F("total"), name="order_total_expr_idx")),'))).toEqual([
      'require-concurrent-index-creation@7:9',
      'require-lock-timeout@7:9',
    ]);
    const concurrently = 'AddIndexConcurrently(model_name="order", index=models.Index(fields=["total"], name="order_total_idx")),';
    const header = 'from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently';
    expect(lint(migration(concurrently, header))).toEqual(['ban-concurrent-index-creation-in-transaction@7:9']);
    const nonAtomic = migration(concurrently, header).replace('    operations = [', '    atomic = False\n    operations = [');
    expect(lint(nonAtomic)).toEqual([]);
    expect(lint(migration('migrations.RemoveIndex(model_name="order", name="order_total_idx"),'))).toEqual(['require-concurrent-index-deletion@7:9', 'require-lock-timeout@7:9']);
    expect(lint(migration('RemoveIndexConcurrently(model_name="order", name="order_total_idx"),', header).replace('    operations = [', '    atomic = False\n    operations = ['))).toEqual([]);
  });

  test('AddConstraint (unique, unique with a condition, check), AddConstraintNotValid, ValidateConstraint', () => {
    expect(lint(migration('migrations.AddConstraint(model_name="order", constraint=models.UniqueConstraint(fields=["status", "total"], name="order_uniq")),'))).toEqual([
      'disallowed-unique-constraint@7:9',
      'require-lock-timeout@7:9',
    ]);
    expect(lint(migration('migrations.AddConstraint(model_name="order", constraint=models.UniqueConstraint(fields=["status"], condition=models.Q(total__gt=0), name="order_uniq")),'))).toEqual([
      'require-concurrent-index-creation@7:9',
      'require-lock-timeout@7:9',
    ]);
    expect(lint(migration('migrations.AddConstraint(model_name="order", constraint=models.CheckConstraint(condition=models.Q(total__gte=0), name="total_gte_0")),'))).toEqual([
      'constraint-missing-not-valid@7:9',
      'require-lock-timeout@7:9',
    ]);
    const header = 'from django.contrib.postgres.operations import AddConstraintNotValid, ValidateConstraint';
    const notValid = 'AddConstraintNotValid(model_name="order", constraint=models.CheckConstraint(condition=models.Q(("note__isnull", False)), name="note_not_null")),';
    expect(lint(migration(notValid, header))).toEqual(['require-lock-timeout@7:9']);
    const [operation] = operationsOf(migration(notValid, header));
    expect(operation).toMatchObject({ kind: 'addConstraint', constraint: { kind: 'check', notValid: true, checksNotNullOf: 'note' } });
    // Validated in the same (atomic) migration: the lock of the add is still held.
    expect(lint(migration(`${notValid}\nValidateConstraint(model_name="order", name="note_not_null"),`, header))).toEqual(['require-lock-timeout@7:9', 'constraint-missing-not-valid@8:9']);
  });

  test('AlterUniqueTogether, AlterIndexTogether, DeleteModel, RenameModel, AlterModelTable', () => {
    expect(lint(migration('migrations.AlterUniqueTogether(name="order", unique_together={("status", "product")}),'))).toEqual([
      'disallowed-unique-constraint@7:9',
      'require-lock-timeout@7:9',
    ]);
    expect(operationsOf(migration('migrations.AlterUniqueTogether(name="order", unique_together={("status", "product")}),'))[0]).toMatchObject({ constraint: { columns: ['status', 'product_id'] } });
    expect(lint(migration('migrations.AlterIndexTogether(name="order", index_together={("status", "total")}),'))).toEqual(['require-concurrent-index-creation@7:9', 'require-lock-timeout@7:9']);
    expect(lint(migration('migrations.DeleteModel(name="Order"),'))).toEqual(['ban-drop-table@7:9', 'ban-drop-table@7:9', 'require-lock-timeout@7:9']);
    expect(operationsOf(migration('migrations.DeleteModel(name="Order"),')).map((operation) => (operation.kind === 'dropTable' ? operation.tables[0].name : ''))).toEqual(['shop_order_tags', 'shop_order']);
    expect(lint(migration('migrations.RenameModel(old_name="Product", new_name="Item"),'))).toContain('renaming-table@7:9');
    expect(lint(migration('migrations.AlterModelTable(name="order", table="sales_order"),'))).toEqual(['renaming-table@7:9', 'renaming-table@7:9', 'require-lock-timeout@7:9']);
  });

  test("RenameModel: another model's many-to-many join table renames its column after the model, and adds its foreign key again", () => {
    const text = migration('migrations.RenameModel(old_name="Product", new_name="Item"),');
    const joinTable = operationsOf(text).filter((operation) => 'table' in operation && operation.table.name === 'shop_order_tags');
    expect(joinTable.map((operation) => operation.kind)).toEqual(['dropConstraint', 'renameColumn', 'addConstraint']);
    expect(joinTable[1]).toMatchObject({ column: 'product_id', newName: 'item_id' });
    expect(joinTable[2]).toMatchObject({ constraint: { name: 'shop_order_tags_item_id_d15cf74c_fk_shop_item_id', references: { table: { name: 'shop_item' } } } });
    expect(lint(text)).toEqual(expect.arrayContaining(['renaming-column@7:9', 'adding-foreign-key-constraint@7:9']));
  });

  test('unique_together and index_together written as set([...]), as makemigrations wrote them before Django 2: the same as a set literal', () => {
    expect(lint(migration('migrations.AlterUniqueTogether(\n    name="order",\n    unique_together=set([("status", "product")]),\n),'))).toEqual(['disallowed-unique-constraint@7:9', 'require-lock-timeout@7:9']);
    const history = [INITIAL, migration('migrations.AlterIndexTogether(name="order", index_together=set([("status", "total")])),')];
    expect(lint(migration('migrations.AlterIndexTogether(name="order", index_together=set()),'), history)).toEqual(['require-concurrent-index-deletion@7:9', 'require-lock-timeout@7:9']);
    expect(lint(migration('migrations.CreateModel(name="Refund", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("code", models.TextField())], options={"unique_together": set([("code",)])}),\nmigrations.AlterUniqueTogether(name="refund", unique_together=set()),'))).toEqual([]);
    // What is not literal field names is reported, not read as no sets at all.
    expect(lint(migration('migrations.AlterUniqueTogether(name="order", unique_together=ORDER_UNIQUE),', 'from shop.constants import ORDER_UNIQUE'))).toEqual(['unanalyzed-code@7:70']);
    expect(lint(migration('migrations.CreateModel(name="Refund", fields=[("id", models.BigAutoField(primary_key=True, serialize=False))], options={"index_together": [tuple(f) for f in PAIRS]}),'))).toEqual(['unanalyzed-code@7:147']);
  });

  test('a model created and then given its own table in one migration: the deferred statements of its join table follow the rename', () => {
    // As in a squashed migration that moved models into an app: CreateModel, then AlterModelTable (or RenameModel).
    const create = 'migrations.CreateModel(\n    name="Customer",\n    fields=[\n        ("id", models.AutoField(primary_key=True, serialize=False)),\n        ("favourites", models.ManyToManyField(to="shop.product")),\n    ],\n),\n';
    for (const rename of ['migrations.AlterModelTable(name="customer", table="customer"),', 'migrations.RenameModel(old_name="Customer", new_name="Client"),']) {
      const text = migration(create + rename);
      // Only the foreign keys to the existing shop_product lock it; the join table is new under its new name.
      expect(lint(text)).toEqual(['require-lock-timeout@7:9']);
      const joinTable = rename.includes('AlterModelTable') ? 'customer_favourites' : 'shop_client_favourites';
      const deferred = operationsOf(text).filter((operation) => operation.kind === 'addConstraint' || operation.kind === 'createIndex');
      expect(deferred.map((operation) => ('table' in operation ? operation.table.name : ''))).toEqual(Array(5).fill(joinTable));
      const references = deferred.flatMap((operation) => (operation.kind === 'addConstraint' && operation.constraint.references ? [operation.constraint.references.table.name] : []));
      expect(references).toEqual([rename.includes('AlterModelTable') ? 'customer' : 'shop_client', 'shop_product']);
    }
  });

  test('RunSQL: PostgreSQL parses the SQL, findings point inside the string; reverse_sql is rollback code', () => {
    const text = migration('migrations.RunSQL(\n    """\n    SET LOCAL lock_timeout = \'2s\';\n    ALTER TABLE shop_order DROP COLUMN note;\n    """,\n    reverse_sql="DROP TABLE shop_order;",\n),');
    expect(lint(text)).toEqual(['ban-drop-column@10:13']);
    expect(lint(migration('migrations.RunSQL(["CREATE INDEX a ON shop_order (total)", ("UPDATE shop_order SET total = %s", [0])]),'))).toEqual([
      'require-concurrent-index-creation@7:29',
      'require-lock-timeout@7:29',
    ]);
    expect(lint(migration('migrations.RunSQL("ALTER TABLE shop_order DROP COLUM note"),'))).toEqual(['syntax-error@7:62']);
    expect(lint(migration('migrations.RunSQL(build_sql()),'))).toEqual(['unanalyzed-code@7:27']);
    // Constants of the file are followed.
    const constant = migration('migrations.RunSQL(DROP),', 'DROP = "ALTER TABLE shop_order DROP COLUMN note"');
    expect(lint(constant)).toEqual(['ban-drop-column@3:9', 'require-lock-timeout@3:9']);
  });

  test('RunPython: a data migration; without reverse_code it is reported', () => {
    expect(lint(migration('migrations.RunPython(forwards),'))).toEqual(['unanalyzed-code@7:9']);
    expect(lint(migration('migrations.RunPython(forwards, migrations.RunPython.noop),'))).toEqual([]);
    expect(lint(migration('migrations.RunPython(code=forwards, reverse_code=backwards),'))).toEqual([]);
  });

  test('a RunPython without reverse_code earlier in the history leaves it whole: a table no migration made is still unknown-object', async () => {
    const cwd = tempProject({
      'manage.py': '',
      'shop/__init__.py': '',
      'shop/migrations/__init__.py': '',
      'shop/migrations/0001_initial.py': INITIAL,
      'shop/migrations/0002_backfill.py': migration('migrations.RunPython(fill_totals),'),
      'shop/migrations/0003_raw.py': migration('migrations.RunSQL("ALTER TABLE shop_orders DROP COLUMN note", migrations.RunSQL.noop),'),
    });
    const run = await runCli(['--format', 'json'], { cwd });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ rule: string; file: string; line: number }> }).findings.map((finding) => `${finding.rule}@${finding.file}:${finding.line}`);
    expect(findings).toEqual(['unanalyzed-code@shop/migrations/0002_backfill.py:7', 'ban-drop-column@shop/migrations/0003_raw.py:7', 'require-lock-timeout@shop/migrations/0003_raw.py:7', 'unknown-object@shop/migrations/0003_raw.py:7']);
    expect(run.stderr).not.toContain('unknown-object was off');
  });

  test('SeparateDatabaseAndState: only database_operations touch the database', () => {
    const text = migration(
      'migrations.SeparateDatabaseAndState(\n    state_operations=[migrations.RemoveField(model_name="order", name="note")],\n    database_operations=[],\n),\nmigrations.AddField(model_name="order", name="note", field=models.TextField(null=True)),',
    );
    expect(lint(text)).toEqual(['require-lock-timeout@11:9']);
    const databaseOnly = migration('migrations.SeparateDatabaseAndState(\n    database_operations=[migrations.RunSQL("ALTER TABLE shop_order DROP COLUMN note")],\n),');
    expect(lint(databaseOnly)).toEqual(['ban-drop-column@8:53', 'require-lock-timeout@8:53']);
  });

  test("a model moved to another table renames its identity sequence and primary key index with RunSQL's ALTER TABLE: neither is a table", async () => {
    // As a model moves to another app: the table, then the names PostgreSQL and Django gave its sequence and indexes.
    const move = migration(
      [
        'migrations.SeparateDatabaseAndState(',
        '    database_operations=[',
        '        migrations.AlterModelTable(name="Order", table="sales_order"),',
        '        migrations.RunSQL("ALTER TABLE shop_order_id_seq RENAME TO sales_order_id_seq"),',
        '        migrations.RunSQL("ALTER TABLE shop_order_pkey RENAME TO sales_order_pkey"),',
        '        migrations.RunSQL("ALTER TABLE shop_orders_pkey RENAME TO sales_orders_pkey"),',
        '    ],',
        '    state_operations=[migrations.DeleteModel(name="Order")],',
        '),',
      ].join('\n'),
    );
    const cwd = tempProject({
      'manage.py': '',
      'shop/__init__.py': '',
      'shop/migrations/__init__.py': '',
      'shop/migrations/0001_initial.py': INITIAL,
      'shop/migrations/0002_move.py': move,
    });
    const run = await runCli(['shop/migrations/0002_move.py', '--format', 'json'], { cwd });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ rule: string; line: number; column: number }> }).findings.map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);
    // The table and its join table are renamed; a misspelt name is still reported.
    expect(findings).toEqual(['renaming-table@9:17', 'renaming-table@9:17', 'require-lock-timeout@9:17', 'renaming-table@12:36', 'unknown-object@12:36']);
  });

  test('operations migralint does not know, and operations that are not calls, are reported', () => {
    expect(lint(migration('CustomOperation("order"),\n*[op for op in OPS],'))).toEqual(['unanalyzed-code@7:9', 'unanalyzed-code@8:9']);
    expect(lint(migration('migrations.AlterModelOptions(name="order", options={"ordering": ["total"]}),'))).toEqual([]);
  });
});

describe('ignoring', () => {
  test('# migralint-ignore before an operation, or at the end of its first line', () => {
    const text = migration('# migralint-ignore ban-drop-column, require-lock-timeout -- unused since 2.3\nmigrations.RemoveField(model_name="order", name="note"),');
    expect(lint(text)).toEqual([]);
    const endOfLine = migration('migrations.RemoveField(model_name="order", name="note"),  # migralint-ignore ban-drop-column\n');
    expect(lint(endOfLine)).toEqual(['require-lock-timeout@7:9']);
    expect(lint(migration('# migralint-ignore renaming-table\nmigrations.RemoveField(model_name="order", name="note"),'))).toEqual([
      'unused-ignore@7:9',
      'ban-drop-column@8:9',
      'require-lock-timeout@8:9',
    ]);
  });

  test("django-migration-linter's IgnoreMigration() silences the whole migration", () => {
    const text = migration('IgnoreMigration(),\nmigrations.RemoveField(model_name="order", name="note"),', 'from django_migration_linter import IgnoreMigration');
    expect(lint(text)).toEqual([]);
    // An operation, not a migralint comment: where it silences nothing here, it is not reported as an unused ignore.
    expect(lint(migration('IgnoreMigration(),\nmigrations.RunPython(forwards, migrations.RunPython.noop),', 'from django_migration_linter import IgnoreMigration'))).toEqual([]);
  });

  test("django-safemigrate's Safe.after_deploy(): dropping columns and tables the live code no longer uses is the safe second step; nothing else changes", () => {
    const deployed = (safe: string, operations: string) =>
      `from django.db import migrations, models\nfrom django_safemigrate import Safe\n\n\nclass Migration(migrations.Migration):\n    safe = ${safe}\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n${operations.replace(/^/gm, '        ')}\n    ]\n`;
    const drops = 'migrations.RemoveField(model_name="order", name="note"),\nmigrations.DeleteModel(name="Product"),';
    expect(lint(deployed('Safe.after_deploy()', drops))).toEqual(['require-lock-timeout@10:9']);
    expect(lint(deployed('Safe.after_deploy', drops))).toEqual(['require-lock-timeout@10:9']);
    expect(lint(deployed('Safe.before_deploy()', drops))).toEqual(['ban-drop-column@10:9', 'require-lock-timeout@10:9', 'ban-drop-table@11:9']);
    // Nothing dropped: the declaration is no ignore comment, and silences nothing else.
    expect(lint(deployed('Safe.after_deploy()', 'migrations.RenameField(model_name="order", old_name="note", new_name="remark"),'))).toEqual(['renaming-column@10:9', 'require-lock-timeout@10:9']);
  });
});

describe('files', () => {
  test('a file that is not valid Python is a syntax error at its place', () => {
    expect(lint('from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = [\n        migrations.RunSQL("SELECT 1"\n    ]\n')).toEqual(['syntax-error@6:5']);
  });

  test('a numbered file in migrations/ without a Migration class is skipped with a note', () => {
    const result = lintText('def helper():\n    pass\n', 'shop/migrations/0003_helpers.py', { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });
    expect(isSkipped(result) && result.skipped).toBe('not a Django migration (a module with class Migration in a migrations/ folder)');
  });

  test('atomic = False: no transaction; with the strict preset, statements that fail on a re-run are reported', () => {
    const analyzed = analyzeDjangoFile(migration('migrations.RemoveField(model_name="order", name="note"),').replace('    operations = [', '    atomic = False\n    operations = ['), FILE, [INITIAL]);
    expect(analyzed.runnerTransaction).toBe(false);
    expect(analyzeDjangoFile(migration(''), FILE).runnerTransaction).toBe(true);
  });
});

describe('history', () => {
  test('migrations are ordered by their dependencies across apps, with run_before and squashed migrations', () => {
    const node = (app: string, name: string, dependencies: Array<[string, string]> = [], extra = {}) => ({
      id: `${app}/${name}`,
      app,
      name,
      dependencies: dependencies.map(([depApp, depName]) => ({ app: depApp, name: depName })),
      runBefore: [],
      replaces: [],
      ...extra,
    });
    const { order, sideBranches, cycles } = orderMigrations([
      node('shop', '0002_order', [['accounts', '0002_phone'], ['shop', '0001_initial']]),
      node('shop', '0001_initial', [['accounts', '__first__']]),
      node('accounts', '0002_phone', [['accounts', '0001_initial']]),
      node('accounts', '0001_initial'),
      node('billing', '0001_initial', [], { runBefore: [{ app: 'accounts', name: '0001_initial' }] }),
      node('shop', '0001_squashed_0002', [['accounts', '0002_phone']], { replaces: [{ app: 'shop', name: '0001_initial' }, { app: 'shop', name: '0002_order' }] }),
      node('shop', '0003_refund', [['shop', '0001_squashed_0002']]),
    ]);
    expect(order.map((entry) => entry.id)).toEqual([
      'billing/0001_initial',
      'accounts/0001_initial',
      'accounts/0002_phone',
      // A squashed migration beside its originals comes before them: it runs only where none of them has run.
      'shop/0001_squashed_0002',
      'shop/0001_initial',
      'shop/0002_order',
      'shop/0003_refund',
    ]);
    expect([...sideBranches]).toEqual(['shop/0001_squashed_0002']);
    expect(cycles).toEqual([]);
    const cyclic = orderMigrations([node('a', '0001', [['b', '0001']]), node('b', '0001', [['a', '0001']])]);
    expect(cyclic.cycles.map(({ node: at, through }) => `${at.id}->${through.id}`)).toEqual(['b/0001->a/0001']);
  });

  test('a squashed migration beside its originals is checked against the schema before them, and leaves theirs as they make it', async () => {
    // ephios: models created, then given their own tables (with their join tables) in the squashed migration as in the originals.
    const customer = 'migrations.CreateModel(\n    name="Customer",\n    fields=[\n        ("id", models.AutoField(primary_key=True, serialize=False)),\n        ("email", models.EmailField(max_length=254, unique=True)),\n        ("favourites", models.ManyToManyField(to="shop.product")),\n    ],\n),';
    const ownTable = 'migrations.AlterModelTable(name="customer", table="customer"),';
    const optionalEmail = 'migrations.AlterField(model_name="customer", name="email", field=models.EmailField(max_length=254, null=True, unique=True)),';
    const squashed = migration(`${customer.replace('max_length=254, unique=True', 'max_length=254, null=True, unique=True')}\n${ownTable}`).replace('class Migration(migrations.Migration):\n', 'class Migration(migrations.Migration):\n    replaces = [("shop", "0002_customer"), ("shop", "0003_table"), ("shop", "0004_optional")]\n    dependencies = [("shop", "0001_initial")]\n');
    const cwd = tempProject({
      'manage.py': '',
      'shop/__init__.py': '',
      'shop/migrations/__init__.py': '',
      'shop/migrations/0001_initial.py': INITIAL,
      'shop/migrations/0002_customer.py': migration(customer).replace('class Migration(migrations.Migration):\n', 'class Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n'),
      'shop/migrations/0002_squashed_0003.py': squashed,
      'shop/migrations/0004_optional.py': migration(optionalEmail).replace('class Migration(migrations.Migration):\n', 'class Migration(migrations.Migration):\n    dependencies = [("shop", "0003_table")]\n'),
      'shop/migrations/0003_table.py': migration(ownTable).replace('class Migration(migrations.Migration):\n', 'class Migration(migrations.Migration):\n    dependencies = [("shop", "0002_customer")]\n'),
    });
    const run = await runCli(['shop/migrations', '--format', 'json'], { cwd });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ rule: string; file: string; line: number; column: number }> }).findings.map((finding) => `${finding.file.split('/').pop()}:${finding.line}:${finding.column} ${finding.rule}`);
    // Its tables are new where it runs; the originals change theirs (no unknown table, NOT NULL dropped), as they would without it.
    expect(findings).toEqual([
      '0002_squashed_0003.py:9:9 require-lock-timeout',
      '0002_customer.py:8:9 require-lock-timeout',
      '0003_table.py:8:9 renaming-table',
      '0003_table.py:8:9 renaming-table',
      '0003_table.py:8:9 require-lock-timeout',
      '0004_optional.py:8:9 ban-drop-not-null',
      '0004_optional.py:8:9 require-lock-timeout',
    ]);
  });

  test('a model of another app, created in an earlier migration, gives foreign keys their table and type', () => {
    const accounts = { file: 'accounts/migrations/0001_initial.py', text: migration('migrations.CreateModel(name="Customer", fields=[("id", models.AutoField(primary_key=True, serialize=False))], options={"db_table": "customers"}),') };
    const shop = {
      file: 'shop/migrations/0001_initial.py',
      text: migration('migrations.AddField(model_name="order", name="customer", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="accounts.customer")),').replace('    operations', '    dependencies = [("accounts", "0001_initial")]\n    operations'),
    };
    const project = analyzeDjangoProject([shop, accounts]);
    expect(project.order).toEqual([accounts.file, shop.file]);
    const [addColumn] = project.results.get(shop.file)?.operations ?? [];
    expect(addColumn).toMatchObject({ column: { name: 'customer_id', type: { name: 'int4' }, references: { table: { name: 'customers' }, columns: ['id'] } } });
  });

  test("names are Django's: table, index and constraint names with their digest", () => {
    expect(indexName('app_author', ['score'])).toBe('app_author_score_7e1dbd71');
    expect(indexName('app_author', ['slug'], '_like')).toBe('app_author_slug_1b3cf031_like');
    expect(indexName('library_books', ['author_id'], '_fk_app_author_id')).toBe('library_books_author_id_72e2e406_fk_app_author_id');
  });
});

describe('changes that reach other tables', () => {
  const history = [
    INITIAL.replace('("name", models.CharField(max_length=100)),', '("name", models.CharField(max_length=100)),\n                ("code", models.CharField(max_length=10, unique=True)),'),
  ];

  test('a new type for a primary key changes the foreign keys that point at it; another unique field does not', () => {
    const primaryKey = operationsOf(migration('migrations.AlterField(model_name="product", name="id", field=models.UUIDField(primary_key=True, serialize=False)),'), history);
    expect(primaryKey.filter((operation) => operation.kind === 'alterColumnType').map((operation) => `${'table' in operation ? operation.table.name : ''}.${'column' in operation ? operation.column : ''}`)).toEqual([
      'shop_product.id',
      'shop_order.product_id',
    ]);
    const unique = operationsOf(migration('migrations.AlterField(model_name="product", name="code", field=models.TextField(unique=True)),'), history);
    expect(unique.filter((operation) => operation.kind === 'alterColumnType' || operation.kind === 'addConstraint').map((operation) => ('table' in operation ? operation.table.name : ''))).toEqual(['shop_product']);
  });
});

test('a squashed migration runs only on a new database: tables of squashed migrations before it are new', () => {
  const squashedInitial = INITIAL.replace('    initial = True\n', '    initial = True\n    replaces = [("shop", "0001_initial"), ("shop", "0002_more")]\n');
  const squashedNext = migration('migrations.AddField(model_name="order", name="coupon", field=models.CharField(max_length=8)),').replace(
    '    operations',
    '    replaces = [("shop", "0003_coupon")]\n    operations',
  );
  expect(lint(squashedNext, [squashedInitial])).toEqual([]);
  // A migration that is not squashed runs on deployed databases too.
  expect(lint(migration('migrations.AddField(model_name="order", name="coupon", field=models.CharField(max_length=8)),'), [squashedInitial])).toEqual([
    'adding-required-field@7:9',
    'require-lock-timeout@7:9',
  ]);
});

test("a branch of an app's history sees the models its own parent left, not the other branch's", () => {
  const withDependencies = (dependencies: string, operations: string) => migration(operations).replace('    operations', `    dependencies = [${dependencies}]\n    operations`);
  const sources = [
    { file: 'shop/migrations/0001_initial.py', text: INITIAL },
    { file: 'shop/migrations/0002_bigger_total.py', text: withDependencies('("shop", "0001_initial")', 'migrations.AlterField(model_name="order", name="total", field=models.BigIntegerField()),') },
    { file: 'shop/migrations/0002_optional_total.py', text: withDependencies('("shop", "0001_initial")', 'migrations.AlterField(model_name="order", name="total", field=models.IntegerField(null=True)),') },
    { file: 'shop/migrations/0003_merge.py', text: withDependencies('("shop", "0002_bigger_total"), ("shop", "0002_optional_total")', '') },
  ];
  const project = analyzeDjangoProject(sources);
  expect(project.order).toEqual(sources.map((source) => source.file));
  const kinds = (file: string) => project.results.get(file)?.operations.map((operation) => operation.kind);
  expect(kinds('shop/migrations/0002_bigger_total.py')).toEqual(['alterColumnType']);
  expect(kinds('shop/migrations/0002_optional_total.py')).toEqual(['dropNotNull']);
});

test("a field class not known here takes the type of the class it is named after, or its arguments' type", () => {
  const history = [INITIAL.replace('("total", models.IntegerField()),', '("total", prices.PriceField(currency="EUR", max_digits=12, decimal_places=2)),\n                ("body", wagtail.fields.RichTextField()),')];
  expect(lint(migration('migrations.AlterField(model_name="order", name="total", field=models.DecimalField(max_digits=12, decimal_places=2)),'), history)).toEqual([]);
  expect(lint(migration('migrations.AlterField(model_name="order", name="body", field=models.TextField()),'), history)).toEqual([]);
  expect(lint(migration('migrations.AlterField(model_name="order", name="body", field=models.JSONField()),'), history)).toEqual(['changing-column-type@7:9', 'require-lock-timeout@7:9']);
});

test('apps.py gives the app label; a nesting too deep for the parser is a syntax error, and the other files are still read', () => {
  expect(readAppLabel('from django.apps import AppConfig\n\n\nclass ShopConfig(AppConfig):\n    name = "project.shop"\n    label = "store"\n')).toBe('store');
  expect(readAppLabel('from django.apps import AppConfig\n\n\nclass ShopConfig(AppConfig):\n    name = "project.shop"\n')).toBeUndefined();
  const deep = `from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = [${'['.repeat(5000)}${']'.repeat(5000)}]\n`;
  const project = analyzeDjangoProject([
    { file: 'shop/migrations/0001_deep.py', text: deep },
    { file: 'shop/migrations/0002_change.py', text: migration('migrations.RemoveField(model_name="order", name="note"),') },
  ]);
  expect(project.results.get('shop/migrations/0001_deep.py')?.problems.map((problem) => problem.rule)).toEqual(['syntax-error']);
  expect(project.results.get('shop/migrations/0002_change.py')?.operations.map((operation) => operation.kind)).toEqual(['dropColumn']);
});

describe('a file analysed again with another text (fixes are checked so)', () => {
  const withDependencies = (dependencies: string, operations: string) => migration(operations).replace('    operations', `    dependencies = [${dependencies}]\n    operations`);
  const sources = [
    { file: 'shop/migrations/0001_initial.py', text: INITIAL },
    { file: 'shop/migrations/0002_bigger_total.py', text: withDependencies('("shop", "0001_initial")', 'migrations.AlterField(model_name="order", name="total", field=models.BigIntegerField()),') },
    {
      file: 'shop/migrations/0002_optional_total.py',
      text: withDependencies('("shop", "0001_initial")', 'migrations.AlterField(model_name="order", name="total", field=models.IntegerField(null=True)),\nmigrations.AddIndex(model_name="order", index=models.Index(fields=["total"], name="order_total_idx")),'),
    },
    { file: 'shop/migrations/0003_merge.py', text: withDependencies('("shop", "0002_bigger_total"), ("shop", "0002_optional_total")', '') },
    // Later migrations change the models the earlier ones saw: the state kept for a file must not follow them.
    { file: 'shop/migrations/0004_drop_total.py', text: withDependencies('("shop", "0003_merge")', 'migrations.RemoveField(model_name="order", name="total"),\nmigrations.RenameModel(old_name="Order", new_name="Purchase"),') },
  ];
  const target = 'shop/migrations/0002_optional_total.py';
  const replayed = (text: string) => analyzeDjangoProject(sources.map((source) => (source.file === target ? { ...source, text } : source))).results.get(target);
  const project = analyzeDjangoProject(sources, new Set(sources.map((source) => source.file)));

  test('gives what a replay of the whole project with that text gives', () => {
    const fixed = sources[2].text.replace('migrations.AddIndex', 'AddIndexConcurrently').replace('class Migration(migrations.Migration):\n', 'class Migration(migrations.Migration):\n    atomic = False\n');
    const again = project.reanalyze(target, fixed);
    expect(again).toEqual(replayed(fixed));
    expect(again?.runnerTransaction).toBe(false);
    expect(again?.operations).toMatchObject([
      { kind: 'dropNotNull', table: { name: 'shop_order' }, column: 'total' },
      { kind: 'createIndex', table: { name: 'shop_order' }, columns: ['total'], concurrently: true },
    ]);
    // Asked twice, the same: each analysis works on a copy of the kept state.
    expect(project.reanalyze(target, fixed)).toEqual(again);
    const broken = fixed.replace('operations = [', 'operations = [(');
    expect(project.reanalyze(target, broken)).toEqual(replayed(broken));
    expect(project.reanalyze(target, broken)?.problems.map((problem) => problem.rule)).toEqual(['syntax-error']);
  });

  test('is left to a replay when the text moves the file in the history, or the file was not kept', () => {
    expect(project.reanalyze(target, sources[2].text.replace('("shop", "0001_initial")', '("shop", "0002_bigger_total")'))).toBeUndefined();
    expect(analyzeDjangoProject(sources).reanalyze(target, sources[2].text)).toBeUndefined();
  });
});

describe('a NOT NULL field added with a default Django computes in Python', () => {
  const rules = allRules.filter((rule) => rule.id === 'adding-required-field');
  const added = (field: string) => {
    const text = migration(`migrations.AddField(model_name="order", name="currency", field=${field}),`);
    const analyzed = analyzeDjangoFile(text, FILE, [INITIAL]);
    const result = checkAnalysis({ analyzed, source: text }, FILE, { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules), rules });
    const [finding] = result.findings;
    const [operation] = analyzed.operations;
    return { operation, finding, suggestion: finding && suggestionFor(finding, result, rules[0]) };
  };
  const filled =
    'Adding NOT NULL column "shop_order"."currency" fills the existing rows with its default, then drops the default: inserts from code that does not set the column (the version still running) fail.';
  const filledHelp = 'Keep the default in the database with db_default= (Django 5; on the model field too), or add the field with null=True, backfill it, then make it NOT NULL (see adding-not-nullable-field).';

  test('default="EUR": the rows are filled, then the default dropped; the suggestion keeps it in the database', () => {
    const { operation, finding, suggestion } = added('models.CharField(max_length=3, default="EUR")');
    expect(operation).toMatchObject({ kind: 'addColumn', column: { name: 'currency', notNull: true, defaultDroppedAfterFill: true } });
    expect(operation.kind === 'addColumn' && operation.column.default).toBeUndefined();
    expect(finding).toMatchObject({ rule: 'adding-required-field', line: 7, column: 9, message: filled, help: filledHelp });
    expect(suggestion?.steps.map((step) => step.code)).toEqual(['migrations.AddField(model_name="order", name="currency", field=models.CharField(max_length=3, default="EUR", db_default="EUR")),']);
  });

  test("TextField(blank=True): the default is '', the same", () => {
    const { operation, finding, suggestion } = added('models.TextField(blank=True)');
    expect(operation).toMatchObject({ kind: 'addColumn', column: { notNull: true, defaultDroppedAfterFill: true } });
    expect(finding).toMatchObject({ message: filled, help: filledHelp });
    expect(suggestion?.steps.map((step) => step.code)).toEqual(['migrations.AddField(model_name="order", name="currency", field=models.TextField(blank=True, db_default="")),']);
  });

  test('a callable default (preserve_default=False too) is not written as db_default; without a default the statement fails', () => {
    const callable = added('models.DateTimeField(default=django.utils.timezone.now), preserve_default=False');
    expect(callable.finding).toMatchObject({ message: filled, help: filledHelp });
    expect(callable.suggestion?.steps).toEqual([]);
    const none = added('models.CharField(max_length=3)');
    expect(none.operation).toMatchObject({ kind: 'addColumn', column: { notNull: true } });
    expect(none.operation.kind === 'addColumn' && none.operation.column.defaultDroppedAfterFill).toBeUndefined();
    expect(none.finding).toMatchObject({
      message: 'Adding NOT NULL column "shop_order"."currency" without a default fails on a table with rows, and breaks inserts from code that does not set it.',
      help: 'Add it nullable or with a constant default, backfill, then enforce NOT NULL (see adding-not-nullable-field).',
    });
    // blank=True on a field Django fills with nothing: no '' to keep.
    expect(added('models.IntegerField(blank=True)').suggestion?.steps).toEqual([]);
    expect(added('models.CharField(max_length=3, null=True, default="EUR")').finding).toBeUndefined();
  });
});
