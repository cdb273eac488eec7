/**
 * The language server's latency on a 10,000-line migration (SQL, and Knex), as
 * an editor sees it: `bin/migralint lsp` in a child process, JSON-RPC over its
 * pipes; the time from `didOpen` to the published diagnostics, and from a
 * `didChange` (one statement edited) to the diagnostics of the new version,
 * the server's 200 ms pause in typing included. Each run starts a server, opens
 * a small migration first (as an editor's session has), then the big file.
 * Part of `npm run bench` (scenario `lsp`), against the target the README states.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

const ROOT = path.resolve(__dirname, '..', '..');
const MIGRALINT = path.join(ROOT, 'bin', 'migralint');
export const LSP_TARGET_SECONDS = 1.5;
export const BIG_FILE_LINES = 10_000;

interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string | number }>;
}

/** A migration of at least `lines` lines: per step a comment, an added column, an index without CONCURRENTLY and a backfill over three lines. */
export function bigSqlMigration(lines: number): string {
  const statements = ["SET lock_timeout = '2s';"];
  for (let index = 0; statements.length < lines; index++) {
    const table = `orders_${index % 50}`;
    statements.push(`-- step ${index}`, `ALTER TABLE ${table} ADD COLUMN note_${index} text;`, `CREATE INDEX orders_${index}_idx ON ${table} (note_${index});`, `UPDATE ${table}`, `   SET note_${index} = 'n/a'`, ' WHERE id < 1000;');
  }
  return `${statements.join('\n')}\n`;
}

/** A Knex migration of at least `lines` lines: alterTable blocks of a column and an index each, and a raw backfill. */
export function bigKnexMigration(lines: number): string {
  const body = ["exports.up = async (knex) => {", "  await knex.raw(\"SET lock_timeout = '2s'\");"];
  for (let index = 0; body.length < lines - 2; index++) {
    const table = `orders_${index % 50}`;
    body.push(
      `  await knex.schema.alterTable('${table}', (table) => {`,
      `    table.text('note_${index}');`,
      `    table.index(['note_${index}']);`,
      '  });',
      `  await knex.raw("UPDATE ${table} SET note_${index} = 'n/a' WHERE id < 1000");`,
    );
  }
  return `${[...body, '};', ''].join('\n')}`;
}

export interface LspLatencyRow {
  document: string;
  lines: number;
  findings: number;
  openSeconds: number[];
  editSeconds: number[];
}

/** A JSON-RPC connection to a server started in `folder`, recording what it publishes. */
class Session {
  private readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private readonly waiting: Array<{ uri: string; version: number; resolve: (params: Published) => void }> = [];

  constructor(folder: string) {
    this.child = spawn(process.execPath, [MIGRALINT, 'lsp', '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      const index = this.waiting.findIndex((waiter) => waiter.uri === params.uri && waiter.version === params.version);
      if (index >= 0) this.waiting.splice(index, 1)[0].resolve(params);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.listen();
  }

  async initialize(folder: string): Promise<void> {
    const uri = pathToFileURL(folder).href;
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: { workspace: { configuration: true } } });
    await this.connection.sendNotification('initialized', {});
  }

  /** Sends the notification and resolves to the seconds until the diagnostics of `version` arrive. */
  async timed(uri: string, version: number, send: () => Promise<void>): Promise<{ seconds: number; published: Published }> {
    const published = new Promise<Published>((resolve) => this.waiting.push({ uri, version, resolve }));
    const started = process.hrtime.bigint();
    await send();
    const result = await published;
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, published: result };
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise((resolve) => (this.child.exitCode === null ? this.child.once('exit', resolve) : resolve(null)));
    this.connection.dispose();
  }
}

/** One run: a fresh server, a small migration opened first, then the big one opened and edited. */
async function runOnce(folder: string, name: string, text: string, edit: { line: number; character: number; text: string }) {
  const session = new Session(folder);
  try {
    await session.initialize(folder);
    const small = path.join(folder, 'db/migrations/000001_small.sql');
    const smallUri = pathToFileURL(small).href;
    await session.timed(smallUri, 1, () => session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'sql', version: 1, text: fs.readFileSync(small, 'utf8') } }));
    const file = path.join(folder, 'db/migrations', name);
    const uri = pathToFileURL(file).href;
    const languageId = name.endsWith('.sql') ? 'sql' : 'javascript';
    const opened = await session.timed(uri, 1, () => session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }));
    const at = { line: edit.line, character: edit.character };
    const edited = await session.timed(uri, 2, () =>
      session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: edit.text }] }),
    );
    // The edit fixes one finding: a lint that did not see it would publish as many.
    if (edited.published.diagnostics.length !== opened.published.diagnostics.length - 1) {
      throw new Error(`${name}: ${opened.published.diagnostics.length} findings on open, ${edited.published.diagnostics.length} after the edit (one fewer expected)`);
    }
    return { open: opened.seconds, edit: edited.seconds, findings: opened.published.diagnostics.length };
  } finally {
    await session.stop();
  }
}

export async function runLspLatency(runs: number): Promise<LspLatencyRow[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-bench-lsp-'));
  try {
    fs.mkdirSync(path.join(folder, 'db/migrations'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'db/migrations/000001_small.sql'), "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;\n");
    const documents = [
      // CONCURRENTLY typed into the first CREATE INDEX (line 4).
      { document: 'SQL', name: '000002_big.sql', text: bigSqlMigration(BIG_FILE_LINES), edit: { line: 3, character: 'CREATE INDEX'.length, text: ' CONCURRENTLY' } },
      // The first builder index (line 5) becomes a plain column: its finding goes.
      { document: 'Knex', name: '20240101000000_big.js', text: bigKnexMigration(BIG_FILE_LINES), edit: { line: 4, character: '    table.'.length, text: 'text("x_0");//' } },
    ];
    const rows: LspLatencyRow[] = [];
    for (const { document, name, text, edit } of documents) {
      fs.writeFileSync(path.join(folder, 'db/migrations', name), text);
      const row: LspLatencyRow = { document, lines: text.split('\n').length - 1, findings: 0, openSeconds: [], editSeconds: [] };
      for (let run = 0; run < runs; run++) {
        const measured = await runOnce(folder, name, text, edit);
        row.openSeconds.push(measured.open);
        row.editSeconds.push(measured.edit);
        row.findings = measured.findings;
      }
      rows.push(row);
      // Alone in the folder with the small migration: one big file is not the other's context.
      fs.rmSync(path.join(folder, 'db/migrations', name));
    }
    return rows;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export function lspLatencyTable(rows: LspLatencyRow[]): string {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const cell = (values: number[]) => {
    const ordered = sorted(values);
    return `${ordered[Math.floor(ordered.length / 2)].toFixed(2)} (${ordered[0].toFixed(2)}–${ordered[ordered.length - 1].toFixed(2)})`;
  };
  const within = (row: LspLatencyRow) => Math.max(...row.openSeconds, ...row.editSeconds) <= LSP_TARGET_SECONDS;
  const lines = [
    `| document | lines | findings | open → diagnostics (s), median (min–max) | edit → diagnostics (s), 0.2 s pause included | all within ${LSP_TARGET_SECONDS} s |`,
    '|---|---:|---:|---|---|---|',
  ];
  for (const row of rows) lines.push(`| ${row.document} | ${row.lines} | ${row.findings} | ${cell(row.openSeconds)} | ${cell(row.editSeconds)} | ${within(row) ? 'yes' : 'NO'} |`);
  return lines.join('\n');
}

if (require.main === module) {
  const index = process.argv.indexOf('--runs');
  void runLspLatency(index >= 0 ? Number(process.argv[index + 1]) : 5).then((rows) => console.log(lspLatencyTable(rows)));
}
