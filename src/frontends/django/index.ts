import type { AnalyzedFile, FrontendProblem } from '../../model/file';
import { unparsableFile } from '../file-problem';
import { lastName } from './fields';
import { MigrationLowering } from './lower';
import { type MigrationNode, orderMigrations } from './order';
import { type DjangoMigrationFile, USER_MODEL_APP, appFolderLabel, readDjangoMigration } from './read-migration';
import { type DjangoModel, DjangoState, modelKey } from './state';

/** A migration file's text, with its app label when it is known (apps.py), else the folder's name is used. */
export interface DjangoSource {
  file: string;
  text: string;
  app?: string;
  /** The file already read (the caller needed its dependencies first). */
  read?: DjangoMigrationFile;
}

export interface DjangoProjectAnalysis {
  /** Each file's analysis, in the context of the migrations before it. */
  results: Map<string, AnalyzedFile>;
  /** The files in the order Django applies them. */
  order: string[];
  /**
   * A file of `keepStateOf` analysed again with another text, against the state
   * the migrations before it left, as a replay of the whole project with that
   * text would analyse it; undefined when that would not be the same (the text
   * changes the file's place in the history, or the file was not replayed).
   */
  reanalyze(file: string, text: string): AnalyzedFile | undefined;
}

/** What a file's analysis depends on besides its own text, kept to analyse another text of it. */
interface KeptContext {
  migration: DjangoMigrationFile;
  /** The state before the file (a copy: the replay goes on with the original). */
  state: DjangoState;
  cycle?: FrontendProblem;
}

/**
 * Reads a project's migrations (never runs them), orders them by their
 * dependencies across apps, and replays them in that order: each file's
 * operations are lowered against the state the earlier ones leave.
 */
export function analyzeDjangoProject(sources: readonly DjangoSource[], keepStateOf: ReadonlySet<string> = new Set()): DjangoProjectAnalysis {
  const results = new Map<string, AnalyzedFile>();
  const migrations: DjangoMigrationFile[] = [];
  for (const source of sources) {
    let migration: DjangoMigrationFile;
    try {
      migration = source.read ?? readDjangoMigration(source.text, source.file, source.app);
    } catch (error) {
      results.set(source.file, failedFile(error));
      continue;
    }
    const early = earlyResult(migration);
    if (early) results.set(source.file, early);
    else migrations.push(migration);
  }
  const userApp = userModelApp(migrations);
  const byFile = new Map(migrations.map((migration) => [migration.file, migration]));
  const nodes: MigrationNode[] = migrations.map((migration) => ({
    id: migration.file,
    app: migration.app,
    name: migration.name,
    dependencies: migration.dependencies.map((dependency) => (dependency.app === USER_MODEL_APP ? { app: userApp, name: '__first__' } : dependency)),
    runBefore: migration.runBefore,
    replaces: migration.replaces,
  }));
  const { order, sideBranches, cycles, parents } = orderMigrations(nodes);
  const cycleProblems = new Map<string, FrontendProblem>(
    cycles.map(({ node, through }) => [
      node.id,
      {
        rule: 'unanalyzed-code',
        message: `The dependencies of ${node.app}.${node.name} form a cycle through ${through.app}.${through.name}; it was checked in an arbitrary place in the history.`,
        location: { line: 1, column: 1, endLine: 1, endColumn: 1 },
      },
    ]),
  );
  const kept = new Map<string, KeptContext>();
  let state = new DjangoState();
  // An app's history may branch (and merge later): a migration sees its app's models as its own parent left them.
  const lastOfApp = new Map<string, string>();
  const appAfter = new Map<string, ReturnType<DjangoState['snapshotApp']>>();
  const appOf = new Map(order.map((node) => [node.id, node.app]));
  for (const node of order) {
    const migration = byFile.get(node.id);
    if (!migration) continue;
    const sameAppParents = (parents.get(node.id) ?? []).filter((parent) => appOf.get(parent) === node.app);
    if (sameAppParents.length > 0 && (sameAppParents.length > 1 || lastOfApp.get(node.app) !== sameAppParents[0])) {
      const snapshots = sameAppParents.flatMap((parent) => appAfter.get(parent) ?? []);
      if (snapshots.length > 0) state.restoreApp(node.app, mergeBranches(sameAppParents.map((parent) => appAfter.get(parent) ?? [])));
    }
    // A squashed migration beside its originals is checked against a copy: the history goes through the originals.
    const sideBranch = sideBranches.has(node.id);
    const cycle = cycleProblems.get(node.id);
    if (keepStateOf.has(node.id)) kept.set(node.id, { migration, state: state.clone(), cycle });
    const lowering = new MigrationLowering(migration, sideBranch ? state.clone() : state);
    const { analyzed, failed } = lowerMigration(lowering, cycle);
    if (sideBranch) analyzed.besideHistory = true;
    results.set(node.id, analyzed);
    // One migration that cannot be followed must not stop the others: it is reported, and the history goes on.
    if (!sideBranch && !failed) {
      state = lowering.state;
      lastOfApp.set(node.app, node.id);
      appAfter.set(node.id, state.snapshotApp(node.app));
    }
  }
  const reanalyze = (file: string, text: string): AnalyzedFile | undefined => {
    const context = kept.get(file);
    if (!context) return undefined;
    let migration: DjangoMigrationFile;
    try {
      migration = readDjangoMigration(text, file, context.migration.app);
    } catch (error) {
      return failedFile(error);
    }
    const early = earlyResult(migration);
    if (early) return early;
    if (placeInHistory(migration) !== placeInHistory(context.migration)) return undefined;
    const analyzed = lowerMigration(new MigrationLowering(migration, context.state.clone()), context.cycle).analyzed;
    if (sideBranches.has(file)) analyzed.besideHistory = true;
    return analyzed;
  };
  return { results, order: order.map((node) => node.id), reanalyze };
}

/** A migration lowered against the state given to `lowering` (which it changes); `failed` when it could not be followed. */
function lowerMigration(lowering: MigrationLowering, cycle: FrontendProblem | undefined): { analyzed: AnalyzedFile; failed: boolean } {
  let analyzed: AnalyzedFile;
  try {
    analyzed = lowering.run();
  } catch (error) {
    return { analyzed: failedFile(error), failed: true };
  }
  if (cycle) analyzed.problems.push(cycle);
  return { analyzed, failed: false };
}

/**
 * What decides where a migration goes in the project's history (and where the
 * others go): its name, dependencies, run_before, what it replaces, and whether
 * it defines a model named User (settings.AUTH_USER_MODEL is guessed from that).
 */
function placeInHistory(migration: DjangoMigrationFile): string {
  const { app, name, dependencies, runBefore, replaces } = migration;
  return JSON.stringify({ app, name, dependencies, runBefore, replaces, user: userModelApp([migration]) === migration.app });
}

/**
 * One migration on its own (standard input, examples), or after `earlier`
 * migrations of its app given as texts, in order.
 */
export function analyzeDjangoFile(text: string, filePath: string, earlier: readonly string[] = []): AnalyzedFile {
  const folder = filePath.slice(0, filePath.lastIndexOf('/') + 1);
  // Named to sort before the file itself, in the app of the file's folder.
  const sources = earlier.map((earlierText, index) => ({ file: `${folder}0000_earlier_${index}.py`, text: earlierText, app: appFolderLabel(filePath) }));
  const analysis = analyzeDjangoProject([...sources, { file: filePath, text }]);
  return analysis.results.get(filePath) as AnalyzedFile;
}

/** The models of branches that a merge migration joins: every model and field of either, the later branch's definition first. */
function mergeBranches(branches: ReadonlyArray<readonly DjangoModel[]>): DjangoModel[] {
  const merged = new Map<string, DjangoModel>();
  for (const branch of branches) {
    for (const model of branch) {
      const key = modelKey(model.app, model.name);
      const earlier = merged.get(key);
      if (!earlier) {
        merged.set(key, model);
        continue;
      }
      const names = new Set(model.fields.map((field) => field.name));
      merged.set(key, { ...model, fields: [...model.fields, ...earlier.fields.filter((field) => !names.has(field.name))] });
    }
  }
  return [...merged.values()];
}

function failedFile(error: unknown): AnalyzedFile {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    frontend: 'django',
    operations: [],
    directives: [],
    statements: 0,
    runnerTransaction: true,
    problems: [{ rule: 'unanalyzed-code', message: `This migration could not be analysed (${reason}); it was not checked.`, location: { line: 1, column: 1, endLine: 1, endColumn: 1 } }],
  };
}

/** A file that is not valid Python, or holds no migration, is not replayed. */
function earlyResult(migration: DjangoMigrationFile): AnalyzedFile | undefined {
  if (migration.syntaxError) {
    const position = migration.lines.position(migration.syntaxError.at);
    const lineEnd = migration.lines.lineText(position.line).length + 1;
    return unparsableFile('django', `${migration.syntaxError.message}: Python cannot parse it at line ${position.line}, column ${position.column}.`, position, lineEnd);
  }
  if (!migration.isMigration) {
    return { frontend: 'django', operations: [], problems: [], directives: migration.directives, statements: 0, runnerTransaction: true, skippedReason: 'no class Migration(migrations.Migration) in the file' };
  }
  return undefined;
}

/** The app of `settings.AUTH_USER_MODEL`: the one app whose migrations create a model named User, else Django's auth. */
function userModelApp(migrations: readonly DjangoMigrationFile[]): string {
  const apps = new Set<string>();
  for (const migration of migrations) {
    const operations = migration.operations?.kind === 'list' ? migration.operations.items : [];
    for (const operation of operations) {
      if (operation.kind !== 'call' || lastName(operation.callee) !== 'CreateModel') continue;
      const name = operation.kwargs.get('name') ?? operation.args[0];
      if (name?.kind === 'string' && name.text.text.toLowerCase() === 'user') apps.add(migration.app);
    }
  }
  return apps.size === 1 ? [...apps][0] : 'auth';
}
