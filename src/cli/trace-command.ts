import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { loadConfig } from '../config/config-file';
import { RuleSettings, parseRuleFlags } from '../config/rule-settings';
import { decodeFile } from '../frontends/decode';
import { isDjangoMigrationPath } from '../frontends/detect';
import { type LintOptions, analyzeText, checkAnalysis, isSkipped, prepareLinting } from '../lint';
import { SchemaReplay } from '../schema/replay';
import type { TraceInput } from '../trace';
import type { TraceArgs } from './args';
import { describe } from './describe-error';
import { displayPath } from './discover';
import type { CliIO } from './io';
import { EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS } from './lint-command';
import { inDjangoOrder, planRun } from './migration-set';
import { frontendMatcher } from './run-config';

/**
 * `migralint trace`: the migrations, found and read as lint finds and reads them, run in
 * order in an embedded PostgreSQL (or on --database-url), with what each statement locks,
 * rewrites and changes. The trace modules (PGlite, pg) load only here.
 */
function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return ''; // reported when the file's turn comes
  }
}

export async function runTraceCommand(args: TraceArgs, io: CliIO, version: string): Promise<number> {
  const loaded = loadConfig(io.cwd, args.config);
  const baseDir = loaded.path ? path.dirname(loaded.path) : io.cwd;
  const settings = new RuleSettings(allRules, loaded.config.preset);
  if (loaded.config.rules) settings.apply(loaded.config.rules, loaded.path ?? 'config');
  settings.apply(parseRuleFlags(args.rule), '--rule');
  const options: LintOptions = {
    pgVersion: loaded.config.pgVersion ?? 15,
    assumeInTransaction: args.assumeInTransaction ?? loaded.config.assumeInTransaction ?? false,
    settings,
    typeormTransactionMode: loaded.config.typeormTransactionMode,
    placeholders: loaded.config.placeholders,
    keepStatementText: true,
  };
  const forcedFrontend = frontendMatcher(loaded.config.frontends, baseDir);
  // The files and their order are lint's (the order their runner applies them in).
  const plan = planRun({
    cwd: io.cwd,
    config: loaded.config,
    baseDir,
    paths: args.paths,
    note: () => {},
    notice: (message) => io.stderr.write(`migralint: note: ${message}\n`),
    read: readOrEmpty,
  });
  await prepareLinting();
  const django = plan.files.some((item) => isDjangoMigrationPath(item.file))
    ? (require('./django-migrations') as typeof import('./django-migrations')).prepareDjangoRun(plan.files.map((item) => item.file), (file) => readOrEmpty(file))
    : undefined;
  // Only the files asked for run: earlier migrations of a file given by name are not traced with it.
  const files = inDjangoOrder(plan.files, django?.order).filter((item) => item.reported).map((item) => item.file);

  const trace = require('../trace') as typeof import('../trace');
  // PGlite loads the extensions it ships only when asked: those the migrations create.
  const texts = args.databaseUrl ? [] : files.map(readOrEmpty);
  // TypeORM creates uuid-ossp itself when it connects, so its migrations call uuid_generate_v4() without creating it.
  const typeormUuid = texts.some((text) => text.includes('uuid_generate_v4'));
  const extensions = [...texts.flatMap(trace.extensionsCreatedIn), ...(typeormUuid ? ['uuid-ossp'] : [])];
  const db = args.databaseUrl ? await trace.openServer({ url: args.databaseUrl, allowNonEmpty: args.allowNonEmpty }) : await trace.openPglite(io.env, extensions);
  if (typeormUuid) await db.run('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
  let failed = false;
  const replay = new SchemaReplay();
  function* read(): Generator<TraceInput> {
    for (const file of files) {
      const shownAs = displayPath(file, io.cwd);
      let text: string;
      try {
        text = decodeFile(fs.readFileSync(file)).text;
      } catch (error) {
        io.stderr.write(`migralint: cannot read ${shownAs}: ${describe(error)}\n`);
        failed = true;
        continue;
      }
      const analysis = django?.analyses.get(file) ?? analyzeText(text, shownAs, { ...options, frontend: forcedFrontend(file) });
      if (isSkipped(analysis)) continue;
      const lint = checkAnalysis(analysis, shownAs, { ...options, replay });
      yield { file: shownAs, analysis, lint };
    }
  }
  let result;
  try {
    result = await trace.runTrace(read(), db, { commit: args.databaseUrl ? args.commit : true });
  } finally {
    await db.close();
  }
  const { traceJson, traceStylish } = require('../trace/report') as typeof import('../trace/report');
  const color = args.outputFile ? args.color === true : (args.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR));
  const output = args.format === 'json' ? traceJson(result, version) : traceStylish(result, color);
  if (args.outputFile) fs.writeFileSync(path.resolve(io.cwd, args.outputFile), output);
  else io.stdout.write(output);
  if (failed) return EXIT_FAILURE;
  return result.findings.some((finding) => finding.severity === 'error') ? EXIT_FINDINGS : EXIT_CLEAN;
}
