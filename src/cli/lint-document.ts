import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { FileResult } from '../engine/finding';
import { readRegularFile } from '../files/read-regular-file';
import { decodeFile } from '../frontends/decode';
import { isDjangoMigrationPath } from '../frontends/detect';
import { type LintOptions, type SkippedFile, analyzeText, checkAnalysis, isSkipped, lintText, prepareLinting } from '../lint';
import { SchemaReplay, type SchemaEffect, schemaEffectOf } from '../schema/replay';
import { toPosix } from './discover';
import type { DjangoParseCache } from './django-migrations';
import { type RunPlan, inDjangoOrder, planRun } from './migration-set';
import type { RunConfig } from './run-config';

/** A file as an editor holds it: its text may differ from the disk's. */
export interface OpenDocument {
  /** Absolute path. */
  file: string;
  text: string;
}

/** A document's lint result, and the options it was linted with. */
export interface LintedDocument {
  result: FileResult | SkippedFile;
  options: LintOptions;
}

/**
 * What a long-running process (the language server) keeps between lints, by
 * file, each entry for the text it was made from: parsed Django migrations, and
 * what each earlier migration does to the schema. Cleared when the config changes.
 */
export interface LintCaches {
  djangoParses: DjangoParseCache;
  effects: Map<string, { text: string; effect: SchemaEffect | undefined }>;
}

export const newLintCaches = (): LintCaches => ({ djangoParses: new Map(), effects: new Map() });

const loadDjango = () => require('./django-migrations') as typeof import('./django-migrations');

/** What planRun needs of the command line for a run that names one file. */
/**
 * Lints a document as `migralint FILE`, run from `cwd`, lints that file: with the
 * config, against the schema the earlier migrations of its folder build (which
 * src/cli/migration-set.ts chooses, replayed as a run replays them), so an editor
 * shows what a run shows. Files open in the editor are read as the editor holds
 * them (`openText`). A file the config leaves out (`exclude`, or not matched by
 * `include`) is skipped. Findings name the file by its absolute path.
 */
export async function lintDocument(
  document: OpenDocument,
  run: RunConfig,
  cwd: string,
  openText: (file: string) => string | undefined = () => undefined,
  caches: LintCaches = newLintCaches(),
): Promise<LintedDocument> {
  const leftOut = leftOutByConfig(document.file, run);
  if (leftOut) return { result: { file: document.file, skipped: leftOut }, options: run.options };
  await prepareLinting();
  const read = (file: string) => (file === document.file ? document.text : (openText(file) ?? readOrEmpty(file)));
  // A file not on disk (new and unsaved, or deleted) has no folder to read context from.
  const plan: RunPlan = fs.existsSync(document.file)
    ? planRun({ cwd, config: run.loaded.config, baseDir: run.baseDir, paths: [document.file], note: () => {}, notice: () => {}, read })
    : { files: [{ file: document.file, reported: true, group: document.file }], isNew: () => false };
  const files = plan.files.map((item) => item.file);
  const django = files.some(isDjangoMigrationPath) ? loadDjango().prepareDjangoRun(files, read, { otherText: openText, parsed: caches.djangoParses }) : undefined;
  const ordered = inDjangoOrder(plan.files, django?.order);
  const target = ordered.find((item) => item.reported);
  // As a run does: the earlier migrations of the document's set are applied to the schema, in order, then the document is checked against it.
  const replay = new SchemaReplay();
  for (const { file, group } of ordered) {
    if (file === document.file) break;
    if (group !== target?.group) continue;
    const effect = effectOf(file, read(file), run, django?.analyses.get(file)?.analyzed, caches);
    if (effect) replay.applyFile({ name: file, isNew: false, newTables: effect.newTables, unreadable: effect.unreadable, runtimeNames: effect.runtimeNames, besideHistory: effect.besideHistory }, effect.operations);
  }
  const options: LintOptions = { ...run.options, frontend: run.forcedFrontend(document.file), replay };
  const analysis = django?.analyses.get(document.file);
  return { result: analysis ? checkAnalysis(analysis, document.file, options) : lintText(document.text, document.file, options), options };
}

/** What an earlier migration does to the schema: from its Django analysis, or its text analysed (kept until the text changes). */
function effectOf(file: string, text: string, run: RunConfig, django: Parameters<typeof schemaEffectOf>[0] | undefined, caches: LintCaches): SchemaEffect | undefined {
  if (django) return schemaEffectOf(django);
  const cached = caches.effects.get(file);
  if (cached?.text === text) return cached.effect;
  const analysis = analyzeText(text, file, { ...run.options, frontend: run.forcedFrontend(file) });
  const effect = isSkipped(analysis) ? undefined : schemaEffectOf(analysis.analyzed);
  caches.effects.set(file, { text, effect });
  return effect;
}

/** Why the config leaves the file out of linting, if it does: `exclude` matches it, or `include` is set and does not. */
export function leftOutByConfig(file: string, run: RunConfig): string | undefined {
  const { include, exclude } = run.loaded.config;
  const matches = (globs: readonly string[]) => picomatch(globs.map((glob) => toPosix(path.resolve(run.baseDir, glob))), { dot: true })(toPosix(file));
  if (exclude && exclude.length > 0 && matches(exclude)) return `excluded by the config's "exclude"`;
  if (include && include.length > 0 && !matches(include)) return `not among the config's "include"`;
  return undefined;
}

/** An earlier migration's text, read as a run reads migrations (a regular file, of a sane size); empty when it cannot be. */
function readOrEmpty(file: string): string {
  try {
    return decodeFile(readRegularFile(file, 512 << 20)).text;
  } catch {
    return '';
  }
}
