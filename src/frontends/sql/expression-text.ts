import type { Node, TypeName } from '@pgsql/types';
import { nodeAs, nodeKind, stringList, stringValue } from './pg-nodes';

/**
 * A DEFAULT expression as SQL text, for the replayed schema (`migralint schema`):
 * the forms defaults take (constants, casts, function calls, CURRENT_TIMESTAMP,
 * arithmetic, arrays). Undefined for anything else: the caller then knows only
 * how the default behaves, not how it reads.
 */
export function expressionText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const kind = nodeKind(node);
  const print = Object.hasOwn(PRINTERS, kind) ? PRINTERS[kind] : undefined;
  return print?.((node as unknown as Record<string, never>)[kind]);
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const SQL_VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'CURRENT_DATE',
  SVFOP_CURRENT_TIME: 'CURRENT_TIME',
  SVFOP_CURRENT_TIME_N: 'CURRENT_TIME',
  SVFOP_CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
  SVFOP_CURRENT_TIMESTAMP_N: 'CURRENT_TIMESTAMP',
  SVFOP_LOCALTIME: 'LOCALTIME',
  SVFOP_LOCALTIME_N: 'LOCALTIME',
  SVFOP_LOCALTIMESTAMP: 'LOCALTIMESTAMP',
  SVFOP_LOCALTIMESTAMP_N: 'LOCALTIMESTAMP',
  SVFOP_CURRENT_ROLE: 'CURRENT_ROLE',
  SVFOP_CURRENT_USER: 'CURRENT_USER',
  SVFOP_USER: 'USER',
  SVFOP_SESSION_USER: 'SESSION_USER',
  SVFOP_CURRENT_CATALOG: 'CURRENT_CATALOG',
  SVFOP_CURRENT_SCHEMA: 'CURRENT_SCHEMA',
};

type Printer = (body: never) => string | undefined;

const PRINTERS: Record<string, Printer> = {
  A_Const: (body: { ival?: { ival?: number }; fval?: { fval?: string }; sval?: { sval?: string }; boolval?: { boolval?: boolean }; bsval?: { bsval?: string }; isnull?: boolean }) => {
    if (body.isnull) return 'NULL';
    if (body.ival) return String(body.ival.ival ?? 0);
    if (body.fval) return body.fval.fval;
    if (body.sval) return quote(body.sval.sval ?? '');
    if (body.boolval) return body.boolval.boolval ? 'true' : 'false';
    if (body.bsval) return `B'${(body.bsval.bsval ?? '').replace(/^b/, '')}'`;
    return undefined;
  },
  TypeCast: (body: { arg?: Node; typeName?: TypeName }) => {
    const arg = expressionText(body.arg);
    const type = typeText(body.typeName);
    return arg !== undefined && type !== undefined ? `${arg}::${type}` : undefined;
  },
  FuncCall: (body: { funcname?: Node[]; args?: Node[]; agg_star?: boolean }) => {
    const args = (body.args ?? []).map(expressionText);
    if (args.some((arg) => arg === undefined)) return undefined;
    const name = stringList(body.funcname).filter((part) => part !== 'pg_catalog').join('.');
    return `${name}(${body.agg_star ? '*' : args.join(', ')})`;
  },
  SQLValueFunction: (body: { op?: string; typmod?: number }) => {
    const name = SQL_VALUE_FUNCTIONS[body.op ?? ''];
    if (!name) return undefined;
    return body.op?.endsWith('_N') && body.typmod !== undefined && body.typmod >= 0 ? `${name}(${body.typmod})` : name;
  },
  A_Expr: (body: { kind?: string; name?: Node[]; lexpr?: Node; rexpr?: Node }) => {
    if (body.kind !== 'AEXPR_OP') return undefined;
    const operator = stringList(body.name).join('.');
    const right = expressionText(body.rexpr);
    if (right === undefined) return undefined;
    if (!body.lexpr) return `${operator}${right}`;
    const left = expressionText(body.lexpr);
    return left === undefined ? undefined : `${left} ${operator} ${right}`;
  },
  A_ArrayExpr: (body: { elements?: Node[] }) => {
    const elements = (body.elements ?? []).map(expressionText);
    return elements.some((element) => element === undefined) ? undefined : `ARRAY[${elements.join(', ')}]`;
  },
  ColumnRef: (body: { fields?: Node[] }) => {
    const fields = (body.fields ?? []).map((field) => stringValue(field) ?? (nodeAs(field, 'A_Star') ? '*' : undefined));
    return fields.some((field) => field === undefined) ? undefined : fields.join('.');
  },
  BoolExpr: (body: { boolop?: string; args?: Node[] }) => {
    const args = (body.args ?? []).map(expressionText);
    if (args.some((arg) => arg === undefined)) return undefined;
    if (body.boolop === 'NOT_EXPR') return `NOT ${args[0]}`;
    return args.join(body.boolop === 'AND_EXPR' ? ' AND ' : ' OR ');
  },
};

/** A type as written in a cast: its name (without `pg_catalog.`), modifiers and array bounds. */
function typeText(typeName: TypeName | undefined): string | undefined {
  if (!typeName) return undefined;
  const name = stringList(typeName.names).filter((part) => part !== 'pg_catalog').join('.');
  const modifiers = (typeName.typmods ?? []).map((modifier) => expressionText(modifier));
  if (modifiers.some((modifier) => modifier === undefined)) return undefined;
  const bounds = '[]'.repeat(typeName.arrayBounds?.length ?? 0);
  return `${name}${modifiers.length > 0 ? `(${modifiers.join(',')})` : ''}${bounds}`;
}
