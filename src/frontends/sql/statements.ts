import type {
  AlterTableCmd,
  AlterTableStmt,
  ColumnDef,
  Constraint,
  CreateStmt,
  DropStmt,
  IndexStmt,
  Node,
  RenameStmt,
  TransactionStmt,
  VariableSetStmt,
} from '@pgsql/types';
import type { SourceSpan } from '../../model/location';
import type {
  ColumnDefault,
  ColumnDefinition,
  ConstraintDefinition,
  ConstraintKind,
  Operation,
  TableName,
} from '../../model/operations';
import {
  classifyDefault,
  columnType,
  isNullExpression,
  nodeAs,
  nodeKind,
  qualifiedNameFromList,
  stringList,
  tableName,
} from './pg-nodes';
import { type TextRange, qualifiedNameEnd, topLevelClauses } from './lexer';
import { scanSqlTokens } from './parser';
import { CATALOGUE_CONVERTERS, dropOther, referencedColumns, renameOther } from './catalogue-statements';
import { expressionText } from './expression-text';

/** Where the operations of one statement point. */
export interface StatementPlace {
  location: SourceSpan;
  anchorLine: number;
  /** `ALTER TABLE IF EXISTS`, set on the operations of its clauses. */
  ifTableExists?: boolean;
}

/** Where in the file a parser location (a UTF-8 byte offset) and a length fall. */
export type ByteSpan = (byteOffset: number, length: number) => SourceSpan;

/** The statement's own text, for locations the parser does not give (the clauses of ALTER TABLE). */
export interface StatementText {
  text: string;
  /** Character range of the statement in `text`. */
  start: number;
  end: number;
  /** The character index of a parser location (a UTF-8 byte offset). */
  charAt: (byteOffset: number) => number;
  /** Where a character range of `text` is in the file. */
  span: (start: number, end: number) => SourceSpan;
}

type Place = StatementPlace;

let spanAtByte: ByteSpan | undefined;
let statementText: StatementText | undefined;

/** Turns one parsed statement into the operations it performs. */
export function operationsOf(statement: Node, place: Place, byteSpan?: ByteSpan, source?: StatementText): Operation[] {
  spanAtByte = byteSpan;
  statementText = source;
  const kind = nodeKind(statement);
  const convert = Object.hasOwn(CONVERTERS, kind) ? CONVERTERS[kind] : undefined;
  if (convert) return convert((statement as unknown as Record<string, never>)[kind], place);
  return [other(kind, place)];
}

const CONVERTERS: Record<string, (body: never, place: Place) => Operation[]> = {
  TransactionStmt: (body: TransactionStmt, place) => transaction(body, place),
  VariableSetStmt: (body: VariableSetStmt, place) => setting(body, place),
  CreateStmt: (body: CreateStmt, place) => [createTable(body, place)],
  CreateTableAsStmt: (body: { into?: { rel?: Parameters<typeof tableName>[0]; skipData?: boolean }; if_not_exists?: boolean; objtype?: string }, place) => [
    {
      kind: 'createTable',
      ...place,
      table: tableName(body.into?.rel),
      columns: [],
      constraints: [],
      ifNotExists: body.if_not_exists === true,
      columnsUnknown: true,
      ...(body.into?.rel?.relpersistence === 't' ? { temporary: true } : {}),
      // A new materialized view has rows too, but nothing writes to it: an index on it blocks no one.
      ...(body.into?.skipData || body.objtype === 'OBJECT_MATVIEW' ? {} : { withRows: true }),
    },
  ],
  InsertStmt: (body: { relation?: Parameters<typeof tableName>[0]; selectStmt?: Node }, place) => {
    // INSERT … SELECT copies a query's rows; INSERT … VALUES adds the few rows it lists.
    const select = nodeAs(body.selectStmt, 'SelectStmt');
    const fromQuery = select !== undefined && select.valuesLists === undefined;
    return [{ kind: 'other', ...place, statement: 'InsertStmt', ...(fromQuery ? { fillsTable: tableName(body.relation) } : {}) }];
  },
  SelectStmt: (body: { intoClause?: { rel?: Parameters<typeof tableName>[0] } }, place) =>
    // SELECT … INTO creates a table with the query's rows.
    body.intoClause
      ? [{ kind: 'createTable', ...place, table: tableName(body.intoClause.rel), columns: [], constraints: [], ifNotExists: false, withRows: true, columnsUnknown: true }]
      : [other('SelectStmt', place)],
  CopyStmt: (body: { relation?: Parameters<typeof tableName>[0]; is_from?: boolean }, place) => [
    { kind: 'other', ...place, statement: 'CopyStmt', ...(body.is_from && body.relation ? { fillsTable: tableName(body.relation) } : {}) },
  ],
  DropStmt: (body: DropStmt, place) => drop(body, place),
  DropdbStmt: (body: { dbname?: string }, place) => [{ kind: 'dropDatabase', ...place, name: body.dbname ?? '' }],
  RenameStmt: (body: RenameStmt, place) => rename(body, place),
  AlterTableStmt: (body: AlterTableStmt, place) => alterTable(body, place),
  IndexStmt: (body: IndexStmt, place) => [createIndex(body, place)],
  ReindexStmt: (body: { kind?: string; relation?: Parameters<typeof tableName>[0]; name?: string; params?: Node[] }, place) => [
    {
      kind: 'reindex',
      ...place,
      target: body.relation ? tableName(body.relation).name : (body.name ?? ''),
      targetKind: REINDEX_TARGETS[body.kind ?? ''],
      concurrently: (body.params ?? []).some((param) => nodeAs(param, 'DefElem')?.defname === 'concurrently'),
    },
  ],
  TruncateStmt: (body: { relations?: Node[]; behavior?: string }, place) => [
    {
      kind: 'truncate',
      ...place,
      tables: (body.relations ?? []).map((relation) => tableName(nodeAs(relation, 'RangeVar'))),
      cascade: body.behavior === 'DROP_CASCADE',
    },
  ],
  CreateDomainStmt: (body: { domainname?: Node[]; constraints?: Node[] }, place) => [
    {
      kind: 'createDomain',
      ...place,
      name: stringList(body.domainname).join('.'),
      hasCheck: (body.constraints ?? []).some((c) => nodeAs(c, 'Constraint')?.contype === 'CONSTR_CHECK'),
    },
  ],
  AlterDomainStmt: (body: { subtype?: string; typeName?: Node[] }, place) =>
    body.subtype === 'C'
      ? [{ kind: 'alterDomainAddConstraint', ...place, name: stringList(body.typeName).join('.') }]
      : [other('AlterDomainStmt', place)],
  // Statements no rule flags on their own, but which wait for a lock that blocks the table's writes (or reads).
  CreateTrigStmt: (body: { relation?: Parameters<typeof tableName>[0] }, place) => [blocking('CreateTrigStmt', place, body.relation ? [tableName(body.relation)] : [])],
  VacuumStmt: (body: { options?: Node[]; rels?: Node[] }, place) => {
    // VACUUM FULL rewrites each table under an ACCESS EXCLUSIVE lock; a plain VACUUM or ANALYZE blocks no one.
    const full = (body.options ?? []).some((option) => {
      const element = nodeAs(option, 'DefElem');
      return element?.defname === 'full' && optionIsOn(element.arg);
    });
    const tables = (body.rels ?? []).flatMap((relation) => {
      const rel = nodeAs(relation, 'VacuumRelation')?.relation;
      return rel ? [tableName(rel)] : [];
    });
    return [full ? blocking('VacuumStmt:FULL', place, tables) : other('VacuumStmt', place)];
  },
  // LOCK TABLE … IN SHARE MODE or stronger blocks the tables' writes (ACCESS EXCLUSIVE, the default, their reads too) until the transaction ends.
  LockStmt: (body: { relations?: Node[]; mode?: number }, place) => {
    const mode = body.mode ?? ACCESS_EXCLUSIVE_LOCK;
    if (mode < SHARE_LOCK) return [other('LockStmt', place)];
    const tables = (body.relations ?? []).flatMap((relation) => {
      const range = nodeAs(relation, 'RangeVar');
      return range ? [tableName(range)] : [];
    });
    if (tables.length === 0) return [other('LockStmt', place)];
    return [{ kind: 'other', ...place, statement: 'LockStmt', locksTables: tables, ...(mode < ACCESS_EXCLUSIVE_LOCK ? { readsGoOn: true as const } : {}) }];
  },
  // CLUSTER rewrites the table in index order under an ACCESS EXCLUSIVE lock.
  ClusterStmt: (body: { relation?: Parameters<typeof tableName>[0] }, place) => [blocking('ClusterStmt', place, body.relation ? [tableName(body.relation)] : [])],
  ...CATALOGUE_CONVERTERS,
};

/** `(FULL)`, `(FULL true)`, `(FULL 1)`, `(FULL on)`: a boolean option is on (the parser leaves out a false or a 0). */
function optionIsOn(argument: Node | undefined): boolean {
  if (!argument) return true;
  const boolean = nodeAs(argument, 'Boolean');
  if (boolean) return boolean.boolval === true;
  const integer = nodeAs(argument, 'Integer');
  if (integer) return (integer.ival ?? 0) !== 0;
  const word = nodeAs(argument, 'String')?.sval?.toLowerCase();
  return word === undefined || ['on', 'true', 'yes', '1'].includes(word);
}

/** PostgreSQL's lock modes as LOCK TABLE's parse tree numbers them (lockdefs.h). */
const SHARE_LOCK = 5;
const ACCESS_EXCLUSIVE_LOCK = 8;

/** A statement the rules know only by the tables it locks (SHARE or stronger). */
function blocking(statement: string, place: Place, tables: TableName[]): Operation {
  return tables.length > 0 ? { kind: 'other', ...place, statement, locksTables: tables } : other(statement, place);
}

const REINDEX_TARGETS: Record<string, 'index' | 'table' | 'schema' | 'database' | 'system'> = {
  REINDEX_OBJECT_INDEX: 'index',
  REINDEX_OBJECT_TABLE: 'table',
  REINDEX_OBJECT_SCHEMA: 'schema',
  REINDEX_OBJECT_DATABASE: 'database',
  REINDEX_OBJECT_SYSTEM: 'system',
};

function other(statement: string, place: Place): Operation {
  return { kind: 'other', ...place, statement };
}

const TRANSACTION_ACTIONS: Record<string, 'begin' | 'commit' | 'rollback'> = {
  TRANS_STMT_BEGIN: 'begin',
  TRANS_STMT_START: 'begin',
  TRANS_STMT_COMMIT: 'commit',
  TRANS_STMT_ROLLBACK: 'rollback',
};

function transaction(body: TransactionStmt, place: Place): Operation[] {
  const action = TRANSACTION_ACTIONS[body.kind ?? ''];
  return action ? [{ kind: 'transaction', ...place, action }] : [other('TransactionStmt', place)];
}

function setting(body: VariableSetStmt, place: Place): Operation[] {
  if (body.kind !== 'VAR_SET_VALUE' || !body.name) return [other('VariableSetStmt', place)];
  const value = (body.args ?? [])
    .map((arg) => {
      const constant = nodeAs(arg, 'A_Const');
      if (!constant) return '';
      if (constant.sval) return constant.sval.sval ?? '';
      if (constant.ival) return String(constant.ival.ival ?? 0);
      if (constant.fval) return constant.fval.fval ?? '';
      return '';
    })
    .join(', ');
  return [{ kind: 'setSetting', ...place, name: body.name.toLowerCase(), value, local: body.is_local === true }];
}

function createTable(body: CreateStmt, place: Place): Operation {
  const columns: ColumnDefinition[] = [];
  const constraints: ConstraintDefinition[] = [];
  for (const element of body.tableElts ?? []) {
    const column = nodeAs(element, 'ColumnDef');
    if (column) columns.push(columnDefinition(column));
    const constraint = nodeAs(element, 'Constraint');
    const definition = constraint && constraintDefinition(constraint);
    if (definition) constraints.push(definition);
  }
  const parent = body.partbound ? nodeAs(body.inhRelations?.[0], 'RangeVar') : undefined;
  // LIKE and INHERITS bring columns the statement does not list.
  const columnsUnknown = (body.tableElts ?? []).some((element) => nodeAs(element, 'TableLikeClause')) || (!parent && (body.inhRelations?.length ?? 0) > 0);
  return {
    kind: 'createTable',
    ...place,
    table: tableName(body.relation),
    columns,
    constraints,
    ifNotExists: body.if_not_exists === true,
    ...(body.relation?.relpersistence === 't' ? { temporary: true } : {}),
    ...(body.partspec ? { partitioned: true } : {}),
    ...(parent ? { partitionOf: tableName(parent) } : {}),
    ...(columnsUnknown ? { columnsUnknown } : {}),
  };
}

function columnDefinition(column: ColumnDef): ColumnDefinition {
  const definition: ColumnDefinition = {
    name: column.colname ?? '',
    location: column.location !== undefined && spanAtByte ? spanAtByte(column.location, Buffer.byteLength(column.colname ?? '', 'utf8')) : undefined,
    type: columnType(column.typeName),
    notNull: false,
    primaryKey: false,
    unique: false,
    hasCheck: false,
  };
  for (const node of column.constraints ?? []) {
    const constraint = nodeAs(node, 'Constraint');
    if (constraint) applyColumnConstraint(definition, constraint);
  }
  return definition;
}

function applyColumnConstraint(definition: ColumnDefinition, constraint: Constraint): void {
  switch (constraint.contype) {
    case 'CONSTR_NOTNULL':
      definition.notNull = true;
      break;
    case 'CONSTR_NULL':
      definition.notNull = false;
      break;
    case 'CONSTR_DEFAULT':
      // DEFAULT NULL is no default: existing rows get NULL, so NOT NULL then fails as without one.
      definition.default = isNullExpression(constraint.raw_expr) ? undefined : withText(classifyDefault(constraint.raw_expr), constraint.raw_expr);
      break;
    case 'CONSTR_PRIMARY':
      definition.primaryKey = true;
      definition.notNull = true;
      break;
    case 'CONSTR_UNIQUE':
      definition.unique = true;
      break;
    case 'CONSTR_CHECK':
      definition.hasCheck = true;
      break;
    case 'CONSTR_FOREIGN':
      definition.references = { table: tableName(constraint.pktable), columns: stringList(constraint.pk_attrs) };
      break;
    case 'CONSTR_GENERATED':
      definition.generated = 'stored';
      break;
    case 'CONSTR_IDENTITY':
      definition.generated = 'identity';
      definition.notNull = true;
      break;
  }
}

/** A classified default, with its SQL text where it can be printed. */
function withText(classified: ColumnDefault, expression: Node | undefined): ColumnDefault {
  const sql = expressionText(expression);
  return sql === undefined ? classified : { ...classified, sql };
}

const CONSTRAINT_KINDS: Record<string, ConstraintKind> = {
  CONSTR_CHECK: 'check',
  CONSTR_FOREIGN: 'foreignKey',
  CONSTR_UNIQUE: 'unique',
  CONSTR_PRIMARY: 'primaryKey',
  CONSTR_EXCLUSION: 'exclusion',
};

function constraintDefinition(constraint: Constraint): ConstraintDefinition | undefined {
  const kind = CONSTRAINT_KINDS[constraint.contype ?? ''];
  if (!kind) return undefined;
  return {
    kind,
    name: constraint.conname,
    columns: stringList(kind === 'foreignKey' ? constraint.fk_attrs : constraint.keys),
    notValid: constraint.skip_validation === true,
    usingIndex: constraint.indexname,
    references:
      kind === 'foreignKey'
        ? { table: tableName(constraint.pktable), columns: stringList(constraint.pk_attrs) }
        : undefined,
    checksNotNullOf: kind === 'check' ? notNullCheckColumn(constraint.raw_expr) : undefined,
    ...(kind === 'check' ? { expressionColumns: referencedColumns(constraint.raw_expr) } : {}),
  };
}

/** `CHECK (col IS NOT NULL)` → `col`. */
function notNullCheckColumn(expression: Node | undefined): string | undefined {
  const test = nodeAs(expression, 'NullTest');
  if (!test || test.nulltesttype !== 'IS_NOT_NULL') return undefined;
  return stringList(nodeAs(test.arg, 'ColumnRef')?.fields).pop();
}

function drop(body: DropStmt, place: Place): Operation[] {
  const names = (body.objects ?? []).map(qualifiedNameFromList);
  const ifExists = body.missing_ok === true;
  switch (body.removeType) {
    case 'OBJECT_TABLE':
      return [{ kind: 'dropTable', ...place, tables: names, ifExists, cascade: body.behavior === 'DROP_CASCADE' }];
    case 'OBJECT_INDEX':
      return [{ kind: 'dropIndex', ...place, names, concurrently: body.concurrent === true, ifExists }];
    case 'OBJECT_TRIGGER': {
      // DROP TRIGGER name ON table: ACCESS EXCLUSIVE on the table.
      const tables = (body.objects ?? []).flatMap((object) => {
        const parts = stringList(nodeAs(object, 'List')?.items);
        return parts.length >= 2 ? [parts.length === 3 ? { schema: parts[0], name: parts[1] } : { name: parts[0] }] : [];
      });
      return [tables.length > 0 ? { kind: 'other', ...place, statement: 'DropStmt:OBJECT_TRIGGER', locksTables: tables } : other('DropStmt:OBJECT_TRIGGER', place)];
    }
    default: {
      const change = dropOther(body.removeType, body.objects, ifExists);
      return [{ kind: 'other', ...place, statement: `DropStmt:${body.removeType ?? ''}`, ...(change ? { change } : {}) }];
    }
  }
}

function rename(body: RenameStmt, placeOfStatement: Place): Operation[] {
  const table = tableName(body.relation);
  const newName = body.newname ?? '';
  const place = body.missing_ok === true ? { ...placeOfStatement, ifTableExists: true } : placeOfStatement;
  if (body.renameType === 'OBJECT_TABLE') return [{ kind: 'renameTable', ...place, table, newName }];
  if (body.renameType === 'OBJECT_COLUMN' && body.relationType === 'OBJECT_TABLE') {
    return [{ kind: 'renameColumn', ...place, table, column: body.subname ?? '', newName }];
  }
  const change = renameOther(body);
  return [{ kind: 'other', ...place, statement: `RenameStmt:${body.renameType ?? ''}`, ...(change ? { change } : {}) }];
}

function alterTable(body: AlterTableStmt, place: Place): Operation[] {
  if (body.objtype !== 'OBJECT_TABLE') return [other(`AlterTableStmt:${body.objtype ?? ''}`, place)];
  const table = tableName(body.relation);
  const commands = (body.cmds ?? []).map((node) => nodeAs(node, 'AlterTableCmd'));
  // The statement split into its clauses once, and only when asked: for several clauses' places, or a clause's text.
  let split: TextRange[] | undefined | null = null;
  const clauseRanges = () => (split === null ? (split = splitClauses(body, commands.length)) : split);
  const clauses = commands.length > 1 ? clauseLocations(body, commands, clauseRanges()) : undefined;
  const clauseText = (index: number) => {
    const range = clauseRanges()?.[index];
    return range && statementText?.text.slice(range.start, range.end);
  };
  // ALTER TABLE IF EXISTS does nothing when the table is missing.
  const guarded = body.missing_ok === true ? { ...place, ifTableExists: true } : place;
  const operations: Operation[] = [];
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index];
    if (!command) continue;
    // With several clauses, each finding points at its own clause (the ignore comment before the statement still applies).
    const clause = clauses?.[index];
    for (const operation of alterTableCommand(command, table, clause ? { ...guarded, location: clause } : guarded, () => clauseText(index))) operations.push(operation);
  }
  return operations;
}

/**
 * The clauses of an ALTER TABLE, where the statement text after the table name
 * splits at its top-level commas into one per command (the parser gives no
 * location for them).
 */
function splitClauses(body: AlterTableStmt, count: number): TextRange[] | undefined {
  const source = statementText;
  if (!source || body.relation?.location === undefined) return undefined;
  const clauses = topLevelClauses(source.text, qualifiedNameEnd(source.text, source.charAt(body.relation.location)), source.end);
  return clauses.length === count ? clauses : undefined;
}

/**
 * Where each clause of a multi-clause ALTER TABLE is. When the text does not
 * split into one clause per command, an added column is placed at its
 * definition, which the parser does locate.
 */
function clauseLocations(body: AlterTableStmt, commands: Array<AlterTableCmd | undefined>, clauses: TextRange[] | undefined): Array<SourceSpan | undefined> | undefined {
  const source = statementText;
  if (!source || body.relation?.location === undefined) return undefined;
  if (clauses) return clauses.map((clause) => source.span(clause.start, clause.end));
  return commands.map((command) => {
    const column = nodeAs(command?.def, 'ColumnDef');
    return column?.location !== undefined ? spanAtByte?.(column.location, Buffer.byteLength(column.colname ?? '', 'utf8')) : undefined;
  });
}

/** The expression after USING in an ALTER COLUMN … TYPE clause, as written (found with PostgreSQL's scanner, past quotes). */
function usingExpressionText(clause: string): string | undefined {
  const bytes = Buffer.from(clause, 'utf8');
  const keyword = scanSqlTokens(clause).tokens.find((token) => token.keywordName !== 'NO_KEYWORD' && token.text?.toUpperCase() === 'USING');
  const expression = keyword ? bytes.subarray(keyword.end).toString('utf8').trim() : '';
  return expression.length > 0 ? expression : undefined;
}

function alterTableCommand(command: AlterTableCmd, table: TableName, place: Place, clauseText: () => string | undefined): Operation[] {
  const column = command.name ?? '';
  switch (command.subtype) {
    case 'AT_AddColumn': {
      const definition = nodeAs(command.def, 'ColumnDef');
      if (!definition) return [];
      return [
        { kind: 'addColumn', ...place, table, column: columnDefinition(definition), ifNotExists: command.missing_ok === true },
      ];
    }
    case 'AT_DropColumn':
      return [{ kind: 'dropColumn', ...place, table, column, ifExists: command.missing_ok === true }];
    case 'AT_AlterColumnType': {
      const definition = nodeAs(command.def, 'ColumnDef');
      const using = definition?.raw_default ? usingKind(definition.raw_default, column) : undefined;
      const text = using === 'other' ? clauseText() : undefined;
      const usingSql = text ? usingExpressionText(text) : undefined;
      return [{ kind: 'alterColumnType', ...place, table, column, newType: columnType(definition?.typeName), ...(using ? { using } : {}), ...(usingSql ? { usingSql } : {}) }];
    }
    case 'AT_SetNotNull':
      return [{ kind: 'setNotNull', ...place, table, column }];
    case 'AT_DropNotNull':
      return [{ kind: 'dropNotNull', ...place, table, column }];
    case 'AT_ColumnDefault':
      return [
        { kind: 'setDefault', ...place, table, column, default: command.def ? withText(classifyDefault(command.def), command.def) : undefined },
      ];
    case 'AT_AddConstraint': {
      const constraint = nodeAs(command.def, 'Constraint');
      const definition = constraint && constraintDefinition(constraint);
      return definition ? [{ kind: 'addConstraint', ...place, table, constraint: definition }] : [];
    }
    case 'AT_ValidateConstraint':
      return [{ kind: 'validateConstraint', ...place, table, name: column }];
    case 'AT_DropConstraint':
      return [{ kind: 'dropConstraint', ...place, table, name: column, ifExists: command.missing_ok === true }];
    case 'AT_AttachPartition':
      return [{ kind: 'attachPartition', ...place, table, partition: tableName(nodeAs(command.def, 'PartitionCmd')?.name) }];
    case 'AT_DetachPartition': {
      const partition = nodeAs(command.def, 'PartitionCmd');
      return [
        {
          kind: 'detachPartition',
          ...place,
          table,
          partition: tableName(partition?.name),
          concurrently: partition?.concurrent === true,
        },
      ];
    }
    case 'AT_AddIdentity':
    case 'AT_DropIdentity':
      return [
        { kind: 'other', ...place, statement: `AlterTableCmd:${command.subtype}`, locksTables: [table], change: { kind: 'setIdentity', table, column, identity: command.subtype === 'AT_AddIdentity' } },
      ];
    default:
      return [{ kind: 'other', ...place, statement: `AlterTableCmd:${command.subtype ?? ''}`, locksTables: [table] }];
  }
}

/** `USING col` or `USING col::type` (what Knex's alter() sends) keeps the values as they are; any other expression computes new ones. */
function usingKind(expression: Node, column: string): 'column' | 'other' {
  let inner: Node | undefined = expression;
  while (nodeAs(inner, 'TypeCast')) inner = nodeAs(inner, 'TypeCast')?.arg;
  const fields = stringList(nodeAs(inner, 'ColumnRef')?.fields);
  return fields.length > 0 && fields[fields.length - 1] === column ? 'column' : 'other';
}

function createIndex(body: IndexStmt, place: Place): Operation {
  const expressions = (body.indexParams ?? []).map((param) => nodeAs(param, 'IndexElem')?.expr).filter((expression) => expression !== undefined);
  return {
    kind: 'createIndex',
    ...place,
    table: tableName(body.relation),
    name: body.idxname,
    columns: (body.indexParams ?? [])
      .map((param) => nodeAs(param, 'IndexElem')?.name)
      .filter((name): name is string => name !== undefined),
    unique: body.unique === true,
    concurrently: body.concurrent === true,
    ifNotExists: body.if_not_exists === true,
    // The parser leaves `inh` out when it is false: `ON ONLY`.
    ...(body.relation && body.relation.inh !== true ? { only: true } : {}),
    ...(body.whereClause ? { partial: true } : {}),
    ...(expressions.length > 0 ? { expressionColumns: referencedColumns(expressions) } : {}),
    ...(body.accessMethod && body.accessMethod !== 'btree' ? { method: body.accessMethod } : {}),
  };
}

