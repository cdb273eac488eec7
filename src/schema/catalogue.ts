import type { ColumnDefault, ColumnType, ConstraintKind, ForeignKeyTarget, TableName, ViewUses } from '../model/operations';
import { truncateIdentifier } from './names';

/**
 * The schema the migrations build, as replayed from their operations: tables
 * with their columns, constraints and indexes, partitions, types and views.
 */

/** Which migration of the replay made something: its number in the run (1, 2, …); 0 for before the replayed history, or not known. */
export type Origin = number;

export interface SchemaColumn {
  name: string;
  /** Undefined when the migration's front-end could not tell. */
  type?: ColumnType;
  notNull: boolean;
  default?: ColumnDefault;
  generated?: 'stored' | 'identity';
  /** The sequence PostgreSQL made for a serial or identity column, named when the column was added (renaming the table keeps it). */
  sequence?: string;
  addedIn: Origin;
}

export interface SchemaConstraint {
  name: string;
  /** Chosen here after PostgreSQL's rules, where the migration gave none: the real name may differ (an ORM's own naming). */
  nameGenerated?: boolean;
  kind: ConstraintKind;
  columns: string[];
  /** False while `NOT VALID`. */
  validated: boolean;
  references?: ForeignKeyTarget;
  checksNotNullOf?: string;
  expression?: string;
  expressionColumns?: string[];
}

export interface SchemaIndex {
  schema?: string;
  name: string;
  nameGenerated?: boolean;
  table: SchemaTable;
  columns: string[];
  expressionColumns: string[];
  unique: boolean;
  partial: boolean;
  method?: string;
  /** The index of a primary key or UNIQUE constraint of the same name. */
  constraint?: boolean;
  createdIn: Origin;
}

export interface SchemaTable {
  schema?: string;
  name: string;
  columns: SchemaColumn[];
  /** False when a migration made it without listing its columns (`AS SELECT`, `LIKE`), or only changed it: then a column it lacks may exist. */
  columnsKnown: boolean;
  constraints: SchemaConstraint[];
  indexes: SchemaIndex[];
  createdIn: Origin;
  /** Created under a run-time condition (so `createdIn` is 0): the migration and the branch of it that did. */
  createdUnder?: { file: Origin; branch: readonly number[] };
  /** The migration that gave it its current name. */
  namedIn: Origin;
  /** Not created by the replayed history: assumed to exist because a migration changes it. */
  assumed: boolean;
  /** A query put rows in it (`AS SELECT`, `INSERT … SELECT`, `COPY`). */
  filled: boolean;
  temporary: boolean;
  partitioned: boolean;
  parent?: SchemaTable;
  partitions: SchemaTable[];
  /** A materialized view: indexes and queries treat it as a table. */
  materialized?: boolean;
}

export interface SchemaType {
  schema?: string;
  name: string;
  kind: 'enum' | 'domain' | 'other';
  enumValues?: string[];
}

export interface SchemaView {
  schema?: string;
  name: string;
  uses: ViewUses;
}

interface Named {
  schema?: string;
  name: string;
}

/**
 * Objects found by name. An unqualified name matches the object in any schema
 * (the search path is not known statically), preferring one made unqualified or in `public`.
 */
export class NamedSet<T extends Named> {
  private readonly byName = new Map<string, T[]>();
  /** The names in use by their lower-case form, kept as names come and go (lookups that miss the exact name use it). */
  private readonly byLowerCase = new Map<string, Set<string>>();

  add(item: T): void {
    item.name = truncateIdentifier(item.name);
    const list = this.byName.get(item.name);
    if (list) {
      list.push(item);
      return;
    }
    this.byName.set(item.name, [item]);
    const lower = item.name.toLowerCase();
    const names = this.byLowerCase.get(lower);
    if (names) names.add(item.name);
    else this.byLowerCase.set(lower, new Set([item.name]));
  }

  remove(item: T): void {
    const list = this.byName.get(item.name);
    if (!list) return;
    const kept = list.filter((candidate) => candidate !== item);
    if (kept.length > 0) {
      this.byName.set(item.name, kept);
      return;
    }
    this.byName.delete(item.name);
    const lower = item.name.toLowerCase();
    const names = this.byLowerCase.get(lower);
    names?.delete(item.name);
    if (names?.size === 0) this.byLowerCase.delete(lower);
  }

  rename(item: T, newName: string): void {
    this.remove(item);
    item.name = newName;
    this.add(item);
  }

  find(name: TableName): T | undefined {
    const exact = this.byName.get(truncateIdentifier(name.name));
    if (exact) return pick(exact, name.schema);
    // A front-end that does not fold case the way PostgreSQL does still finds its object.
    const names = this.byLowerCase.get(truncateIdentifier(name.name).toLowerCase());
    return names ? pick([...names].flatMap((candidate) => this.byName.get(candidate) ?? []), name.schema) : undefined;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (const list of this.byName.values()) yield* list;
  }

  get size(): number {
    let count = 0;
    for (const list of this.byName.values()) count += list.length;
    return count;
  }
}

function pick<T extends Named>(candidates: readonly T[], schema: string | undefined): T | undefined {
  if (candidates.length === 1) {
    const [only] = candidates;
    return schema === undefined || only.schema === undefined || sameSchema(only.schema, schema) ? only : undefined;
  }
  if (schema !== undefined) return candidates.find((candidate) => candidate.schema !== undefined && sameSchema(candidate.schema, schema)) ?? candidates.find((candidate) => candidate.schema === undefined);
  return candidates.find((candidate) => candidate.schema === undefined || candidate.schema === 'public') ?? candidates[0];
}

const sameSchema = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

export function findColumn(table: SchemaTable, name: string): SchemaColumn | undefined {
  return findNamed(table.columns, truncateIdentifier(name));
}

export function findConstraint(table: SchemaTable, name: string): SchemaConstraint | undefined {
  return findNamed(table.constraints, truncateIdentifier(name));
}

/** The entry of that name, else one whose name differs only in case (lower-cased once, not per entry). */
function findNamed<T extends { name: string }>(entries: readonly T[], name: string): T | undefined {
  const exact = entries.find((entry) => entry.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return entries.find((entry) => entry.name.toLowerCase() === lower);
}

/** Everything the replay knows, by name. */
export class SchemaCatalogue {
  readonly tables = new NamedSet<SchemaTable>();
  readonly indexes = new NamedSet<SchemaIndex>();
  readonly types = new NamedSet<SchemaType>();
  readonly views = new NamedSet<SchemaView>();
  readonly schemas = new Set<string>();
  /** Temporary tables made by the migration being replayed (dropped when it ends). */
  readonly temporaryTables = new Set<SchemaTable>();
  /**
   * Every name a column's sequence has had, never pruned: most names looked up
   * as a sequence are none, and this answers those without walking every column.
   */
  readonly sequenceNames = new Set<string>();

  nameSequence(column: SchemaColumn, name: string): void {
    column.sequence = name;
    this.sequenceNames.add(name);
  }
}

/** The serial or identity column whose sequence has this name (sequences are known only as such columns'). */
export function findSequence(catalogue: SchemaCatalogue, name: TableName): { table: SchemaTable; column: SchemaColumn } | undefined {
  const wanted = truncateIdentifier(name.name);
  if (!catalogue.sequenceNames.has(wanted)) return undefined;
  for (const table of catalogue.tables) {
    if (name.schema !== undefined && table.schema !== undefined && table.schema !== name.schema) continue;
    const column = table.columns.find((candidate) => candidate.sequence === wanted);
    if (column) return { table, column };
  }
  return undefined;
}

/** A copy that changes apart from the original (tables, their columns, constraints and indexes, types, views). */
export function cloneCatalogue(original: SchemaCatalogue): SchemaCatalogue {
  const copy = new SchemaCatalogue();
  const tables = new Map<SchemaTable, SchemaTable>();
  for (const table of original.tables) {
    tables.set(table, {
      ...table,
      columns: table.columns.map((column) => ({ ...column })),
      constraints: table.constraints.map((constraint) => ({ ...constraint, columns: [...constraint.columns] })),
      indexes: [],
      partitions: [],
    });
  }
  const tableOf = (table: SchemaTable) => tables.get(table) ?? table;
  for (const [table, cloned] of tables) {
    if (table.parent) cloned.parent = tableOf(table.parent);
    cloned.partitions = table.partitions.map(tableOf);
    copy.tables.add(cloned);
    if (original.temporaryTables.has(table)) copy.temporaryTables.add(cloned);
  }
  const indexes = new Map<SchemaIndex, SchemaIndex>();
  const indexOf = (index: SchemaIndex): SchemaIndex => {
    let cloned = indexes.get(index);
    if (!cloned) indexes.set(index, (cloned = { ...index, table: tableOf(index.table), columns: [...index.columns], expressionColumns: [...index.expressionColumns] }));
    return cloned;
  };
  for (const [table, cloned] of tables) cloned.indexes = table.indexes.map(indexOf);
  for (const index of original.indexes) copy.indexes.add(indexOf(index));
  for (const type of original.types) copy.types.add({ ...type, ...(type.enumValues ? { enumValues: [...type.enumValues] } : {}) });
  for (const view of original.views) copy.views.add({ ...view });
  for (const schema of original.schemas) copy.schemas.add(schema);
  for (const name of original.sequenceNames) copy.sequenceNames.add(name);
  return copy;
}
