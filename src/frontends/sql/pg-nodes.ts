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
  if (!node) return 'unknown';
  // The first key, without the array Object.keys makes (asked for every node a statement has).
  for (const kind in node) return kind;
  return undefined as unknown as string;
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

type Volatility = 'volatile' | 'stable' | 'immutable';

let volatilityByName: ReadonlyMap<string, Volatility> | undefined;

/**
 * The volatility of a function by name, from PostgreSQL's own catalogue (see
 * scripts/generate-function-volatility.ts); undefined for a function the catalogue
 * does not have (the application's own, or an extension's the data does not list).
 * Loaded on first use: most runs classify no function default at all.
 */
function volatilityOf(name: string): Volatility | undefined {
  if (!volatilityByName) {
    const data = require('./function-volatility.json') as Record<Volatility, string[]>;
    const map = new Map<string, Volatility>();
    for (const kind of ['immutable', 'stable', 'volatile'] as const) for (const functionName of data[kind]) map.set(functionName, kind);
    volatilityByName = map;
  }
  return volatilityByName.get(name);
}

/** `NULL`, or `NULL::type`: a DEFAULT of NULL is no default at all. */
export function isNullExpression(expression: Node | undefined): boolean {
  const cast = nodeAs(expression, 'TypeCast');
  if (cast) return isNullExpression(cast.arg);
  return nodeAs(expression, 'A_Const')?.isnull === true;
}

/** Classifies a DEFAULT expression by how PostgreSQL fills existing rows. */
export function classifyDefault(expression: Node | undefined): ColumnDefault {
  if (!expression) return { kind: 'constant' };
  const call = nodeAs(expression, 'FuncCall');
  if (call) {
    const name = stringList(call.funcname).pop() ?? '';
    const volatility = volatilityOf(name) ?? volatilityOf(name.toLowerCase());
    if (volatility === 'volatile') return { kind: 'volatile', functionName: name };
    if (volatility === undefined) return { kind: 'unknown', functionName: name };
    // Immutable and stable calls are evaluated once when the column is added; their arguments may not be.
    return worstOf([{ kind: volatility === 'stable' ? 'stable' : 'constant' }, ...(call.args ?? []).map(classifyDefault)]);
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
  // COALESCE, GREATEST/LEAST, AND/OR/NOT: as volatile as their most volatile part.
  const parts = nodeAs(expression, 'CoalesceExpr')?.args ?? nodeAs(expression, 'MinMaxExpr')?.args ?? nodeAs(expression, 'BoolExpr')?.args;
  if (parts) return worstOf(parts.map(classifyDefault));
  return { kind: 'unknown' };
}

const SEVERITY_ORDER = ['constant', 'stable', 'unknown', 'volatile'] as const;

function worstOf(defaults: ColumnDefault[]): ColumnDefault {
  return defaults.reduce(
    (worst, current) => (SEVERITY_ORDER.indexOf(current.kind) > SEVERITY_ORDER.indexOf(worst.kind) ? current : worst),
    { kind: 'constant' } as ColumnDefault,
  );
}
