import type { FileResult } from '../../src/engine/finding';
import { compact } from '../../src/reporters/compact';
import { json } from '../../src/reporters/json';
import { stylish } from '../../src/reporters/stylish';

const SOURCE = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\nALTER TABLE users\n  ADD COLUMN phone text NOT NULL;\n";

const results: FileResult[] = [
  {
    file: 'db/migrations/0003_users.sql',
    frontend: 'sql',
    statements: 3,
    source: SOURCE,
    findings: [
      {
        rule: 'ban-drop-column',
        severity: 'error',
        file: 'db/migrations/0003_users.sql',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 34,
        message: 'Dropping column "users"."age" breaks application code that still reads or writes it.',
        help: 'Stop reading and writing the column, deploy, then drop it in a later migration.',
        docs: 'migralint explain ban-drop-column',
      },
      {
        rule: 'adding-required-field',
        severity: 'warning',
        file: 'db/migrations/0003_users.sql',
        line: 3,
        column: 1,
        endLine: 4,
        endColumn: 33,
        message: 'Adding NOT NULL column "users"."phone" without a default fails on a table with rows.',
        help: 'Add it nullable or with a constant default, backfill, then enforce NOT NULL.',
        docs: 'migralint explain adding-required-field',
      },
    ],
  },
  { file: 'db/migrations/0004_ok.sql', frontend: 'sql', statements: 1, source: 'SELECT 1;', findings: [] },
  {
    file: 'db/migrations/0004_ok.down.sql',
    frontend: 'sql',
    statements: 0,
    source: '',
    findings: [],
    skippedReason: 'rollback migration (down/undo file)',
  },
];

const context = { color: false, toolVersion: '9.9.9' };

describe('stylish', () => {
  test('shows each finding with its source line underlined and its help, then a summary', () => {
    expect(stylish(results, context)).toMatchSnapshot();
  });

  test('colour wraps severities in ANSI codes only when asked', () => {
    expect(stylish(results, { ...context, color: true })).toContain('\u001b[31merror\u001b[39m');
    expect(stylish(results, context)).not.toContain('\u001b[');
  });

  test('a clean run says so', () => {
    expect(stylish([results[1]], context)).toBe('No problems found in 1 file.\n');
  });
});

describe('json', () => {
  test('follows version 1 of the contract', () => {
    const document = JSON.parse(json(results, context));
    expect(document).toEqual({
      version: 1,
      tool: { name: 'migralint', version: '9.9.9' },
      files: [
        { file: 'db/migrations/0003_users.sql', frontend: 'sql', statements: 3 },
        { file: 'db/migrations/0004_ok.sql', frontend: 'sql', statements: 1 },
        { file: 'db/migrations/0004_ok.down.sql', frontend: 'sql', statements: 0, skipped: 'rollback migration (down/undo file)' },
      ],
      findings: results[0].findings,
      summary: { files: 3, errors: 1, warnings: 1 },
    });
  });
});

describe('compact', () => {
  test('prints one line per finding', () => {
    expect(compact(results, context)).toBe(
      'db/migrations/0003_users.sql:2:1: error ban-drop-column Dropping column "users"."age" breaks application code that still reads or writes it.\n' +
        'db/migrations/0003_users.sql:3:1: warning adding-required-field Adding NOT NULL column "users"."phone" without a default fails on a table with rows.\n',
    );
  });
});
