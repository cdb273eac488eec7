import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GIT_TEST_ENV } from '../git-env';
import { runCli, tempProject } from './run-cli';

/** A migration of `app` with these dependencies and operations (operations start on line 8). */
function migration(dependencies: string, operations: string): string {
  return `from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    dependencies = [${dependencies}]
    operations = [
${operations.replace(/^/gm, '        ')}
    ]
`;
}

const ACCOUNTS_INITIAL = migration('', 'migrations.CreateModel(name="Customer", fields=[("id", models.AutoField(primary_key=True, serialize=False))], options={"db_table": "customers"}),');
const SHOP_INITIAL = migration(
  '("accounts", "0001_initial")',
  'migrations.CreateModel(name="Order", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("total", models.IntegerField())]),',
);
const SHOP_CHANGE = migration(
  '("shop", "0001_initial")',
  'migrations.AlterField(model_name="order", name="total", field=models.IntegerField(verbose_name="total")),\nmigrations.AlterField(model_name="order", name="total", field=models.BigIntegerField()),\nmigrations.AddField(model_name="order", name="customer", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="accounts.customer")),',
);

function project(): string {
  return tempProject({
    'manage.py': '',
    'accounts/__init__.py': '',
    'accounts/apps.py': 'from django.apps import AppConfig\n\n\nclass AccountsConfig(AppConfig):\n    name = "accounts"\n',
    'accounts/migrations/__init__.py': '',
    'accounts/migrations/0001_initial.py': ACCOUNTS_INITIAL,
    'shop/migrations/__init__.py': '',
    'shop/migrations/0001_initial.py': SHOP_INITIAL,
    'shop/migrations/0002_change.py': SHOP_CHANGE,
    'shop/models.py': 'from django.db import models\n',
  });
}

const findings = (stdout: string) =>
  (JSON.parse(stdout) as { findings: Array<{ file: string; line: number; rule: string; message: string }> }).findings.map(
    (finding) => `${finding.file}:${finding.line} ${finding.rule}`,
  );

test('a folder: Django migrations are found in migrations/ folders, other .py files are skipped with a note', async () => {
  const root = project();
  const run = await runCli(['.', '--format', 'json', '--verbose'], { cwd: root });
  expect(findings(run.stdout)).toEqual([
    'shop/migrations/0002_change.py:9 changing-column-type',
    'shop/migrations/0002_change.py:9 require-lock-timeout',
    'shop/migrations/0002_change.py:10 require-concurrent-index-creation',
  ]);
  expect((JSON.parse(run.stdout) as { files: Array<{ file: string; frontend: string }> }).files.map((file) => `${file.file} ${file.frontend}`)).toEqual([
    'accounts/migrations/0001_initial.py django',
    'shop/migrations/0001_initial.py django',
    'shop/migrations/0002_change.py django',
  ]);
  expect(run.stderr).toContain('migralint: note: skipped accounts/migrations/__init__.py: not a Django migration');
  expect(run.stderr).not.toContain('models.py');
  expect(run.code).toBe(1);
  const quiet = await runCli(['.', '--format', 'json'], { cwd: root });
  expect(quiet.stderr).toBe('');
});

test('a file named alone is checked after the migrations before it, in its app and the apps it depends on', async () => {
  const root = project();
  const run = await runCli(['shop/migrations/0002_change.py', '--format', 'json'], { cwd: root });
  expect(findings(run.stdout)).toEqual([
    'shop/migrations/0002_change.py:9 changing-column-type',
    'shop/migrations/0002_change.py:9 require-lock-timeout',
    'shop/migrations/0002_change.py:10 require-concurrent-index-creation',
  ]);
  expect(run.code).toBe(1);
});

test('--since: only new migrations are reported, and tables they create are new for the later ones', async () => {
  const root = project();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: GIT_TEST_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'deployed');
  git('checkout', '-q', '-b', 'feature');
  fs.writeFileSync(
    path.join(root, 'shop/migrations/0003_refund.py'),
    migration('("shop", "0002_change")', 'migrations.CreateModel(name="Refund", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("amount", models.IntegerField())]),'),
  );
  fs.writeFileSync(
    path.join(root, 'shop/migrations/0004_indexes.py'),
    migration(
      '("shop", "0003_refund")',
      'migrations.AddIndex(model_name="refund", index=models.Index(fields=["amount"], name="refund_amount_idx")),\nmigrations.AddIndex(model_name="order", index=models.Index(fields=["total"], name="order_total_idx")),',
    ),
  );
  const run = await runCli(['.', '--since', 'main', '--format', 'json'], { cwd: root, env: GIT_TEST_ENV });
  expect(findings(run.stdout)).toEqual(['shop/migrations/0004_indexes.py:9 require-concurrent-index-creation', 'shop/migrations/0004_indexes.py:9 require-lock-timeout']);
});

test('with no path, a Django project (manage.py) is linted app by app; init finds its migrations folders', async () => {
  const root = project();
  const run = await runCli(['--format', 'json'], { cwd: root });
  expect(findings(run.stdout)).toHaveLength(3);
  const init = await runCli(['init'], { cwd: root });
  expect(init.code).toBe(0);
  const config = JSON.parse(fs.readFileSync(path.join(root, 'migralint.config.json'), 'utf8')) as { include: string[]; frontends?: unknown };
  expect(config.include).toEqual(['accounts/migrations/**/*.py', 'shop/migrations/**/*.py']);
  expect(config.frontends).toBeUndefined();
  expect(init.stdout).toContain('shop/migrations/: 2 django migrations');
});
