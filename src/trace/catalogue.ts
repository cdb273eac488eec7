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

/** A column as the catalogue stores it (type and default by oid: they are described only when they change). */
export interface Column {
  relation: number;
  name: string;
  typeId: number;
  typeMod: number;
  notNull: boolean;
  /** The pg_attrdef row of its default: a new one whenever the default changes. */
  defaultId: number | null;
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

// 16384 is FirstNormalObjectId: below it are the objects initdb made, none of them the user's.
const USER_SCHEMAS = `c.oid >= 16384 AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;

export async function readCatalogue(db: TraceDatabase): Promise<Catalogue> {
  // One round trip: the trace reads the catalogue around every statement that may change it.
  const [row] = await db.rows<{ relations: RelationRow[] | null; columns: Column[] | null; constraints: Constraint[] | null }>(`SELECT
    (SELECT json_agg(r) FROM (
       SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relfilenode::int AS filenode,
              i.indrelid::int AS "table", i.indisvalid AS valid
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid
       WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'i', 'I', 'S', 'v', 'm', 'f')) r) AS relations,
    (SELECT json_agg(a) FROM (
       SELECT a.attrelid::int AS relation, a.attname AS name, a.atttypid::int AS "typeId", a.atttypmod AS "typeMod", a.attnotnull AS "notNull",
              d.oid::int AS "defaultId"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped) a) AS columns,
    (SELECT json_agg(k) FROM (
       SELECT k.conrelid::int AS relation, k.conname AS name, k.contype::text AS type, k.convalidated AS validated
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE ${USER_SCHEMAS} AND k.contype <> 'n') k) AS constraints`); // PostgreSQL 18's NOT NULL constraints show as column changes
  const relations = row.relations ?? [];
  const columns = row.columns ?? [];
  const constraints = row.constraints ?? [];
  return {
    relations: new Map(
      relations.map((relation) => [
        relation.oid,
        {
          oid: relation.oid,
          name: relation.schema === 'public' ? relation.name : `${relation.schema}.${relation.name}`,
          kind: relation.kind,
          filenode: relation.filenode,
          table: relation.table ?? undefined,
          valid: relation.valid ?? undefined,
        },
      ]),
    ),
    columns: new Map(columns.map((column) => [`${column.relation}:${column.name}`, column])),
    constraints: new Map(constraints.map((constraint) => [`${constraint.relation}:${constraint.name}`, constraint])),
  };
}

interface RelationRow {
  oid: number;
  schema: string;
  name: string;
  kind: string;
  filenode: number;
  table: number | null;
  valid: boolean | null;
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
export async function compareCatalogues(db: TraceDatabase, before: Catalogue, after: Catalogue): Promise<CatalogueChanges> {
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
  const retyped: Array<[string, Column, Column]> = [];
  const defaults: Array<[string, Column]> = [];
  for (const [key, column] of after.columns) {
    if (!before.relations.has(column.relation)) continue; // part of a new table
    const old = before.columns.get(key);
    const name = `column ${nameOf(after, column.relation)}.${column.name}`;
    if (!old) {
      created.push(name);
      continue;
    }
    if (old.typeId !== column.typeId || old.typeMod !== column.typeMod) retyped.push([name, old, column]);
    if (old.notNull !== column.notNull) altered.push(`${name}: ${column.notNull ? 'NOT NULL set' : 'NOT NULL dropped'}`);
    if (old.defaultId !== column.defaultId) defaults.push([name, column]);
  }
  altered.push(...(await describeColumnChanges(db, retyped, defaults)));
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

/** Type and default changes in words, with the names PostgreSQL gives them (asked for only when there are some). */
async function describeColumnChanges(db: TraceDatabase, retyped: Array<[string, Column, Column]>, defaults: Array<[string, Column]>): Promise<string[]> {
  const words: string[] = [];
  if (retyped.length > 0) {
    const pairs = retyped.flatMap(([, old, now]) => [old, now]);
    const names = await db.rows<{ name: string }>(
      'SELECT format_type(t, m) AS name FROM unnest($1::oid[], $2::int[]) WITH ORDINALITY AS u(t, m, i) ORDER BY i',
      [pairs.map((column) => column.typeId), pairs.map((column) => column.typeMod)],
    );
    retyped.forEach(([name], index) => words.push(`${name}: type ${names[2 * index].name} → ${names[2 * index + 1].name}`));
  }
  if (defaults.length > 0) {
    const ids = defaults.flatMap(([, column]) => (column.defaultId === null ? [] : [column.defaultId]));
    const rows = ids.length > 0 ? await db.rows<{ id: number; text: string }>('SELECT oid::int AS id, pg_get_expr(adbin, adrelid) AS text FROM pg_attrdef WHERE oid = ANY($1::oid[])', [ids]) : [];
    for (const [name, column] of defaults) words.push(`${name}: default ${rows.find((row) => row.id === column.defaultId)?.text ?? 'dropped'}`);
  }
  return words;
}
