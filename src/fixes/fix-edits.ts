import type { File, Node } from '@babel/types';
import type { FileResult, Finding } from '../engine/finding';
import type { StatementEdit } from '../engine/suggestion';
import { walkNodes } from '../frontends/js/ast-walk';
import { LineIndex } from '../frontends/text-positions';
import type { SourceSpan } from '../model/location';
import type { Operation } from '../model/operations';
import { operationSql } from './sql-text';
import { type FileFacts, factsOf } from './file-facts';
import type { FixPlan } from './fix-plan';
import { jsString, pyString } from './literals';
import { type TextEdit, statementEdits } from './sql-edits';
import { sqlTokens } from './sql-tokens';

/**
 * The edits of `--fix`, at exact places in the file's text (its source, a BOM
 * left out): computed from the finding's spans, the file parsed again where a
 * place is not in them (JavaScript with Babel; SQL markers, Django's class and
 * operations list by their lines). Undefined when a fix cannot be placed with
 * certainty: the file is then left as it is.
 */
export function fixEdits(finding: Finding, plan: FixPlan, file: FileResult): TextEdit[] | undefined {
  const facts = factsOf(file);
  const source = new SourceText(file.source, facts);
  const operation = finding.target?.operation;
  if (!operation) return undefined;
  switch (plan.kind) {
    case 'edit': {
      const statement = editStatement(source, operation, plan.edit);
      if (!statement) return undefined;
      if (!plan.transactionOff) return statement;
      const off = transactionOff(source);
      return off && [...statement, ...off];
    }
    case 'transactionOff':
      return transactionOff(source);
    case 'setting':
      return settingAtTop(source, `SET ${plan.name} = ${plan.value}`);
    case 'notValid':
      return notValidThenValidate(source, operation, plan.name);
  }
}

/** The file's text with what the edits need to find places in it. */
class SourceText {
  readonly lines: LineIndex;
  private parsed?: File | null;

  constructor(
    readonly text: string,
    readonly facts: FileFacts,
  ) {
    this.lines = new LineIndex(text);
  }

  offset(line: number, column: number): number {
    return this.lines.lineStart(line) + column - 1;
  }

  span(span: SourceSpan): { start: number; end: number } {
    return { start: this.offset(span.line, span.column), end: this.offset(span.endLine, span.endColumn) };
  }

  /** The leading white space of the line an offset is on. */
  indentAt(offset: number): string {
    const line = this.lines.position(offset).line;
    return /^[ \t]*/.exec(this.lines.lineText(line))?.[0] ?? '';
  }

  /** The JavaScript syntax tree (Babel, loaded only for fixes of JavaScript files). */
  ast(): File | undefined {
    if (this.parsed === undefined) {
      const { parseScript } = require('../frontends/js/parse-js') as typeof import('../frontends/js/parse-js');
      const result = parseScript(this.text, this.facts.path);
      this.parsed = result.ok ? result.ast : null;
    }
    return this.parsed ?? undefined;
  }
}

// ---- the flagged statement ------------------------------------------------------------------

function editStatement(source: SourceText, operation: Operation, edit: StatementEdit): TextEdit[] | undefined {
  if (operation.sql !== undefined) {
    // The statement as it stands in the file (in a JavaScript or Python string, escapes and all): the edits are
    // keyword insertions, and the file is linted again before anything is written.
    const { start, end } = source.span(operation.location);
    return statementEdits(source.text.slice(start, end), edit, operation)?.map((change) => ({ ...change, start: change.start + start, end: change.end + start }));
  }
  switch (source.facts.frontend) {
    case 'typeorm':
      return concurrentTableIndex(source, operation);
    case 'knex':
      return dropTableIfExists(source, operation);
    case 'django':
      return concurrentDjangoOperation(source, operation);
    default:
      return undefined;
  }
}

/** `new TableIndex({ … })` → `new TableIndex({ …, isConcurrent: true })` in the flagged `createIndex` call. */
function concurrentTableIndex(source: SourceText, operation: Operation): TextEdit[] | undefined {
  const call = callAt(source, operation, 'createIndex');
  const index = call?.arguments[1];
  const options = index?.type === 'NewExpression' ? index.arguments[0] : undefined;
  if (options?.type !== 'ObjectExpression' || options.properties.length === 0) return undefined;
  if (options.properties.some((property) => property.type !== 'ObjectProperty' || keyName(property.key) === 'isConcurrent')) return undefined;
  const last = options.properties[options.properties.length - 1];
  const end = last.end ?? 0;
  // One property a line: another line, as the others are written (after a trailing comma, if there is one).
  if (source.lines.position(last.start ?? 0).line !== source.lines.position(options.start ?? 0).line) {
    const comma = /^\s*,/.exec(source.text.slice(end));
    const at = comma ? end + comma[0].length : end;
    return [{ start: at, end: at, text: `${comma ? '' : ','}\n${source.indentAt(last.start ?? 0)}isConcurrent: true${comma ? ',' : ''}` }];
  }
  return [{ start: end, end, text: ', isConcurrent: true' }];
}

/** `knex.schema.dropTable(…)` → `knex.schema.dropTableIfExists(…)`. */
function dropTableIfExists(source: SourceText, operation: Operation): TextEdit[] | undefined {
  const call = callAt(source, operation, 'dropTable');
  const property = call?.callee.type === 'MemberExpression' ? call.callee.property : undefined;
  if (!property || property.type !== 'Identifier') return undefined;
  return [{ start: property.start ?? 0, end: property.end ?? 0, text: 'dropTableIfExists' }];
}

/** `migrations.AddIndex(…)` → `AddIndexConcurrently(…)`, imported from django.contrib.postgres.operations. */
function concurrentDjangoOperation(source: SourceText, operation: Operation): TextEdit[] | undefined {
  const callee = { AddIndex: 'AddIndexConcurrently', RemoveIndex: 'RemoveIndexConcurrently' }[operation.django?.operation ?? ''];
  if (!callee) return undefined;
  const renamed = renameDjangoCall(source, operation, callee);
  const imported = importPostgresOperation(source, callee);
  return renamed && imported && [...renamed, ...imported];
}

function renameDjangoCall(source: SourceText, operation: Operation, callee: string): TextEdit[] | undefined {
  const { start, end } = source.span(operation.location);
  const written = /^[\w.]+(?=\s*\()/.exec(source.text.slice(start, end));
  return written ? [{ start, end: start + written[0].length, text: callee }] : undefined;
}

// ---- the runner's transaction -----------------------------------------------------------------

function transactionOff(source: SourceText): TextEdit[] | undefined {
  switch (source.facts.frontend) {
    case 'sql':
      return sqlTransactionOff(source);
    case 'knex':
      return knexConfig(source);
    case 'typeorm':
      return typeormTransaction(source);
    case 'django':
      return djangoAtomic(source);
  }
}

/** The marker goose, dbmate, sql-migrate, sqlx or postgres-migrations read in the file. */
function sqlTransactionOff(source: SourceText): TextEdit[] | undefined {
  const { text, facts } = source;
  if (facts.frontend !== 'sql') return undefined;
  const marker = (pattern: RegExp) => pattern.exec(text);
  switch (facts.runner) {
    case 'flyway':
      return []; // CONCURRENTLY itself makes Flyway run the migration without a transaction
    case 'sqlx':
      return [{ start: 0, end: 0, text: '-- no-transaction\n' }]; // read from the file's first bytes
    case 'postgres-migrations':
      return [{ start: 0, end: 0, text: '-- postgres-migrations disable-transaction\n' }]; // looked for anywhere in the file
    case 'goose': {
      const up = marker(/^--\s*\+goose\s+up\b/im);
      return up ? [{ start: up.index, end: up.index, text: '-- +goose NO TRANSACTION\n' }] : undefined;
    }
    case 'dbmate': {
      const up = marker(/^--\s*migrate:up\b[^\r\n]*/im);
      if (!up || /transaction:/i.test(up[0])) return undefined;
      return [{ start: up.index + up[0].trimEnd().length, end: up.index + up[0].trimEnd().length, text: ' transaction:false' }];
    }
    case 'sql-migrate': {
      const up = marker(/^--\s*\+migrate\s+up\b[^\r\n]*/im);
      if (!up || /notransaction/i.test(up[0])) return undefined;
      return [{ start: up.index + up[0].trimEnd().length, end: up.index + up[0].trimEnd().length, text: ' notransaction' }];
    }
    default:
      return undefined;
  }
}

/** `exports.config = { transaction: false };` (or `export const config`, or a `config` property of the exported object), before `up`. */
function knexConfig(source: SourceText): TextEdit[] | undefined {
  const ast = source.ast();
  if (!ast) return undefined;
  for (const statement of ast.program.body) {
    if (exportsName(statement, 'config')) return undefined; // a config of its own: left to the user
  }
  for (const statement of ast.program.body) {
    const start = statement.start ?? 0;
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const target = memberPath(statement.expression.left);
      if (target === 'exports.up' || target === 'module.exports.up') return [{ start, end: start, text: 'exports.config = { transaction: false };\n\n' }];
      if (target === 'module.exports' && statement.expression.right.type === 'ObjectExpression') return configProperty(source, statement.expression.right);
    }
    if (statement.type === 'ExportNamedDeclaration' && exportsName(statement, 'up')) return [{ start, end: start, text: 'export const config = { transaction: false };\n\n' }];
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'ObjectExpression') return configProperty(source, statement.declaration);
  }
  return undefined;
}

function configProperty(source: SourceText, object: Extract<Node, { type: 'ObjectExpression' }>): TextEdit[] | undefined {
  const first = object.properties[0];
  if (!first || !object.properties.some((property) => property.type !== 'SpreadElement' && keyName(property.key) === 'up')) return undefined;
  const start = first.start ?? 0;
  const ownLine = source.lines.position(start).line !== source.lines.position(object.start ?? 0).line;
  return [{ start, end: start, text: ownLine ? `config: { transaction: false },\n${source.indentAt(start)}` : 'config: { transaction: false }, ' }];
}

/** `transaction = false;` as the first member of the migration class (TypeORM, with migrationsTransactionMode 'each'). */
function typeormTransaction(source: SourceText): TextEdit[] | undefined {
  const up = typeormUp(source);
  if (!up) return undefined;
  const { body } = up.classBody;
  if (body.some((member) => member.type === 'ClassProperty' && keyName(member.key) === 'transaction')) return undefined;
  const start = body[0].start ?? 0;
  return [{ start, end: start, text: `transaction = false;\n\n${source.indentAt(start)}` }];
}

/** `atomic = False` as the first line of `class Migration`'s body (Django). */
function djangoAtomic(source: SourceText): TextEdit[] | undefined {
  const { text } = source;
  if (/^\s+atomic\s*=/m.test(text)) return undefined; // set already (to True): left to the user
  const header = /^class\s+Migration\s*\([^)]*\)\s*:[ \t]*(?:#[^\r\n]*)?\r?\n/m.exec(text);
  if (!header) return undefined;
  const bodyStart = header.index + header[0].length;
  const firstLine = /^(?:[ \t]*\r?\n)*([ \t]+)\S/.exec(text.slice(bodyStart));
  if (!firstLine) return undefined;
  const start = bodyStart + firstLine[0].length - firstLine[1].length - 1;
  return [{ start, end: start, text: `${firstLine[1]}atomic = False\n` }];
}

// ---- a setting at the top ---------------------------------------------------------------------

function settingAtTop(source: SourceText, statement: string): TextEdit[] | undefined {
  switch (source.facts.frontend) {
    case 'sql':
      return sqlAtTop(source, `${statement};`);
    case 'knex':
      return atStartOfUp(source, `await ${source.facts.subject}.raw(${jsString(statement)});`);
    case 'typeorm':
      return atStartOfUp(source, `await ${source.facts.subject}.query(${jsString(statement)});`);
    case 'django':
      return firstOperation(source, `migrations.RunSQL(${pyString(statement)}, migrations.RunSQL.noop),`);
  }
}

/** Before the first statement of the forward code (after the runner's up marker), on a line of its own. */
function sqlAtTop(source: SourceText, statement: string): TextEdit[] | undefined {
  const { text } = source;
  const up = /^--\s*(?:\+goose\s+up|migrate:up|\+migrate\s+up)\b[^\r\n]*\r?\n/im.exec(text);
  const from = up ? up.index + up[0].length : 0;
  const tokens = sqlTokens(text.slice(from));
  const first = tokens?.[0];
  if (!first) return undefined;
  const start = from + first.start;
  const lineStart = source.lines.lineStart(source.lines.position(start).line);
  if (text.slice(lineStart, start).trim().length > 0) return undefined;
  return [{ start: lineStart, end: lineStart, text: `${text.slice(lineStart, start)}${statement}\n` }];
}

function atStartOfUp(source: SourceText, statement: string): TextEdit[] | undefined {
  const up = source.facts.frontend === 'typeorm' ? typeormUp(source)?.method : knexUp(source);
  if (!up || !up.async || up.body.type !== 'BlockStatement' || up.body.body.length === 0) return undefined;
  const start = up.body.body[0].start ?? 0;
  return [{ start, end: start, text: `${statement}\n${source.indentAt(start)}` }];
}

/** Before the first element of `operations = [ … ]` (Django). */
function firstOperation(source: SourceText, element: string): TextEdit[] | undefined {
  if (!/\bfrom\s+django\.db\s+import\s+[^\r\n]*\bmigrations\b/.test(source.text)) return undefined;
  const list = /^[ \t]+operations\s*=\s*\[[ \t]*\r?\n?/m.exec(source.text);
  if (!list) return undefined;
  const after = list.index + list[0].length;
  const first = /^(\s*)\S/.exec(source.text.slice(after));
  if (!first || source.text[after + first[0].length - 1] === ']') return undefined;
  const start = after + first[1].length;
  const onItsLine = list[0].endsWith('\n');
  return [{ start, end: start, text: onItsLine ? `${element}\n${source.indentAt(start)}` : `${element} ` }];
}

// ---- NOT VALID, then VALIDATE ---------------------------------------------------------------

function notValidThenValidate(source: SourceText, operation: Operation, name: string): TextEdit[] | undefined {
  if (operation.kind !== 'addConstraint') return undefined;
  const validate: Operation = { kind: 'validateConstraint', location: operation.location, anchorLine: operation.anchorLine, table: operation.table, name };
  if (operation.sql === undefined) {
    // Django: AddConstraint → AddConstraintNotValid, and ValidateConstraint after it.
    const model = operation.django?.model;
    const renamed = model && renameDjangoCall(source, operation, 'AddConstraintNotValid');
    const end = source.span(operation.location).end;
    const comma = /^\s*,/.exec(source.text.slice(end));
    const imports = importPostgresOperation(source, 'AddConstraintNotValid', 'ValidateConstraint');
    if (!renamed || !comma || !imports) return undefined;
    const at = end + comma[0].length;
    return [...renamed, { start: at, end: at, text: `\n${source.indentAt(source.span(operation.location).start)}ValidateConstraint(${pyString(model)}, ${pyString(name)}),` }, ...imports];
  }
  const notValid = editStatement(source, operation, { kind: 'notValid', name });
  if (!notValid) return undefined;
  const { facts } = source;
  const sql = operationSql(validate, { quoteAll: facts.frontend === 'typeorm' });
  if (!sql) return undefined;
  // The whole statement (a clause of an ALTER TABLE has a narrower place of its own).
  const { start, end } = source.span(operation.sqlLocation ?? operation.location);
  switch (facts.frontend) {
    case 'sql': {
      const semicolon = /^\s*;/.exec(source.text.slice(end));
      if (!semicolon) return undefined;
      const at = end + semicolon[0].length;
      return [...notValid, { start: at, end: at, text: `\n${source.indentAt(start)}${sql};` }];
    }
    case 'knex':
    case 'typeorm': {
      const statement = upStatementAt(source, start);
      if (!statement) return undefined;
      const call = facts.frontend === 'knex' ? `await ${facts.subject}.raw(${jsString(sql)});` : `await ${facts.subject}.query(${jsString(sql, true)});`;
      const at = statement.end ?? 0;
      return [...notValid, { start: at, end: at, text: `\n${source.indentAt(statement.start ?? 0)}${call}` }];
    }
    case 'django':
      return undefined; // RunSQL's own SQL: left to the user (its reverse_sql would need the same change)
  }
}

// ---- JavaScript helpers -----------------------------------------------------------------------

type FunctionNode = Extract<Node, { type: 'FunctionExpression' | 'ArrowFunctionExpression' | 'FunctionDeclaration' | 'ObjectMethod' | 'ClassMethod' }>;
type CallNode = Extract<Node, { type: 'CallExpression' }>;

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

function memberPath(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type !== 'MemberExpression' || node.computed) return undefined;
  const object = memberPath(node.object);
  const property = keyName(node.property);
  return object && property ? `${object}.${property}` : undefined;
}

/** Whether a top-level statement exports a binding of this name (`exports.x =`, `export const x`, `export function x`, `export { x }`). */
function exportsName(statement: Node, name: string): boolean {
  if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
    const target = memberPath(statement.expression.left);
    if (target === `exports.${name}` || target === `module.exports.${name}`) return true;
    const right = statement.expression.right;
    return target === 'module.exports' && right.type === 'ObjectExpression' && right.properties.some((property) => property.type !== 'SpreadElement' && keyName(property.key) === name);
  }
  if (statement.type === 'ExportNamedDeclaration') {
    const declaration = statement.declaration;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name) return true;
    if (declaration?.type === 'VariableDeclaration' && declaration.declarations.some((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === name)) return true;
    return statement.specifiers.some((specifier) => specifier.type === 'ExportSpecifier' && keyName(specifier.exported) === name);
  }
  return false;
}

/** The call of `method` whose name (or whole call) starts where the flagged operation does. */
function callAt(source: SourceText, operation: Operation, method: string): CallNode | undefined {
  const ast = source.ast();
  if (!ast) return undefined;
  const { start, end } = source.span(operation.location);
  let found: CallNode | undefined;
  walkNodes(ast.program, (node) => {
    if (found || node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return;
    const property = node.callee.property;
    if (keyName(property) !== method) return;
    const at = [property.start, node.start];
    if (at.includes(start) && (node.end ?? 0) >= end - 1) found = node;
  });
  return found;
}

function knexUp(source: SourceText): FunctionNode | undefined {
  const ast = source.ast();
  if (!ast) return undefined;
  const { findKnexMigration } = require('../frontends/knex/find-migration') as typeof import('../frontends/knex/find-migration');
  const { StaticScope } = require('../frontends/js/static-values') as typeof import('../frontends/js/static-values');
  return findKnexMigration(ast, StaticScope.ofProgram(ast.program)).up;
}

function typeormUp(source: SourceText): { method: Extract<Node, { type: 'ClassMethod' }>; classBody: Extract<Node, { type: 'ClassBody' }> } | undefined {
  const ast = source.ast();
  if (!ast) return undefined;
  let found: ReturnType<typeof typeormUp>;
  walkNodes(ast.program, (node) => {
    if (found || node.type !== 'ClassBody') return;
    const method = node.body.find((member): member is Extract<Node, { type: 'ClassMethod' }> => member.type === 'ClassMethod' && keyName(member.key) === 'up');
    if (method) found = { method, classBody: node };
  });
  return found;
}

/** The statement of up()'s body that holds an offset. */
function upStatementAt(source: SourceText, offset: number): Node | undefined {
  const up = source.facts.frontend === 'typeorm' ? typeormUp(source)?.method : knexUp(source);
  if (!up || up.body.type !== 'BlockStatement') return undefined;
  return up.body.body.find((statement) => (statement.start ?? 0) <= offset && offset < (statement.end ?? 0));
}

// ---- Python imports ---------------------------------------------------------------------------

/** The names imported from django.contrib.postgres.operations, added to its import (or a new one). */
function importPostgresOperation(source: SourceText, ...names: string[]): TextEdit[] | undefined {
  const { text } = source;
  const existing = /^from\s+django\.contrib\.postgres\.operations\s+import\s+([^\r\n(]+)$/m.exec(text);
  if (existing) {
    const imported = new Set(existing[1].split(',').map((name) => name.trim()));
    const missing = names.filter((name) => !imported.has(name));
    const end = existing.index + existing[0].trimEnd().length;
    return missing.length === 0 ? [] : [{ start: end, end, text: `, ${missing.join(', ')}` }];
  }
  if (/django\.contrib\.postgres\.operations/.test(text)) return undefined; // a form not edited here (parenthesised, aliased)
  const anchor = /^from\s+django\.db\s+import\b/m.exec(text) ?? /^(from|import)\s/m.exec(text);
  if (!anchor) return undefined;
  return [{ start: anchor.index, end: anchor.index, text: `from django.contrib.postgres.operations import ${names.join(', ')}\n` }];
}
