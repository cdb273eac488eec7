import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Connection,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe } from '../cli/describe-error';
import { lintDocument, newLintCaches } from '../cli/lint-document';
import { type RunConfig, resolveRunConfig } from '../cli/run-config';
import type { FileResult, Finding } from '../engine/finding';
import { forgetKnexfiles } from '../frontends/knex/knexfile';
import { type LintOptions, isSkipped, lintText, prepareLinting } from '../lint';
import { codeActions } from './code-actions';
import { COPY_SUGGESTION, isCopySuggestionArguments } from './commands';
import { diagnosticOf } from './diagnostics';
import { type FindingRemedy, findingRemedies } from './fix-actions';
import { hoverAt } from './hover';

/** The server's settings: the `migralint` section of the editor's settings, or the client's initialization options. */
export interface ServerSettings {
  /** Lint at all (default true). */
  enable: boolean;
  /** A config file, relative to the workspace folder (default: the nearest one above each file, as the CLI finds it). */
  configPath?: string;
}

export interface ServerOptions {
  /** `migralint lsp --config FILE`: the config when the editor's settings name none (absolute). */
  configPath?: string;
}

/** Typing pauses shorter than this do not start a lint. */
const DEBOUNCE_MS = 200;
/** Files whose change can change any file's findings: configs, and the knexfiles that turn Knex's transactions off. */
const WATCHED_FILES = '**/{migralint.config.json,.migralintrc.json,package.json,knexfile.js,knexfile.ts,knexfile.cjs,knexfile.mjs}';

/** What a document's last lint found, for the version of the text it read. */
interface Linted {
  version: number;
  result?: FileResult;
  /** What the result was linted with: fixes are verified by linting the fixed text the same way. */
  options?: LintOptions;
  /** The findings' fixes and suggestions, made at the first code action asked for this version. */
  remedies?: Map<Finding, FindingRemedy>;
}

/**
 * The language server: documents in, diagnostics, hovers and code actions out.
 * Linting is the CLI's (src/cli/lint-document.ts), so a file shows what
 * `migralint FILE` reports; this module only adapts it to the protocol.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Parsed Django migrations and earlier migrations' schema effects, kept between lints: each lint replays the folder's history. */
  let caches = newLintCaches();
  /** Problems already shown to the user (a broken config is said once, not on every keystroke). */
  const shownProblems = new Set<string>();
  let workspaceFolders: string[] = [];
  let pullsConfiguration = false;
  let settings: ServerSettings | undefined;
  let pushedSettings: Partial<ServerSettings> = {};

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => filePathOf(folder.uri)).filter((folder): folder is string => folder !== undefined);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [filePathOf(params.rootUri)].filter((folder): folder is string => folder !== undefined);
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    pushedSettings = settingsFrom(params.initializationOptions);
    const watchesDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const tellsFolders = params.capabilities.workspace?.workspaceFolders === true;
    connection.onInitialized(() => {
      if (watchesDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }] });
      if (tellsFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
          const gone = new Set(removed.map((folder) => filePathOf(folder.uri)));
          workspaceFolders = [...workspaceFolders.filter((folder) => !gone.has(folder)), ...added.flatMap((folder) => filePathOf(folder.uri) ?? [])];
          relintAll();
        });
      }
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [COPY_SUGGESTION] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'migralint' },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    const section = (params.settings as { migralint?: unknown } | undefined)?.migralint;
    if (section !== undefined) pushedSettings = settingsFrom(section);
    settings = undefined;
    relintAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    forgetKnexfiles();
    relintAll();
  });

  // Also called on open: a document just opened is linted at once, edits after a pause in typing.
  documents.onDidChangeContent(({ document }) => schedule(document, linted.has(document.uri) || timers.has(document.uri) ? DEBOUNCE_MS : 0));
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    linted.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(async ({ textDocument, position }) => {
    const result = await currentResult(textDocument.uri);
    return result ? hoverAt(result, position) : null;
  });
  connection.onCodeAction(async (params) => {
    const result = await currentResult(params.textDocument.uri);
    return codeActions(params, result, () => remediesOf(params.textDocument.uri));
  });
  // Reached only from clients that do not run the command themselves: the text is shown, to be copied from there.
  connection.onExecuteCommand(({ command, arguments: args }) => {
    const [argument] = args ?? [];
    if (command !== COPY_SUGGESTION || !isCopySuggestionArguments(argument)) return;
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `migralint: the safe alternative for ${argument.rule}:\n${argument.text}` });
  });
  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        void lintAndPublish(document.uri);
      }, delay),
    );
  }

  function relintAll(): void {
    shownProblems.clear();
    caches = newLintCaches(); // the config may read them differently
    for (const document of documents.all()) schedule(document, 0);
  }

  /** The document's findings for its current text: linted now when a lint is pending (a hover or code action right after typing). */
  async function currentResult(uri: string): Promise<FileResult | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    if (linted.get(uri)?.version !== document.version) {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      await lintAndPublish(uri);
    }
    const entry = linted.get(uri);
    return entry?.version === document.version ? entry.result : undefined;
  }

  /** The fixes and suggestions for the document's current result (which currentResult has just made current). */
  function remediesOf(uri: string): Map<Finding, FindingRemedy> {
    const entry = linted.get(uri);
    const document = documents.get(uri);
    if (!entry?.result || !entry.options || !document) return new Map();
    entry.remedies ??= findingRemedies(document.getText(), entry.result, entry.options);
    return entry.remedies;
  }

  async function lintAndPublish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const { result, options, diagnostics } = await lint(document);
    // The text changed while this lint waited: a newer lint will publish.
    if (documents.get(uri)?.version !== version) return;
    linted.set(uri, { version, result, options });
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  async function lint(document: TextDocument): Promise<{ result?: FileResult; options?: LintOptions; diagnostics: Diagnostic[] }> {
    const current = await currentSettings();
    if (!current.enable) return { diagnostics: [] };
    const file = filePathOf(document.uri);
    const untitledSql = file === undefined && document.uri.startsWith('untitled:') && document.languageId === 'sql';
    if (file === undefined && !untitledSql) return { diagnostics: [] };
    const folder = file === undefined ? workspaceFolders[0] : folderOf(file);
    const explicit = current.configPath ? path.resolve(folder ?? path.dirname(file ?? '.'), current.configPath) : options.configPath;
    let run: RunConfig;
    try {
      run = resolveRunConfig(file ? path.dirname(file) : (folder ?? process.cwd()), { config: explicit });
    } catch (error) {
      tell(`migralint: ${describe(error)}`);
      return { diagnostics: [] };
    }
    try {
      let linted;
      if (file === undefined) {
        await prepareLinting();
        const options: LintOptions = { ...run.options, frontend: 'sql' };
        linted = { result: lintText(document.getText(), document.uri, options), options };
      } else {
        linted = await lintDocument({ file, text: document.getText() }, run, folder ?? run.baseDir, openText, caches);
      }
      const { result, options } = linted;
      if (isSkipped(result)) return { diagnostics: [] };
      return { result, options, diagnostics: result.findings.map(diagnosticOf) };
    } catch (error) {
      // A problem with the run (an unreadable folder) is told once; anything else is a bug, logged and shown on the file.
      if ((error as Error | undefined)?.name === 'UsageError') {
        tell(`migralint: ${describe(error)}`);
        return { diagnostics: [] };
      }
      connection.console.error(`migralint: internal error while linting ${file ?? document.uri}: ${(error as Error).stack ?? describe(error)}`);
      const start = { line: 0, character: 0 };
      return { diagnostics: [{ range: { start, end: start }, severity: 2, source: 'migralint', message: `migralint could not lint this file: ${describe(error)}` }] };
    }
  }

  function openText(file: string): string | undefined {
    return documents.all().find((document) => filePathOf(document.uri) === file)?.getText();
  }

  function folderOf(file: string): string | undefined {
    const holding = workspaceFolders.filter((folder) => !path.relative(folder, file).startsWith('..') && !path.isAbsolute(path.relative(folder, file)));
    return holding.sort((a, b) => b.length - a.length)[0];
  }

  function tell(message: string): void {
    if (shownProblems.has(message)) return;
    shownProblems.add(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  }

  async function currentSettings(): Promise<ServerSettings> {
    if (settings) return settings;
    let pulled: Partial<ServerSettings> = {};
    if (pullsConfiguration) {
      try {
        pulled = settingsFrom(await connection.workspace.getConfiguration('migralint'));
      } catch {
        pulled = {}; // a client that cannot answer: its pushed settings stand
      }
    }
    settings = { enable: true, ...pushedSettings, ...pulled };
    return settings;
  }
}

/** The path of a `file:` URI; undefined for other schemes (unsaved buffers, diffs). */
function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function settingsFrom(value: unknown): Partial<ServerSettings> {
  if (typeof value !== 'object' || value === null) return {};
  const { enable, configPath } = value as Record<string, unknown>;
  const settings: Partial<ServerSettings> = {};
  if (typeof enable === 'boolean') settings.enable = enable;
  if (typeof configPath === 'string' && configPath.trim() !== '') settings.configPath = configPath;
  return settings;
}
