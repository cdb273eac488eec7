import yargsParser from 'yargs-parser';
import { UsageError } from '../config/errors';
import { type FormatName, formatNames, isFormatName } from '../reporters/formats';

export type CliCommand =
  | { command: 'lint'; options: LintArgs }
  | { command: 'explain'; rule: string }
  | { command: 'rules'; format: 'table' | 'json' }
  | { command: 'init' }
  | { command: 'trace'; options: TraceArgs }
  | { command: 'schema'; options: SchemaArgs }
  | { command: 'lsp'; options: LspArgs }
  | { command: 'output'; text: string };

export interface LintArgs {
  paths: string[];
  format?: FormatName;
  outputFile?: string;
  config?: string;
  rule: string[];
  pgVersion?: number;
  assumeInTransaction?: boolean;
  maxWarnings?: number;
  quiet: boolean;
  color?: boolean;
  stdinFilepath?: string;
  verbose: boolean;
  since?: string;
  staged: boolean;
  cache: boolean;
  cacheLocation?: string;
  /** Worker threads for large runs: `auto` (one per core), `off`, or a number. */
  concurrency: 'auto' | 'off' | number;
  /** Write the fixes that keep each migration's meaning. */
  fix: boolean;
  /** Print the fixes as a unified diff, and write nothing. */
  fixDryRun: boolean;
  /** Show each finding's safe alternative (stylish); `--no-suggestions` hides them. */
  suggestions: boolean;
}

/** `migralint trace`: the migrations run in an embedded PostgreSQL (or on a server). */
export interface TraceArgs {
  paths: string[];
  format: 'stylish' | 'json';
  outputFile?: string;
  config?: string;
  rule: string[];
  assumeInTransaction?: boolean;
  color?: boolean;
  databaseUrl?: string;
  commit: boolean;
  allowNonEmpty: boolean;
}

/** `migralint schema`: the replayed schema, as text or JSON. */
export interface SchemaArgs {
  paths: string[];
  format: 'text' | 'json';
  outputFile?: string;
  config?: string;
}

/** `migralint lsp`: the language server, over standard input and output. */
export interface LspArgs {
  /** The config file when the editor's settings name none. */
  config?: string;
}

/** The options only `lsp` takes: what editors pass to a server they start (it talks over stdio whatever they say). */
const LSP_OPTIONS: Record<string, OptionSpec> = {
  stdio: { type: 'boolean', describe: 'Talk the Language Server Protocol over standard input and output (the default)' },
  clientProcessId: { type: 'number', describe: "The editor's process id: the server exits when that process has gone" },
};

/** The options only `trace` takes (it also takes format, output-file, config, rule, assume-in-transaction and color). */
const TRACE_OPTIONS: Record<string, OptionSpec> = {
  'database-url': { type: 'string', describe: 'Trace on this PostgreSQL server (postgres://…) instead of the embedded one' },
  commit: { type: 'boolean', default: false, describe: 'With --database-url: commit each migration (default: roll each back)' },
  'allow-non-empty': { type: 'boolean', default: false, describe: 'With --database-url: run on a database that already has tables' },
};

interface OptionSpec {
  type: 'string' | 'boolean' | 'number';
  alias?: string;
  array?: boolean;
  /** How many values follow the option each time it is given (`--rule` takes one, so a path after it stays a path). */
  nargs?: number;
  default?: boolean;
  describe: string;
}

/** Every option, once: it configures both the fast parser for linting and yargs (help, version, subcommands). */
const OPTIONS: Record<string, OptionSpec> = {
  format: { alias: 'f', type: 'string', describe: `Output format: ${formatNames.join(', ')}` },
  'output-file': { alias: 'o', type: 'string', describe: 'Write the report to this file' },
  config: { alias: 'c', type: 'string', describe: 'Config file (default: nearest migralint.config.json)' },
  rule: { type: 'string', array: true, nargs: 1, describe: 'Rule severity override, RULE=off|warn|error (repeatable)' },
  'pg-version': { type: 'string', describe: 'Target PostgreSQL version (default 15)' },
  'assume-in-transaction': { type: 'boolean', describe: 'Treat each SQL file as run inside a transaction' },
  'max-warnings': { type: 'number', describe: 'Exit 1 when there are more warnings than this' },
  quiet: { type: 'boolean', default: false, describe: 'Report errors only' },
  color: { type: 'boolean', describe: 'Force colour on (--color) or off (--no-color)' },
  'stdin-filepath': { type: 'string', describe: 'Name for standard input (picks the front-end)' },
  since: { type: 'string', describe: 'Lint only migrations added or changed since the merge base with GIT_REF' },
  staged: { type: 'boolean', default: false, describe: 'Lint the staged content of staged migrations (pre-commit)' },
  cache: { type: 'boolean', default: false, describe: 'Reuse results for unchanged files (node_modules/.cache/migralint)' },
  'cache-location': { type: 'string', describe: 'Cache file path (implies --cache)' },
  concurrency: { type: 'string', describe: 'Worker threads for large runs: auto (default), off, or a number' },
  verbose: { type: 'boolean', default: false, describe: 'Print notes about skipped files to stderr' },
  fix: { type: 'boolean', default: false, describe: 'Fix what can be fixed without changing what the migration does (CONCURRENTLY, IF [NOT] EXISTS, lock_timeout, NOT VALID)' },
  'fix-dry-run': { type: 'boolean', default: false, describe: 'Print the fixes --fix would make as a unified diff; write nothing' },
  suggestions: { type: 'boolean', default: true, describe: 'Show the safe alternative under each finding (--no-suggestions hides it)' },
};

const SUBCOMMANDS = new Set(['explain', 'rules', 'init', 'trace', 'schema', 'lsp']);
const camelCase = (name: string) => name.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
const KNOWN_KEYS = new Set(
  Object.entries(OPTIONS).flatMap(([name, spec]) => [name, camelCase(name), ...(spec.alias ? [spec.alias] : [])]),
);

function buildParser(version: string) {
  // yargs (and its help formatting) loads only for help, version and subcommands: a lint run starts faster without it.
  const yargs = require('yargs') as (args?: string[]) => import('yargs').Argv;
  let parser = yargs()
    .scriptName('migralint')
    .usage('$0 [paths..] [options]\n\nLint PostgreSQL migrations (SQL, Knex, TypeORM) for changes that break running code or lock busy tables.')
    .command('$0 [paths..]', 'Lint migration files, folders or globs', (y) =>
      y.positional('paths', { type: 'string', array: true, describe: 'files, folders or globs; - for stdin' }),
    )
    .command('explain <rule>', 'What a rule catches, why, and the safe alternative')
    .command('rules', 'List every rule with its category, default severity and front-ends')
    .command('init', 'Write a starter migralint.config.json')
    .command('trace [paths..]', 'Run the migrations in an embedded PostgreSQL and show what each statement locks and rewrites', (y) => {
      let command = y.positional('paths', { type: 'string', array: true, describe: 'files, folders or globs' });
      for (const [name, spec] of Object.entries(TRACE_OPTIONS)) command = command.option(name, spec);
      return command;
    })
    .command('schema [paths..]', 'Print the schema the migrations build, replayed statically (--format json for data), with the statements not modelled', (y) =>
      y.positional('paths', { type: 'string', array: true, describe: 'files, folders or globs' }),
    )
    .command('lsp', 'Run the language server (for editors), over standard input and output', (y) => {
      let command = y;
      for (const [name, spec] of Object.entries(LSP_OPTIONS)) command = command.option(name, spec);
      return command;
    });
  for (const [name, spec] of Object.entries(OPTIONS)) parser = parser.option(name, spec);
  return parser
    .strict()
    .version(version)
    .help()
    .alias('help', 'h')
    .wrap(100);
}

/** The common case, a lint run, parsed without yargs; anything else goes to yargs. */
function parseLintQuickly(argv: readonly string[]): Record<string, unknown> | undefined {
  if (argv.some((arg) => arg === '--help' || arg === '-h' || arg === '--version')) return undefined;
  const entries = Object.entries(OPTIONS);
  const parsed = yargsParser([...argv], {
    string: entries.filter(([, spec]) => spec.type === 'string').map(([name]) => name),
    boolean: entries.filter(([, spec]) => spec.type === 'boolean').map(([name]) => name),
    number: entries.filter(([, spec]) => spec.type === 'number').map(([name]) => name),
    array: entries.filter(([, spec]) => spec.array).map(([name]) => name),
    narg: Object.fromEntries(entries.filter(([, spec]) => spec.nargs !== undefined).map(([name, spec]) => [name, spec.nargs as number])),
    alias: Object.fromEntries(entries.filter(([, spec]) => spec.alias).map(([name, spec]) => [name, [spec.alias as string]])),
    default: Object.fromEntries(entries.filter(([, spec]) => spec.default !== undefined).map(([name, spec]) => [name, spec.default])),
    configuration: { 'camel-case-expansion': true },
  });
  const positionals = parsed._.map(String);
  if (positionals.length > 0 && SUBCOMMANDS.has(positionals[0])) return undefined;
  const unknown = Object.keys(parsed).filter((key) => key !== '_' && key !== '--' && !KNOWN_KEYS.has(key));
  if (unknown.length > 0) throw new UsageError(`Unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  refuseRepeatedOptions(parsed, entries);
  return { ...parsed, paths: positionals, _: [] };
}

/** An option that takes one value, given twice (`--since a --since b`), is a mistake to name, not a list to guess from. */
function refuseRepeatedOptions(parsed: Record<string, unknown>, entries: Array<[string, OptionSpec]>): void {
  for (const [name, spec] of entries) {
    if (!spec.array && Array.isArray(parsed[name])) throw new UsageError(`--${name} was given more than once; give it once`);
  }
}

/** Parses argv; `--help`/`--version` come back as text to print. Bad arguments throw a UsageError. */
export async function parseArgs(argv: readonly string[], version: string): Promise<CliCommand> {
  // yargs drops a lone `-`, which by convention means standard input: take it out and put it back.
  const readsStdin = argv.includes('-');
  const quick = parseLintQuickly(argv.filter((arg) => arg !== '-'));
  if (quick) {
    const options = lintArgs(quick);
    return { command: 'lint', options: readsStdin ? { ...options, paths: [...options.paths, '-'] } : options };
  }
  const parser = buildParser(version);
  const { parsed, output } = await new Promise<{ parsed: Record<string, unknown>; output: string }>((resolve, reject) => {
    void parser.parse(argv.filter((arg) => arg !== '-'), {}, (error: Error | undefined, result: Record<string, unknown>, text: string) => {
      if (error) reject(new UsageError(firstLine(error.message)));
      else resolve({ parsed: result, output: text });
    });
  });
  if (output) return { command: 'output', text: output.endsWith('\n') ? output : `${output}\n` };
  const [first] = (parsed._ as string[]) ?? [];
  if (first === 'explain') return { command: 'explain', rule: String(parsed.rule) };
  if (first === 'rules') return { command: 'rules', format: rulesFormat(parsed.format as string | undefined) };
  if (first === 'init') return { command: 'init' };
  if (first === 'trace') return { command: 'trace', options: traceArgs(parsed) };
  if (first === 'schema') return { command: 'schema', options: schemaArgs(parsed) };
  if (first === 'lsp') return { command: 'lsp', options: { config: parsed.config as string | undefined } };
  const options = lintArgs(parsed);
  return { command: 'lint', options: readsStdin ? { ...options, paths: [...options.paths, '-'] } : options };
}

/** `rules` prints a table, or JSON with --format json. */
function rulesFormat(format: string | undefined): 'table' | 'json' {
  if (format === undefined || format === 'stylish') return 'table';
  if (format === 'json') return 'json';
  throw new UsageError(`--format "${format}": rules prints a table, or JSON with --format json`);
}

function lintArgs(parsed: Record<string, unknown>): LintArgs {
  const format = parsed.format as string | undefined;
  if (format !== undefined && !isFormatName(format)) {
    throw new UsageError(`--format "${format}" is not a format; choose one of ${formatNames.join(', ')}`);
  }
  if (parsed.since !== undefined && parsed.staged === true) throw new UsageError('--since and --staged cannot be used together');
  if (parsed.since === '') throw new UsageError('--since needs a git ref, such as --since origin/main');
  if (parsed.fix === true && parsed.fixDryRun === true) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const dryRunFormat = format ?? 'stylish';
  if (parsed.fixDryRun === true && !['stylish', 'compact', 'github'].includes(dryRunFormat) && parsed.outputFile === undefined) {
    throw new UsageError(`--fix-dry-run prints a diff on stdout: with --format ${dryRunFormat}, write the report with --output-file`);
  }
  const maxWarnings = parsed.maxWarnings as number | undefined;
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError('--max-warnings must be a whole number of 0 or more');
  }
  return {
    paths: ((parsed.paths as string[] | undefined) ?? []).map(String),
    format,
    outputFile: parsed.outputFile as string | undefined,
    config: parsed.config as string | undefined,
    rule: ((parsed.rule as string[] | undefined) ?? []).map(String),
    pgVersion: parsePgVersion(parsed.pgVersion as string | undefined),
    assumeInTransaction: parsed.assumeInTransaction as boolean | undefined,
    maxWarnings,
    quiet: parsed.quiet === true,
    color: parsed.color as boolean | undefined,
    stdinFilepath: parsed.stdinFilepath as string | undefined,
    verbose: parsed.verbose === true,
    since: parsed.since as string | undefined,
    staged: parsed.staged === true,
    cache: parsed.cache === true || parsed.cacheLocation !== undefined,
    concurrency: parseConcurrency(parsed.concurrency as string | undefined),
    cacheLocation: parsed.cacheLocation as string | undefined,
    fix: parsed.fix === true,
    fixDryRun: parsed.fixDryRun === true,
    suggestions: parsed.suggestions !== false,
  };
}

function traceArgs(parsed: Record<string, unknown>): TraceArgs {
  const format = (parsed.format as string | undefined) ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`trace --format "${format}": choose stylish or json`);
  const databaseUrl = parsed.databaseUrl as string | undefined;
  if (databaseUrl === undefined && (parsed.commit === true || parsed.allowNonEmpty === true)) {
    throw new UsageError('--commit and --allow-non-empty apply to --database-url');
  }
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError(`--database-url "${databaseUrl}": expected postgres://user@host:port/database`);
  return {
    paths: ((parsed.paths as string[] | undefined) ?? []).map(String),
    format,
    outputFile: parsed.outputFile as string | undefined,
    config: parsed.config as string | undefined,
    rule: ((parsed.rule as string[] | undefined) ?? []).map(String),
    assumeInTransaction: parsed.assumeInTransaction as boolean | undefined,
    color: parsed.color as boolean | undefined,
    databaseUrl,
    commit: parsed.commit === true,
    allowNonEmpty: parsed.allowNonEmpty === true,
  };
}

function schemaArgs(parsed: Record<string, unknown>): SchemaArgs {
  const format = (parsed.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'stylish' && format !== 'json') throw new UsageError(`schema --format "${format}": choose text or json`);
  const ignored = ['rule', 'pgVersion', 'maxWarnings', 'since', 'stdinFilepath', 'cacheLocation'].filter((key) => parsed[key] !== undefined && !(Array.isArray(parsed[key]) && (parsed[key] as unknown[]).length === 0));
  if (parsed.staged === true || parsed.cache === true) ignored.push(parsed.staged === true ? 'staged' : 'cache');
  if (ignored.length > 0) throw new UsageError(`schema does not take --${ignored[0].replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
  return {
    paths: ((parsed.paths as string[] | undefined) ?? []).map(String),
    format: format === 'json' ? 'json' : 'text',
    outputFile: parsed.outputFile as string | undefined,
    config: parsed.config as string | undefined,
  };
}

function parseConcurrency(text: string | undefined): LintArgs['concurrency'] {
  if (text === undefined || text === 'auto') return 'auto';
  if (text === 'off') return 'off';
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new UsageError(`--concurrency "${text}": expected auto, off, or a number of threads from 1 to 64`);
  return count;
}

export function parsePgVersion(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  const version = match ? Number(match[1]) + (match[2] ? Number(`0.${match[2]}`) : 0) : NaN;
  if (!(version >= 9 && version < 100)) throw new UsageError(`--pg-version "${text}": expected a PostgreSQL version such as 15 or 9.6`);
  return version;
}

function firstLine(message: string): string {
  return message.split('\n').find((line) => line.trim().length > 0)?.trim() ?? message;
}
