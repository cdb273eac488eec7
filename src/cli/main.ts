import { UsageError } from '../config/errors';
import { parseArgs } from './args';
import { type CliIO, processIO } from './io';
import { describe } from './describe-error';
import { EXIT_CLEAN, EXIT_FAILURE, runLint } from './lint-command';
import { toolVersion } from './version';

/** Runs the CLI and resolves to the exit code. Errors become one line on stderr, never a stack trace. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const version = toolVersion();
  try {
    const command = await parseArgs(argv, version);
    switch (command.command) {
      case 'output':
        io.stdout.write(command.text);
        return EXIT_CLEAN;
      // Subcommands load their modules when used, so a lint run does not pay for them.
      case 'explain':
        io.stdout.write((require('./explain') as typeof import('./explain')).explainRule(command.rule));
        return EXIT_CLEAN;
      case 'rules':
        io.stdout.write((require('./explain') as typeof import('./explain')).rulesTable());
        return EXIT_CLEAN;
      case 'init':
        io.stdout.write((require('./init') as typeof import('./init')).writeStarterConfig(io.cwd));
        return EXIT_CLEAN;
      case 'lint':
        return await runLint(command.options, io, version);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`migralint: ${error.message}\n`);
    } else {
      io.stderr.write(`migralint: unexpected error: ${describe(error)} (set DEBUG=migralint for details)\n`);
      if (io.env.DEBUG === 'migralint') io.stderr.write(`${(error as Error).stack}\n`);
    }
    return EXIT_FAILURE;
  }
}
