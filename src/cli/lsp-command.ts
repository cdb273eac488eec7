import * as path from 'node:path';
import { format } from 'node:util';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import type { LspArgs } from './args';
import type { CliIO } from './io';

/**
 * `migralint lsp`: the language server, over standard input and output, until
 * the editor sends `exit` (or closes the pipe); the server library then ends the
 * process, with 0 after a `shutdown` request and 1 without one, as the protocol asks.
 * Bundled on its own (lib/lsp.js) with the server library, so a lint run loads neither.
 */
export function runLspCommand(args: LspArgs, io: CliIO): Promise<number> {
  // Standard output carries the protocol: anything a library prints goes to standard error instead.
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    console[method] = (...values: unknown[]) => void process.stderr.write(`${format(...values)}\n`);
  }
  const connection = createConnection(process.stdin, process.stdout);
  startServer(connection, { configPath: args.config === undefined ? undefined : path.resolve(io.cwd, args.config) });
  return new Promise<number>(() => {});
}
