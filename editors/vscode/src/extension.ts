import * as path from 'node:path';
import { type ExtensionContext, type OutputChannel, commands, env, window, workspace } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { copySuggestionMiddleware } from './copy-suggestion';
import { findServer } from './server-location';

/**
 * A thin client: it starts `migralint lsp` and leaves everything else to the
 * server. The server comes from the workspace's node_modules when the project
 * installs migralint (so the editor agrees with the project's CLI and CI), else
 * from the copy bundled in the extension.
 */
let client: LanguageClient | undefined;
let output: OutputChannel | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  output = window.createOutputChannel('migralint');
  context.subscriptions.push(
    output,
    commands.registerCommand('migralint.restartServer', async () => {
      await stop();
      await start(context);
    }),
  );
  await start(context);
}

export function deactivate(): Promise<void> {
  return stop();
}

async function start(context: ExtensionContext): Promise<void> {
  const folders = (workspace.workspaceFolders ?? []).map((folder) => ({ name: folder.name, path: folder.uri.fsPath }));
  const server = findServer(folders, context.asAbsolutePath(path.join('server', 'bin', 'migralint')));
  output?.appendLine(`migralint: starting the language server from ${server.from} (${server.module})`);
  const run = { module: server.module, args: ['lsp'], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.sql' },
      { scheme: 'untitled', language: 'sql' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'typescript' },
      // Django migrations: only modules in a migrations/ folder can be.
      { scheme: 'file', language: 'python', pattern: '**/migrations/*.py' },
    ],
    synchronize: { configurationSection: 'migralint' },
    outputChannel: output,
    middleware: { executeCommand: copySuggestionMiddleware(env.clipboard, (message) => void window.showInformationMessage(message)) },
  };
  client = new LanguageClient('migralint', 'migralint', serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}
