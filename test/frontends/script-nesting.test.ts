import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeKnexFile } from '../../src/frontends/knex';
import { MAX_SCRIPT_NESTING, deepRegions, scriptNesting, withoutRegions } from '../../src/frontends/js/nesting-limits';
import { parseScript } from '../../src/frontends/js/parse-js';
import { loadSqlParser } from '../../src/frontends/sql';

beforeAll(loadSqlParser);

/** Shapes that make Babel recurse deeper as `n` grows. */
const DEEP_SHAPES: Record<string, (n: number) => string> = {
  arrays: (n) => `const x = ${'['.repeat(n)}1${']'.repeat(n)};`,
  parentheses: (n) => `const x = ${'('.repeat(n)}1${')'.repeat(n)};`,
  objects: (n) => `const x = ${'{a:'.repeat(n)}1${'}'.repeat(n)};`,
  calls: (n) => `const x = ${'f('.repeat(n)}1${')'.repeat(n)};`,
  templates: (n) => `const x = ${'`${'.repeat(n)}1${'}`'.repeat(n)};`,
  blocks: (n) => `${'{'.repeat(n)}${'}'.repeat(n)}`,
  arrows: (n) => `const x = ${'() => '.repeat(n)}1;`,
  conditionals: (n) => `const x = ${'a ? b : '.repeat(n)}c;`,
  'else if chains': (n) => `${'if (a) x(); else '.repeat(n)}y();`,
  concatenation: (n) => `const x = ${"'a' + ".repeat(n)}'a';`,
  negations: (n) => `const x = ${'!'.repeat(n)}a;`,
};

/** The largest `n` whose text measures within `limit`. */
function largestWithin(shape: (n: number) => string, limit: number): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (scriptNesting(shape(middle)) <= limit) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Parses the text with Babel in a fresh process, before V8 has optimised the
 * parser (when its frames are largest), on the main thread and on a worker
 * thread; what each threw, if anything.
 */
function parseColdOnEveryThread(text: string): { main: string; worker: string } {
  const babel = require.resolve('@babel/parser');
  const script = `
const { isMainThread, Worker, parentPort, workerData } = require('node:worker_threads');
const { parse } = require(${JSON.stringify(babel)});
const attempt = (text) => { try { parse(text, { sourceType: 'unambiguous', plugins: ['typescript'] }); return ''; } catch (error) { return error.name + ': ' + error.message.split('\\n')[0]; } };
if (!isMainThread) parentPort.postMessage(attempt(workerData));
else {
  const text = require('node:fs').readFileSync(0, 'utf8');
  const main = attempt(text);
  new Worker(__filename, { workerData: text }).on('message', (worker) => console.log(JSON.stringify({ main, worker })));
}`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-nesting-')), 'parse.js');
  fs.writeFileSync(file, script);
  const run = spawnSync(process.execPath, [file], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { main: string; worker: string };
}

describe('the nesting bound', () => {
  test.each(Object.entries(DEEP_SHAPES))('%s: twice the limit still parses, cold, on the main thread and on a worker', (_name, shape) => {
    const text = shape(largestWithin(shape, 2 * MAX_SCRIPT_NESTING));
    expect(scriptNesting(text)).toBeGreaterThan(1.5 * MAX_SCRIPT_NESTING);
    expect(parseColdOnEveryThread(text)).toEqual({ main: '', worker: '' });
  });

  test('nesting far enough beyond the limit overflows the parser: the margin is measured, not assumed', () => {
    const arrays = DEEP_SHAPES.arrays;
    expect(parseColdOnEveryThread(arrays(largestWithin(arrays, 6 * MAX_SCRIPT_NESTING))).main).toBe('RangeError: Maximum call stack size exceeded');
  });

  test.each([
    ['brackets in strings', `const s = '${'('.repeat(5000)}'; const t = "${'['.repeat(5000)}";`],
    ['brackets in a template', `const s = \`${'{'.repeat(5000)}\${x}${'('.repeat(5000)}\`;`],
    ['brackets in comments', `// ${'['.repeat(5000)}\n/* ${'{'.repeat(5000)} */ const x = 1;`],
    ['brackets in a regular expression', `const re = /${'\\('.repeat(5000)}[(]/g; const y = a / b / c;`],
    ['many statements without semicolons', Array.from({ length: 5000 }, (_, index) => `x${index} = a + b\nf(x${index})\n`).join('')],
    ['a long list', `const xs = [${Array.from({ length: 20_000 }, (_, index) => `a + ${index}`).join(', ')}];`],
    ['a class of many members', `class A {\n${Array.from({ length: 2000 }, (_, index) => `  m${index} = () => this.x + ${index};\n  n${index}() { return a ? b : c; }`).join('\n')}\n}`],
    ['sequential if/else statements', Array.from({ length: 2000 }, () => 'if (a) x(); else y();').join('\n')],
  ])('%s: shallow, nothing cut', (_name, text) => {
    expect(scriptNesting(text)).toBeLessThan(100);
    expect(deepRegions(text)).toEqual([]);
  });
});

describe('cutting what nests too deeply', () => {
  const analyze = (source: string) => analyzeKnexFile(source, 'm.js', { transactionsDisabled: false });
  const summary = (source: string) => {
    const file = analyze(source);
    return [...file.problems.map((problem) => `${problem.rule}@${problem.location.line}:${problem.location.column}`), ...file.operations.map((operation) => `${operation.kind}@${operation.location.line}`)];
  };

  test.each([
    ['a deep constant elsewhere in the file', `const NESTED = ${'['.repeat(600)}1${']'.repeat(600)};\nexports.up = async (knex) => {\n  await knex.schema.dropTable('users');\n};\n`, ['unanalyzed-code@1:116', 'dropTable@3']],
    ['a deep object', `const OPTIONS = ${'{ a: '.repeat(600)}1${' }'.repeat(600)};\nexports.up = async (knex) => {\n  await knex.schema.dropTable('users');\n};\n`, ['unanalyzed-code@1:468', 'dropTable@3']],
    ['a long concatenation in a constant', `const SQL = ${"'x' + ".repeat(5000)}'x';\nexports.up = async (knex) => {\n  await knex.schema.dropTable('users');\n};\n`, ['unanalyzed-code@1:1', 'dropTable@3']],
    ['a long concatenation in an argument', `exports.up = async (knex) => {\n  await knex.raw(${"'x' + ".repeat(5000)}'x');\n  await knex.schema.dropTable('users');\n};\n`, ['unanalyzed-code@2:18', 'dropTable@3']],
    ['a deep template', `exports.up = async (knex) => {\n  await knex.raw(\`SELECT ${'${`'.repeat(300)}1${'`}'.repeat(300)}\`);\n  await knex.schema.dropTable('users');\n};\n`, ['unanalyzed-code@2:319', 'other@2', 'dropTable@3']],
  ])('%s: that part is unanalysed, the rest is checked', (_name, source, expected) => {
    expect(summary(source)).toEqual(expected);
  });

  test('the stand-ins keep every offset and line', () => {
    const text = `const x = ${'[\n'.repeat(300)}1${']'.repeat(300)};\nconst y = 2;`;
    const regions = deepRegions(text);
    const cut = withoutRegions(text, regions);
    expect(cut).toHaveLength(text.length);
    expect(cut.split('\n')).toHaveLength(text.split('\n').length);
    expect(cut.slice(cut.indexOf('const y'))).toBe('const y = 2;');
    expect(parseScript(cut, 'm.js').ok).toBe(true);
  });
});
