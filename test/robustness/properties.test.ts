import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { LineIndex } from '../../src/frontends/text-positions';
import type { FileResult } from '../../src/engine/finding';
import { MAX_STATIC_VALUE_SIZE, StaticScope } from '../../src/frontends/js/static-values';
import { parseScript } from '../../src/frontends/js/parse-js';
import { scanWork } from '../../src/frontends/scan-work';
import { type LintOptions, checkAnalysis, isSkipped, lintText, prepareLinting } from '../../src/lint';

beforeAll(prepareLinting);

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const fixtures = ['sql', 'knex', 'typeorm'].flatMap((folder) =>
  fs.readdirSync(path.join(FIXTURES, folder)).map((name) => ({ name: `${folder}/${name}`, text: fs.readFileSync(path.join(FIXTURES, folder, name), 'utf8') })),
);
const options = { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules, 'strict') };

/** Lints a mutated text; it must not throw, and every finding must lie inside the text. */
function lintsCleanly(name: string, text: string): void {
  const result = lintText(text, name, options);
  if (isSkipped(result)) return;
  // Positions are relative to the text without its byte-order mark.
  const lines = new LineIndex(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  for (const finding of result.findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    expect(finding.endLine).toBeLessThanOrEqual(lines.lineCount);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeLessThanOrEqual(lines.lineText(finding.line).length + 1);
    expect(finding.endColumn).toBeLessThanOrEqual(lines.lineText(finding.endLine).length + 1);
    if (finding.endLine === finding.line) expect(finding.endColumn).toBeGreaterThanOrEqual(finding.column);
  }
}

const fixture = fc.constantFrom(...fixtures);
const RUNS = { numRuns: 150, seed: 20261127 };

test('truncated fixtures never make a front-end throw, and findings stay inside the file', () => {
  fc.assert(
    fc.property(fixture, fc.nat(), ({ name, text }, cut) => {
      lintsCleanly(name, text.slice(0, cut % (text.length + 1)));
    }),
    RUNS,
  );
});

test('inserted bytes (control characters, quotes, comment and string openers, non-ASCII) never make a front-end throw', () => {
  const inserted = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("'", '"', '`', '$$', '/*', '--', '\\', '${', '{{', '\r', '\u0000', '\uFEFF', 'é', '😀', ';', '(', ')', 'BEGIN;', 'COMMIT;'),
  );
  fc.assert(
    fc.property(fixture, fc.nat(), inserted, ({ name, text }, at, piece) => {
      const index = at % (text.length + 1);
      lintsCleanly(name, text.slice(0, index) + piece + text.slice(index));
    }),
    RUNS,
  );
});

test('shuffled tokens never make a front-end throw', () => {
  fc.assert(
    fc.property(fixture, fc.nat(), fc.nat(), ({ name, text }, first, second) => {
      const tokens = text.split(/(\s+)/);
      const a = first % tokens.length;
      const b = second % tokens.length;
      [tokens[a], tokens[b]] = [tokens[b], tokens[a]];
      lintsCleanly(name, tokens.join(''));
    }),
    RUNS,
  );
});

/**
 * Worker threads lint with the compiled code (dist/, built by `npm test`): the
 * same file must give the same result there as on this thread.
 */
function workerPool(extra: Pick<LintOptions, 'placeholders'> = {}) {
  const { AnalysisPool } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'analysis-pool.js')) as typeof import('../../src/cli/analysis-pool');
  const pool = AnalysisPool.create(1, { pgVersion: 15, assumeInTransaction: false, severities: options.settings.toSeverities(), ...extra });
  if (!pool) throw new Error('no worker pool: build dist/ first (npm test does)');
  return pool;
}

/** What a result says, without the source text (which a worker does not send back). */
function essentials(result: ReturnType<typeof lintText>) {
  if (isSkipped(result)) return result;
  const { source: _source, ...rest } = result as FileResult;
  return rest;
}

async function sameOnWorkerThread(pool: ReturnType<typeof workerPool>, text: string, name: string, extra: Pick<LintOptions, 'placeholders'> = {}) {
  const here = lintText(text, name, { ...options, ...extra });
  const analysis = pool.analyze({ text, displayPath: name });
  pool.flush();
  // The worker reads the file; this thread checks what it read, as a run does.
  const work = await analysis;
  if ('readError' in work) throw new Error(work.readError);
  const there = 'skipped' in work ? work.skipped : checkAnalysis({ analyzed: work.analyzed, source: text.replace(/^\uFEFF/, '') }, name, { ...options, ...extra });
  expect(essentials(there)).toEqual(essentials(here));
  return here;
}

/** Constants built from constants (templates, concatenations, arrays, objects, members), some repeating one another. */
const constantPrograms = fc
  .array(
    fc.record({
      kind: fc.constantFrom('template', 'repeat', 'concat', 'array', 'object', 'member', 'literal'),
      refs: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      text: fc.stringMatching(/^[a-z ]{0,6}$/),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((declarations) => {
    const lines = ["const c0 = 'users';"];
    declarations.forEach(({ kind, refs, text }, index) => {
      const k = index + 1;
      const ref = (n: number) => `c${refs[n % refs.length] % k}`;
      const expressions: Record<string, string> = {
        template: `\`${refs.map((_, n) => `\${${ref(n)}}`).join(text)}\``,
        repeat: `\`\${${ref(0)}}\${${ref(0)}}\${${ref(0)}}\``,
        concat: refs.map((_, n) => ref(n)).join(` + '${text}' + `),
        array: `[${refs.map((_, n) => ref(n)).join(', ')}]`,
        object: `{ ${refs.map((_, n) => `k${n}: ${ref(n)}`).join(', ')} }`,
        member: `${ref(0)}.k0`,
        literal: `'${text}'`,
      };
      lines.push(`const c${k} = ${expressions[kind]};`);
    });
    const last = declarations.length;
    return `${lines.join('\n')}\nexports.up = async (knex) => {\n  await knex.raw(\`SELECT \${c${last}}\`);\n  for (const table of c${Math.floor(last / 2)}) await knex.schema.dropTable(table);\n  await knex.schema.dropTable(c${last});\n};\n`;
  });

function nodeCount(node: unknown): number {
  if (!node || typeof node !== 'object') return 0;
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + nodeCount(item), 0);
  const record = node as Record<string, unknown>;
  let count = typeof record.type === 'string' ? 1 : 0;
  for (const [key, value] of Object.entries(record)) if (key !== 'loc' && !key.endsWith('Comments')) count += nodeCount(value);
  return count;
}

describe('constant evaluation', () => {
  test('each constant is evaluated a bounded number of times (no exponential work), and no value is over the size limit', () => {
    fc.assert(
      fc.property(constantPrograms, (source) => {
        const parsed = parseScript(source, 'm.js');
        if (!parsed.ok) throw new Error(parsed.message);
        const scope = StaticScope.ofProgram(parsed.ast.program);
        for (const statement of parsed.ast.program.body) {
          if (statement.type !== 'VariableDeclaration') continue;
          const value = scope.value(statement.declarations[0].id);
          if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(MAX_STATIC_VALUE_SIZE);
          if (value && typeof value === 'object') expect(JSON.stringify(value).length).toBeLessThanOrEqual(10 * MAX_STATIC_VALUE_SIZE);
        }
        // At most one evaluation per expression and nesting depth (21 of them).
        expect(scope.work.evaluations).toBeLessThanOrEqual(21 * nodeCount(parsed.ast.program));
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });

  test('a Knex migration made of such constants gives the same result on a worker thread as here', async () => {
    const pool = workerPool();
    try {
      await fc.assert(
        fc.asyncProperty(constantPrograms, async (source) => {
          await sameOnWorkerThread(pool, source, 'm.js');
        }),
        { numRuns: 60, seed: 20261127 },
      );
    } finally {
      await pool.close();
    }
  });
});

/**
 * SQL files made of what the pre-scans look for: psql meta-commands, COPY data,
 * runner markers, placeholders, and the same inside strings and comments.
 * Each piece says whether it is a DROP COLUMN that must be reported (in forward
 * code), given the runner section it falls in.
 */
const PIECES: Array<(n: number) => string> = [
  (n) => `ALTER TABLE t${n} DROP COLUMN c;`,
  () => '\\set ON_ERROR_STOP on',
  () => '\\echo -- +goose Down',
  () => 'SELECT now() AS started \\gset',
  (n) => `COPY t${n} FROM stdin;\n1\tDROP TABLE x;\t\\N\n2\t'; --\t\\N\n\\.`,
  (n) => `\\copy t${n} from stdin\n1\ta\n\\.`,
  () => '-- +goose Up',
  () => '-- +goose Down',
  () => '-- +goose NO TRANSACTION',
  () => '-- +migrate Up notransaction',
  () => '-- migrate:down',
  (n) => `SELECT :name, :'value', :"ident", {{ .Schema }}.t${n}, \${var}, $%NAME%$;`,
  () => "SELECT '\\echo -- +goose Down COPY x FROM stdin;';",
  () => '/* \\set x -- +goose Down\n COPY x FROM stdin; */ SELECT 1;',
];

const sqlScripts = fc.array(fc.tuple(fc.nat(PIECES.length - 1), fc.nat(99)), { maxLength: 30 }).map((choices) => {
  let forward = true;
  const lines: string[] = [];
  const expected: number[] = [];
  for (const [piece, n] of choices) {
    const text = PIECES[piece](n);
    if (text === '-- +goose Up' || text.startsWith('-- +migrate Up')) forward = true;
    if (text === '-- +goose Down' || text === '-- migrate:down') forward = false;
    if (piece === 0 && forward) expected.push(lines.length + 1);
    lines.push(...text.split('\n'));
  }
  return { text: `${lines.join('\n')}\n`, expected };
});

describe('the SQL pre-scans', () => {
  const placeholders = ['psql', 'mustache', 'dollar-brace', 'dollar-percent'];

  test('take steps linear in the file, and report exactly the forward DROP COLUMNs', () => {
    fc.assert(
      fc.property(sqlScripts, ({ text, expected }) => {
        const before = scanWork.steps;
        const result = lintText(text, 'm.sql', { ...options, placeholders });
        expect(scanWork.steps - before).toBeLessThanOrEqual(8 * text.length + 64);
        if (isSkipped(result)) throw new Error(result.skipped);
        expect(result.findings.filter((finding) => finding.rule === 'syntax-error')).toEqual([]);
        expect(result.findings.filter((finding) => finding.rule === 'ban-drop-column').map((finding) => finding.line)).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  test('stay linear however the pieces are repeated (twenty thousand of one)', () => {
    for (const piece of PIECES) {
      const text = `${Array.from({ length: 20_000 }, (_, n) => piece(n)).join('\n')}\n`;
      const before = scanWork.steps;
      lintText(text, 'm.sql', { ...options, placeholders });
      expect(scanWork.steps - before).toBeLessThanOrEqual(8 * text.length + 64);
    }
  });

  test('give the same result on a worker thread as here', async () => {
    const pool = workerPool({ placeholders });
    try {
      await fc.assert(
        fc.asyncProperty(
          sqlScripts,
          fc.string({ maxLength: 6 }),
          fc.nat(),
          async ({ text }, junk, at) => {
            const index = at % (text.length + 1);
            await sameOnWorkerThread(pool, text.slice(0, index) + junk + text.slice(index), 'm.sql', { placeholders });
          },
        ),
        { numRuns: 150, seed: 20261127 },
      );
    } finally {
      await pool.close();
    }
  });
});
