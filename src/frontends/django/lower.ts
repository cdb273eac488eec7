import type { AnalyzedFile, FrontendProblem, IgnoreDirective } from '../../model/file';
import type { SourceSpan } from '../../model/location';
import type { ColumnDefinition, ColumnType, ConstraintDefinition, DjangoOrigin, Operation, TableName } from '../../model/operations';
import { analyzeSql } from '../sql/analyze-sql';
import { type DjangoField, lastName, readField } from './fields';
import { defaultTableName, foreignKeyName, indexName, truncateName } from './names';
import { type Call, argument, dictEntry, fieldList, fieldSets, readConstraint, readIndex, readsAsFieldSets, stringAt } from './operations';
import type { PyValue } from './python';
import type { DjangoMigrationFile } from './read-migration';
import { type DjangoModel, type DjangoState, fieldOf, modelKey, primaryKeyOf } from './state';

/** Where the operations of one Django operation point: the whole call. */
interface Place {
  location: SourceSpan;
  anchorLine: number;
}

/** SQL Django runs when the migration's schema editor closes: indexes and foreign keys of new tables and fields. */
interface Deferred {
  operation: Operation;
  table: string;
  column?: string;
}

type Handler = (lowering: MigrationLowering, call: Call, place: Place) => void;

/**
 * Turns a migration's operations into the statements Django runs for them on
 * PostgreSQL, in order, while applying them to the project state.
 */
export class MigrationLowering {
  readonly operations: Operation[] = [];
  readonly problems: FrontendProblem[] = [];
  readonly directives: IgnoreDirective[] = [];
  statements = 0;
  private deferred: Deferred[] = [];

  constructor(
    readonly file: DjangoMigrationFile,
    public state: DjangoState,
  ) {}

  run(): AnalyzedFile {
    const { file } = this;
    for (const problem of file.unreadable) this.unanalyzed(problem, `${problem.message}.`);
    if (file.afterDeploy) this.directives.push(afterDeployDirective(this.span(file.afterDeploy.from, file.afterDeploy.to)));
    const operations = file.operations;
    if (operations && operations.kind !== 'list') this.unanalyzed(operations, 'The operations of this migration are not a literal list; they were not checked.');
    // A squashed migration runs only on a new database, where the tables of the squashed migrations before it are new too.
    const fresh = file.replaces.length > 0;
    const newTables = fresh ? [...this.state.freshTables].map((name) => ({ name })) : undefined;
    if (operations?.kind === 'list') this.lowerAll(operations.items);
    for (const deferred of this.deferred) this.operations.push(deferred.operation);
    this.deferred = [];
    if (fresh) this.recordFreshTables();
    return {
      ...(newTables && newTables.length > 0 ? { newTables } : {}),
      frontend: 'django',
      operations: this.operations,
      problems: this.problems,
      directives: [...file.directives, ...this.directives],
      statements: this.statements,
      runnerTransaction: file.atomic,
    };
  }

  private recordFreshTables(): void {
    for (const operation of this.operations) {
      if (operation.kind === 'createTable') this.state.freshTables.add(operation.table.name);
      if (operation.kind === 'renameTable' && this.state.freshTables.has(operation.table.name)) this.state.freshTables.add(operation.newName);
    }
  }

  lowerAll(items: readonly PyValue[]): void {
    for (const item of items) {
      if (item.kind !== 'call') {
        this.unanalyzed(item, `This operation (${describe(item)}) is not a call static analysis can follow; it was not checked.`);
        continue;
      }
      this.statements++;
      const name = lastName(item.callee);
      const handler = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
      const place = this.placeOf(item);
      const origin = this.originOf(name, item);
      const emitted = this.operations.length;
      const deferred = this.deferred.length;
      if (handler) handler(this, item, place);
      else this.unanalyzed(item, `${name} is not a migration operation migralint knows; what it does to the database was not checked.`);
      // Operations of a nested operation (SeparateDatabaseAndState) keep their own origin.
      for (const operation of this.operations.slice(emitted)) operation.django ??= origin;
      for (const entry of this.deferred.slice(deferred)) entry.operation.django ??= origin;
    }
  }

  /** The Django operation, the model and the field it names (with the field as written, before the operation changes it). */
  private originOf(name: string, call: Call): DjangoOrigin {
    const model = stringAt(call, 'model_name', 0) ?? stringAt(call, name === 'RenameModel' ? 'old_name' : 'name', 0);
    const origin: DjangoOrigin = { operation: name, ...(model ? { model } : {}) };
    if (!model || !name.endsWith('Field')) return origin;
    const fieldName = stringAt(call, name === 'RenameField' ? 'old_name' : 'name', 1);
    if (!fieldName) return origin;
    const written = argument(call, 'field', 2);
    const known = this.state.get(modelKey(this.file.app, model));
    const definition = written?.kind === 'call' ? this.file.source.slice(written.from, written.to) : known && fieldOf(known, fieldName)?.definition;
    origin.field = { name: fieldName, ...(definition ? { definition } : {}) };
    return origin;
  }

  placeOf(value: { from: number; to: number }): Place {
    const location = this.span(value.from, value.to);
    return { location, anchorLine: location.line };
  }

  span(from: number, to: number): SourceSpan {
    const start = this.file.lines.position(from);
    const end = this.file.lines.position(Math.max(from, to));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  unanalyzed(at: { from: number; to: number }, message: string, keepsSchema = false): void {
    this.problems.push({ rule: 'unanalyzed-code', message, location: this.span(at.from, at.to), ...(keepsSchema ? { keepsSchema } : {}) });
  }

  emit(operation: Operation): void {
    this.operations.push(operation);
  }

  defer(operation: Operation, table: string, column?: string): void {
    this.deferred.push({ operation, table, column });
  }

  /** Deferred statements of a dropped table or column are not run (Django removes them). */
  /** A foreign key on the column that Django has deferred to the end of the migration (CreateModel's), not yet in the database. */
  defersForeignKey(table: string, column: string): boolean {
    return this.deferred.some(({ operation }) => operation.kind === 'addConstraint' && operation.table.name === table && operation.constraint.kind === 'foreignKey' && operation.constraint.columns.includes(column));
  }

  dropDeferred(table: string, column?: string): void {
    this.deferred = this.deferred.filter((entry) => entry.table !== table || (column !== undefined && entry.column !== column));
  }

  /** Django renames the table in the statements it deferred, also where a foreign key references it. */
  renameDeferredTable(oldTable: string, newTable: string): void {
    for (const entry of this.deferred) {
      const { operation } = entry;
      if (operation.kind === 'addConstraint' && operation.constraint.references?.table.name === oldTable) {
        operation.constraint = { ...operation.constraint, references: { ...operation.constraint.references, table: { name: newTable } } };
      }
      if (entry.table !== oldTable) continue;
      entry.table = newTable;
      if ('table' in operation) (operation as { table: TableName }).table = { name: newTable };
    }
  }

  /** Django renames the column in the statements it deferred, and names their indexes and constraints from the columns they then have. */
  renameDeferredColumn(tableName: string, oldColumn: string, newColumn: string): void {
    const renamed = (columns: readonly string[]) => columns.map((column) => (column === oldColumn ? newColumn : column));
    const renamedIndex = (name: string, columns: readonly string[]) => {
      const suffix = ['', '_like', '_uniq'].find((candidate) => name === indexName(tableName, [...columns], candidate));
      return suffix === undefined ? name : indexName(tableName, renamed(columns), suffix);
    };
    for (const entry of this.deferred) {
      const { operation } = entry;
      if (entry.table !== tableName) continue;
      if (entry.column === oldColumn) entry.column = newColumn;
      if (operation.kind === 'createIndex' && operation.columns.includes(oldColumn)) {
        if (operation.name !== undefined) operation.name = renamedIndex(operation.name, operation.columns);
        operation.columns = renamed(operation.columns);
      }
      if (operation.kind === 'addConstraint' && operation.constraint.columns.includes(oldColumn)) {
        const { constraint } = operation;
        const references = constraint.references;
        const name =
          constraint.kind === 'foreignKey' && references && constraint.name === foreignKeyName(tableName, oldColumn, references.table.name, references.columns[0])
            ? foreignKeyName(tableName, newColumn, references.table.name, references.columns[0])
            : constraint.name !== undefined
              ? renamedIndex(constraint.name, constraint.columns)
              : undefined;
        operation.constraint = { ...constraint, ...(name !== undefined ? { name } : {}), columns: renamed(constraint.columns) };
      }
    }
  }

  /** The model an operation names (`model_name="order"`), or undefined with a note when earlier migrations did not define it. */
  model(call: Call, keyword: string, position: number): DjangoModel | undefined {
    const name = stringAt(call, keyword, position);
    if (!name) {
      this.unanalyzed(call, `The model of this ${lastName(call.callee)} is not a literal string; it was not checked.`);
      return undefined;
    }
    const key = modelKey(this.file.app, name);
    const known = this.state.get(key);
    if (known) return known;
    // A model of migrations that were not read: assumed from its name, and kept for the operations after.
    const assumed = this.state.modelOrAssumed(key);
    this.state.models.set(key, assumed);
    return assumed;
  }

  /** A column definition for a field, as Django writes it in CREATE TABLE or ADD COLUMN. */
  column(model: DjangoModel, field: DjangoField, at?: { from: number; to: number }): ColumnDefinition {
    const definition: ColumnDefinition = {
      name: field.column,
      location: at ? this.span(at.from, at.to) : undefined,
      type: this.columnType(model, field),
      notNull: !field.null,
      primaryKey: field.primaryKey,
      unique: field.unique,
      hasCheck: field.check,
    };
    if (field.dbDefault) definition.default = field.dbDefault;
    if (field.identity) definition.generated = 'identity';
    if (field.generated) definition.generated = 'stored';
    return definition;
  }

  /** A field's column type; a foreign key takes its target's. */
  columnType(model: DjangoModel, field: DjangoField): ColumnType | undefined {
    if (field.relation?.kind !== 'foreignKey') return field.type;
    return this.relationTarget(model, field)?.field?.type;
  }

  typeKey(model: DjangoModel, field: DjangoField): string {
    if (field.relation?.kind !== 'foreignKey') return field.typeKey;
    return this.relationTarget(model, field)?.field?.typeKey ?? '?fk';
  }

  relationTarget(model: DjangoModel, field: DjangoField): { model: DjangoModel; field?: DjangoField } | undefined {
    if (!field.relation) return undefined;
    const key = this.state.resolve(field.relation.to, model.app, modelKey(model.app, model.name));
    const target = key === modelKey(model.app, model.name) ? model : this.state.modelOrAssumed(key);
    const targetField = field.relation.toField ? fieldOf(target, field.relation.toField) : primaryKeyOf(target);
    return { model: target, field: targetField };
  }

  foreignKey(model: DjangoModel, field: DjangoField, place: Place, notValid = false): Operation {
    const target = this.relationTarget(model, field);
    const targetTable = target?.model.table ?? '';
    const targetColumn = target?.field?.column ?? 'id';
    const constraint: ConstraintDefinition = {
      kind: 'foreignKey',
      name: foreignKeyName(model.table, field.column, targetTable, targetColumn),
      columns: [field.column],
      notValid,
      references: { table: { name: targetTable }, columns: [targetColumn] },
    };
    return { kind: 'addConstraint', ...place, table: { name: model.table }, constraint };
  }

  /** The indexes Django makes for a field: `db_index`, and the `_like` index of an indexed varchar/text column. */
  fieldIndexes(model: DjangoModel, field: DjangoField, place: Place): Operation[] {
    const indexes: Operation[] = [];
    const create = (name: string): Operation => ({
      kind: 'createIndex',
      ...place,
      table: { name: model.table },
      name,
      columns: [field.column],
      unique: false,
      concurrently: false,
      ifNotExists: false,
    });
    if (field.dbIndex && !field.unique && !field.primaryKey) indexes.push(create(indexName(model.table, [field.column])));
    const patternOps = field.relation ? this.relationTarget(model, field)?.field?.patternOps : field.patternOps;
    if (patternOps && (field.dbIndex || field.unique) && !field.primaryKey) indexes.push(create(indexName(model.table, [field.column], '_like')));
    return indexes;
  }

  columnsOf(model: DjangoModel, names: string[]): string[] {
    return names.map((name) => fieldOf(model, name)?.column ?? name);
  }

  /** The join table of a many-to-many field without a `through` model. */
  joinTable(model: DjangoModel, field: DjangoField): { table: string; from: string; to: string; targetModel: DjangoModel } | undefined {
    const relation = field.relation;
    if (relation?.kind !== 'manyToMany' || relation.through) return undefined;
    const targetKey = this.state.resolve(relation.to, model.app, modelKey(model.app, model.name));
    const targetModel = targetKey === modelKey(model.app, model.name) ? model : this.state.modelOrAssumed(targetKey);
    const self = targetModel === model;
    const fromName = model.name.toLowerCase();
    const toName = targetModel.name.toLowerCase();
    return {
      table: relation.joinTable ?? truncateName(`${model.table}_${field.name}`),
      from: self ? `from_${fromName}_id` : `${fromName}_id`,
      to: self ? `to_${toName}_id` : `${toName}_id`,
      targetModel,
    };
  }

  /** CREATE TABLE for a join table, with its deferred unique constraint, foreign keys and indexes. */
  createJoinTable(model: DjangoModel, field: DjangoField, place: Place): void {
    const join = this.joinTable(model, field);
    if (!join) return;
    const idType: ColumnType = { name: 'int8', modifiers: [], isArray: false };
    const fromType = primaryKeyOf(model)?.type;
    const toType = primaryKeyOf(join.targetModel)?.type;
    const column = (name: string, type: ColumnType | undefined): ColumnDefinition => ({ name, type, notNull: true, primaryKey: false, unique: false, hasCheck: false });
    this.emit({
      kind: 'createTable',
      ...place,
      table: { name: join.table },
      columns: [{ ...column('id', idType), primaryKey: true, generated: 'identity' }, column(join.from, fromType), column(join.to, toType)],
      constraints: [],
      ifNotExists: false,
    });
    const table = { name: join.table };
    this.defer({ kind: 'addConstraint', ...place, table, constraint: { kind: 'unique', name: indexName(join.table, [join.from, join.to], '_uniq'), columns: [join.from, join.to], notValid: false } }, join.table);
    for (const [columnName, target] of [[join.from, model], [join.to, join.targetModel]] as const) {
      const targetColumn = primaryKeyOf(target)?.column ?? 'id';
      this.defer(
        {
          kind: 'addConstraint',
          ...place,
          table,
          constraint: { kind: 'foreignKey', name: foreignKeyName(join.table, columnName, target.table, targetColumn), columns: [columnName], notValid: false, references: { table: { name: target.table }, columns: [targetColumn] } },
        },
        join.table,
      );
    }
    for (const columnName of [join.from, join.to]) {
      this.defer({ kind: 'createIndex', ...place, table, name: indexName(join.table, [columnName]), columns: [columnName], unique: false, concurrently: false, ifNotExists: false }, join.table);
    }
  }

  /** A constraint of `Meta.constraints` or `AddConstraint`, as ALTER TABLE or (unique with a condition) CREATE UNIQUE INDEX. */
  constraintOperation(model: DjangoModel, value: PyValue | undefined, place: Place, notValid = false): Operation | undefined {
    const spec = readConstraint(value);
    if (!spec) return undefined;
    const table = { name: model.table };
    const columns = this.columnsOf(model, spec.fields);
    if (spec.kind === 'unique' && spec.asIndex) {
      return { kind: 'createIndex', ...place, table, name: spec.name, columns, unique: true, concurrently: false, ifNotExists: false };
    }
    if (spec.kind === 'unknown') return { kind: 'other', ...place, statement: 'AddConstraint', locksTables: [table] };
    const checksNotNullOf = spec.checksNotNullOf ? (fieldOf(model, spec.checksNotNullOf)?.column ?? spec.checksNotNullOf) : undefined;
    const constraint: ConstraintDefinition = { kind: spec.kind, name: spec.name, columns, notValid, checksNotNullOf };
    return { kind: 'addConstraint', ...place, table, constraint };
  }

  /** Embedded SQL of RunSQL: PostgreSQL's parser, findings at their place in the string. */
  runSql(value: PyValue, place: Place): void {
    if (value.kind === 'name' && value.path.endsWith('.noop')) return;
    if (value.kind === 'list') {
      for (const item of value.items) {
        if (item.kind === 'list' && item.items.length >= 1) this.runSqlText(item.items[0], place, item.items.length > 1);
        else this.runSql(item, place);
      }
      return;
    }
    this.runSqlText(value, place, false);
  }

  private runSqlText(value: PyValue, place: Place, withParams: boolean): void {
    if (value.kind !== 'string') {
      this.unanalyzed(value, `This SQL (${describe(value)}) is not known statically; it was not checked.`);
      return;
    }
    let { text, offsets } = value.text;
    if (withParams) {
      // With parameters, psycopg turns %s into values and %% into %.
      let mapped = '';
      const mappedOffsets: number[] = [];
      let counter = 0;
      for (let index = 0; index < text.length; index++) {
        if (text[index] === '%' && (text[index + 1] === 's' || text[index + 1] === '%')) {
          const replacement = text[index + 1] === 's' ? `$${++counter}` : '%';
          mapped += replacement;
          for (let unit = 0; unit < replacement.length; unit++) mappedOffsets.push(offsets[index]);
          index++;
          continue;
        }
        mapped += text[index];
        mappedOffsets.push(offsets[index]);
      }
      mappedOffsets.push(offsets[text.length]);
      text = mapped;
      offsets = mappedOffsets;
    }
    const lines = this.file.lines;
    const analysis = analyzeSql({ text, locate: (charIndex) => lines.position(offsets[Math.min(charIndex, offsets.length - 1)]), anchorLine: place.anchorLine });
    this.operations.push(...analysis.operations);
    this.problems.push(...analysis.problems);
    this.directives.push(...analysis.directives);
    this.statements += analysis.statements;
  }
}

function describe(value: PyValue): string {
  switch (value.kind) {
    case 'name':
      return value.path;
    case 'unknown':
      return value.reason;
    case 'call':
      return `${value.callee}(…)`;
    default:
      return `a ${value.kind}`;
  }
}

function table(model: DjangoModel): TableName {
  return { name: model.table };
}

// ---- the operations -------------------------------------------------------------------------

function createModel(lowering: MigrationLowering, call: Call, place: Place): void {
  const { file, state } = lowering;
  const name = stringAt(call, 'name', 0);
  if (!name) return lowering.unanalyzed(call, 'The name of this CreateModel is not a literal string; it was not checked.');
  const { fields, unreadable } = fieldList(argument(call, 'fields', 1), file.source);
  for (const item of unreadable) lowering.unanalyzed(item, 'This field is not a literal ("name", Field(...)) pair; it was not checked.');
  const options = argument(call, 'options', 2);
  const dbTable = dictEntry(options, 'db_table');
  const managed = dictEntry(options, 'managed');
  const proxy = dictEntry(options, 'proxy');
  const model: DjangoModel = {
    app: file.app,
    name,
    table: dbTable?.kind === 'string' ? dbTable.text.text : defaultTableName(file.app, name),
    explicitTable: dbTable?.kind === 'string',
    fields: fields.map((entry) => entry.field),
    uniqueTogether: fieldSets(dictEntry(options, 'unique_together')),
    indexTogether: fieldSets(dictEntry(options, 'index_together')),
    indexes: [],
    constraints: [],
    hasTable: !(managed?.kind === 'bool' && !managed.value) && !(proxy?.kind === 'bool' && proxy.value),
  };
  if (!model.fields.some((field) => field.primaryKey) && model.hasTable && fields.length > 0 && !call.kwargs.has('bases')) {
    // makemigrations always writes the primary key; a hand-written model without one gets Django's automatic id.
  }
  const indexes = dictEntry(options, 'indexes');
  const constraints = dictEntry(options, 'constraints');
  for (const key of ['unique_together', 'index_together']) {
    const value = dictEntry(options, key);
    if (value && !readsAsFieldSets(value)) lowering.unanalyzed(value, `This ${key} is not a literal set of field names; it was not checked.`);
  }
  state.models.set(modelKey(file.app, name), model);
  if (!model.hasTable) return;

  const inline: ConstraintDefinition[] = [];
  const afterTable: Operation[] = [];
  for (const value of constraints?.kind === 'list' ? constraints.items : []) {
    const operation = lowering.constraintOperation(model, value, place);
    const spec = readConstraint(value);
    if (spec?.name) model.constraints.push({ name: spec.name, asIndex: spec.asIndex });
    if (operation?.kind === 'addConstraint') inline.push(operation.constraint);
    else if (operation) afterTable.push(operation);
  }
  const columns = fields.filter((entry) => entry.field.relation?.kind !== 'manyToMany').map((entry) => lowering.column(model, entry.field, entry.at));
  lowering.emit({ kind: 'createTable', ...place, table: table(model), columns, constraints: inline, ifNotExists: false });
  for (const fieldSet of model.uniqueTogether) {
    const columnNames = lowering.columnsOf(model, fieldSet);
    lowering.defer({ kind: 'addConstraint', ...place, table: table(model), constraint: { kind: 'unique', name: indexName(model.table, columnNames, '_uniq'), columns: columnNames, notValid: false } }, model.table);
  }
  for (const { field } of fields) {
    if (field.relation?.kind === 'foreignKey' && field.relation.dbConstraint) lowering.defer(lowering.foreignKey(model, field, place), model.table, field.column);
  }
  for (const { field } of fields) for (const index of lowering.fieldIndexes(model, field, place)) lowering.defer(index, model.table, field.column);
  for (const value of indexes?.kind === 'list' ? indexes.items : []) {
    const index = readIndex(value);
    if (!index) continue;
    if (index.name) model.indexes.push(index.name);
    lowering.defer({ kind: 'createIndex', ...place, table: table(model), name: index.name, columns: lowering.columnsOf(model, index.fields), unique: false, concurrently: false, ifNotExists: false }, model.table);
  }
  for (const operation of afterTable) lowering.defer(operation, model.table);
  for (const fieldSet of model.indexTogether) {
    const columnNames = lowering.columnsOf(model, fieldSet);
    lowering.defer({ kind: 'createIndex', ...place, table: table(model), name: indexName(model.table, columnNames, '_idx'), columns: columnNames, unique: false, concurrently: false, ifNotExists: false }, model.table);
  }
  for (const { field } of fields) lowering.createJoinTable(model, field, place);
}

function deleteModel(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'name', 0);
  if (!model) return;
  lowering.state.models.delete(modelKey(model.app, model.name));
  if (!model.hasTable) return;
  for (const field of model.fields) {
    const join = lowering.joinTable(model, field);
    if (join) {
      lowering.emit({ kind: 'dropTable', ...place, tables: [{ name: join.table }], ifExists: false, cascade: true });
      lowering.dropDeferred(join.table);
    }
  }
  lowering.emit({ kind: 'dropTable', ...place, tables: [table(model)], ifExists: false, cascade: true });
  lowering.dropDeferred(model.table);
}

function renameModel(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'old_name', 0);
  const newName = stringAt(call, 'new_name', 1);
  if (!model || !newName) return;
  const { state, file } = lowering;
  const oldKey = modelKey(model.app, model.name);
  const newKey = modelKey(model.app, newName);
  const oldTable = model.table;
  const renamed: DjangoModel = { ...model, name: newName, table: model.explicitTable ? model.table : defaultTableName(model.app, newName) };
  // Join tables of other models' many-to-many fields to this one: their column is named after it.
  const joinsBefore = [...state.models.values()].flatMap((other) =>
    other === model ? [] : other.fields.flatMap((field) => (field.relation?.kind === 'manyToMany' && state.resolve(field.relation.to, other.app, modelKey(other.app, other.name)) === oldKey ? [{ other, field: field.name, join: lowering.joinTable(other, field) }] : [])),
  );
  state.models.delete(oldKey);
  state.models.set(newKey, renamed);
  // Fields elsewhere that point at the model now name it by its new name.
  for (const other of state.models.values()) {
    other.fields = other.fields.map((field) =>
      field.relation && state.resolve(field.relation.to, other.app, modelKey(other.app, other.name)) === oldKey ? { ...field, relation: { ...field.relation, to: `${file.app}.${newName}` } } : field,
    );
  }
  if (!model.hasTable) return;
  if (renamed.table !== oldTable) moveTable(lowering, model, renamed, place);
  // Django alters the join table's field that points here: the foreign key is dropped, its column renamed, and the key added again.
  for (const { other, field: fieldName, join: oldJoin } of joinsBefore) {
    const field = fieldOf(other, fieldName);
    const newJoin = field && lowering.joinTable(other, field);
    if (!oldJoin || !newJoin || !other.hasTable || (oldJoin.to === newJoin.to && renamed.table === oldTable)) continue;
    const on = { name: newJoin.table };
    // A join table CreateModel made in this migration has its foreign key deferred: renamed with its column, not dropped.
    if (lowering.defersForeignKey(newJoin.table, oldJoin.to)) {
      if (oldJoin.to !== newJoin.to) lowering.emit({ kind: 'renameColumn', ...place, table: on, column: oldJoin.to, newName: newJoin.to });
      lowering.renameDeferredColumn(newJoin.table, oldJoin.to, newJoin.to);
      continue;
    }
    lowering.emit({ kind: 'dropConstraint', ...place, table: on, name: foreignKeyName(oldJoin.table, oldJoin.to, oldTable, 'id'), ifExists: false, byLookup: true });
    if (oldJoin.to !== newJoin.to) lowering.emit({ kind: 'renameColumn', ...place, table: on, column: oldJoin.to, newName: newJoin.to });
    const targetColumn = primaryKeyOf(renamed)?.column ?? 'id';
    lowering.emit({
      kind: 'addConstraint',
      ...place,
      table: on,
      constraint: { kind: 'foreignKey', name: foreignKeyName(newJoin.table, newJoin.to, renamed.table, targetColumn), columns: [newJoin.to], notValid: false, references: { table: { name: renamed.table }, columns: [targetColumn] } },
    });
  }
}

/** RenameModel's new table: the table, the foreign keys that point at it, and its own join tables. */
function moveTable(lowering: MigrationLowering, model: DjangoModel, renamed: DjangoModel, place: Place): void {
  const { state } = lowering;
  const oldTable = model.table;
  const newKey = modelKey(renamed.app, renamed.name);
  lowering.emit({ kind: 'renameTable', ...place, table: { name: oldTable }, newName: renamed.table });
  lowering.renameDeferredTable(oldTable, renamed.table);
  // Foreign keys that point at the table are dropped and added again (the constraint names the table).
  for (const { model: referencing, field } of state.referencing(newKey)) {
    if (!field.relation?.dbConstraint || referencing === renamed) continue;
    lowering.emit({ kind: 'dropConstraint', ...place, table: table(referencing), name: foreignKeyName(referencing.table, field.column, oldTable, 'id'), ifExists: false, byLookup: true });
    lowering.emit(lowering.foreignKey(referencing, field, place));
  }
  for (const field of model.fields) {
    const oldJoin = lowering.joinTable(model, field);
    const newJoin = lowering.joinTable(renamed, field);
    if (!oldJoin || !newJoin || oldJoin.table === newJoin.table) continue;
    lowering.emit({ kind: 'renameTable', ...place, table: { name: oldJoin.table }, newName: newJoin.table });
    lowering.renameDeferredTable(oldJoin.table, newJoin.table);
  }
}

function alterModelTable(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'name', 0);
  if (!model) return;
  const tableValue = argument(call, 'table', 1);
  const newTable = tableValue?.kind === 'string' ? tableValue.text.text : defaultTableName(model.app, model.name);
  const oldTable = model.table;
  const updated: DjangoModel = { ...model, table: newTable, explicitTable: tableValue?.kind === 'string' };
  lowering.state.models.set(modelKey(model.app, model.name), updated);
  if (!model.hasTable || oldTable === newTable) return;
  lowering.emit({ kind: 'renameTable', ...place, table: { name: oldTable }, newName: newTable });
  lowering.renameDeferredTable(oldTable, newTable);
  for (const field of model.fields) {
    const oldJoin = lowering.joinTable(model, field);
    const newJoin = lowering.joinTable(updated, field);
    if (!oldJoin || !newJoin || oldJoin.table === newJoin.table) continue;
    lowering.emit({ kind: 'renameTable', ...place, table: { name: oldJoin.table }, newName: newJoin.table });
    lowering.renameDeferredTable(oldJoin.table, newJoin.table);
  }
}

function addField(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'model_name', 0);
  const name = stringAt(call, 'name', 1);
  const fieldValue = argument(call, 'field', 2);
  if (!model || !name) return;
  if (fieldValue?.kind !== 'call') return lowering.unanalyzed(fieldValue ?? call, 'This field is not a literal Field(...) call; it was not checked.');
  const field = readField(name, fieldValue, lowering.file.source);
  addFieldTo(lowering, model, field, place, fieldValue);
}

function addFieldTo(lowering: MigrationLowering, model: DjangoModel, field: DjangoField, place: Place, at?: { from: number; to: number }): void {
  model.fields = [...model.fields.filter((existing) => existing.name !== field.name), field];
  if (!model.hasTable) return;
  if (field.relation?.kind === 'manyToMany') return lowering.createJoinTable(model, field, place);
  const column = lowering.column(model, field, at);
  let checkedForeignKey: ConstraintDefinition | undefined;
  if (field.relation?.kind === 'foreignKey' && field.relation.dbConstraint) {
    const target = lowering.relationTarget(model, field);
    const references = { table: { name: target?.model.table ?? '' }, columns: [target?.field?.column ?? 'id'] };
    // Django gives the inline constraint its digest name, as it does the one CreateModel adds: AlterField's drop finds it.
    const name = foreignKeyName(model.table, field.column, references.table.name, references.columns[0]);
    // The constraint is inline; PostgreSQL checks it only when the added column has values (a default fills the rows).
    if (field.hasEffectiveDefault && !field.dbDefault) checkedForeignKey = { kind: 'foreignKey', name, columns: [field.column], notValid: false, references };
    else {
      column.references = references;
      column.constraintNames = { ...column.constraintNames, foreignKey: name };
    }
  }
  // Django fills existing rows with a value computed in Python and drops the default straight after: on a
  // NOT NULL column the database then has no default, and inserts from the code still running fail.
  if (field.hasEffectiveDefault && !field.dbDefault) column.defaultDroppedAfterFill = true;
  lowering.emit({ kind: 'addColumn', ...place, table: table(model), column, ifNotExists: false });
  if (checkedForeignKey) lowering.emit({ kind: 'addConstraint', ...place, table: table(model), constraint: checkedForeignKey });
  if (field.hasEffectiveDefault && !field.dbDefault && field.null) {
    lowering.emit({ kind: 'setDefault', ...place, table: table(model), column: field.column });
  }
  for (const index of lowering.fieldIndexes(model, field, place)) lowering.defer(index, model.table, field.column);
}

function removeField(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'model_name', 0);
  const name = stringAt(call, 'name', 1);
  if (!model || !name) return;
  const field = fieldOf(model, name);
  model.fields = model.fields.filter((existing) => existing !== field);
  if (!model.hasTable) return;
  if (field?.relation?.kind === 'manyToMany') {
    const join = lowering.joinTable(model, field);
    if (join) lowering.emit({ kind: 'dropTable', ...place, tables: [{ name: join.table }], ifExists: false, cascade: true });
    return;
  }
  const column = field?.column ?? name;
  if (field?.relation?.kind === 'foreignKey' && field.relation.dbConstraint) {
    const target = lowering.relationTarget(model, field);
    lowering.emit({ kind: 'dropConstraint', ...place, table: table(model), name: foreignKeyName(model.table, column, target?.model.table ?? '', target?.field?.column ?? 'id'), ifExists: false, byLookup: true });
  }
  lowering.emit({ kind: 'dropColumn', ...place, table: table(model), column, ifExists: false });
  lowering.dropDeferred(model.table, column);
}

function renameField(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'model_name', 0);
  const oldName = stringAt(call, 'old_name', 1);
  const newName = stringAt(call, 'new_name', 2);
  if (!model || !oldName || !newName) return;
  const field = fieldOf(model, oldName);
  const oldColumn = field?.column ?? oldName;
  const newColumn = field?.explicitColumn ? oldColumn : field?.relation?.kind === 'foreignKey' ? `${newName}_id` : newName;
  if (field) model.fields = model.fields.map((existing) => (existing === field ? { ...field, name: newName, column: newColumn } : existing));
  const rename = (sets: string[][]) => sets.map((set) => set.map((name) => (name === oldName ? newName : name)));
  model.uniqueTogether = rename(model.uniqueTogether);
  model.indexTogether = rename(model.indexTogether);
  if (!model.hasTable || field?.relation?.kind === 'manyToMany' || oldColumn === newColumn) return;
  // Django's schema editor drops the foreign key it finds on the column, and adds it again (checking every row) after the rename;
  // one CreateModel deferred to the end of the migration is not there yet, and is renamed with the column instead.
  const constrained = field?.relation?.kind === 'foreignKey' && field.relation.dbConstraint && !lowering.defersForeignKey(model.table, oldColumn);
  const target = constrained ? lowering.relationTarget(model, field) : undefined;
  if (constrained) {
    lowering.emit({ kind: 'dropConstraint', ...place, table: table(model), name: foreignKeyName(model.table, oldColumn, target?.model.table ?? '', target?.field?.column ?? 'id'), ifExists: false, byLookup: true });
  }
  lowering.emit({ kind: 'renameColumn', ...place, table: table(model), column: oldColumn, newName: newColumn });
  lowering.renameDeferredColumn(model.table, oldColumn, newColumn);
  if (constrained) lowering.emit(lowering.foreignKey(model, { ...field, name: newName, column: newColumn }, place));
}

function alterField(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'model_name', 0);
  const name = stringAt(call, 'name', 1);
  const fieldValue = argument(call, 'field', 2);
  if (!model || !name) return;
  if (fieldValue?.kind !== 'call') return lowering.unanalyzed(fieldValue ?? call, 'This field is not a literal Field(...) call; it was not checked.');
  const newField = readField(name, fieldValue, lowering.file.source);
  const oldField = fieldOf(model, name);
  model.fields = oldField ? model.fields.map((existing) => (existing === oldField ? newField : existing)) : [...model.fields, newField];
  if (!model.hasTable) return;
  if (!oldField) {
    return lowering.unanalyzed(call, `AlterField of "${model.app}.${model.name}.${name}": the field's earlier definition is not in the migrations read, so what changes in the database was not checked.`);
  }
  alterColumn(lowering, model, oldField, newField, place);
}

/** What Django's schema editor runs to turn `oldField` into `newField` (BaseDatabaseSchemaEditor._alter_field, PostgreSQL). */
function alterColumn(lowering: MigrationLowering, model: DjangoModel, oldField: DjangoField, newField: DjangoField, place: Place): void {
  const { state } = lowering;
  const oldTarget = lowering.relationTarget(model, oldField)?.model.table;
  const newTarget = lowering.relationTarget(model, newField)?.model.table;
  const sameTarget = oldField.relation?.kind === 'foreignKey' && newField.relation?.kind === 'foreignKey' && oldTarget === newTarget;
  const changed = oldField.column !== newField.column || oldField.signature !== newField.signature || (!sameTarget && (oldField.relation !== undefined || newField.relation !== undefined));
  if (!changed) return;
  if (oldField.relation?.kind === 'manyToMany' || newField.relation?.kind === 'manyToMany') return;
  const on = table(model);
  const oldType = lowering.typeKey(model, oldField);
  const newType = lowering.typeKey(model, newField);
  const emit = (operation: Operation) => lowering.emit(operation);
  let foreignKeyDropped = false;
  if (oldField.relation?.kind === 'foreignKey' && oldField.relation.dbConstraint) {
    foreignKeyDropped = true;
    emit({ kind: 'dropConstraint', ...place, table: on, name: foreignKeyName(model.table, oldField.column, oldTarget ?? '', 'id'), ifExists: false, byLookup: true });
  }
  if (oldField.unique && (!newField.unique || (!oldField.primaryKey && newField.primaryKey))) {
    // Found by its column: PostgreSQL named it (`_key`) where the field was made unique with its column.
    emit({ kind: 'dropConstraint', ...place, table: on, name: indexName(model.table, [oldField.column], '_uniq'), ifExists: false, byLookup: true });
  }
  // Foreign keys that point at this very field (the primary key, or a to_field) change type with it.
  const incoming =
    ((oldField.primaryKey && newField.primaryKey) || (oldField.unique && newField.unique)) && oldType !== newType
      ? state.referencing(modelKey(model.app, model.name)).filter(({ field }) => (field.relation?.toField ?? primaryKeyOf(model)?.name) === oldField.name)
      : [];
  for (const { model: referencing, field } of incoming) {
    if (field.relation?.dbConstraint) emit({ kind: 'dropConstraint', ...place, table: table(referencing), name: foreignKeyName(referencing.table, field.column, model.table, oldField.column), ifExists: false, byLookup: true });
  }
  if (oldField.dbIndex && !oldField.unique && (!newField.dbIndex || newField.unique)) {
    emit({ kind: 'dropIndex', ...place, names: [{ name: indexName(model.table, [oldField.column]) }], concurrently: false, ifExists: true });
  }
  if (oldField.check && !newField.check) emit({ kind: 'dropConstraint', ...place, table: on, name: indexName(model.table, [oldField.column], '_check'), ifExists: false, byLookup: true });
  if (oldField.column !== newField.column) emit({ kind: 'renameColumn', ...place, table: on, column: oldField.column, newName: newField.column });
  const column = newField.column;
  // An indexed varchar column that becomes text (or the reverse) gets its LIKE index again, for the new type; a new length keeps it.
  const patternIndexRebuilt = (oldField.dbIndex || oldField.unique) && oldField.patternOps !== undefined && oldField.patternOps !== lowering.columnType(model, newField)?.name;
  if (oldType !== newType) {
    if (patternIndexRebuilt) {
      emit({ kind: 'dropIndex', ...place, names: [{ name: indexName(model.table, [oldField.column], '_like') }], concurrently: false, ifExists: true });
    }
    emit({ kind: 'alterColumnType', ...place, table: on, column, newType: lowering.columnType(model, newField) });
  }
  if (newField.dbDefault && JSON.stringify(newField.dbDefault) !== JSON.stringify(oldField.dbDefault)) emit({ kind: 'setDefault', ...place, table: on, column, default: newField.dbDefault });
  else if (!newField.dbDefault && oldField.dbDefault) emit({ kind: 'setDefault', ...place, table: on, column });
  const becomesNotNull = oldField.null && !newField.null;
  const fillsNulls = becomesNotNull && !newField.dbDefault && newField.hasEffectiveDefault;
  if (fillsNulls) {
    emit({ kind: 'setDefault', ...place, table: on, column, default: { kind: 'constant' } });
    emit({ kind: 'other', ...place, statement: 'UpdateStmt' });
  }
  if (becomesNotNull) emit({ kind: 'setNotNull', ...place, table: on, column });
  else if (!oldField.null && newField.null) emit({ kind: 'dropNotNull', ...place, table: on, column });
  if (oldField.primaryKey && !newField.primaryKey) emit({ kind: 'dropConstraint', ...place, table: on, name: `${model.table}_pkey`, ifExists: false, byLookup: true });
  if (!newField.primaryKey && newField.unique && (!oldField.unique || oldField.primaryKey)) {
    emit({ kind: 'addConstraint', ...place, table: on, constraint: { kind: 'unique', name: indexName(model.table, [column], '_uniq'), columns: [column], notValid: false } });
  }
  if ((!oldField.dbIndex || oldField.unique) && newField.dbIndex && !newField.unique) {
    emit({ kind: 'createIndex', ...place, table: on, name: indexName(model.table, [column]), columns: [column], unique: false, concurrently: false, ifNotExists: false });
  }
  if (!oldField.primaryKey && newField.primaryKey) {
    emit({ kind: 'addConstraint', ...place, table: on, constraint: { kind: 'primaryKey', name: indexName(model.table, [column], '_pk'), columns: [column], notValid: false } });
  }
  for (const { model: referencing, field } of incoming) {
    emit({ kind: 'alterColumnType', ...place, table: table(referencing), column: field.column, newType: lowering.columnType(model, newField) });
  }
  if (newField.relation?.kind === 'foreignKey' && newField.relation.dbConstraint && (foreignKeyDropped || oldField.relation?.kind !== 'foreignKey' || !oldField.relation.dbConstraint)) {
    emit(lowering.foreignKey(model, newField, place));
  }
  for (const { model: referencing, field } of incoming) if (field.relation?.dbConstraint) emit(lowering.foreignKey(referencing, field, place));
  if (newField.check && !oldField.check) {
    emit({ kind: 'addConstraint', ...place, table: on, constraint: { kind: 'check', name: indexName(model.table, [column], '_check'), columns: [column], notValid: false } });
  }
  if (fillsNulls) emit({ kind: 'setDefault', ...place, table: on, column });
  // PostgreSQL's second index for LIKE queries on varchar/text columns.
  const newPatternOps = newField.patternOps;
  const addsIndex = (!(oldField.dbIndex || oldField.unique) && newField.dbIndex) || (!oldField.unique && newField.unique) || patternIndexRebuilt;
  if (addsIndex && newPatternOps && !newField.primaryKey) {
    emit({ kind: 'createIndex', ...place, table: on, name: indexName(model.table, [column], '_like'), columns: [column], unique: false, concurrently: false, ifNotExists: false });
  }
  if (oldField.unique && !(newField.dbIndex || newField.unique) && oldField.patternOps) {
    emit({ kind: 'dropIndex', ...place, names: [{ name: indexName(model.table, [oldField.column], '_like') }], concurrently: false, ifExists: true });
  }
}

function addIndex(concurrently: boolean): Handler {
  return (lowering, call, place) => {
    const model = lowering.model(call, 'model_name', 0);
    const index = readIndex(argument(call, 'index', 1));
    if (!model) return;
    if (!index) return lowering.unanalyzed(argument(call, 'index', 1) ?? call, 'This index is not a literal Index(...) call; it was not checked.');
    if (index.name) model.indexes.push(index.name);
    if (!model.hasTable) return;
    lowering.emit({ kind: 'createIndex', ...place, table: table(model), name: index.name, columns: lowering.columnsOf(model, index.fields), unique: false, concurrently, ifNotExists: false });
  };
}

function removeIndex(concurrently: boolean): Handler {
  return (lowering, call, place) => {
    const model = lowering.model(call, 'model_name', 0);
    const name = stringAt(call, 'name', 1);
    if (!model || !name) return;
    model.indexes = model.indexes.filter((existing) => existing !== name);
    if (!model.hasTable) return;
    lowering.emit({ kind: 'dropIndex', ...place, names: [{ name }], concurrently, ifExists: true });
  };
}

/** RenameIndex: a named index of `Meta.indexes` (old_name), or the index of an index_together set (old_fields), which becomes a named index. */
function renameIndex(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'model_name', 0);
  const newName = stringAt(call, 'new_name', 1);
  const oldName = stringAt(call, 'old_name', 2);
  const [oldFields] = fieldSets(argument(call, 'old_fields', 3));
  if (!model || !newName) return;
  let from: string;
  if (oldName) {
    from = oldName;
    model.indexes = model.indexes.map((name) => (name === oldName ? newName : name));
  } else if (oldFields) {
    from = indexName(model.table, lowering.columnsOf(model, oldFields), '_idx');
    model.indexTogether = model.indexTogether.filter((set) => set.join('\u0000') !== oldFields.join('\u0000'));
    model.indexes.push(newName);
  } else {
    return lowering.unanalyzed(call, 'This RenameIndex names neither a literal old_name nor literal old_fields; it was not checked.');
  }
  if (!model.hasTable) return;
  lowering.emit({ kind: 'other', ...place, statement: 'RenameStmt:OBJECT_INDEX', change: { kind: 'renameIndex', index: { name: from }, newName, ifExists: false } });
}

function addConstraint(notValid: boolean): Handler {
  return (lowering, call, place) => {
    const model = lowering.model(call, 'model_name', 0);
    const value = argument(call, 'constraint', 1);
    if (!model) return;
    const spec = readConstraint(value);
    if (!spec) return lowering.unanalyzed(value ?? call, 'This constraint is not a literal constraint call; it was not checked.');
    if (spec.name) model.constraints.push({ name: spec.name, asIndex: spec.asIndex });
    if (!model.hasTable) return;
    const operation = lowering.constraintOperation(model, value, place, notValid);
    if (operation) lowering.emit(operation);
  };
}

function removeConstraint(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'model_name', 0);
  const name = stringAt(call, 'name', 1);
  if (!model || !name) return;
  const known = model.constraints.find((constraint) => constraint.name === name);
  model.constraints = model.constraints.filter((constraint) => constraint !== known);
  if (!model.hasTable) return;
  if (known?.asIndex) lowering.emit({ kind: 'dropIndex', ...place, names: [{ name }], concurrently: false, ifExists: true });
  else lowering.emit({ kind: 'dropConstraint', ...place, table: table(model), name, ifExists: false });
}

function validateConstraint(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'model_name', 0);
  const name = stringAt(call, 'name', 1);
  if (!model || !name || !model.hasTable) return;
  lowering.emit({ kind: 'validateConstraint', ...place, table: table(model), name });
}

function alterTogether(kind: 'unique' | 'index'): Handler {
  return (lowering, call, place) => {
    const model = lowering.model(call, 'name', 0);
    if (!model) return;
    const value = argument(call, kind === 'unique' ? 'unique_together' : 'index_together', 1);
    if (!readsAsFieldSets(value)) return lowering.unanalyzed(value ?? call, `This ${kind}_together is not a literal set of field names; what it changes was not checked.`);
    const news = fieldSets(value);
    const olds = kind === 'unique' ? model.uniqueTogether : model.indexTogether;
    const key = (set: string[]) => set.join('\u0000');
    const added = news.filter((set) => !olds.some((old) => key(old) === key(set)));
    const removed = olds.filter((set) => !news.some((current) => key(current) === key(set)));
    if (kind === 'unique') model.uniqueTogether = news;
    else model.indexTogether = news;
    if (!model.hasTable) return;
    const on = table(model);
    for (const set of removed) {
      const columns = lowering.columnsOf(model, set);
      if (kind === 'unique') lowering.emit({ kind: 'dropConstraint', ...place, table: on, name: indexName(model.table, columns, '_uniq'), ifExists: false, byLookup: true });
      else lowering.emit({ kind: 'dropIndex', ...place, names: [{ name: indexName(model.table, columns, '_idx') }], concurrently: false, ifExists: true });
    }
    for (const set of added) {
      const columns = lowering.columnsOf(model, set);
      if (kind === 'unique') lowering.emit({ kind: 'addConstraint', ...place, table: on, constraint: { kind: 'unique', name: indexName(model.table, columns, '_uniq'), columns, notValid: false } });
      else lowering.emit({ kind: 'createIndex', ...place, table: on, name: indexName(model.table, columns, '_idx'), columns, unique: false, concurrently: false, ifNotExists: false });
    }
  };
}

function alterOrderWithRespectTo(lowering: MigrationLowering, call: Call, place: Place): void {
  const model = lowering.model(call, 'name', 0);
  const target = argument(call, 'order_with_respect_to', 1);
  if (!model || !target || target.kind === 'none' || fieldOf(model, '_order')) return;
  const order: DjangoField = {
    name: '_order',
    fieldClass: 'OrderWrt',
    column: '_order',
    explicitColumn: false,
    type: { name: 'int4', modifiers: [], isArray: false },
    typeKey: 'int4',
    null: false,
    primaryKey: false,
    unique: false,
    dbIndex: false,
    hasEffectiveDefault: true,
    identity: false,
    generated: false,
    check: false,
    signature: 'OrderWrt()',
  };
  addFieldTo(lowering, model, order, place);
}

function runSql(lowering: MigrationLowering, call: Call, place: Place): void {
  const sql = argument(call, 'sql', 0);
  const before = lowering.statements;
  if (sql) lowering.runSql(sql, place);
  // RunSQL counts as the statements it runs, not as one more.
  if (lowering.statements > before) lowering.statements--;
  // reverse_sql is rollback code: not read. state_operations change only Django's state.
  applyStateOnly(lowering, argument(call, 'state_operations', 2));
}

function runPython(lowering: MigrationLowering, call: Call, place: Place): void {
  const reverse = argument(call, 'reverse_code', 1);
  if (!reverse || reverse.kind === 'none') {
    // The same Python with a reverse_code would be no finding, and no gap in the schema's history: only the rollback is missing.
    lowering.unanalyzed(call, 'RunPython without reverse_code: this data migration cannot be rolled back, and the Python it runs is not checked.', true);
  }
  void place;
}

function separateDatabaseAndState(lowering: MigrationLowering, call: Call): void {
  const database = argument(call, 'database_operations', 0);
  const stateOperations = argument(call, 'state_operations', 1);
  // The database operations see (and change) a copy of the state; only state_operations change the project's.
  const saved = lowering.state;
  lowering.state = saved.clone();
  if (database?.kind === 'list') lowering.lowerAll(database.items);
  else if (database) lowering.unanalyzed(database, 'These database_operations are not a literal list; they were not checked.');
  lowering.state = saved;
  applyStateOnly(lowering, stateOperations);
}

/** Operations that change Django's state and not the database. */
function applyStateOnly(lowering: MigrationLowering, operations: PyValue | undefined): void {
  if (operations?.kind !== 'list') return;
  const sink = new MigrationLowering(lowering.file, lowering.state);
  sink.lowerAll(operations.items);
}

/**
 * django-safemigrate applies a `Safe.after_deploy()` migration only once the code that no longer uses
 * the dropped columns and tables is live: dropping them there is the safe second step.
 */
function afterDeployDirective(location: SourceSpan): IgnoreDirective {
  return { scope: 'file', rules: ['ban-drop-column', 'ban-drop-table'], location, targetLine: location.line, implied: true };
}

function ignoreMigration(lowering: MigrationLowering, call: Call, place: Place): void {
  // django-migration-linter's marker: the whole migration is exempt from every rule.
  // Written for django-migration-linter, which may see what migralint does not: like a squawk-ignore, never reported as unused.
  lowering.directives.push({ scope: 'file', rules: [], location: place.location, targetLine: place.location.line, implied: true });
  lowering.statements--;
  void call;
}

const other =
  (statement: string): Handler =>
  (lowering, _call, place) =>
    lowering.emit({ kind: 'other', ...place, statement });

const nothing: Handler = () => undefined;

const HANDLERS: Record<string, Handler> = {
  CreateModel: createModel,
  DeleteModel: deleteModel,
  RenameModel: renameModel,
  AlterModelTable: alterModelTable,
  AlterModelTableComment: other('CommentStmt'),
  AlterModelOptions: nothing,
  AlterModelManagers: nothing,
  AlterConstraint: nothing,
  AlterOrderWithRespectTo: alterOrderWithRespectTo,
  AddField: addField,
  RemoveField: removeField,
  RenameField: renameField,
  AlterField: alterField,
  AddIndex: addIndex(false),
  AddIndexConcurrently: addIndex(true),
  RemoveIndex: removeIndex(false),
  RemoveIndexConcurrently: removeIndex(true),
  RenameIndex: renameIndex,
  AddConstraint: addConstraint(false),
  AddConstraintNotValid: addConstraint(true),
  RemoveConstraint: removeConstraint,
  ValidateConstraint: validateConstraint,
  AlterUniqueTogether: alterTogether('unique'),
  AlterIndexTogether: alterTogether('index'),
  RunSQL: runSql,
  RunPython: runPython,
  SeparateDatabaseAndState: separateDatabaseAndState,
  IgnoreMigration: ignoreMigration,
  CreateExtension: other('CreateExtensionStmt'),
  BloomExtension: other('CreateExtensionStmt'),
  BtreeGinExtension: other('CreateExtensionStmt'),
  BtreeGistExtension: other('CreateExtensionStmt'),
  CITextExtension: other('CreateExtensionStmt'),
  CryptoExtension: other('CreateExtensionStmt'),
  HStoreExtension: other('CreateExtensionStmt'),
  TrigramExtension: other('CreateExtensionStmt'),
  UnaccentExtension: other('CreateExtensionStmt'),
  CreateCollation: other('DefineStmt'),
  RemoveCollation: other('DropStmt:OBJECT_COLLATION'),
};
