import { parseSql, scanSqlTokens } from './parser';
import { withinParserLimits } from './statement-limits';
import type { ColumnDefault, ColumnType } from '../../model/operations';
import { classifyDefault, columnType, isNullExpression, nodeAs } from './pg-nodes';

/** Parses a type as written in SQL (`varchar(20)`, `text[]`, `timestamp with time zone`). */
export function parseTypeName(type: string): ColumnType | undefined {
  try {
    if (!withinParserLimits(type)) return undefined;
    const [statement] = parseSql(`CREATE TABLE t (c ${type})`).stmts ?? [];
    const column = nodeAs(nodeAs(statement?.stmt, 'CreateStmt')?.tableElts?.[0], 'ColumnDef');
    return columnType(column?.typeName);
  } catch {
    return undefined;
  }
}

/** A SQL DEFAULT expression, classified and kept as written (what the ORM sends); `NULL` is no default. */
export function sqlDefault(expression: string): ColumnDefault | undefined {
  const classified = classifySqlExpression(expression);
  return classified && { ...classified, sql: expression };
}

/** Classifies a SQL expression used as a DEFAULT (`now()`, `gen_random_uuid()`, `'x'::text`); `NULL` is no default. */
export function classifySqlExpression(expression: string): ColumnDefault | undefined {
  try {
    if (!withinParserLimits(expression)) return { kind: 'unknown' };
    const [statement] = parseSql(`SELECT ${expression}`).stmts ?? [];
    const target = nodeAs(nodeAs(statement?.stmt, 'SelectStmt')?.targetList?.[0], 'ResTarget');
    return isNullExpression(target?.val) ? undefined : classifyDefault(target?.val);
  } catch {
    return { kind: 'unknown' };
  }
}

/** Words PostgreSQL does not accept as a bare column or table name (`column`, `user`, `order`). */
export function isReservedWord(word: string): boolean {
  // PostgreSQL's keywords are letters and underscores: a name with a digit or `$` scans as one identifier
  // (most generated names, `col_772`, `users_email_idx1`): no need to ask the scanner.
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(word) && /[0-9$]/.test(word)) return false;
  if (!withinParserLimits(word)) return false;
  const [token] = scanSqlTokens(word).tokens;
  return token !== undefined && token.keywordName !== 'NO_KEYWORD' && token.keywordName !== 'UNRESERVED_KEYWORD';
}
