import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { analyzeDjangoProject } from '../../src/frontends/django';
import { checkAnalysis, isSkipped, lintText, prepareLinting } from '../../src/lint';

/**
 * migralint's static reading of the Django fixtures against Django's own: a
 * temporary project made of the fixture apps, Django (from .ci/.venv) printing
 * `sqlmigrate` for each migration against a PostgreSQL server, that SQL linted
 * as SQL. Both must give the same rule ids, except for the differences listed
 * here (and in the README), each for a reason.
 */
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'django');
const APPS = ['accounts', 'shop'];
const python = process.env.MIGRALINT_TEST_PYTHON;
const databaseUrl = process.env.MIGRALINT_TEST_DATABASE_URL;
const servicesMissing = !python || !databaseUrl;
if (servicesMissing && process.env.MIGRALINT_REQUIRE_SERVICES !== '1') {
  console.warn('Django comparison skipped: MIGRALINT_TEST_PYTHON and MIGRALINT_TEST_DATABASE_URL are not set (source .ci/services)');
}
const testWithServices = servicesMissing && process.env.MIGRALINT_REQUIRE_SERVICES !== '1' ? test.skip : test;

/** Rule ids that only one reading gives, per migration, and why. */
const EXPECTED_DIFFERENCES: Record<string, { staticOnly?: string[]; sqlOnly?: string[] }> = {
  // Django refuses AddIndexConcurrently in an atomic migration before printing any SQL, so the SQL reading
  // has nothing; the static reading reports why it fails (and, in the strict preset, the unqualified table).
  'shop/0006_index_in_transaction': { staticOnly: ['ban-concurrent-index-creation-in-transaction', 'require-table-schema'] },
  // RunPython prints no SQL; a RunPython without reverse_code is reported statically.
  'shop/0007_backfill_and_require_currency': { staticOnly: ['unanalyzed-code'] },
};

function strictSettings() {
  return { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules, 'strict') };
}

function staticRuleIds(): Map<string, string[]> {
  const sources = APPS.flatMap((app) =>
    fs
      .readdirSync(path.join(FIXTURES, app, 'migrations'))
      .filter((name) => /^\d.*\.py$/.test(name))
      .map((name) => {
        const file = path.join(FIXTURES, app, 'migrations', name);
        return { file, text: fs.readFileSync(file, 'utf8') };
      }),
  );
  const project = analyzeDjangoProject(sources);
  const ids = new Map<string, string[]>();
  for (const { file, text } of sources) {
    const analyzed = project.results.get(file);
    if (!analyzed) throw new Error(`${file} was not analysed`);
    const result = checkAnalysis({ analyzed, source: text }, file, strictSettings());
    ids.set(`${path.basename(path.dirname(path.dirname(file)))}/${path.basename(file, '.py')}`, uniqueSorted(result.findings.map((finding) => finding.rule)));
  }
  return ids;
}

function sqlRuleIds(name: string, sql: string): string[] {
  const result = lintText(sql, `${name}.sql`, strictSettings());
  if (isSkipped(result)) throw new Error(`${name}: the SQL was skipped`);
  return uniqueSorted(result.findings.map((finding) => finding.rule));
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort();
}

beforeAll(prepareLinting);

testWithServices('Django fixtures: the static reading and Django sqlmigrate give the same rule ids', () => {
  if (servicesMissing) throw new Error('MIGRALINT_REQUIRE_SERVICES=1 but MIGRALINT_TEST_PYTHON or MIGRALINT_TEST_DATABASE_URL is not set');
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-django-'));
  for (const app of APPS) fs.cpSync(path.join(FIXTURES, app), path.join(project, app), { recursive: true });
  const run = spawnSync(python as string, [path.join(__dirname, 'django', 'sqlmigrate.py'), ...APPS], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, MIGRALINT_TEST_DATABASE_URL: databaseUrl },
  });
  fs.rmSync(project, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`sqlmigrate failed:\n${run.stderr}`);
  const django = JSON.parse(run.stdout) as Record<string, { sql: string; error?: string }>;
  const fromStatic = staticRuleIds();

  expect(Object.keys(django).sort()).toEqual([...fromStatic.keys()].sort());
  const differences: Record<string, { staticOnly?: string[]; sqlOnly?: string[] }> = {};
  for (const [name, output] of Object.entries(django)) {
    const sqlIds = sqlRuleIds(name, output.sql);
    const staticIds = fromStatic.get(name) ?? [];
    const staticOnly = staticIds.filter((id) => !sqlIds.includes(id));
    const sqlOnly = sqlIds.filter((id) => !staticIds.includes(id));
    if (staticOnly.length > 0 || sqlOnly.length > 0) {
      differences[name] = { ...(staticOnly.length > 0 ? { staticOnly } : {}), ...(sqlOnly.length > 0 ? { sqlOnly } : {}) };
    }
  }
  expect(differences).toEqual(EXPECTED_DIFFERENCES);
  // The one migration Django refuses is the one migralint reports as failing.
  expect(Object.entries(django).filter(([, output]) => output.error).map(([name]) => name)).toEqual(['shop/0006_index_in_transaction']);
  // Every migration with a schema change was compared on something.
  expect([...fromStatic.values()].filter((ids) => ids.length > 0).length).toBeGreaterThanOrEqual(8);
}, 60_000);
