import type { Node, RangeVar } from '@pgsql/types';
import type { CatalogueChange, Operation, TableName, ViewUses } from '../../model/operations';
import { nodeAs, qualifiedNameFromList, stringList, stringValue, tableName } from './pg-nodes';

/** Where the operation of one statement points. */
type Place = Pick<Operation, 'location' | 'anchorLine'>;

/**
 * Statements that change the catalogue in ways no rule checks, but the replayed
 * schema follows: types, views, schemas, and code that may create objects out of sight.
 */
export const CATALOGUE_CONVERTERS: Record<string, (body: never, place: Place) => Operation[]> = {
  CreateEnumStmt: (body: { typeName?: Node[]; vals?: Node[] }, place) =>
    changed('CreateEnumStmt', place, { kind: 'createType', type: qualifiedNameOf(body.typeName), enumValues: stringList(body.vals) }),
  CompositeTypeStmt: (body: { typevar?: RangeVar }, place) => changed('CompositeTypeStmt', place, { kind: 'createType', type: tableName(body.typevar) }),
  CreateRangeStmt: (body: { typeName?: Node[] }, place) => changed('CreateRangeStmt', place, { kind: 'createType', type: qualifiedNameOf(body.typeName) }),
  AlterEnumStmt: (body: { typeName?: Node[]; oldVal?: string; newVal?: string; skipIfNewValExists?: boolean }, place) => {
    const type = qualifiedNameOf(body.typeName);
    return body.oldVal !== undefined
      ? changed('AlterEnumStmt', place, { kind: 'renameEnumValue', type, from: body.oldVal, to: body.newVal ?? '' })
      : changed('AlterEnumStmt', place, { kind: 'addEnumValue', type, value: body.newVal ?? '', ifNotExists: body.skipIfNewValExists === true });
  },
  ViewStmt: (body: { view?: RangeVar; query?: Node }, place) =>
    changed('ViewStmt', place, { kind: 'createView', view: tableName(body.view), materialized: false, uses: viewUses(body.query) }),
  CreateSchemaStmt: (body: { schemaname?: string }, place) => changed('CreateSchemaStmt', place, { kind: 'createSchema', name: body.schemaname ?? '' }),
  DoStmt: (body: { args?: Node[] }, place) => {
    const code = (body.args ?? []).map((arg) => nodeAs(arg, 'DefElem')).find((element) => element?.defname === 'as');
    return changed('DoStmt', place, { kind: 'opaqueCode', names: namesIn(stringValue(code?.arg) ?? '') });
  },
  CreateFunctionStmt: (body: { options?: Node[]; sql_body?: Node }, place) => {
    const code = (body.options ?? []).map((option) => nodeAs(option, 'DefElem')).find((element) => element?.defname === 'as');
    const texts = code ? [stringValue(code.arg) ?? '', ...stringList(nodeAs(code.arg, 'List')?.items)] : [];
    const names = namesIn(texts.join(' '));
    return names.length > 0 ? changed('CreateFunctionStmt', place, { kind: 'opaqueCode', names }) : [{ kind: 'other', ...place, statement: 'CreateFunctionStmt' }];
  },
};

function changed(statement: string, place: Place, change: CatalogueChange): Operation[] {
  return [{ kind: 'other', ...place, statement, change }];
}

function qualifiedNameOf(names: Node[] | undefined): TableName {
  const parts = stringList(names);
  return parts.length > 1 ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] } : { name: parts[0] ?? '' };
}

/** DROP of objects other than tables and indexes: types, views and schemas. */
export function dropOther(removeType: string | undefined, objects: Node[] | undefined, ifExists: boolean): CatalogueChange | undefined {
  switch (removeType) {
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN':
      // DROP TYPE names each type as a TypeName.
      return { kind: 'dropType', types: (objects ?? []).map((object) => qualifiedNameOf(nodeAs(object, 'TypeName')?.names ?? nodeAs(object, 'List')?.items)), ifExists };
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
      return { kind: 'dropView', views: (objects ?? []).map(qualifiedNameFromList), ifExists };
    case 'OBJECT_SCHEMA':
      return { kind: 'dropSchema', names: (objects ?? []).map((object) => stringValue(object) ?? ''), ifExists };
    default:
      return undefined;
  }
}

/** RENAME of objects other than tables and columns: indexes, constraints, types, views. */
export function renameOther(body: { renameType?: string; relation?: RangeVar; object?: Node; subname?: string; newname?: string; missing_ok?: boolean }): CatalogueChange | undefined {
  const newName = body.newname ?? '';
  switch (body.renameType) {
    case 'OBJECT_INDEX':
      return { kind: 'renameIndex', index: tableName(body.relation), newName, ifExists: body.missing_ok === true };
    case 'OBJECT_TABCONSTRAINT':
      return { kind: 'renameConstraint', table: tableName(body.relation), name: body.subname ?? '', newName };
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN':
      return { kind: 'renameType', type: qualifiedNameOf(nodeAs(body.object, 'List')?.items ?? []), newName };
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
      return { kind: 'renameView', view: tableName(body.relation), newName };
    default:
      return undefined;
  }
}

/** The column names a subtree refers to (the last part of each column reference), in order, once each. */
export function referencedColumns(node: unknown): string[] {
  const found = new Set<string>();
  walk(node, (key, value) => {
    if (key !== 'ColumnRef') return;
    const last = stringList((value as { fields?: Node[] }).fields).pop();
    if (last !== undefined) found.add(last);
  });
  return [...found];
}

/** What a view's query refers to: its tables (from its FROM clauses), the column names it mentions, and whether it selects `*`. */
export function viewUses(query: Node | undefined): ViewUses {
  const tables: TableName[] = [];
  const columns = new Set<string>();
  let star = false;
  walk(query, (key, value) => {
    if (key === 'RangeVar') tables.push(tableName(value as RangeVar));
    if (key !== 'ColumnRef') return;
    const fields = (value as { fields?: Node[] }).fields ?? [];
    if (fields.some((field) => nodeAs(field, 'A_Star'))) star = true;
    const last = stringList(fields).pop();
    if (last !== undefined) columns.add(last);
  });
  return { tables, columns: [...columns], star };
}

function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    visit(key, value);
    walk(value, visit);
  }
}

/**
 * The names a block of code mentions (identifiers, lower-cased unless quoted):
 * a DO block or a function may create the objects they name when it runs.
 */
export function namesIn(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g)) {
    names.add(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2].toLowerCase());
  }
  return [...names];
}
