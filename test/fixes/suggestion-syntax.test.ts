import { parse as parseJs } from '@babel/parser';
import type { Node } from '@babel/types';
import { parser as python } from '@lezer/python';
import { parseSql as parsePostgres } from '../../src/frontends/sql/parser';
import { suggestionFor } from '../../src/fixes/suggest';
import { prepareLinting } from '../../src/lint';
import { exampleCases, flagged, sourceOf } from './examples';

beforeAll(prepareLinting);

/**
 * Every suggestion of every flagged example parses in its language: SQL with
 * PostgreSQL's parser, Knex and TypeORM code with Babel (and the SQL in their
 * strings with PostgreSQL's parser), Django code with a Python parser (and its
 * RunSQL strings with PostgreSQL's). And it names what the finding names.
 */

function parseSql(sql: string): void {
  try {
    parsePostgres(sql);
  } catch (error) {
    throw new Error(`PostgreSQL cannot parse ${JSON.stringify(sql)}: ${(error as Error).message}`);
  }
}

/** The SQL in `raw(…)` and `query(…)` calls (string literals only); a raw() that is an argument (`defaultTo(knex.raw(…))`) is an expression. */
function sqlInScript(node: Node, found: string[] = [], argument = false): string[] {
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && ['raw', 'query'].includes(node.callee.property.name)) {
    const [first] = node.arguments;
    const text = first?.type === 'StringLiteral' ? first.value.replace(/\\\?/g, '?') : first?.type === 'TemplateLiteral' && first.expressions.length === 0 ? (first.quasis[0].value.cooked ?? '') : undefined;
    if (text !== undefined) found.push(argument ? `SELECT ${text}` : text);
  }
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? child : [child]) {
      if (item && typeof item === 'object' && typeof (item as Node).type === 'string') sqlInScript(item as Node, found, key === 'arguments');
    }
  }
  return found;
}

function parseScript(code: string, typescript: boolean, whole: boolean): void {
  const text = whole ? code : `async function step(knex, queryRunner) {\n${code}\n}`;
  const ast = parseJs(text, { sourceType: 'module', plugins: typescript ? ['typescript'] : [] });
  for (const sql of sqlInScript(ast.program)) parseSql(sql);
}

function parsePython(code: string, whole: boolean): void {
  const lines = code.split('\n');
  const imports = lines.filter((line) => /^(from|import) /.test(line));
  const text = whole ? code : `${imports.join('\n')}\noperations = [\n${lines.filter((line) => !/^(from|import) /.test(line)).join('\n')}\n]\n`;
  const errors: string[] = [];
  python.parse(text).iterate({
    enter(node) {
      if (node.type.isError) errors.push(text.slice(Math.max(node.from - 20, 0), node.to + 20));
    },
  });
  expect(errors).toEqual([]);
  for (const match of code.matchAll(/RunSQL\(\s*("(?:[^"\\]|\\.)*")/g)) parseSql(JSON.parse(match[1]) as string);
}

const cases = exampleCases().map((item) => [`${item.rule.id} ${item.frontend}: ${sourceOf(item.example).replace(/\s+/g, ' ').slice(0, 90)}`, item] as const);

test.each(cases)('%s', (_title, item) => {
  const { result, finding } = flagged(item);
  const suggestion = suggestionFor(finding, result, item.rule);
  if (!suggestion) throw new Error('no suggestion');
  const operation = finding.target?.operation;
  const named = [operation && 'table' in operation ? operation.table.name : undefined, operation && 'name' in operation ? operation.name : undefined].filter((name): name is string => typeof name === 'string');
  const names = [...[...finding.message.matchAll(/"([^"]+)"/g)].map((match) => match[1].split('.').pop() ?? ''), ...named];
  for (const step of suggestion.steps) {
    const whole = step.migration !== 'this' || step.at === 'file';
    if (item.frontend === 'sql') parseSql(step.code);
    else if (item.frontend === 'django') parsePython(step.code, whole);
    else parseScript(step.code, item.frontend === 'typeorm', whole);
    // A step that changes a table names it as the finding does (or, for Django, names its model).
    const model = finding.target?.operation.django?.model;
    if (step.lock) expect(names.some((name) => step.code.includes(name)) || (model !== undefined && step.code.includes(model))).toBe(true);
  }
});
