import type { CatalogueChange, ColumnDefinition, ConstraintDefinition, Operation, OperationKind, OperationOf, OtherStatement, TableName } from '../model/operations';
import { type Origin, type SchemaCatalogue, type SchemaColumn, type SchemaIndex, type SchemaTable, findColumn, findConstraint, findSequence } from './catalogue';
import { NAME_LABELS, chooseName, objectName, truncateIdentifier } from './names';
import { SERIAL_BASE, canonicalTypeName } from './types';

/** What applying an operation needs besides the catalogue. */
export interface ApplyContext {
  catalogue: SchemaCatalogue;
  /** The migration being replayed (its number in the run). */
  file: Origin;
  /** A table the operation changes is not known: it is assumed to have existed. */
  assumed(table: TableName): void;
  /** A statement that may change the schema in ways the model does not follow. */
  notModelled(operation: OtherStatement): void;
  /** Names mentioned by code that may create objects when it runs (`DO`, function bodies). */
  opaqueNames: Set<string>;
  /** Earlier migrations created tables and were all read whole: a table the catalogue lacks is not there. */
  historyKnown(): boolean;
}

type Handlers = { [K in OperationKind]?: (operation: OperationOf<K>, context: ApplyContext) => void };

/** Applies one operation to the catalogue, as PostgreSQL would (what it does not model leaves the catalogue as it was). */
export function applyOperation(operation: Operation, context: ApplyContext): void {
  const handler = HANDLERS[operation.kind] as ((operation: Operation, context: ApplyContext) => void) | undefined;
  handler?.(operation, context);
}

/** Where an operation that runs only under a run-time condition leaves what it makes: not made by this migration for sure. */
const originOf = (operation: Operation, context: ApplyContext): Origin => (operation.conditional ? 0 : context.file);

const HANDLERS: Handlers = {
  createTable(operation, context) {
    const { catalogue } = context;
    const existing = catalogue.tables.find(operation.table);
    // IF NOT EXISTS (or a guard) on a table that exists: nothing happens.
    if (existing && (operation.ifNotExists || operation.conditional)) return;
    if (existing) removeTable(existing, context, false);
    // `if (!(await knex.schema.hasTable('t'))) createTable('t')` where the known history has no table t: the guard holds.
    const guardHolds = operation.conditional === true && operation.ifNotExists && context.historyKnown();
    const origin = guardHolds ? context.file : originOf(operation, context);
    const table: SchemaTable = {
      ...(operation.table.schema !== undefined ? { schema: operation.table.schema } : {}),
      name: operation.table.name,
      columns: [],
      columnsKnown: operation.columnsUnknown !== true,
      constraints: [],
      indexes: [],
      createdIn: origin,
      ...(operation.conditional && !guardHolds && operation.branch ? { createdUnder: { file: context.file, branch: operation.branch } } : {}),
      namedIn: origin,
      assumed: false,
      filled: operation.withRows === true,
      temporary: operation.temporary === true,
      partitioned: operation.partitioned === true,
      partitions: [],
    };
    catalogue.tables.add(table);
    if (table.temporary) catalogue.temporaryTables.add(table);
    if (operation.partitionOf) {
      const parent = tableOrAssumed(operation.partitionOf, context);
      attach(parent, table);
      // A partition has its parent's columns.
      for (const column of parent.columns) table.columns.push({ ...column, addedIn: origin });
      table.columnsKnown = parent.columnsKnown;
    }
    for (const column of operation.columns) addColumnTo(table, column, origin, context);
    for (const constraint of operation.constraints) addConstraintTo(table, constraint, origin, context);
  },
  dropTable(operation, context) {
    for (const name of operation.tables) {
      const table = context.catalogue.tables.find(name);
      if (table) removeTable(table, context, operation.cascade);
      else dropViewNamed(name, context);
    }
  },
  renameTable(operation, context) {
    const table = context.catalogue.tables.find(operation.table);
    if (!table) {
      // ALTER TABLE also renames views, indexes and sequences.
      const view = context.catalogue.views.find(operation.table);
      if (view) return context.catalogue.views.rename(view, operation.newName);
      if (context.catalogue.indexes.find(operation.table)) return CHANGES.renameIndex({ kind: 'renameIndex', index: operation.table, newName: operation.newName, ifExists: false }, context);
      const sequence = findSequence(context.catalogue, operation.table);
      if (sequence) return context.catalogue.nameSequence(sequence.column, truncateIdentifier(operation.newName));
      context.catalogue.tables.add({ ...assumedTable({ ...operation.table, name: operation.newName }), namedIn: context.file });
      return;
    }
    context.catalogue.tables.rename(table, operation.newName);
    table.namedIn = context.file;
  },
  addColumn(operation, context) {
    const table = tableOrAssumed(operation.table, context);
    if (operation.ifNotExists && findColumn(table, operation.column.name)) return;
    addColumnTo(table, operation.column, originOf(operation, context), context);
  },
  dropColumn(operation, context) {
    const table = context.catalogue.tables.find(operation.table);
    const column = table && findColumn(table, operation.column);
    if (!table || !column) return;
    table.columns = table.columns.filter((candidate) => candidate !== column);
    // PostgreSQL drops the indexes and constraints that use the column with it.
    const uses = (names: readonly string[] | undefined) => names?.includes(column.name) === true;
    for (const index of [...table.indexes]) if (uses(index.columns) || uses(index.expressionColumns)) removeIndex(index, context);
    table.constraints = table.constraints.filter((constraint) => !uses(constraint.columns) && !uses(constraint.expressionColumns) && constraint.checksNotNullOf !== column.name);
  },
  renameColumn(operation, context) {
    const table = tableOrAssumed(operation.table, context);
    const column = columnOrAssumed(table, operation.column);
    if (!column) return;
    const from = column.name;
    const to = truncateIdentifier(operation.newName);
    column.name = to;
    const renamed = (names: string[]) => names.map((name) => (name === from ? to : name));
    for (const index of table.indexes) {
      index.columns = renamed(index.columns);
      index.expressionColumns = renamed(index.expressionColumns);
    }
    for (const constraint of table.constraints) {
      constraint.columns = renamed(constraint.columns);
      if (constraint.expressionColumns) constraint.expressionColumns = renamed(constraint.expressionColumns);
      if (constraint.checksNotNullOf === from) constraint.checksNotNullOf = to;
    }
  },
  alterColumnType(operation, context) {
    const column = columnOrAssumed(tableOrAssumed(operation.table, context), operation.column);
    if (column) column.type = operation.newType;
  },
  setNotNull(operation, context) {
    const column = columnOrAssumed(tableOrAssumed(operation.table, context), operation.column);
    if (column) column.notNull = true;
  },
  dropNotNull(operation, context) {
    const column = columnOrAssumed(tableOrAssumed(operation.table, context), operation.column);
    if (column) column.notNull = false;
  },
  setDefault(operation, context) {
    const column = columnOrAssumed(tableOrAssumed(operation.table, context), operation.column);
    if (!column) return;
    if (operation.default) column.default = operation.default;
    else delete column.default;
  },
  addConstraint(operation, context) {
    addConstraintTo(tableOrAssumed(operation.table, context), operation.constraint, originOf(operation, context), context);
  },
  validateConstraint(operation, context) {
    const table = context.catalogue.tables.find(operation.table);
    const constraint = table && findConstraint(table, operation.name);
    if (constraint) constraint.validated = true;
  },
  dropConstraint(operation, context) {
    const table = context.catalogue.tables.find(operation.table);
    const constraint = table && findConstraint(table, operation.name);
    if (!table || !constraint) return;
    table.constraints = table.constraints.filter((candidate) => candidate !== constraint);
    const index = table.indexes.find((candidate) => candidate.constraint && candidate.name === constraint.name);
    if (index) removeIndex(index, context);
  },
  createIndex(operation, context) {
    const { catalogue } = context;
    if (operation.ifNotExists && operation.name && catalogue.indexes.find({ schema: operation.table.schema, name: operation.name })) return;
    const table = tableOrAssumed(operation.table, context);
    const expressionColumns = operation.expressionColumns ?? [];
    addIndex(table, {
      name: operation.name,
      columns: operation.columns.map(truncateIdentifier),
      expressionColumns,
      unique: operation.unique,
      partial: operation.partial === true,
      method: operation.method,
      createdIn: originOf(operation, context),
      nameParts: [...operation.columns, ...expressionColumns],
      label: NAME_LABELS.index,
    }, context);
  },
  dropIndex(operation, context) {
    for (const name of operation.names) {
      const index = context.catalogue.indexes.find(name);
      if (index) removeIndex(index, context);
    }
  },
  attachPartition(operation, context) {
    attach(tableOrAssumed(operation.table, context), tableOrAssumed(operation.partition, context));
  },
  detachPartition(operation, context) {
    const partition = context.catalogue.tables.find(operation.partition);
    if (partition?.parent) detach(partition);
  },
  createDomain(operation, context) {
    const [schema, name] = operation.name.includes('.') ? operation.name.split('.', 2) : [undefined, operation.name];
    replaceType(context, { ...(schema !== undefined ? { schema } : {}), name, kind: 'domain' });
  },
  other(operation, context) {
    if (operation.fillsTable) {
      const table = context.catalogue.tables.find(operation.fillsTable);
      if (table) table.filled = true;
      return;
    }
    if (operation.change) applyChange(operation.change, context);
    else if (!WITHOUT_SCHEMA_CHANGES.has(operation.statement)) context.notModelled(operation);
  },
};

/** Statements that read or write rows, or the session: they leave the schema as it is. */
const WITHOUT_SCHEMA_CHANGES = new Set([
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
  'SelectStmt',
  'CopyStmt',
  'VariableSetStmt',
  'VariableShowStmt',
  'TransactionStmt',
  'ExplainStmt',
  'NotifyStmt',
  'ListenStmt',
  'UnlistenStmt',
  'LockStmt',
  'VacuumStmt',
  'ClusterStmt',
  'CheckPointStmt',
  'DiscardStmt',
  'PrepareStmt',
  'ExecuteStmt',
  'DeallocateStmt',
  'RefreshMatViewStmt',
  'ConstraintsSetStmt',
]);

type ChangeHandlers = { [K in CatalogueChange['kind']]: (change: Extract<CatalogueChange, { kind: K }>, context: ApplyContext) => void };

const CHANGES: ChangeHandlers = {
  createType: (change, context) =>
    replaceType(context, { ...(change.type.schema !== undefined ? { schema: change.type.schema } : {}), name: change.type.name, kind: change.enumValues ? 'enum' : 'other', ...(change.enumValues ? { enumValues: [...change.enumValues] } : {}) }),
  addEnumValue(change, context) {
    const type = context.catalogue.types.find(change.type);
    if (type?.enumValues && !type.enumValues.includes(change.value)) type.enumValues.push(change.value);
  },
  renameEnumValue(change, context) {
    const type = context.catalogue.types.find(change.type);
    if (type?.enumValues) type.enumValues = type.enumValues.map((value) => (value === change.from ? change.to : value));
  },
  renameType(change, context) {
    const type = context.catalogue.types.find(change.type);
    if (!type) followOpaqueRename(change.type.name, change.newName, context);
    const from = type?.name ?? change.type.name;
    if (type) context.catalogue.types.rename(type, change.newName);
    const to = type?.name ?? change.newName;
    // Columns refer to the type itself, not its name: they follow the rename, even of a type made out of sight.
    for (const table of context.catalogue.tables) {
      for (const column of table.columns) if (column.type && column.type.name === from) column.type = { ...column.type, name: to };
    }
  },
  dropType(change, context) {
    for (const name of change.types) {
      const type = context.catalogue.types.find(name);
      if (type) context.catalogue.types.remove(type);
    }
  },
  createView(change, context) {
    const existing = context.catalogue.views.find(change.view);
    if (existing) context.catalogue.views.remove(existing);
    context.catalogue.views.add({ ...(change.view.schema !== undefined ? { schema: change.view.schema } : {}), name: change.view.name, uses: change.uses });
  },
  dropView(change, context) {
    for (const name of change.views) dropViewNamed(name, context);
  },
  renameView(change, context) {
    const view = context.catalogue.views.find(change.view);
    if (view) context.catalogue.views.rename(view, change.newName);
    const materialized = view ? undefined : context.catalogue.tables.find(change.view);
    if (materialized) context.catalogue.tables.rename(materialized, change.newName);
  },
  renameIndex(change, context) {
    const index = context.catalogue.indexes.find(change.index);
    if (!index) return followOpaqueRename(change.index.name, change.newName, context);
    const constraint = index.constraint ? findConstraint(index.table, index.name) : undefined;
    context.catalogue.indexes.rename(index, change.newName);
    delete index.nameGenerated;
    // The index of a constraint carries the constraint's name: renaming one renames the other.
    if (constraint) constraint.name = index.name;
  },
  renameConstraint(change, context) {
    const table = context.catalogue.tables.find(change.table);
    const constraint = table && findConstraint(table, change.name);
    if (!table || !constraint) return;
    const index = table.indexes.find((candidate) => candidate.constraint && candidate.name === constraint.name);
    constraint.name = truncateIdentifier(change.newName);
    delete constraint.nameGenerated;
    if (index) context.catalogue.indexes.rename(index, constraint.name);
  },
  createSchema: (change, context) => void context.catalogue.schemas.add(change.name),
  dropSchema(change, context) {
    for (const name of change.names) {
      context.catalogue.schemas.delete(name);
      for (const table of [...context.catalogue.tables]) if (table.schema === name) removeTable(table, context, true);
    }
  },
  setIdentity(change, context) {
    const column = columnOrAssumed(tableOrAssumed(change.table, context), change.column);
    if (!column) return;
    if (change.identity) {
      column.generated = 'identity';
      column.notNull = true;
    } else if (column.generated === 'identity') delete column.generated;
  },
  opaqueCode(change, context) {
    for (const name of change.names) context.opaqueNames.add(name);
  },
};

/**
 * An object that code out of sight may have made (drizzle-kit creates enums in a `DO` block that
 * ignores duplicate_object) keeps that standing under its new name.
 */
function followOpaqueRename(from: string, to: string, context: ApplyContext): void {
  if (context.opaqueNames.has(from) || context.opaqueNames.has(from.toLowerCase())) context.opaqueNames.add(to);
}

function applyChange(change: CatalogueChange, context: ApplyContext): void {
  (CHANGES[change.kind] as (change: CatalogueChange, context: ApplyContext) => void)(change, context);
}

function replaceType(context: ApplyContext, type: Parameters<SchemaCatalogue['types']['add']>[0]): void {
  const existing = context.catalogue.types.find(type);
  if (existing) context.catalogue.types.remove(existing);
  context.catalogue.types.add(type);
}

function dropViewNamed(name: TableName, context: ApplyContext): void {
  const view = context.catalogue.views.find(name);
  if (view) context.catalogue.views.remove(view);
  // A materialized view is replayed as a table.
  const materialized = view ? undefined : context.catalogue.tables.find(name);
  if (materialized) removeTable(materialized, context, false);
}

function assumedTable(name: TableName): SchemaTable {
  return {
    ...(name.schema !== undefined ? { schema: name.schema } : {}),
    name: name.name,
    columns: [],
    columnsKnown: false,
    constraints: [],
    indexes: [],
    createdIn: 0,
    namedIn: 0,
    assumed: true,
    filled: false,
    temporary: false,
    partitioned: false,
    partitions: [],
  };
}

/** The table, or (when no earlier migration made it) one assumed to exist, so that later operations find what this one adds. */
function tableOrAssumed(name: TableName, context: ApplyContext): SchemaTable {
  const found = context.catalogue.tables.find(name);
  if (found) return found;
  context.assumed(name);
  const table = assumedTable(name);
  context.catalogue.tables.add(table);
  return table;
}

/** The column, or one assumed to exist in a table whose columns are not all known. */
function columnOrAssumed(table: SchemaTable, name: string): SchemaColumn | undefined {
  const found = findColumn(table, name);
  if (found || table.columnsKnown) return found;
  const column: SchemaColumn = { name: truncateIdentifier(name), notNull: false, addedIn: 0 };
  table.columns.push(column);
  return column;
}

function addColumnTo(table: SchemaTable, definition: ColumnDefinition, origin: Origin, context: ApplyContext): void {
  const name = truncateIdentifier(definition.name);
  const serial = definition.type ? SERIAL_BASE[canonicalTypeName(definition.type.name)] : undefined;
  const column: SchemaColumn = {
    name,
    ...(definition.type ? { type: serial ? { name: serial, modifiers: [], isArray: false } : definition.type } : {}),
    notNull: definition.notNull || definition.primaryKey || serial !== undefined,
    ...(serial
      ? { default: { kind: 'volatile', functionName: 'nextval', sql: `nextval('${table.name}_${name}_seq'::regclass)` } }
      : definition.default
        ? { default: definition.default }
        : {}),
    ...(definition.generated ? { generated: definition.generated } : {}),
    addedIn: origin,
  };
  if (serial || definition.generated === 'identity') context.catalogue.nameSequence(column, objectName(table.name, name, 'seq'));
  const existing = findColumn(table, name);
  if (existing) table.columns[table.columns.indexOf(existing)] = column;
  else table.columns.push(column);
  const base = { columns: [name], notValid: false };
  if (definition.primaryKey) addConstraintTo(table, { kind: 'primaryKey', ...base }, origin, context);
  const names = definition.constraintNames;
  if (definition.unique) addConstraintTo(table, { kind: 'unique', ...base, ...(names?.unique ? { name: names.unique } : {}) }, origin, context);
  if (definition.references) addConstraintTo(table, { kind: 'foreignKey', ...base, references: definition.references, ...(names?.foreignKey ? { name: names.foreignKey } : {}) }, origin, context);
  if (definition.hasCheck) addConstraintTo(table, { kind: 'check', ...base, expressionColumns: [name] }, origin, context);
}

function addConstraintTo(table: SchemaTable, definition: ConstraintDefinition, origin: Origin, context: ApplyContext): void {
  const label = NAME_LABELS[definition.kind];
  // A CHECK is named after its column only when its expression uses exactly one.
  const nameParts = definition.kind === 'check' ? (definition.expressionColumns?.length === 1 ? definition.expressionColumns : []) : definition.columns;
  const makesIndex = definition.kind === 'primaryKey' || definition.kind === 'unique' || definition.kind === 'exclusion';
  const taken = (name: string) => table.constraints.some((constraint) => constraint.name === name) || (makesIndex && context.catalogue.indexes.find({ schema: table.schema, name }) !== undefined);
  const name = definition.name ? truncateIdentifier(definition.name) : chooseName(table.name, nameParts, label, taken);
  const existing = findConstraint(table, name);
  if (existing) table.constraints = table.constraints.filter((constraint) => constraint !== existing);
  table.constraints.push({
    name,
    ...(definition.name ? {} : { nameGenerated: true }),
    kind: definition.kind,
    columns: definition.columns.map(truncateIdentifier),
    validated: !definition.notValid,
    ...(definition.references ? { references: definition.references } : {}),
    ...(definition.checksNotNullOf !== undefined ? { checksNotNullOf: definition.checksNotNullOf } : {}),
    ...(definition.expression !== undefined ? { expression: definition.expression } : {}),
    ...(definition.expressionColumns ? { expressionColumns: definition.expressionColumns } : {}),
  });
  if (definition.kind === 'primaryKey') {
    for (const columnName of definition.columns) {
      const column = findColumn(table, columnName);
      if (column) column.notNull = true;
    }
  }
  if (!makesIndex) return;
  // ADD … USING INDEX adopts the index, which takes the constraint's name.
  const adopted = definition.usingIndex ? context.catalogue.indexes.find({ schema: table.schema, name: definition.usingIndex }) : undefined;
  if (adopted) {
    context.catalogue.indexes.rename(adopted, name);
    adopted.constraint = true;
    delete adopted.nameGenerated;
    return;
  }
  addIndex(table, { name, columns: definition.columns.map(truncateIdentifier), expressionColumns: [], unique: definition.kind !== 'exclusion', partial: false, createdIn: origin, constraint: true, generated: !definition.name }, context);
}

interface IndexSpec {
  name?: string;
  columns: string[];
  expressionColumns: string[];
  unique: boolean;
  partial: boolean;
  method?: string;
  createdIn: Origin;
  constraint?: boolean;
  /** The name was chosen here (a constraint's index takes its constraint's name). */
  generated?: boolean;
  /** What an unnamed index is named after, and with which label. */
  nameParts?: string[];
  label?: string;
}

function addIndex(table: SchemaTable, spec: IndexSpec, context: ApplyContext): void {
  const { catalogue } = context;
  const taken = (name: string) => catalogue.indexes.find({ schema: table.schema, name }) !== undefined || catalogue.tables.find({ schema: table.schema, name }) !== undefined;
  const name = spec.name ?? chooseName(table.name, spec.nameParts ?? spec.columns, spec.label ?? NAME_LABELS.index, taken);
  const existing = catalogue.indexes.find({ schema: table.schema, name });
  if (existing) removeIndex(existing, context);
  const index: SchemaIndex = {
    ...(table.schema !== undefined ? { schema: table.schema } : {}),
    name,
    ...(spec.name === undefined || spec.generated ? { nameGenerated: true } : {}),
    table,
    columns: spec.columns,
    expressionColumns: spec.expressionColumns,
    unique: spec.unique,
    partial: spec.partial,
    ...(spec.method ? { method: spec.method } : {}),
    ...(spec.constraint ? { constraint: true } : {}),
    createdIn: spec.createdIn,
  };
  catalogue.indexes.add(index);
  table.indexes.push(index);
}

function removeIndex(index: SchemaIndex, context: ApplyContext): void {
  context.catalogue.indexes.remove(index);
  index.table.indexes = index.table.indexes.filter((candidate) => candidate !== index);
}

/** Drops a table with its indexes and partitions; with CASCADE also the foreign keys and views that use it. */
function removeTable(table: SchemaTable, context: ApplyContext, cascade: boolean): void {
  const { catalogue } = context;
  catalogue.tables.remove(table);
  for (const index of [...table.indexes]) removeIndex(index, context);
  for (const partition of [...table.partitions]) removeTable(partition, context, cascade);
  if (table.parent) detach(table);
  if (!cascade) return;
  const named = (name: TableName) => name.name === table.name && (name.schema === undefined || table.schema === undefined || name.schema === table.schema);
  for (const other of catalogue.tables) {
    other.constraints = other.constraints.filter((constraint) => !(constraint.references && named(constraint.references.table)));
  }
  for (const view of [...catalogue.views]) if (view.uses.tables.some(named)) catalogue.views.remove(view);
}

/** A session's temporary tables are gone when its migration is done. */
export function dropTemporaryTables(context: ApplyContext): void {
  const { catalogue } = context;
  for (const table of catalogue.temporaryTables) if (catalogue.tables.find(table) === table) removeTable(table, context, false);
  catalogue.temporaryTables.clear();
}

function attach(parent: SchemaTable, partition: SchemaTable): void {
  if (partition.parent) detach(partition);
  parent.partitioned = true;
  partition.parent = parent;
  parent.partitions.push(partition);
}

function detach(partition: SchemaTable): void {
  const parent = partition.parent;
  if (!parent) return;
  parent.partitions = parent.partitions.filter((candidate) => candidate !== partition);
  delete partition.parent;
}
