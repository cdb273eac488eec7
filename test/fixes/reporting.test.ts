import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import type { FileResult } from '../../src/engine/finding';
import { codeActions } from '../../src/fixes';
import { fixFile } from '../../src/fixes/fix-file';
import { SchemaReplay } from '../../src/schema/replay';
import { applyEdits } from '../../src/fixes/sql-edits';
import { type LintOptions, isSkipped, lintText, prepareLinting } from '../../src/lint';
import { runCli, tempProject } from '../cli/run-cli';

beforeAll(prepareLinting);

/** Where suggestions and fixes show: stylish, JSON, explain, and the API an editor uses. */

const MIGRATION = '-- +goose Up\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);\nCREATE INDEX orders_placed_at_idx ON orders (placed_at);\n';

describe('stylish', () => {
  test('shows each suggestion under its finding, marks what --fix does, and counts the fixable findings', async () => {
    const cwd = tempProject({ 'db/20240301_orders.sql': MIGRATION });
    const run = await runCli(['db'], { cwd });
    expect(run.stdout).toContain(
      [
        '    suggestion: Add the foreign key NOT VALID (new rows are checked at once, existing ones are not scanned), then VALIDATE CONSTRAINT in the next migration, which lets reads and writes go on.',
        '      in this migration, instead:',
        '        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
        '      in the next migration:',
        '        -- +goose Up',
        '        ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;',
      ].join('\n'),
    );
    // Not alone in a goose migration's transaction: CONCURRENTLY goes to a migration of its own, which --fix cannot make.
    expect(run.stdout).toContain(
      [
        "    suggestion: Build the index with CREATE INDEX CONCURRENTLY, which lets writes go on, in a migration that runs outside a transaction. It cannot run in this migration's transaction: take it out of this migration.",
        '      in the next migration:',
        '        -- +goose NO TRANSACTION',
        '        -- +goose Up',
        '        CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);',
      ].join('\n'),
    );
    expect(run.stdout).toContain("    suggestion: Set lock_timeout at the top of the migration, and retry the migration when it times out. (--fix does this)\n      at the top of this migration:\n        SET lock_timeout = '2s';\n");
    expect(run.stdout).toMatch(/✖ 3 problems \(2 errors, 1 warning\) in 1 file\n1 finding can be fixed with --fix\.\n$/);
  });

  test('--no-suggestions hides them, and still counts the fixable findings', async () => {
    const cwd = tempProject({ 'db/20240301_orders.sql': MIGRATION });
    const run = await runCli(['db', '--no-suggestions'], { cwd });
    expect(run.stdout).not.toContain('suggestion:');
    expect(run.stdout).toContain('    help: Add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a separate migration.\n');
    expect(run.stdout).toMatch(/1 finding can be fixed with --fix\.\n$/);
  });
});

test('JSON: each finding with a suggestion carries it, as description and steps', async () => {
  const cwd = tempProject({ 'db/20240301_orders.sql': MIGRATION });
  const run = await runCli(['db', '--format', 'json'], { cwd });
  const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; suggestion?: unknown }> };
  expect(report.findings.find((finding) => finding.rule === 'adding-foreign-key-constraint')?.suggestion).toEqual({
    description: 'Add the foreign key NOT VALID (new rows are checked at once, existing ones are not scanned), then VALIDATE CONSTRAINT in the next migration, which lets reads and writes go on.',
    steps: [
      { migration: 'this', code: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;', lock: 'ShareRowExclusiveLock' },
      { migration: 'next', code: '-- +goose Up\nALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;', lock: 'ShareUpdateExclusiveLock' },
    ],
  });
  // Rules without a suggestion (and warnings of rules that have none) carry no key.
  const rulesWithout = allRules.filter((rule) => !rule.meta.suggestion).map((rule) => rule.id);
  expect(report.findings.filter((finding) => rulesWithout.includes(finding.rule) && 'suggestion' in finding)).toEqual([]);
});

test('JSON with --no-suggestions: the same findings, without their suggestions', async () => {
  const cwd = tempProject({ 'db/20240301_orders.sql': MIGRATION });
  const full = JSON.parse((await runCli(['db', '--format', 'json'], { cwd })).stdout) as { findings: Array<Record<string, unknown>> };
  const lean = JSON.parse((await runCli(['db', '--format', 'json', '--no-suggestions'], { cwd })).stdout) as { findings: Array<Record<string, unknown>> };
  expect(full.findings.filter((finding) => 'suggestion' in finding).length).toBeGreaterThan(0);
  expect(lean.findings).toEqual(full.findings.map(({ suggestion: _suggestion, ...rest }) => rest));
});

test('explain shows the suggestion, with placeholder names', async () => {
  const run = await runCli(['explain', 'adding-not-nullable-field'], { cwd: tempProject({}) });
  expect(run.stdout).toContain(
    [
      'Suggestion, for example (a finding gets it with its own names, in the language of its file: SQL, Knex, TypeORM or Django):',
      '    Make sure the application never writes NULL there. Then add CHECK (col IS NOT NULL) NOT VALID; in the next migration VALIDATE it (reads and writes go on), SET NOT NULL (no scan: the validated check proves it, PostgreSQL 12+) and drop the check.',
      '      in this migration, instead:',
      '        ALTER TABLE "<table>" ADD CONSTRAINT "<table>_<column>_not_null_check" CHECK ("<column>" IS NOT NULL) NOT VALID;',
      '      in the next migration:',
      '        ALTER TABLE "<table>" VALIDATE CONSTRAINT "<table>_<column>_not_null_check";',
      '        ALTER TABLE "<table>" ALTER COLUMN "<column>" SET NOT NULL;',
      '        ALTER TABLE "<table>" DROP CONSTRAINT "<table>_<column>_not_null_check";',
    ].join('\n'),
  );
});

describe('the API for editors', () => {
  const options = (): LintOptions => ({ pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });
  const lint = (text: string, file: string): FileResult => {
    const result = lintText(text, file, options());
    if (isSkipped(result)) throw new Error('skipped');
    return result;
  };

  test('codeActions gives each finding its suggestion, and its verified fix with exact ranges', () => {
    const text = "exports.up = async (knex) => {\n  await knex.raw('DROP INDEX orders_legacy_idx');\n};\n";
    const result = lint(text, '20240303110000_drop.js');
    const actions = codeActions(text, result, allRules, options());
    const deletion = actions.find((action) => action.finding.rule === 'require-concurrent-index-deletion');
    expect(deletion?.suggestion?.steps.map((step) => step.migration)).toEqual(['this']);
    expect(deletion?.fix).toEqual({
      title: 'Add CONCURRENTLY and run the migration outside a transaction',
      edits: [
        { start: { line: 2, column: 29, offset: 59 }, end: { line: 2, column: 29, offset: 59 }, newText: ' CONCURRENTLY' },
        { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 }, newText: 'exports.config = { transaction: false };\n\n' },
      ],
    });
    const edits = deletion?.fix?.edits.map((edit) => ({ start: edit.start.offset, end: edit.end.offset, text: edit.newText })) ?? [];
    expect(applyEdits(text, edits)).toBe("exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('DROP INDEX CONCURRENTLY orders_legacy_idx');\n};\n");
  });

  test('fixes are checked without the replayed schema given in the options, which is left as it was', () => {
    const text = 'CREATE TABLE gadgets (id bigint);\nALTER TABLE orders ADD COLUMN note text;\n';
    const result = lint(text, 'migration.sql');
    const replay = new SchemaReplay();
    const actions = codeActions(text, result, allRules, { ...options(), replay });
    expect(actions.find((action) => action.finding.rule === 'require-lock-timeout')?.fix?.title).toBe('Set lock_timeout at the top of the migration');
    expect(replay.table({ name: 'gadgets' })).toBeUndefined();
  });

  test('a text that is not the one linted gets no actions (its places would be stale)', () => {
    const text = 'DROP INDEX orders_legacy_idx;\n';
    const result = lint(text, 'migration.sql');
    expect(codeActions(`-- edited\n${text}`, result, allRules, options())).toEqual([]);
    expect(codeActions(`\ufeff${text}`, result, allRules, options()).length).toBe(result.findings.length);
  });

  test('a fix whose result would not parse is dropped: nothing is offered, nothing applied', () => {
    const text = 'CREATE INDEX orders_placed_at_idx ON orders (placed_at);\n';
    const result = lint(text, 'migration.sql');
    const relint = (source: string) => {
      const again = lintText(source, 'migration.sql', options());
      // As if a fixed text did not parse (the text as it was parses).
      return isSkipped(again) ? undefined : { result: again, problems: source === text ? 0 : 1 };
    };
    const fixes = fixFile(result, allRules, relint);
    expect(fixes.each).toEqual([]);
    expect(fixes.applied).toEqual([]);
    expect(fixes.fixed).toBeUndefined();
  });

  test('checking fixes lints the file again within a budget: past it, the remaining findings get no fix (none unchecked is offered), and they are counted', async () => {
    const text = ["SET lock_timeout = '2s';", 'CREATE INDEX a_idx ON orders (a);', 'CREATE INDEX b_idx ON orders (b);', 'CREATE INDEX c_idx ON orders (c);', 'CREATE INDEX d_idx ON orders (d);', ''].join('\n');
    const result = lint(text, 'migration.sql');
    const relinted: string[] = [];
    const relint = (source: string) => {
      relinted.push(source);
      const again = lintText(source, 'migration.sql', options());
      return isSkipped(again) ? undefined : { result: again, problems: 0 };
    };
    const unbounded = fixFile(result, allRules, relint);
    expect(unbounded.each.map((fix) => fix.finding.line)).toEqual([2, 3, 4, 5]);
    expect(unbounded.unchecked).toBeUndefined();
    // Room for the file as it is and two fixed copies.
    relinted.length = 0;
    const bounded = fixFile(result, allRules, relint, text.length * 3 + 'CONCURRENTLY '.length * 2);
    expect(bounded.each.map((fix) => fix.finding.line)).toEqual([2, 3]);
    expect(bounded.unchecked).toBe(2);
    expect(relinted.length).toBe(3);
    // The two together are not checked either: --fix applies nothing it has not checked.
    expect(bounded.fixed).toBeUndefined();
  });
});
