import type { AnalyzedFile } from '../model/file';
import type { Operation, OtherStatement, TableName } from '../model/operations';
import { type ApplyContext, applyOperation, dropTemporaryTables } from './apply';
import { type Origin, SchemaCatalogue, type SchemaColumn, type SchemaConstraint, type SchemaIndex, type SchemaTable, type SchemaType, type SchemaView as SchemaViewDefinition, cloneCatalogue, findColumn, findConstraint, findSequence } from './catalogue';

/** A statement the model does not follow, as `migralint schema` lists them. */
export interface NotModelled {
  file: string;
  line: number;
  statement: string;
}

/** How a migration enters the replay. */
export interface FileStart {
  /** The path shown to users. */
  name: string;
  /** New in this run (`--since`, `--staged`, named files not yet committed): what it makes is new for the later ones too. */
  isNew: boolean;
  /** Tables made before it that are new for it all the same (a Django squashed migration runs only on a new database). */
  newTables?: readonly TableName[];
  /** Parts of it could not be read (a syntax error, code static analysis cannot follow): the history may lack what they do. */
  unreadable?: boolean;
  /** Names that stand for values known only at run time: nothing is known of the objects they name. */
  runtimeNames?: readonly string[];
  /** Checked against the schema, which it leaves as it was (a squashed migration beside its originals). */
  besideHistory?: boolean;
}

/** What a migration does to the schema, as the cache keeps it: the operations that change it, and whether all of it was read. */
export interface SchemaEffect {
  operations: Operation[];
  unreadable?: boolean;
  newTables?: TableName[];
  runtimeNames?: string[];
  /** Other files the migration's analysis read (imported constants): the cache checks them too. */
  readsFiles?: string[];
  besideHistory?: boolean;
}

export interface ReplayOptions {
  /** Keep where each statement the model does not follow is (for `migralint schema`). */
  recordNotModelled?: boolean;
  /** Keep a digest of the replayed state, updated as each migration is applied (the cache key of the next one). */
  hash?: (text: string) => string;
}

/** A cached migration waiting to be applied (see SchemaReplay.deferFile). */
export interface DeferredFile {
  start: FileStart;
  operations: readonly Operation[];
}

/**
 * What rules may ask about the schema the earlier migrations (and the earlier
 * operations of this one) built. Answers are about the state before the operation being checked.
 */
export interface SchemaView {
  table(name: TableName): SchemaTable | undefined;
  column(table: TableName, column: string): SchemaColumn | undefined;
  constraint(table: TableName, name: string): SchemaConstraint | undefined;
  index(name: TableName): SchemaIndex | undefined;
  /** The serial or identity column whose sequence has this name. */
  sequence(name: TableName): { table: SchemaTable; column: SchemaColumn } | undefined;
  type(name: TableName): SchemaType | undefined;
  view(name: TableName): SchemaViewDefinition | undefined;
  /** Every index the schema has. */
  indexes(): Iterable<SchemaIndex>;
  /** Created earlier in this migration, or in one that is new in this run: nothing reads it yet. */
  isNewTable(table: TableName): boolean;
  /** New (see isNewTable) and no query has put rows in it since (a temporary table counts: no other session sees it). */
  isEmptyTable(table: TableName): boolean;
  /** Made before this migration and renamed in it: no code reads the new name yet, but the table keeps its rows. */
  isRenamedTable(table: TableName): boolean;
  /** A column added earlier in this migration, or in one that is new in this run: no code reads it yet. */
  isNewColumn(table: TableName, column: string): boolean;
  /** Names of the views whose query uses this column of this table (PostgreSQL refuses to change its type while they exist). */
  viewsUsing(table: TableName, column: string): string[];
  /**
   * The history replayed so far looks whole: it does not start with changes to
   * tables it never creates, and every migration of it could be read.
   */
  readonly historyComplete: boolean;
  /** Code that may create objects when it runs (a `DO` block, a function) mentions this name. */
  mentionedByCode(name: string): boolean;
}

/**
 * The migrations of a run, applied in order to a schema model, statically. Each
 * file is begun, its operations applied one by one (the rules look at the state
 * before each), and ended; a file the rules do not check is applied whole.
 */
export class SchemaReplay implements SchemaView {
  private model = new SchemaCatalogue();
  /** The model as it was before a file beside the history began (see FileStart.besideHistory). */
  private modelBefore: SchemaCatalogue | undefined;
  private notModelledSoFar = 0;
  private readonly notModelledList: NotModelled[] = [];
  private firstIncompleteReason: string | undefined;
  /** The digest of the state so far (with `hash`). */
  digest = '';
  /** The digest of what the last file ended did (with `hash`): what the cache keeps to replay it. */
  lastEffectDigest = '';
  /** Cached migrations not applied yet: a run answered from the cache never builds the model. */
  private deferred: Array<() => DeferredFile> = [];
  private fileNumber = 0;
  private fileName = '';
  private readonly newFiles = new Set<Origin>();
  private freshTables: readonly TableName[] = [];
  /** A table was created by the migration being replayed, or by an earlier one. */
  private createdAny = false;
  /** A table was created by an earlier migration: the history has begun. */
  private createdBefore = false;
  private readonly opaqueNames = new Set<string>();
  private readonly applied: Operation[] = [];
  private start: FileStart | undefined;
  private readonly context: ApplyContext;

  constructor(private readonly options: ReplayOptions = {}) {
    this.context = {
      catalogue: this.model,
      file: 0,
      opaqueNames: this.opaqueNames,
      // The first migration that creates tables, and those before it, change only what they create, in a whole history.
      assumed: (table) => {
        if (!this.createdBefore) this.markIncomplete(`the first migrations change "${table.name}", which they do not create`);
      },
      notModelled: (operation) => this.recordNotModelled(operation),
      historyKnown: () => this.createdBefore && this.firstIncompleteReason === undefined,
    };
  }

  /** The model, with every deferred migration applied. */
  get catalogue(): SchemaCatalogue {
    this.applyDeferred();
    return this.model;
  }

  /** Statements that may change the schema in ways the model does not follow. */
  get notModelledCount(): number {
    this.applyDeferred();
    return this.notModelledSoFar;
  }

  get notModelled(): readonly NotModelled[] {
    this.applyDeferred();
    return this.notModelledList;
  }

  /** Why the history looks incomplete, where it does. */
  get incompleteReason(): string | undefined {
    this.applyDeferred();
    return this.firstIncompleteReason;
  }

  /**
   * A migration whose effect (and its digest) the cache kept: the digest moves on
   * now, the model only when it is next read (the next file begun, or a getter),
   * and the effect is read (`file()`) only then: a run answered from the cache never reads it.
   */
  deferFile(start: Pick<FileStart, 'isNew' | 'unreadable'>, file: () => DeferredFile, effectDigest: string): void {
    if (this.options.hash) this.digest = this.options.hash(digestInput(this.digest, start, effectDigest));
    this.lastEffectDigest = effectDigest;
    this.deferred.push(file);
  }

  private applyDeferred(): void {
    if (this.deferred.length === 0) return;
    const deferred = this.deferred;
    this.deferred = [];
    for (const file of deferred) {
      const { start, operations } = file();
      this.applyWhole(start, operations, false);
    }
  }

  beginFile(start: FileStart): void {
    this.applyDeferred();
    this.begin(start);
  }

  private begin(start: FileStart): void {
    this.fileNumber++;
    this.context.file = this.fileNumber;
    this.fileName = start.name;
    this.start = start;
    if (start.isNew) this.newFiles.add(this.fileNumber);
    this.freshTables = start.newTables ?? [];
    if (start.besideHistory) {
      this.modelBefore = this.model;
      this.model = cloneCatalogue(this.model);
      this.context.catalogue = this.model;
    }
    for (const name of start.runtimeNames ?? []) this.opaqueNames.add(name);
    this.applied.length = 0;
  }

  apply(operation: Operation): void {
    if (operation.kind === 'createTable' && !operation.conditional) this.createdAny = true;
    applyOperation(operation, this.context);
    if (this.options.hash && changesSchema(operation)) this.applied.push(operation);
  }

  /** The file is done: its temporary tables are gone, and (after) what it did counts for the next. */
  endFile(): void {
    this.end(true);
  }

  private end(moveDigest: boolean): void {
    dropTemporaryTables(this.context);
    if (this.modelBefore) {
      this.model = this.modelBefore;
      this.context.catalogue = this.model;
      this.modelBefore = undefined;
    }
    this.createdBefore = this.createdAny;
    const start = this.start;
    // What a file beside the history does is not kept: what could not be read of it is no gap in the history.
    if (start?.unreadable && !start.besideHistory) this.markIncomplete(`${start.name} could not be read whole`);
    if (this.options.hash && start && moveDigest) {
      this.lastEffectDigest = effectDigestOf({ operations: this.applied, newTables: start.newTables, runtimeNames: start.runtimeNames }, this.options.hash);
      this.digest = this.options.hash(digestInput(this.digest, start, this.lastEffectDigest));
    }
    this.applied.length = 0;
    this.start = undefined;
  }

  /** A migration the rules do not check (or whose result is cached): applied whole. */
  applyFile(start: FileStart, operations: readonly Operation[]): void {
    this.applyDeferred();
    this.applyWhole(start, operations, true);
  }

  private applyWhole(start: FileStart, operations: readonly Operation[], moveDigest: boolean): void {
    this.begin(start);
    for (const operation of operations) this.apply(operation);
    this.end(moveDigest);
  }

  /** A history cannot be judged whole before a migration before this one has created tables. */
  get historyComplete(): boolean {
    return this.createdBefore && this.incompleteReason === undefined;
  }

  mentionedByCode(name: string): boolean {
    return this.opaqueNames.has(name) || this.opaqueNames.has(name.toLowerCase());
  }

  table(name: TableName): SchemaTable | undefined {
    return this.catalogue.tables.find(name);
  }

  column(table: TableName, column: string): SchemaColumn | undefined {
    const found = this.table(table);
    return found && findColumn(found, column);
  }

  constraint(table: TableName, name: string): SchemaConstraint | undefined {
    const found = this.table(table);
    return found && findConstraint(found, name);
  }

  index(name: TableName): SchemaIndex | undefined {
    return this.catalogue.indexes.find(name);
  }

  sequence(name: TableName): { table: SchemaTable; column: SchemaColumn } | undefined {
    return findSequence(this.catalogue, name);
  }

  type(name: TableName): SchemaType | undefined {
    return this.catalogue.types.find(name);
  }

  view(name: TableName): SchemaViewDefinition | undefined {
    return this.catalogue.views.find(name);
  }

  indexes(): Iterable<SchemaIndex> {
    return this.catalogue.indexes;
  }

  private isNewOrigin(origin: Origin): boolean {
    return origin !== 0 && (origin === this.fileNumber || this.newFiles.has(origin));
  }

  private isFresh(table: TableName): boolean {
    return this.freshTables.some((fresh) => fresh.name === table.name && (fresh.schema === undefined || table.schema === undefined || fresh.schema === table.schema));
  }

  isNewTable(name: TableName): boolean {
    const table = this.table(name);
    if (!table) return this.isFresh(name);
    // A new name this migration gave a table: no code uses it yet (the table itself keeps its rows).
    return this.isNewOrigin(table.createdIn) || table.namedIn === this.fileNumber || this.isFresh(name);
  }

  /** Created earlier in this migration, in a run-time branch this one runs in: when it runs, the creation ran. */
  isCreatedInBranch(name: TableName, branch: readonly number[] | undefined): boolean {
    const created = this.table(name)?.createdUnder;
    if (!created || !branch || created.file !== this.fileNumber || created.branch.length > branch.length) return false;
    return created.branch.every((id, depth) => branch[depth] === id);
  }

  isRenamedTable(name: TableName): boolean {
    const table = this.table(name);
    return table !== undefined && table.namedIn === this.fileNumber && !this.isNewOrigin(table.createdIn) && !this.isFresh(name);
  }

  isEmptyTable(name: TableName): boolean {
    const table = this.table(name);
    if (!table) return this.isFresh(name);
    if (!this.isNewOrigin(table.createdIn) && !this.isFresh(name)) return false;
    return !table.filled || table.temporary;
  }

  isNewColumn(table: TableName, column: string): boolean {
    const found = this.column(table, column);
    return found !== undefined && this.isNewOrigin(found.addedIn);
  }

  viewsUsing(table: TableName, column: string): string[] {
    const found = this.table(table);
    if (!found) return [];
    const views: string[] = [];
    for (const view of this.catalogue.views) {
      const usesTable = view.uses.tables.some((used) => used.name === found.name && (used.schema === undefined || found.schema === undefined || used.schema === found.schema));
      if (usesTable && (view.uses.star || view.uses.columns.includes(column))) views.push(view.name);
    }
    return views;
  }

  /** Keeps the first reason: what the note about `unknown-object` says. */
  markIncomplete(reason: string): void {
    this.firstIncompleteReason ??= reason;
  }

  private recordNotModelled(operation: OtherStatement): void {
    this.notModelledSoFar++;
    if (this.options.recordNotModelled) this.notModelledList.push({ file: this.fileName, line: operation.location.line, statement: operation.statement });
  }
}

/** Operations that change the schema (the rest is rows, transactions and settings). */
export function changesSchema(operation: Operation): boolean {
  switch (operation.kind) {
    case 'transaction':
    case 'setSetting':
    case 'reindex':
    case 'truncate':
    case 'dropDatabase':
    case 'alterDomainAddConstraint':
      return false;
    case 'other':
      return operation.change !== undefined || operation.fillsTable !== undefined;
    default:
      return true;
  }
}

/** What a migration does to the schema, for the cache: its operations that change it, and whether it was read whole. */
export function schemaEffectOf(analyzed: AnalyzedFile): SchemaEffect {
  return {
    operations: analyzed.operations.filter(changesSchema),
    ...(isUnreadable(analyzed) ? { unreadable: true } : {}),
    ...(analyzed.newTables ? { newTables: analyzed.newTables } : {}),
    ...(analyzed.runtimeNames ? { runtimeNames: analyzed.runtimeNames } : {}),
    ...(analyzed.readsFiles ? { readsFiles: analyzed.readsFiles } : {}),
    ...(analyzed.besideHistory ? { besideHistory: true } : {}),
  };
}

/** A migration with a syntax error or code static analysis cannot follow may do more than its operations say. */
export function isUnreadable(analyzed: AnalyzedFile): boolean {
  return analyzed.problems.some((problem) => !problem.keepsSchema);
}

/**
 * The digest of what one migration does to the schema (the cache keeps it with
 * the effect, so that a cached migration moves the digest without serializing its operations).
 */
export function effectDigestOf(effect: { operations: readonly Operation[]; newTables?: readonly TableName[]; runtimeNames?: readonly string[] }, hash: (text: string) => string): string {
  return hash([JSON.stringify(effect.newTables ?? []), JSON.stringify(effect.runtimeNames ?? []), JSON.stringify(effect.operations, withoutPlaces)].join('\u0000'));
}

/** The state after a migration: the state before it, how it entered the run, and what it did. */
function digestInput(before: string, start: Pick<FileStart, 'isNew' | 'unreadable'>, effectDigest: string): string {
  return [before, start.isNew ? 1 : 0, start.unreadable ? 1 : 0, effectDigest].join('\u0000');
}

/** Where operations are, and what only rules need, leave the digest alone: moving a statement changes no schema. */
function withoutPlaces(key: string, value: unknown): unknown {
  return key === 'location' || key === 'anchorLine' || key === 'identifiers' || key === 'sql' || key === 'sqlLocation' ? undefined : value;
}
