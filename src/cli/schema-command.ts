import * as path from 'node:path';
import { loadConfig } from '../config/config-file';
import { decodeFile } from '../frontends/decode';
import { isDjangoMigrationPath } from '../frontends/detect';
import { readRegularFile } from '../files/read-regular-file';
import { writeFileAtomically } from '../files/atomic-file';
import { type AnalysisOptions, analyzeText, isSkipped, prepareLinting } from '../lint';
import { type DescribedSchema, describeSchema, schemaText } from '../schema/describe';
import { SchemaReplay, isUnreadable } from '../schema/replay';
import type { SchemaArgs } from './args';
import { describe } from './describe-error';
import { displayPath } from './discover';
import type { CliIO } from './io';
import { EXIT_CLEAN, EXIT_FAILURE } from './lint-command';
import { refuseToOverwriteMigrations } from './overwrite-guard';
import { frontendMatcher } from './run-config';
import { inDjangoOrder, planRun } from './migration-set';

const MAX_MIGRATION_BYTES = 512 << 20;

/** A set of migrations (a folder, a glob, the config's include, Django's apps) and the schema it builds. */
interface ReplayedSet {
  folder: string;
  replay: SchemaReplay;
  /** Migrations read only in part (a syntax error, code static analysis cannot follow). */
  partlyRead: string[];
}

function readText(file: string): string {
  return decodeFile(readRegularFile(file, MAX_MIGRATION_BYTES)).text;
}

/**
 * `migralint schema [paths]`: the migrations, found and ordered as lint finds and
 * orders them, replayed into the schema model; prints what the linter believes
 * the schema is, with the statements it did not model.
 */
export async function runSchemaCommand(args: SchemaArgs, io: CliIO, version: string): Promise<number> {
  const loaded = loadConfig(io.cwd, args.config);
  const baseDir = loaded.path ? path.dirname(loaded.path) : io.cwd;
  const options: AnalysisOptions = {
    assumeInTransaction: loaded.config.assumeInTransaction ?? false,
    typeormTransactionMode: loaded.config.typeormTransactionMode,
    placeholders: loaded.config.placeholders,
  };
  const forcedFrontend = frontendMatcher(loaded.config.frontends, baseDir);
  let failed = false;
  const plan = planRun({
    cwd: io.cwd,
    config: loaded.config,
    baseDir,
    paths: args.paths,
    note: () => {},
    notice: (message) => io.stderr.write(`migralint: note: ${message}\n`),
    read: (file) => {
      try {
        return readText(file);
      } catch {
        return '';
      }
    },
    onUnreadableFolder: (folder, error) => {
      failed = true;
      io.stderr.write(`migralint: cannot read the folder ${displayPath(folder, io.cwd)}: ${describe(error)}\n`);
    },
  });
  if (args.outputFile !== undefined) refuseToOverwriteMigrations('--output-file', args.outputFile, plan.files.map((item) => item.file), io.cwd);
  await prepareLinting();
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readText(file));
      } catch (error) {
        failed = true;
        io.stderr.write(`migralint: cannot read ${displayPath(file, io.cwd)}: ${describe(error)}\n`);
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  const django = plan.files.some((item) => isDjangoMigrationPath(item.file))
    ? (require('./django-migrations') as typeof import('./django-migrations')).prepareDjangoRun(plan.files.map((item) => item.file), textOf)
    : undefined;

  const sets = new Map<string, ReplayedSet>();
  /** Files not replayed (not a migration, another database's SQL), with why. */
  const skipped: Array<{ file: string; reason: string }> = [];
  for (const { file, group } of inDjangoOrder(plan.files, django?.order)) {
    const shownAs = displayPath(file, io.cwd);
    const text = textOf(file);
    if (text === undefined) continue;
    const analysis = django?.analyses.get(file) ?? analyzeText(text, shownAs, { ...options, frontend: forcedFrontend(file) });
    if (isSkipped(analysis)) {
      // A package's __init__.py beside Django's migrations is no migration to miss.
      if (path.basename(file) !== '__init__.py') skipped.push({ file: shownAs, reason: analysis.skipped });
      continue;
    }
    let set = sets.get(group);
    if (!set) sets.set(group, (set = { folder: group === 'django' || group === 'include' ? group : displayPath(group, io.cwd), replay: new SchemaReplay({ recordNotModelled: true }), partlyRead: [] }));
    const { analyzed } = analysis;
    const unreadable = isUnreadable(analyzed);
    if (unreadable) set.partlyRead.push(shownAs);
    set.replay.applyFile({ name: shownAs, isNew: false, newTables: analyzed.newTables, unreadable, runtimeNames: analyzed.runtimeNames, besideHistory: analyzed.besideHistory }, analyzed.operations);
  }

  const described = [...sets.values()].map((set) => ({ set, schema: describeSchema(set.replay.catalogue, set.replay.notModelled) }));
  const output =
    args.format === 'json'
      ? schemaJson(described, skipped, version)
      : `${described.map(({ set, schema }) => setText(set, schema, described.length > 1)).join('\n')}${skippedText(skipped)}` || 'No migrations.\n';
  try {
    if (args.outputFile !== undefined) writeFileAtomically(path.resolve(io.cwd, args.outputFile), output);
    else io.stdout.write(output);
  } catch (error) {
    io.stderr.write(`migralint: cannot write the schema to ${args.outputFile}: ${describe(error)}\n`);
    return EXIT_FAILURE;
  }
  if (skipped.length > 0) io.stderr.write(`migralint: note: ${skipped.length} file${skipped.length === 1 ? '' : 's'} not replayed (not PostgreSQL migrations)${args.format === 'json' ? ': see "skipped"' : ''}\n`);
  for (const { set } of described) {
    const where = described.length > 1 ? ` in ${set.folder}` : '';
    if (set.partlyRead.length > 0) io.stderr.write(`migralint: note: ${set.partlyRead.length} migration${set.partlyRead.length === 1 ? '' : 's'}${where} read only in part: ${set.partlyRead.slice(0, 3).join(', ')}${set.partlyRead.length > 3 ? ', …' : ''}\n`);
  }
  return failed ? EXIT_FAILURE : EXIT_CLEAN;
}

/** JSON, version 1: the schema of the one set of migrations, or `sets` when there are several. */
function schemaJson(described: Array<{ set: ReplayedSet; schema: DescribedSchema }>, skipped: Array<{ file: string; reason: string }>, version: string): string {
  const body = ({ set, schema }: { set: ReplayedSet; schema: DescribedSchema }) => ({ ...schema, partlyRead: set.partlyRead });
  const tool = { name: 'migralint', version };
  const document =
    described.length === 1
      ? { version: 1, tool, ...body(described[0]), skipped }
      : { version: 1, tool, sets: described.map((entry) => ({ migrations: entry.set.folder, ...body(entry) })), skipped };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function skippedText(skipped: Array<{ file: string; reason: string }>): string {
  return skipped.length > 0 ? `\n${skipped.length} file${skipped.length === 1 ? '' : 's'} not replayed:\n${skipped.map((entry) => `    ${entry.file}: ${entry.reason}`).join('\n')}\n` : '';
}

function setText(set: ReplayedSet, schema: DescribedSchema, titled: boolean): string {
  const partly = set.partlyRead.length > 0 ? `\nRead only in part (a syntax error, or code static analysis cannot follow):\n${set.partlyRead.map((file) => `    ${file}`).join('\n')}\n` : '';
  return `${titled ? `== ${set.folder}\n\n` : ''}${schema.tables.length === 0 ? 'No tables.\n\n' : ''}${schemaText(schema)}${partly}`;
}
