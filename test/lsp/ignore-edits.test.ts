import type { FileResult } from '../../src/engine/finding';
import { prepareLinting } from '../../src/lint';
import { lintSql } from '../helpers';
import { ignoreFileEdit, ignoreStatementEdit } from '../../src/lsp/ignore-edits';
import { applyEdits } from './lsp-client';

beforeAll(prepareLinting);

/** Any front-end's file, by its name, with the recommended rules. */
const lint = (text: string, file: string) => lintSql(text, {}, file);

const rulesOf = (result: FileResult) => result.findings.map((finding) => `${finding.rule}@${finding.line}`);

/** Lints, silences the first finding of `rule` with the edit, lints again. */
function silence(text: string, file: string, rule: string, scope: 'statement' | 'file') {
  const before = lint(text, file);
  const finding = before.findings.find((candidate) => candidate.rule === rule);
  if (!finding) throw new Error(`no ${rule} in ${rulesOf(before).join(', ')}`);
  const edit = scope === 'statement' ? ignoreStatementEdit(text, finding, before.frontend) : ignoreFileEdit(text, rule, before.frontend);
  const edited = applyEdits(text, [edit]);
  return { before: rulesOf(before), edited, after: rulesOf(lint(edited, file)) };
}

const KNEX_RAW = `exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  await knex.raw(\`
    CREATE INDEX orders_status_idx
      ON orders (status)
  \`);
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('age');
  });
};
`;

const TYPEORM = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropAge1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`SET lock_timeout = '2s'\`);
    await queryRunner.query(\`ALTER TABLE "users" DROP COLUMN "age"\`);
  }
}
`;

const DJANGO = `# -*- coding: utf-8 -*-
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.RemoveField(model_name="order", name="note"),
    ]
`;

describe('ignore for this statement', () => {
  test('SQL: a -- comment above the statement, indented like it, silences only that finding', () => {
    const sql = "SET lock_timeout = '2s';\nBEGIN;\n  ALTER TABLE users DROP COLUMN age;\n  ALTER TABLE users DROP COLUMN name;\nCOMMIT;\n";
    const result = silence(sql, 'db/migrations/001.sql', 'ban-drop-column', 'statement');
    expect(result.before).toEqual(['ban-drop-column@3', 'ban-drop-column@4']);
    expect(result.edited).toBe("SET lock_timeout = '2s';\nBEGIN;\n  -- migralint-ignore ban-drop-column\n  ALTER TABLE users DROP COLUMN age;\n  ALTER TABLE users DROP COLUMN name;\nCOMMIT;\n");
    expect(result.after).toEqual(['ban-drop-column@5']);
  });

  test('SQL: a rule is added to the ignore comment already above the statement, before its reason', () => {
    const sql = "-- migralint-ignore require-lock-timeout -- the table is tiny\nALTER TABLE users DROP COLUMN age;\n";
    const result = silence(sql, 'db/migrations/001.sql', 'ban-drop-column', 'statement');
    expect(result.edited).toBe('-- migralint-ignore require-lock-timeout, ban-drop-column -- the table is tiny\nALTER TABLE users DROP COLUMN age;\n');
    expect(result.after).toEqual([]);
  });

  test('Knex: SQL inside a multi-line knex.raw string is silenced by a // comment above the call, not inside the string', () => {
    const result = silence(KNEX_RAW, 'migrations/20240101_index.js', 'require-concurrent-index-creation', 'statement');
    expect(result.before).toEqual(['require-concurrent-index-creation@4', 'ban-drop-column@8']);
    expect(result.edited.split('\n').slice(1, 4)).toEqual([`  await knex.raw("SET lock_timeout = '2s'");`, '  // migralint-ignore require-concurrent-index-creation', '  await knex.raw(`']);
    expect(result.after).toEqual(['ban-drop-column@9']);
  });

  test('Knex: a builder call in a table callback is silenced above the statement that holds it', () => {
    const result = silence(KNEX_RAW, 'migrations/20240101_index.js', 'ban-drop-column', 'statement');
    expect(result.edited.split('\n').slice(6, 8)).toEqual(['  // migralint-ignore ban-drop-column', "  await knex.schema.alterTable('users', (table) => {"]);
    expect(result.after).toEqual(['require-concurrent-index-creation@4']);
  });

  test('TypeORM: a // comment above queryRunner.query', () => {
    const result = silence(TYPEORM, 'src/migrations/1700000000000-DropAge.ts', 'ban-drop-column', 'statement');
    expect(result.before).toEqual(['ban-drop-column@6']);
    expect(result.edited.split('\n')[5]).toBe('    // migralint-ignore ban-drop-column');
    expect(result.after).toEqual([]);
  });

  test('Django: a # comment above the operation', () => {
    const result = silence(DJANGO, 'shop/migrations/0002_remove_note.py', 'ban-drop-column', 'statement');
    expect(result.before).toEqual(['ban-drop-column@9', 'require-lock-timeout@9']);
    expect(result.edited.split('\n')[8]).toBe('        # migralint-ignore ban-drop-column');
    expect(result.after).toEqual(['require-lock-timeout@10']);
  });

  test('Django: SQL inside a multi-line RunSQL string is silenced above the operation', () => {
    const text = DJANGO.replace(
      'migrations.RemoveField(model_name="order", name="note"),',
      'migrations.RunSQL(\n            """\n            CREATE INDEX shop_order_status ON shop_order (status);\n            """,\n            reverse_sql="DROP INDEX shop_order_status;",\n        ),',
    );
    const result = silence(text, 'shop/migrations/0002_index_status.py', 'require-concurrent-index-creation', 'statement');
    expect(result.before).toEqual(['require-concurrent-index-creation@11', 'require-lock-timeout@11']);
    expect(result.edited.split('\n').slice(8, 10)).toEqual(['        # migralint-ignore require-concurrent-index-creation', '        migrations.RunSQL(']);
    expect(result.after).toEqual(['require-lock-timeout@12']);
  });

  test('CRLF files get CRLF', () => {
    const sql = "SET lock_timeout = '2s';\r\nALTER TABLE users DROP COLUMN age;\r\n";
    const result = silence(sql, 'db/migrations/001.sql', 'ban-drop-column', 'statement');
    expect(result.edited).toBe("SET lock_timeout = '2s';\r\n-- migralint-ignore ban-drop-column\r\nALTER TABLE users DROP COLUMN age;\r\n");
    expect(result.after).toEqual([]);
  });
});

describe('ignore for this file', () => {
  test('SQL: a -- migralint-ignore-file comment on the first line silences the rule everywhere', () => {
    const sql = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\nALTER TABLE users DROP COLUMN name;\n";
    const result = silence(sql, 'db/migrations/001.sql', 'ban-drop-column', 'file');
    expect(result.edited.startsWith('-- migralint-ignore-file ban-drop-column\nSET')).toBe(true);
    expect(result.after).toEqual([]);
  });

  test('SQL: goose files keep working with the comment above -- +goose Up', () => {
    const sql = "-- +goose Up\nSET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\n-- +goose Down\nALTER TABLE users ADD COLUMN age int;\n";
    const result = silence(sql, 'db/migrations/001.sql', 'ban-drop-column', 'file');
    expect(result.after).toEqual([]);
  });

  test('the rule joins an existing migralint-ignore-file comment', () => {
    const sql = "SET lock_timeout = '2s';\n-- migralint-ignore-file renaming-column\nALTER TABLE users RENAME COLUMN a TO b;\nALTER TABLE users DROP COLUMN age;\n";
    const result = silence(sql, 'db/migrations/001.sql', 'ban-drop-column', 'file');
    expect(result.edited.split('\n')[1]).toBe('-- migralint-ignore-file renaming-column, ban-drop-column');
    expect(result.after).toEqual([]);
  });

  test('Knex: after a shebang, in // syntax', () => {
    const text = `#!/usr/bin/env node\n${KNEX_RAW}`;
    const result = silence(text, 'migrations/20240101_index.js', 'ban-drop-column', 'file');
    expect(result.edited.split('\n').slice(0, 2)).toEqual(['#!/usr/bin/env node', '// migralint-ignore-file ban-drop-column']);
    expect(result.after).toEqual(['require-concurrent-index-creation@6']);
  });

  test('TypeORM: // migralint-ignore-file', () => {
    const result = silence(TYPEORM, 'src/migrations/1700000000000-DropAge.ts', 'ban-drop-column', 'file');
    expect(result.edited.split('\n')[0]).toBe('// migralint-ignore-file ban-drop-column');
    expect(result.after).toEqual([]);
  });

  test("Django: # migralint-ignore-file, after Python's encoding declaration", () => {
    const result = silence(DJANGO, 'shop/migrations/0002_remove_note.py', 'require-lock-timeout', 'file');
    expect(result.edited.split('\n').slice(0, 2)).toEqual(['# -*- coding: utf-8 -*-', '# migralint-ignore-file require-lock-timeout']);
    expect(result.after).toEqual(['ban-drop-column@10']);
  });
});
