import type { Node, RangeVar, TypeName } from '@pgsql/types';
import type { ColumnDefault, ColumnType, TableName } from '../../model/operations';

/** Small typed accessors over libpg-query's tree, where every node is `{ Kind: body }`. */

type NodeUnion = Node;
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
export type NodeKind = KeysOfUnion<NodeUnion>;
export type NodeBody<K extends NodeKind> = NodeUnion extends infer N ? (N extends { [P in K]: infer B } ? B : never) : never;

export function nodeAs<K extends NodeKind>(node: Node | undefined, kind: K): NodeBody<K> | undefined {
  if (!node || !(kind in node)) return undefined;
  return (node as unknown as Record<K, NodeBody<K>>)[kind];
}

export function nodeKind(node: Node | undefined): string {
  return node ? Object.keys(node)[0] : 'unknown';
}

export function stringValue(node: Node | undefined): string | undefined {
  return nodeAs(node, 'String')?.sval;
}

export function stringList(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map(stringValue).filter((value): value is string => value !== undefined);
}

export function tableName(relation: RangeVar | undefined): TableName {
  return relation?.schemaname
    ? { schema: relation.schemaname, name: relation.relname ?? '' }
    : { name: relation?.relname ?? '' };
}

/** `DROP TABLE a, s.b` carries names as lists of strings. */
export function qualifiedNameFromList(node: Node | undefined): TableName {
  const parts = stringList(nodeAs(node, 'List')?.items);
  return parts.length > 1 ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] } : { name: parts[0] ?? '' };
}

export function columnType(typeName: TypeName | undefined): ColumnType | undefined {
  if (!typeName) return undefined;
  const names = stringList(typeName.names).filter((part) => part !== 'pg_catalog');
  const modifiers = (typeName.typmods ?? [])
    .map((modifier) => nodeAs(modifier, 'A_Const')?.ival)
    .filter((value) => value !== undefined)
    .map((value) => value.ival ?? 0);
  return { name: names.join('.'), modifiers, isArray: (typeName.arrayBounds?.length ?? 0) > 0 };
}

/** Functions whose value changes per row: a default using them rewrites the table. */
const VOLATILE_FUNCTIONS = new Set([
  'random',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'setseed',
  'txid_current',
]);

/** Functions evaluated once per statement, or immutable: no rewrite on PostgreSQL 11+. */
const NON_VOLATILE_FUNCTIONS = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_setting',
  'lower',
  'upper',
  'coalesce',
  'concat',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'json_build_array',
  'to_jsonb',
  'to_json',
  'array_agg',
  'make_interval',
  'interval',
  'timezone',
  'date_trunc',
  'to_timestamp',
]);

/** Classifies a DEFAULT expression by how PostgreSQL fills existing rows. */
export function classifyDefault(expression: Node | undefined): ColumnDefault {
  if (!expression) return { kind: 'constant' };
  const call = nodeAs(expression, 'FuncCall');
  if (call) {
    const name = stringList(call.funcname).pop()?.toLowerCase() ?? '';
    if (VOLATILE_FUNCTIONS.has(name)) return { kind: 'volatile', functionName: name };
    const args = (call.args ?? []).map(classifyDefault);
    if (NON_VOLATILE_FUNCTIONS.has(name)) return worstOf([{ kind: 'stable', functionName: name }, ...args]);
    return { kind: 'unknown', functionName: name };
  }
  if (nodeAs(expression, 'A_Const')) return { kind: 'constant' };
  if (nodeAs(expression, 'SQLValueFunction')) return { kind: 'stable' };
  const cast = nodeAs(expression, 'TypeCast');
  if (cast) return classifyDefault(cast.arg);
  const operator = nodeAs(expression, 'A_Expr');
  if (operator) return worstOf([classifyDefault(operator.lexpr), classifyDefault(operator.rexpr)]);
  const array = nodeAs(expression, 'A_ArrayExpr');
  if (array) return worstOf((array.elements ?? []).map(classifyDefault));
  const collate = nodeAs(expression, 'CollateClause');
  if (collate) return classifyDefault(collate.arg);
  return { kind: 'unknown' };
}

const SEVERITY_ORDER = ['constant', 'stable', 'unknown', 'volatile'] as const;

function worstOf(defaults: ColumnDefault[]): ColumnDefault {
  return defaults.reduce(
    (worst, current) => (SEVERITY_ORDER.indexOf(current.kind) > SEVERITY_ORDER.indexOf(worst.kind) ? current : worst),
    { kind: 'constant' } as ColumnDefault,
  );
}
