import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver';
import { BIG_FILE_LINES, bigSqlMigration } from '../../bench/lsp';
import { LOCKS_VERIFIED_ON } from '../../src/engine/verified-on';
import { EditorClient, ROOT, diagnosticKeys, uriOf } from './lsp-client';

/**
 * The language server driven as an editor drives it: `bin/migralint lsp --stdio`
 * (the committed bundle) in a child process, JSON-RPC over its pipes.
 */
jest.setTimeout(60_000);

const DOCS = 'https://github.com/migralint/migralint/blob/main/docs/rules';

/** A project with the bundled fixtures as its migrations (SQL, Knex, TypeORM, Django). */
function makeProject(): string {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-lsp-'));
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "app", "private": true }\n');
  fs.cpSync(path.join(ROOT, 'fixtures/sql'), path.join(project, 'db/migrations'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'fixtures/knex'), path.join(project, 'knex/migrations'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'fixtures/typeorm'), path.join(project, 'src/migrations'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'fixtures/django'), path.join(project, 'django'), { recursive: true });
  return project;
}

const SQL_FILE = 'db/migrations/000005_index_orders_by_user.up.sql';
const KNEX_FILE = 'knex/migrations/20240112100000_index_orders_by_user.ts';

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({ start: { line, character }, end: { line: endLine, character: endCharacter } });

describe('one editor session', () => {
  let project: string;
  let editor: EditorClient;
  const file = (name: string) => path.join(project, name);

  beforeAll(async () => {
    project = makeProject();
    editor = EditorClient.start();
  });
  afterAll(() => {
    editor.kill();
    fs.rmSync(project, { recursive: true, force: true });
  });

  test('initialize: the server syncs documents incrementally, hovers, offers quick fixes, and watches config files', async () => {
    const result = await editor.initialize(project);
    expect(result.capabilities).toEqual({
      textDocumentSync: { openClose: true, change: 2, save: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      executeCommandProvider: { commands: ['migralint.copySuggestion'] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
    expect(result.serverInfo?.name).toBe('migralint');
    // Registered once the client said `initialized`: wait for it.
    for (let tries = 0; editor.registrations.length === 0 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(editor.registrations).toEqual([
      expect.objectContaining({
        method: 'workspace/didChangeWatchedFiles',
        registerOptions: { watchers: [{ globPattern: '**/{migralint.config.json,.migralintrc.json,package.json,knexfile.js,knexfile.ts,knexfile.cjs,knexfile.mjs}' }] },
      }),
    ]);
  });

  test('a SQL file: a diagnostic per finding, with the exact range, the rule id as code linked to its page, and the severity', async () => {
    const diagnostics = await editor.open(file(SQL_FILE), fs.readFileSync(file(SQL_FILE), 'utf8'));
    expect(diagnostics).toEqual([
      {
        range: range(2, 0, 2, 51),
        severity: 1,
        code: 'require-concurrent-index-creation',
        codeDescription: { href: `${DOCS}/require-concurrent-index-creation.md` },
        source: 'migralint',
        message: 'Creating index "orders_user_id_idx" on "orders" without CONCURRENTLY blocks all writes to the table until the index is built.',
      },
      {
        range: range(4, 0, 5, 77),
        severity: 1,
        code: 'adding-foreign-key-constraint',
        codeDescription: { href: `${DOCS}/adding-foreign-key-constraint.md` },
        source: 'migralint',
        message: 'Adding foreign key "orders_user_fk" to "orders" without NOT VALID checks every row while blocking writes to both tables.',
      },
    ]);
  });

  test('a Knex file: findings at the builder calls', async () => {
    const diagnostics = await editor.open(file(KNEX_FILE), fs.readFileSync(file(KNEX_FILE), 'utf8'));
    expect(diagnosticKeys(diagnostics)).toEqual(['require-concurrent-index-creation@8:5-8:29', 'adding-foreign-key-constraint@9:5-9:52']);
  });

  test('edits: the diagnostics follow the text', async () => {
    // NOT VALID typed into the foreign key: that finding goes.
    let diagnostics = await editor.change(file(SQL_FILE), [{ range: range(5, 77, 5, 77), text: ' NOT VALID' }]);
    expect(diagnosticKeys(diagnostics)).toEqual(['require-concurrent-index-creation@3:1-3:52']);
    // Two lines added at the top: the finding moves down with its statement.
    diagnostics = await editor.change(file(SQL_FILE), [{ range: range(0, 0, 0, 0), text: '-- orders by user\n\n' }]);
    expect(diagnosticKeys(diagnostics)).toEqual(['require-concurrent-index-creation@5:1-5:52']);
    // Several changes in one notification, as an editor batches them.
    diagnostics = await editor.change(file(SQL_FILE), [
      { range: range(7, 77, 7, 87), text: '' },
      { range: range(0, 0, 2, 0), text: '' },
    ]);
    expect(editor.textOf(file(SQL_FILE)).split('\n')[2]).toBe('CREATE INDEX orders_user_id_idx ON orders (user_id);');
    expect(diagnosticKeys(diagnostics)).toEqual(['require-concurrent-index-creation@3:1-3:52', 'adding-foreign-key-constraint@5:1-6:78']);
  });

  test('typing is debounced: keystrokes in quick succession give one lint, of the last text', async () => {
    const name = file('db/migrations/000012_drop_users_age.up.sql');
    fs.writeFileSync(name, '');
    expect(await editor.open(name, "SET lock_timeout = '2s';\n")).toEqual([]);
    const publishedBefore = editor.published.length;
    const statement = 'ALTER TABLE users DROP COLUMN external_id;';
    const keystrokes = [...statement].map((character, index) => ({ range: range(1, index, 1, index), text: character }));
    const last = await editor.type(name, keystrokes);
    expect(last.version).toBe(1 + statement.length);
    expect(diagnosticKeys(last.diagnostics)).toEqual(['ban-drop-column@2:1-2:42']);
    // Half-typed versions (`ALTER TABLE us`, a syntax error) were never published: the server waited for the pause.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(editor.published.slice(publishedBefore).filter((params) => params.uri === uriOf(name)).map((params) => params.version)).toEqual([1 + statement.length]);
    await editor.close(name);
  });

  test('a half-typed statement is a syntax-error diagnostic at the parser’s position, and typing on clears it', async () => {
    const name = file('db/migrations/000011_add_users_bio.up.sql');
    fs.writeFileSync(name, '');
    let diagnostics = await editor.open(name, "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN bio text NOT");
    // At the end of the input, where the parser stopped: an empty range, as the CLI reports it.
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'syntax-error', severity: 1, range: range(1, 41, 1, 41), message: 'PostgreSQL cannot parse this SQL: syntax error at end of input.' }),
    ]);
    diagnostics = await editor.change(name, [{ range: range(1, 41, 1, 41), text: ' NULL;' }]);
    expect(diagnosticKeys(diagnostics)).toEqual(['adding-required-field@2:1-2:47']);
    // Half a Knex migration: Babel's error, as a diagnostic.
    const knex = file('knex/migrations/20240201000000_half_typed.js');
    fs.writeFileSync(knex, '');
    diagnostics = await editor.open(knex, "exports.up = (knex) => knex.schema.alterTable('users', (t) => {\n  t.dropColumn('age'\n");
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['syntax-error']);
    expect(diagnostics[0].range.start.line).toBe(2);
  });

  test('hover on a finding: its message, the lock and what it blocks, the safe alternative, the rationale and the docs', async () => {
    const hover = await editor.hover(file(SQL_FILE), 2, 20);
    expect(hover?.range).toEqual(range(2, 0, 2, 51));
    const text = (hover?.contents as MarkupContent).value;
    expect((hover?.contents as MarkupContent).kind).toBe('markdown');
    expect(text).toContain('**require-concurrent-index-creation** (error): Creating index "orders\\_user\\_id\\_idx" on "orders" without CONCURRENTLY');
    // The rule's verified claim, the weaker lock of its safe form, and where the claim was verified.
    expect(text).toContain(
      '**Lock:** `ShareLock` on `orders`, which blocks writes: INSERT, UPDATE and DELETE wait until the transaction ends; reads go on.' +
        ' The safe form takes at most `ShareUpdateExclusiveLock`, which blocks only other schema changes and VACUUM; reads and writes go on.' +
        ` (Verified on ${LOCKS_VERIFIED_ON.pglite} and ${LOCKS_VERIFIED_ON.server}; \`migralint trace\` shows what your migrations take.)\n`,
    );
    expect(text).toContain('**Instead:** Use CREATE INDEX CONCURRENTLY, in a migration that runs outside a transaction.');
    expect(text).toContain('A plain `CREATE INDEX` holds a SHARE lock for the whole build');
    expect(text).toContain(`(${DOCS}/require-concurrent-index-creation.md)`);
    // The safe alternative written for this file, as a code block to copy.
    expect(text).toContain(
      '**Suggestion:** Build the index with CREATE INDEX CONCURRENTLY, which lets writes go on, in a migration that runs outside a transaction.' +
        " It cannot run in this migration's transaction: take it out of this migration." +
        '\n\n*In the next migration:*\n\n```sql\n-- (alone in a migration file of its own: a file of several statements runs as one transaction)\nCREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);\n```',
    );
    // A lock that blocks reads too, on the Knex foreign key's other table.
    const foreignKey = await editor.hover(file(KNEX_FILE), 8, 10);
    expect((foreignKey?.contents as MarkupContent).value).toContain('**Lock:** `ShareRowExclusiveLock` on `orders`, which blocks writes: INSERT, UPDATE and DELETE wait until the transaction ends; reads go on. (Verified on');
    // Off any finding: nothing.
    expect(await editor.hover(file(SQL_FILE), 0, 3)).toBeNull();
  });

  test('code actions: the safe alternative to copy where --fix cannot make it; ignore for the statement, applied, and the re-published diagnostics no longer hold the finding', async () => {
    const diagnostics = editor.published.filter((params) => params.uri === uriOf(file(SQL_FILE))).at(-1)?.diagnostics ?? [];
    const actions = await editor.codeActions(file(SQL_FILE), range(2, 3, 2, 3), diagnostics.slice(0, 1));
    expect(actions.map((action) => action.title)).toEqual([
      'Copy the safe alternative (require-concurrent-index-creation)',
      'Ignore require-concurrent-index-creation for this statement',
      'Ignore require-concurrent-index-creation for this file',
    ]);
    expect(actions.every((action) => action.kind === 'quickfix')).toBe(true);
    expect(actions.map((action) => action.diagnostics?.map((diagnostic) => diagnostic.code))).toEqual(Array(3).fill(['require-concurrent-index-creation']));
    // golang-migrate runs a file of several statements in one transaction: the index goes to a migration of its own, which no edit of this file makes.
    const copy = actions[0];
    expect(copy.edit).toBeUndefined();
    expect(copy.command).toEqual({
      title: 'Copy the safe alternative',
      command: 'migralint.copySuggestion',
      arguments: [
        {
          rule: 'require-concurrent-index-creation',
          text: '-- in the next migration:\n-- (alone in a migration file of its own: a file of several statements runs as one transaction)\nCREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);',
        },
      ],
    });
    // A client that sends the command to the server (rather than copying itself) gets the text in a message.
    const shown = editor.messages.length;
    await editor.connection.sendRequest('workspace/executeCommand', copy.command);
    for (let tries = 0; editor.messages.length === shown && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(editor.messages.slice(shown)).toEqual([{ type: 3, message: `migralint: the safe alternative for require-concurrent-index-creation:\n${(copy.command?.arguments?.[0] as { text: string }).text}` }]);
    const after = await editor.apply(file(SQL_FILE), actions[1]);
    expect(editor.textOf(file(SQL_FILE)).split('\n').slice(2, 4)).toEqual(['-- migralint-ignore require-concurrent-index-creation', 'CREATE INDEX orders_user_id_idx ON orders (user_id);']);
    expect(diagnosticKeys(after)).toEqual(['adding-foreign-key-constraint@6:1-7:78']);
  });

  test('code actions in a Knex file: // comments, for the file', async () => {
    const actions = await editor.codeActions(file(KNEX_FILE), range(8, 4, 8, 4));
    expect(actions.map((action) => action.title)).toEqual([
      'Copy the safe alternative (adding-foreign-key-constraint)',
      'Ignore adding-foreign-key-constraint for this statement',
      'Ignore adding-foreign-key-constraint for this file',
    ]);
    // In Knex: the constraint NOT VALID in this migration, validated in the next, each under a // comment saying so.
    expect((actions[0].command?.arguments?.[0] as { text: string }).text).toBe(
      [
        '// instead of this statement:',
        "await knex.raw('ALTER TABLE orders ADD CONSTRAINT orders_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID');",
        '',
        '// in the next migration:',
        "import type { Knex } from 'knex';",
        '',
        'export async function up(knex: Knex): Promise<void> {',
        "  await knex.raw('ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_foreign');",
        '}',
        '',
        'export async function down(knex: Knex): Promise<void> {',
        '}',
      ].join('\n'),
    );
    const after = await editor.apply(file(KNEX_FILE), actions[2]);
    expect(editor.textOf(file(KNEX_FILE)).split('\n')[0]).toBe('// migralint-ignore-file adding-foreign-key-constraint');
    expect(diagnosticKeys(after)).toEqual(['require-concurrent-index-creation@9:5-9:29']);
    // A selection over several findings gets actions for each; a client that asks only for other kinds gets none.
    const both = await editor.codeActions(file(SQL_FILE), range(0, 0, 7, 0));
    expect(both.map((action) => action.title)).toEqual([
      'Copy the safe alternative (adding-foreign-key-constraint)',
      'Ignore adding-foreign-key-constraint for this statement',
      'Ignore adding-foreign-key-constraint for this file',
    ]);
    expect(await editor.codeActions(file(SQL_FILE), range(0, 0, 7, 0), [], ['refactor'])).toEqual([]);
  });

  test('quick fixes from --fix in SQL: the edit applied, and the re-published diagnostics no longer hold the finding', async () => {
    const name = file('db/migrations/000013_index_orders_status.up.sql');
    const text = 'CREATE INDEX orders_status_idx ON orders (status);\n';
    fs.writeFileSync(name, text);
    expect(diagnosticKeys(await editor.open(name, text))).toEqual(['require-concurrent-index-creation@1:1-1:50', 'require-lock-timeout@1:1-1:50']);
    const actions = await editor.codeActions(name, range(0, 5, 0, 5));
    expect(actions.map((action) => [action.title, action.isPreferred === true])).toEqual([
      ['Add CONCURRENTLY', true],
      ['Ignore require-concurrent-index-creation for this statement', false],
      ['Ignore require-concurrent-index-creation for this file', false],
      ['Set lock_timeout at the top of the migration', true],
      ['Ignore require-lock-timeout for this statement', false],
      ['Ignore require-lock-timeout for this file', false],
    ]);
    // A single statement: golang-migrate runs it outside a transaction, so CONCURRENTLY is all it takes.
    expect(actions[0].edit?.changes?.[uriOf(name)]).toEqual([{ range: range(0, 12, 0, 12), newText: ' CONCURRENTLY' }]);
    const fixed = await editor.apply(name, actions[0]);
    expect(editor.textOf(name)).toBe('CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n');
    // The index no longer blocks writes: nothing waits for its lock either.
    expect(fixed).toEqual([]);
    await editor.close(name);
  });

  test('quick fixes from --fix in Knex: CONCURRENTLY and the runner’s transaction turned off, in one fix', async () => {
    const name = file('knex/migrations/20240301000000_index_orders_status.js');
    const text = "exports.up = async (knex) => {\n  await knex.raw('CREATE INDEX orders_status_idx ON orders (status)');\n};\n";
    fs.writeFileSync(name, text);
    expect(diagnosticKeys(await editor.open(name, text))).toEqual(['require-concurrent-index-creation@2:19-2:68', 'require-lock-timeout@2:19-2:68']);
    const actions = await editor.codeActions(name, range(1, 20, 1, 20));
    expect(actions.map((action) => action.title)).toEqual([
      'Add CONCURRENTLY and run the migration outside a transaction',
      'Ignore require-concurrent-index-creation for this statement',
      'Ignore require-concurrent-index-creation for this file',
      'Set lock_timeout at the top of the migration',
      'Ignore require-lock-timeout for this statement',
      'Ignore require-lock-timeout for this file',
    ]);
    const fixed = await editor.apply(name, actions[0]);
    expect(editor.textOf(name)).toBe("exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)');\n};\n");
    expect(fixed).toEqual([]);
    await editor.close(name);
  });

  test('no ignore action for a syntax error', async () => {
    const name = file('db/migrations/000011_add_users_bio.up.sql');
    await editor.change(name, [{ text: 'ALTER TABLE users ADD COLUMN' }]);
    expect(await editor.codeActions(name, range(0, 0, 0, 28))).toEqual([]);
  });

  test('files that are not migrations get nothing; a closed file’s diagnostics are cleared', async () => {
    const helper = file('src/helpers.ts');
    fs.writeFileSync(helper, 'export const add = (a: number, b: number) => a + b;\n');
    expect(await editor.open(helper, fs.readFileSync(helper, 'utf8'))).toEqual([]);
    const cleared = editor.nextDiagnostics(uriOf(helper));
    await editor.close(helper);
    expect((await cleared).diagnostics).toEqual([]);
  });

  test('an unsaved SQL buffer (untitled:) is linted as SQL', async () => {
    const uri = 'untitled:Untitled-1';
    const published = editor.nextDiagnostics(uri);
    await editor.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sql', version: 1, text: 'ALTER TABLE users DROP COLUMN age;\n' } });
    expect(diagnosticKeys((await published).diagnostics)).toEqual(['ban-drop-column@1:1-1:34', 'require-lock-timeout@1:1-1:34']);
  });

  test('shutdown, then exit: the server ends with code 0', async () => {
    expect(await editor.stop()).toBe(0);
    expect(editor.stderr.join('')).toBe('');
  });
});

describe('as a run of the CLI', () => {
  let project: string;
  let editor: EditorClient;

  beforeAll(async () => {
    project = makeProject();
    editor = EditorClient.start();
    await editor.initialize(project);
  });
  afterAll(() => {
    editor.kill();
    fs.rmSync(project, { recursive: true, force: true });
  });

  /** What `migralint FOLDER --format json` reports, per file (absolute path). */
  function folderRun(folder: string): Map<string, Array<Record<string, unknown>>> {
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [path.join(ROOT, 'bin/migralint'), folder, '--format', 'json'], { cwd: project, encoding: 'utf8' });
    } catch (error) {
      stdout = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(stdout) as { files: Array<{ file: string }>; findings: Array<Record<string, unknown>> };
    const byFile = new Map(report.files.map((entry) => [path.join(project, entry.file), [] as Array<Record<string, unknown>>]));
    for (const finding of report.findings) byFile.get(path.join(project, finding.file as string))?.push(finding);
    return byFile;
  }

  const asDiagnostic = (finding: Record<string, unknown>) => ({
    code: finding.rule,
    severity: finding.severity === 'error' ? 1 : 2,
    message: finding.message,
    range: range((finding.line as number) - 1, (finding.column as number) - 1, (finding.endLine as number) - 1, (finding.endColumn as number) - 1),
  });

  test.each(['db/migrations', 'knex/migrations', 'src/migrations', 'django/shop/migrations', 'django/accounts/migrations'])(
    'each file of %s shows what a run over its folder reports for it (earlier migrations as context)',
    async (folder) => {
      const expected = folderRun(folder);
      expect(expected.size).toBeGreaterThan(1);
      for (const [name, findings] of expected) {
        const diagnostics = await editor.open(name, fs.readFileSync(name, 'utf8'));
        expect({ file: name, diagnostics: diagnostics.map(({ code, severity, message, range: where }) => ({ code, severity, message, range: where })) }).toEqual({ file: name, diagnostics: findings.map(asDiagnostic) });
      }
    },
  );

  // users.display_name is nullable in the fixtures' schema (email is NOT NULL from the start: setting it again is no finding).
  const EARLIER = "SET lock_timeout = '2s';\nALTER TABLE users ADD CONSTRAINT users_display_name_not_null CHECK (display_name IS NOT NULL) NOT VALID;\n";
  const VALIDATION = "SET lock_timeout = '2s';\nALTER TABLE users VALIDATE CONSTRAINT users_display_name_not_null;\n";
  const LATER = "SET lock_timeout = '2s';\nALTER TABLE users ALTER COLUMN display_name SET NOT NULL;\n";

  test('context counts: SET NOT NULL after a CHECK (col IS NOT NULL) validated by earlier migrations of the folder is not a finding', async () => {
    fs.writeFileSync(path.join(project, 'db/migrations/000011_check_display_name.up.sql'), EARLIER);
    fs.writeFileSync(path.join(project, 'db/migrations/000012_validate_display_name.up.sql'), VALIDATION);
    const later = path.join(project, 'db/migrations/000013_display_name_not_null.up.sql');
    fs.writeFileSync(later, LATER);
    expect(await editor.open(later, LATER)).toEqual([]);
    // Alone, without the earlier migrations, it is one.
    const alone = path.join(project, 'scratch/000013_display_name_not_null.up.sql');
    fs.mkdirSync(path.dirname(alone));
    fs.writeFileSync(alone, LATER);
    expect(diagnosticKeys(await editor.open(alone, LATER))).toEqual(['adding-not-nullable-field@2:1-2:57']);
  });

  test('an earlier migration open in the editor counts as the editor holds it, saved or not', async () => {
    const validation = path.join(project, 'db/migrations/000012_validate_display_name.up.sql');
    const later = path.join(project, 'db/migrations/000013_display_name_not_null.up.sql');
    expect(await editor.open(validation, VALIDATION)).toEqual([]);
    // The validation deleted in the editor, not saved: the later SET NOT NULL is a finding again.
    await editor.change(validation, [{ text: "SET lock_timeout = '2s';\n" }]);
    expect(diagnosticKeys(await editor.change(later, [{ text: LATER }]))).toEqual(['adding-not-nullable-field@2:1-2:57']);
    await editor.change(validation, [{ text: VALIDATION }]);
    expect(await editor.change(later, [{ text: LATER }])).toEqual([]);
  });

  test('Django: the app is replayed with earlier migrations as the editor holds them, edited again and again', async () => {
    const app = path.join(project, 'django/notes/migrations');
    fs.mkdirSync(app, { recursive: true });
    fs.writeFileSync(path.join(app, '__init__.py'), '');
    const initial = path.join(app, '0001_initial.py');
    const later = path.join(app, '0002_text_required.py');
    const header = 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n';
    const initialText = `${header}    initial = True\n    dependencies = []\n\n    operations = [\n        migrations.CreateModel(name="Note", fields=[("id", models.BigAutoField(primary_key=True)), ("text", models.TextField(null=True))]),\n    ]\n`;
    const laterText = `${header}    dependencies = [("notes", "0001_initial")]\n\n    operations = [\n        migrations.AlterField(model_name="note", name="text", field=models.TextField()),\n    ]\n`;
    fs.writeFileSync(initial, initialText);
    fs.writeFileSync(later, laterText);
    expect(diagnosticKeys(await editor.open(later, laterText))).toEqual(['adding-not-nullable-field@8:9-8:88', 'require-lock-timeout@8:9-8:88']);
    // The field made NOT NULL from the start in the editor's copy of the first migration (not saved): nothing to report.
    await editor.open(initial, initialText);
    await editor.change(initial, [{ text: initialText.replace('models.TextField(null=True)', 'models.TextField()') }]);
    expect(await editor.change(later, [{ text: laterText }])).toEqual([]);
    // And back: the parse kept from before is not reused for the changed text.
    await editor.change(initial, [{ text: initialText }]);
    expect(diagnosticKeys(await editor.change(later, [{ text: laterText }]))).toEqual(['adding-not-nullable-field@8:9-8:88', 'require-lock-timeout@8:9-8:88']);
  });

  test('Django: the --fix quick fix turns AddIndex into AddIndexConcurrently in a non-atomic migration', async () => {
    const app = path.join(project, 'django/tags/migrations');
    fs.mkdirSync(app, { recursive: true });
    fs.writeFileSync(path.join(app, '__init__.py'), '');
    const header = 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n';
    fs.writeFileSync(path.join(app, '0001_initial.py'), `${header}    initial = True\n    dependencies = []\n\n    operations = [\n        migrations.CreateModel(name="Tag", fields=[("id", models.BigAutoField(primary_key=True)), ("name", models.TextField())]),\n    ]\n`);
    const later = path.join(app, '0002_tag_name_idx.py');
    const text = `${header}    dependencies = [("tags", "0001_initial")]\n\n    operations = [\n        migrations.AddIndex(model_name="tag", index=models.Index(fields=["name"], name="tag_name_idx")),\n    ]\n`;
    fs.writeFileSync(later, text);
    expect(diagnosticKeys(await editor.open(later, text))).toEqual(['require-concurrent-index-creation@8:9-8:104', 'require-lock-timeout@8:9-8:104']);
    const actions = await editor.codeActions(later, range(7, 10, 7, 10));
    expect(actions[0].title).toBe('Add CONCURRENTLY and run the migration outside a transaction');
    expect(await editor.apply(later, actions[0])).toEqual([]);
    expect(editor.textOf(later)).toBe(
      'from django.contrib.postgres.operations import AddIndexConcurrently\n' +
        `${header}    atomic = False\n    dependencies = [("tags", "0001_initial")]\n\n    operations = [\n        AddIndexConcurrently(model_name="tag", index=models.Index(fields=["name"], name="tag_name_idx")),\n    ]\n`,
    );
  });

  test('a workspace folder added later bounds the context as the folder a run starts in', async () => {
    // Outside the workspace, the file's own folder is all the context: its sub-folder of db/migrations holds no validation.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-lsp-other-'));
    try {
      fs.mkdirSync(path.join(other, 'db/migrations/2024'), { recursive: true });
      fs.writeFileSync(path.join(other, 'db/migrations/000011_check_display_name.up.sql'), EARLIER);
      fs.writeFileSync(path.join(other, 'db/migrations/000012_validate_display_name.up.sql'), VALIDATION);
      const later = path.join(other, 'db/migrations/2024/000013_display_name_not_null.up.sql');
      fs.writeFileSync(later, LATER);
      expect(diagnosticKeys(await editor.open(later, LATER))).toEqual(['adding-not-nullable-field@2:1-2:57']);
      // As a workspace folder, it is where `migralint FILE` would run: the whole db/migrations folder is context.
      const published = editor.nextDiagnostics(uriOf(later));
      await editor.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(other), name: 'other' }], removed: [] } });
      expect((await published).diagnostics).toEqual([]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('configuration', () => {
  let project: string;
  let editor: EditorClient;
  const sqlFile = () => path.join(project, SQL_FILE);
  const configFile = () => path.join(project, 'migralint.config.json');

  beforeEach(async () => {
    project = makeProject();
    editor = EditorClient.start();
  });
  afterEach(() => {
    editor.kill();
    fs.rmSync(project, { recursive: true, force: true });
  });

  /** Writes the config and tells the server, as the editor's file watcher does; resolves to the re-published diagnostics. */
  async function changeConfig(text: string | undefined): Promise<Diagnostic[]> {
    if (text === undefined) fs.rmSync(configFile());
    else fs.writeFileSync(configFile(), text);
    const published = editor.nextDiagnostics(uriOf(sqlFile()));
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configFile()), type: 2 }] });
    return (await published).diagnostics;
  }

  test('severities come from the config, and a changed config re-lints the open files', async () => {
    fs.writeFileSync(configFile(), '{ "rules": { "adding-foreign-key-constraint": "warn" } }\n');
    await editor.initialize(project);
    let diagnostics = await editor.open(sqlFile(), fs.readFileSync(sqlFile(), 'utf8'));
    expect(diagnostics.map(({ code, severity }) => `${String(code)}:${severity}`)).toEqual(['require-concurrent-index-creation:1', 'adding-foreign-key-constraint:2']);
    diagnostics = await changeConfig('{ "rules": { "adding-foreign-key-constraint": "off", "require-concurrent-index-creation": "warn" } }\n');
    expect(diagnostics.map(({ code, severity }) => `${String(code)}:${severity}`)).toEqual(['require-concurrent-index-creation:2']);
    // The strict preset turns on the conventions: require-statement-timeout appears.
    diagnostics = await changeConfig('{ "preset": "strict" }\n');
    expect(diagnostics.map(({ code }) => code)).toContain('require-statement-timeout');
    // A config that leaves the file out: no diagnostics.
    diagnostics = await changeConfig('{ "exclude": ["db/migrations/000005_*"] }\n');
    expect(diagnostics).toEqual([]);
    diagnostics = await changeConfig('{ "include": ["other/**/*.sql"] }\n');
    expect(diagnostics).toEqual([]);
    diagnostics = await changeConfig(undefined);
    expect(diagnostics).toHaveLength(2);
  });

  test('a broken config is told once, in a message naming the file; fixing it brings the diagnostics back', async () => {
    await editor.initialize(project);
    await editor.open(sqlFile(), fs.readFileSync(sqlFile(), 'utf8'));
    const diagnostics = await changeConfig('{ "rules": { "no-such-rule": "off" } }\n');
    expect(diagnostics).toEqual([]);
    expect(editor.messages).toEqual([{ type: 1, message: `migralint: ${configFile()}: unknown rule "no-such-rule" (see \`migralint rules\`)` }]);
    await editor.change(sqlFile(), [{ range: range(0, 0, 0, 0), text: '\n' }]);
    expect(editor.messages).toHaveLength(1);
    expect(await changeConfig('{}\n')).toHaveLength(2);
  });

  test('the editor’s settings: migralint.enable turns the server off, migralint.configPath names the config', async () => {
    fs.writeFileSync(path.join(project, 'lenient.json'), '{ "rules": { "require-concurrent-index-creation": "off" } }\n');
    editor.settings = { enable: false };
    await editor.initialize(project);
    expect(await editor.open(sqlFile(), fs.readFileSync(sqlFile(), 'utf8'))).toEqual([]);
    editor.settings = { enable: true, configPath: 'lenient.json' };
    const published = editor.nextDiagnostics(uriOf(sqlFile()));
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(diagnosticKeys((await published).diagnostics)).toEqual(['adding-foreign-key-constraint@5:1-6:78']);
  });

  test('an editor without workspace/configuration: initialization options, and settings pushed with didChangeConfiguration', async () => {
    await editor.initialize(project, { configuration: false, initializationOptions: { enable: false } });
    expect(await editor.open(sqlFile(), fs.readFileSync(sqlFile(), 'utf8'))).toEqual([]);
    const published = editor.nextDiagnostics(uriOf(sqlFile()));
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: { migralint: { enable: true } } });
    expect((await published).diagnostics).toHaveLength(2);
  });

  test('migralint lsp --config FILE: the config when the settings name none', async () => {
    editor.kill();
    fs.writeFileSync(path.join(project, 'lenient.json'), '{ "rules": { "adding-foreign-key-constraint": "off" } }\n');
    editor = EditorClient.start(['--config', 'lenient.json'], project);
    await editor.initialize(project);
    expect(diagnosticKeys(await editor.open(sqlFile(), fs.readFileSync(sqlFile(), 'utf8')))).toEqual(['require-concurrent-index-creation@3:1-3:52']);
  });

  test('a knexfile that turns transactions off, changed while the server runs, is read again', async () => {
    const knexfile = path.join(project, 'knexfile.js');
    const migration = path.join(project, 'knex/migrations/20240125120000_concurrent_index_in_transaction.js');
    await editor.initialize(project);
    const before = await editor.open(migration, fs.readFileSync(migration, 'utf8'));
    expect(before.map((diagnostic) => diagnostic.code)).toContain('ban-concurrent-index-creation-in-transaction');
    fs.writeFileSync(knexfile, 'module.exports = { client: "pg", migrations: { disableTransactions: true } };\n');
    const published = editor.nextDiagnostics(uriOf(migration));
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(knexfile), type: 1 }] });
    expect((await published).diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('ban-concurrent-index-creation-in-transaction');
  });
});

describe('a 10,000-line migration', () => {
  // Its latency is measured by `npm run bench` (scenario lsp, bench/lsp.ts), not here: this checks what it gets.
  test('gets every diagnostic, on open and after an edit', async () => {
    const project = makeProject();
    const editor = EditorClient.start();
    try {
      await editor.initialize(project);
      const text = bigSqlMigration(BIG_FILE_LINES);
      expect(text.split('\n').length - 1).toBeGreaterThanOrEqual(10_000);
      const name = path.join(project, 'db/migrations/000100_big.up.sql');
      fs.writeFileSync(name, text);
      const diagnostics = await editor.open(name, text);
      const indexes = diagnostics.filter((diagnostic) => diagnostic.code === 'require-concurrent-index-creation');
      expect(indexes).toHaveLength(text.split('\n').filter((line) => line.startsWith('CREATE INDEX')).length);
      expect(indexes[0].range).toEqual(range(3, 0, 3, 'CREATE INDEX orders_0_idx ON orders_0 (note_0)'.length));
      const last = text.split('\n').lastIndexOf(text.split('\n').filter((line) => line.startsWith('CREATE INDEX')).at(-1)!);
      expect(indexes.at(-1)?.range.start.line).toBe(last);
      const after = await editor.change(name, [{ range: range(3, 12, 3, 12), text: ' CONCURRENTLY' }]);
      expect(after.filter((diagnostic) => diagnostic.code === 'require-concurrent-index-creation').map((diagnostic) => diagnostic.range)).toEqual(indexes.slice(1).map((diagnostic) => diagnostic.range));
      expect(await editor.stop()).toBe(0);
    } finally {
      editor.kill();
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('the command line', () => {
  test('exit without shutdown ends with code 1, as the protocol says', async () => {
    const editor = EditorClient.start();
    try {
      await editor.initialize(ROOT);
      await editor.connection.sendNotification('exit');
      expect(await editor.exited).toBe(1);
    } finally {
      editor.kill();
    }
  });

  test('an editor that goes away (its end of the pipe closed) ends the server', async () => {
    const editor = EditorClient.start();
    try {
      await editor.initialize(ROOT);
      editor.closeInput();
      expect(await editor.exited).toBe(1);
    } finally {
      editor.kill();
    }
  });

  test('an unknown option is one line on stderr and exit code 2', () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'bin/migralint'), 'lsp', '--socket=4000'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toBe('migralint: Unknown argument: socket\n');
  });

  test('the help lists the command', () => {
    const help = execFileSync(process.execPath, [path.join(ROOT, 'bin/migralint'), '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/migralint lsp\s+Run the language server \(for editors\), over standard input and output/);
  });
});
