import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { RuleSettings } from '../src/config/rule-settings';
import { SchemaReplay } from '../src/schema/replay';
import { analyzeDjangoProject } from '../src/frontends/django';
import { checkAnalysis, isSkipped, lintText, prepareLinting } from '../src/lint';
import type { AnalyzedFile } from '../src/model/file';

beforeAll(prepareLinting);

/** Every finding on a bundled fixture folder with the recommended preset: `file:line:column rule`. */
function lintFixtures(folder: string): string[] {
  const directory = path.join(__dirname, '..', 'fixtures', folder);
  // As the CLI does: in order, each migration against the schema the earlier ones built.
  const replay = new SchemaReplay();
  const options = { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules), replay };
  return fs
    .readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const result = lintText(fs.readFileSync(path.join(directory, name), 'utf8'), name, options);
      if (isSkipped(result)) throw new Error(`${name} was skipped: ${result.skipped}`);
      return result.findings.map((f) => `${name}:${f.line}:${f.column} ${f.rule}`);
    });
}

test('the SQL fixtures produce exactly the findings their comments describe', () => {
  expect(lintFixtures('sql')).toEqual([
    // A foreign key from the new table locks the existing one it references.
    '000003_create_orders.up.sql:10:1 require-lock-timeout',
    '000004_users_require_phone.up.sql:2:1 adding-required-field',
    '000004_users_require_phone.up.sql:2:1 require-lock-timeout',
    '000004_users_require_phone.up.sql:4:1 adding-field-with-default',
    '000005_index_orders_by_user.up.sql:3:1 require-concurrent-index-creation',
    '000005_index_orders_by_user.up.sql:5:1 adding-foreign-key-constraint',
    '000008_rename_full_name.up.sql:3:1 renaming-column',
    '000008_rename_full_name.up.sql:5:1 changing-column-type',
    '000008_rename_full_name.up.sql:7:1 ban-drop-column',
    '000010_archive_sessions.up.sql:7:1 ban-truncate-cascade',
  ]);
});

test('the Knex fixtures produce exactly the findings their comments describe', () => {
  expect(lintFixtures('knex')).toEqual([
    '20240110083000_users_require_phone.js:4:5 adding-required-field',
    '20240110083000_users_require_phone.js:4:5 require-lock-timeout',
    '20240110083000_users_require_phone.js:5:5 adding-field-with-default',
    '20240112100000_index_orders_by_user.ts:8:5 require-concurrent-index-creation',
    '20240112100000_index_orders_by_user.ts:9:5 adding-foreign-key-constraint',
    '20240118093000_rename_and_retype.ts:6:5 renaming-column',
    '20240118093000_rename_and_retype.ts:7:5 ban-drop-column',
    // Knex's alter() re-states NOT NULL, which orders.total already has: only the type change (bigint to numeric) is reported.
    '20240118093000_rename_and_retype.ts:10:5 changing-column-type',
    '20240120110000_archive_sessions.js:7:19 ban-truncate-cascade',
    '20240125120000_concurrent_index_in_transaction.js:4:19 ban-concurrent-index-creation-in-transaction',
    '20240128100000_audit_columns.ts:14:9 unanalyzed-code',
  ]);
});

test('the TypeORM fixtures produce exactly the findings their comments describe', () => {
  expect(lintFixtures('typeorm')).toEqual([
    '1700000000003-UsersRequirePhone.ts:7:23 adding-required-field',
    '1700000000003-UsersRequirePhone.ts:7:23 require-lock-timeout',
    '1700000000003-UsersRequirePhone.ts:11:23 adding-field-with-default',
    '1700000000004-IndexOrdersByUser.ts:8:23 require-concurrent-index-creation',
    '1700000000004-IndexOrdersByUser.ts:9:23 adding-foreign-key-constraint',
    '1700000000006-RenameAndRetype.ts:8:30 renaming-column',
    '1700000000006-RenameAndRetype.ts:9:30 changing-column-type',
    '1700000000006-RenameAndRetype.ts:10:30 ban-drop-column',
    '1700000000007-ConcurrentIndexInTransaction.js:15:38 ban-concurrent-index-creation-in-transaction',
    '1700000000008-ArchiveSessions.ts:10:30 ban-truncate-cascade',
    '1700000000010-TenantTables.ts:10:30 ban-drop-column',
    '1700000000010-TenantTables.ts:12:11 unanalyzed-code',
  ]);
});

test('the Django fixtures, replayed as a project, produce exactly the findings their operations describe', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'django');
  const sources = ['accounts', 'shop'].flatMap((app) =>
    fs
      .readdirSync(path.join(root, app, 'migrations'))
      .filter((name) => /^\d.*\.py$/.test(name))
      .map((name) => ({ file: `${app}/migrations/${name}`, text: fs.readFileSync(path.join(root, app, 'migrations', name), 'utf8') })),
  );
  const project = analyzeDjangoProject(sources);
  const options = { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules), replay: new SchemaReplay() };
  const findings = project.order.flatMap((file) => {
    const source = sources.find((candidate) => candidate.file === file)?.text ?? '';
    const result = checkAnalysis({ analyzed: project.results.get(file) as AnalyzedFile, source }, file, options);
    return result.findings.map((f) => `${file.replace('/migrations/', ':')}:${f.line}:${f.column} ${f.rule}`);
  });
  expect(project.order.map((file) => file.replace('/migrations/', ':').replace(/_.*$/, ''))).toEqual([
    'accounts:0001',
    'accounts:0002',
    'shop:0001',
    'shop:0002',
    'shop:0003',
    'shop:0004',
    'shop:0005',
    'shop:0006',
    'shop:0007',
    'shop:0008',
  ]);
  expect(findings).toEqual([
    'accounts:0002_customer_phone.py:13:9 disallowed-unique-constraint',
    'accounts:0002_customer_phone.py:13:9 require-concurrent-index-creation',
    'accounts:0002_customer_phone.py:13:9 require-lock-timeout',
    // The new order table's foreign key locks the existing customer table of the accounts app.
    'shop:0001_initial.py:33:9 require-lock-timeout',
    'shop:0002_order_currency.py:13:9 adding-required-field',
    'shop:0002_order_currency.py:13:9 require-lock-timeout',
    'shop:0003_order_status_index_and_checks.py:13:9 require-concurrent-index-creation',
    'shop:0003_order_status_index_and_checks.py:13:9 require-lock-timeout',
    'shop:0003_order_status_index_and_checks.py:19:9 constraint-missing-not-valid',
    'shop:0003_order_status_index_and_checks.py:25:9 require-concurrent-index-creation',
    'shop:0004_rename_and_retype.py:15:9 renaming-column',
    'shop:0004_rename_and_retype.py:15:9 require-lock-timeout',
    'shop:0004_rename_and_retype.py:20:9 ban-drop-column',
    'shop:0004_rename_and_retype.py:24:9 changing-column-type',
    'shop:0004_rename_and_retype.py:24:9 require-concurrent-index-creation',
    'shop:0004_rename_and_retype.py:24:9 require-concurrent-index-creation',
    'shop:0004_rename_and_retype.py:34:9 adding-foreign-key-constraint',
    'shop:0004_rename_and_retype.py:34:9 ban-drop-not-null',
    'shop:0006_index_in_transaction.py:14:9 ban-concurrent-index-creation-in-transaction',
    'shop:0007_backfill_and_require_currency.py:22:9 unanalyzed-code',
    'shop:0008_drop_legacy.py:13:9 ban-drop-table',
    'shop:0008_drop_legacy.py:13:9 require-lock-timeout',
    'shop:0008_drop_legacy.py:17:9 ban-drop-column',
    'shop:0008_drop_legacy.py:21:9 renaming-table',
  ]);
});
