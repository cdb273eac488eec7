import { UsageError } from '../config/errors';
import { parseArgs } from './args';
import { type CliIO, processIO } from './io';
import { describe } from './describe-error';
import { EXIT_CLEAN, EXIT_FAILURE, runLint } from './lint-command';
import { toolVersion } from './version';

export interface CliOutcome {
  exitCode: number;
  /** Whether this was a lint run that got as far as linting (what a code cache made from it should hold). */
  linted: boolean;
}

/** Runs the CLI and resolves to the exit code. Errors become one line on stderr, never a stack trace. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  return (await run(argv, io)).exitCode;
}

/** `main`, also saying what kind of run it was (for bin/migralint). */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<CliOutcome> {
  const version = toolVersion();
  const done = (exitCode: number, linted = false): CliOutcome => ({ exitCode, linted });
  try {
    const command = await parseArgs(argv, version);
    switch (command.command) {
      case 'output':
        io.stdout.write(command.text);
        return done(EXIT_CLEAN);
      // Subcommands load their modules when used, so a lint run does not pay for them.
      case 'explain':
        io.stdout.write(await (require('./explain') as typeof import('./explain')).explainRule(command.rule));
        return done(EXIT_CLEAN);
      case 'rules': {
        const explain = require('./explain') as typeof import('./explain');
        io.stdout.write(command.format === 'json' ? explain.rulesJson() : explain.rulesTable());
        return done(EXIT_CLEAN);
      }
      case 'init':
        io.stdout.write((require('./init') as typeof import('./init')).writeStarterConfig(io.cwd));
        return done(EXIT_CLEAN);
      case 'lint': {
        const exitCode = await runLint(command.options, io, version);
        return done(exitCode, exitCode !== EXIT_FAILURE);
      }
      case 'schema':
        return done(await (require('./schema-command') as typeof import('./schema-command')).runSchemaCommand(command.options, io, version));
      case 'lsp':
        return done(await (require('./lsp-command') as typeof import('./lsp-command')).runLspCommand(command.options, io));
      case 'trace':
        return done(await (require('./trace-command') as typeof import('./trace-command')).runTraceCommand(command.options, io, version));
    }
  } catch (error) {
    // By name too: a command bundled in a file of its own (lib/trace.js) has its own copy of the class.
    if (error instanceof UsageError || (error as Error | undefined)?.name === 'UsageError') {
      io.stderr.write(`migralint: ${(error as Error).message}\n`);
    } else {
      io.stderr.write(`migralint: unexpected error: ${describe(error)} (set DEBUG=migralint for details)\n`);
      if (io.env.DEBUG === 'migralint') io.stderr.write(`${(error as Error).stack}\n`);
    }
    return done(EXIT_FAILURE);
  }
}
