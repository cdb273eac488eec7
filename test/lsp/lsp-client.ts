import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver';

export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'migralint');

export const uriOf = (file: string) => pathToFileURL(file).href;

interface Waiter {
  uri: string;
  accept: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

/**
 * An editor, as far as the server can tell: it starts `bin/migralint lsp --stdio`
 * (the committed bundle), talks JSON-RPC over the pipes with vscode-jsonrpc, keeps
 * the documents it opened, answers the server's requests, and records what the
 * server publishes.
 */
export class EditorClient {
  readonly connection: MessageConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: Array<{ type: number; message: string }> = [];
  readonly registrations: unknown[] = [];
  readonly stderr: string[] = [];
  /** What the client answers to workspace/configuration for the `migralint` section. */
  settings: Record<string, unknown> = {};
  private readonly texts = new Map<string, { text: string; version: number }>();
  private readonly waiters: Waiter[] = [];
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => this.messages.push(params));
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((item) => (item.section === 'migralint' ? this.settings : null)));
    this.connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.listen();
  }

  /** Starts the server as vscode-languageclient does: `--stdio --clientProcessId=<its pid>` after the arguments it was given. */
  static start(args: string[] = [], cwd = ROOT, bin = BIN): EditorClient {
    return new EditorClient(spawn(process.execPath, [bin, 'lsp', ...args, '--stdio', `--clientProcessId=${process.pid}`], { cwd, stdio: 'pipe' }));
  }

  async initialize(folder: string, options: { configuration?: boolean; initializationOptions?: unknown } = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: path.basename(folder) }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.configuration ?? true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] }, codeAction: {} },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Opens a document and resolves to the diagnostics published for it. */
  async open(file: string, text: string, languageId = languageOf(file)): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    this.texts.set(uri, { text, version: 1 });
    const published = this.nextDiagnostics(uri, (params) => params.version === 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return (await published).diagnostics;
  }

  /** Sends changes (ranges in the current text, or the whole text) and resolves to the diagnostics for the new version. */
  async change(file: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    const document = this.document(uri);
    document.version += 1;
    for (const change of changes) document.text = 'range' in change ? applyEdits(document.text, [{ range: change.range, newText: change.text }]) : change.text;
    const version = document.version;
    const published = this.nextDiagnostics(uri, (params) => params.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return (await published).diagnostics;
  }

  /**
   * Types: each change is its own didChange notification, sent without waiting
   * (as keystrokes are); resolves to the diagnostics published for the last version.
   */
  async type(file: string, keystrokes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const uri = uriOf(file);
    const document = this.document(uri);
    const last = document.version + keystrokes.length;
    const published = this.nextDiagnostics(uri, (params) => params.version === last);
    for (const change of keystrokes) {
      document.version += 1;
      document.text = 'range' in change ? applyEdits(document.text, [{ range: change.range, newText: change.text }]) : change.text;
      await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [change] });
    }
    return published;
  }

  /** Applies a code action's edit as an editor does: the document's text changes, and the server is told. */
  async apply(file: string, action: CodeAction): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    const edits = action.edit?.changes?.[uri];
    if (!edits) throw new Error(`the action "${action.title}" has no edit for ${uri}`);
    // Sent as one change of the whole text, as applying a workspace edit with several edits may be.
    return this.change(file, [{ text: applyEdits(this.document(uri).text, edits) }]);
  }

  textOf(file: string): string {
    return this.document(uriOf(file)).text;
  }

  /** The next diagnostics published for the file (after those already seen). */
  nextDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  hover(file: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line, character } });
  }

  codeActions(file: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range, context: { diagnostics, only } });
  }

  async close(file: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
  }

  /** `shutdown`, then `exit`: resolves to the server's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** The editor's end of the server's standard input closed, as when the editor dies. */
  closeInput(): void {
    this.child.stdin?.end();
  }

  /** For a failed test: make sure no server is left running. */
  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }

  private document(uri: string) {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }
}

function languageOf(file: string): string {
  const languages: Record<string, string> = { '.sql': 'sql', '.js': 'javascript', '.ts': 'typescript', '.py': 'python' };
  return languages[path.extname(file)] ?? 'plaintext';
}

/** Applies non-overlapping edits (LSP ranges into `text`), last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetOf = (position: { line: number; character: number }) => {
    let offset = 0;
    for (let line = 0; line < position.line; line++) {
      const next = text.indexOf('\n', offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    return offset + position.character;
  };
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end));
  return result;
}

/** `rule@line:column-endLine:endColumn` of each diagnostic, 1-based as migralint reports, to compare with the CLI. */
export function diagnosticKeys(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(({ code, range }) => `${String(code)}@${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`);
}
