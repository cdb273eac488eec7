import type { TraceDatabase } from './database';

/** A relation of a user schema: table, partitioned table, index, sequence, view. */
export interface Relation {
  oid: number;
  name: string;
  kind: string;
  filenode: number;
  /** For an index: the oid of its table. */
  table?: number;
  /** For an index: whether it is valid (a failed CONCURRENTLY build leaves an invalid one). */
  valid?: boolean;
}

export interface Column {
  relation: number;
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
}

export interface Constraint {
  relation: number;
  name: string;
  type: string;
  validated: boolean;
}

/** What the trace compares before and after each statement. */
export interface Catalogue {
  relations: Map<number, Relation>;
  columns: Map<string, Column>;
  constraints: Map<string, Constraint>;
}

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;

export async function readCatalogue(db: TraceDatabase): Promise<Catalogue> {
  const relations = await db.rows<{ oid: number; schema: string; name: string; kind: string; filenode: number; table: number | null; valid: boolean | null }>(
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relfilenode::int AS filenode,
            i.indrelid::int AS "table", i.indisvalid AS valid
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid
     WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'i', 'I', 'S', 'v', 'm', 'f')`,
  );
  const columns = await db.rows<Column>(
    `SELECT a.attrelid::int AS relation, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
            pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  const constraints = await db.rows<Constraint>(
    `SELECT k.conrelid::int AS relation, k.conname AS name, k.contype::text AS type, k.convalidated AS validated
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${USER_SCHEMAS} AND k.contype <> 'n'`, // PostgreSQL 18's NOT NULL constraints show as column changes
  );
  return {
    relations: new Map(
      relations.map((row) => [
        row.oid,
        { oid: row.oid, name: row.schema === 'public' ? row.name : `${row.schema}.${row.name}`, kind: row.kind, filenode: row.filenode, table: row.table ?? undefined, valid: row.valid ?? undefined },
      ]),
    ),
    columns: new Map(columns.map((column) => [`${column.relation}:${column.name}`, column])),
    constraints: new Map(constraints.map((constraint) => [`${constraint.relation}:${constraint.name}`, constraint])),
  };
}

/** The relation locks this backend holds now, granted ones only, as `oid:mode` keys. */
export async function heldLocks(db: TraceDatabase): Promise<Set<string>> {
  const rows = await db.rows<{ oid: number; mode: string }>(
    `SELECT relation::int AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted`,
  );
  return new Set(rows.map((row) => `${row.oid}:${row.mode}`));
}

const KIND_WORDS: Record<string, string> = { r: 'table', p: 'table', i: 'index', I: 'index', S: 'sequence', v: 'view', m: 'materialized view', f: 'foreign table' };

export function kindWord(relation: Relation): string {
  return KIND_WORDS[relation.kind] ?? 'relation';
}

export function isTable(relation: Relation): boolean {
  return relation.kind === 'r' || relation.kind === 'p';
}

export interface CatalogueChanges {
  created: string[];
  altered: string[];
  dropped: string[];
  /** Relations whose storage was replaced: a rewrite (or, for TRUNCATE, emptied). */
  newStorage: Relation[];
}

/** What a statement changed, in words: `index orders_user_idx`, `column users.email: type character varying(10) → character varying(20)`. */
export function compareCatalogues(before: Catalogue, after: Catalogue): CatalogueChanges {
  const created: string[] = [];
  const altered: string[] = [];
  const dropped: string[] = [];
  const newStorage: Relation[] = [];
  const nameOf = (catalogue: Catalogue, oid: number) => catalogue.relations.get(oid)?.name ?? String(oid);
  for (const [oid, relation] of after.relations) {
    const old = before.relations.get(oid);
    if (!old) {
      created.push(`${kindWord(relation)} ${relation.name}`);
      continue;
    }
    if (old.name !== relation.name) altered.push(`${kindWord(relation)} ${old.name} renamed to ${relation.name}`);
    if (old.filenode !== relation.filenode && relation.filenode !== 0) newStorage.push(relation);
    if (old.valid === false && relation.valid === true) altered.push(`index ${relation.name} became valid`);
  }
  for (const [oid, relation] of before.relations) if (!after.relations.has(oid)) dropped.push(`${kindWord(relation)} ${relation.name}`);
  for (const [key, column] of after.columns) {
    if (!before.relations.has(column.relation)) continue; // part of a new table
    const old = before.columns.get(key);
    const name = `column ${nameOf(after, column.relation)}.${column.name}`;
    if (!old) {
      created.push(name);
      continue;
    }
    if (old.type !== column.type) altered.push(`${name}: type ${old.type} → ${column.type}`);
    if (old.notNull !== column.notNull) altered.push(`${name}: ${column.notNull ? 'NOT NULL set' : 'NOT NULL dropped'}`);
    if (old.default !== column.default) altered.push(`${name}: default ${column.default ?? 'dropped'}`);
  }
  for (const [key, column] of before.columns) {
    if (!after.columns.has(key) && after.relations.has(column.relation)) dropped.push(`column ${nameOf(before, column.relation)}.${column.name}`);
  }
  for (const [key, constraint] of after.constraints) {
    if (!before.relations.has(constraint.relation)) continue;
    const old = before.constraints.get(key);
    const name = `constraint ${constraint.name} on ${nameOf(after, constraint.relation)}`;
    if (!old) created.push(`${name}${constraint.validated ? '' : ' (not valid)'}`);
    else if (!old.validated && constraint.validated) altered.push(`${name}: validated`);
  }
  for (const [key, constraint] of before.constraints) {
    if (!after.constraints.has(key) && after.relations.has(constraint.relation)) dropped.push(`constraint ${constraint.name} on ${nameOf(before, constraint.relation)}`);
  }
  return { created, altered, dropped, newStorage };
}
