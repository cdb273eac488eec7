import { runCli, tempProject } from '../cli/run-cli';

interface JsonReport {
  files: Array<{ file: string; skipped?: string }>;
  findings: Array<{ rule: string; file: string; line: number; column: number }>;
}

describe('SQL named for one database (synapse)', () => {
  test('a folder walk lints *.sql.postgres and skips *.sql.sqlite, saying so under --verbose', async () => {
    const cwd = tempProject({
      'synapse/storage/schema/main/delta/72/01event_push_actions_index.sql': "CREATE INDEX CONCURRENTLY IF NOT EXISTS event_push_actions_stream_highlight_index ON event_push_actions (highlight, stream_ordering);\n",
      'synapse/storage/schema/main/delta/72/02event_push_actions_index.sql.postgres': 'ALTER TABLE event_push_actions DROP COLUMN actions_legacy;\n',
      'synapse/storage/schema/main/delta/72/02event_push_actions_index.sql.sqlite': 'DROP TABLE event_push_actions_legacy;\n',
    });
    const { stdout, stderr } = await runCli(['synapse/storage/schema', '--format', 'json', '--verbose'], { cwd });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((file) => file.file)).toEqual([
      'synapse/storage/schema/main/delta/72/01event_push_actions_index.sql',
      'synapse/storage/schema/main/delta/72/02event_push_actions_index.sql.postgres',
    ]);
    expect(report.findings.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '02event_push_actions_index.sql.postgres:1:1 ban-drop-column',
      '02event_push_actions_index.sql.postgres:1:1 require-lock-timeout',
    ]);
    expect(stderr).toBe(
      'migralint: note: skipped synapse/storage/schema/main/delta/72/02event_push_actions_index.sql.sqlite: SQL for sqlite, not PostgreSQL\n',
    );
  });

  test('--verbose also names every rollback file skipped, and why', async () => {
    const cwd = tempProject({
      'migrations/000001_users.up.sql': "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN bio text;\n",
      'migrations/000001_users.down.sql': 'ALTER TABLE users DROP COLUMN bio;\n',
    });
    const { stderr } = await runCli(['migrations', '--verbose'], { cwd });
    expect(stderr).toBe('migralint: note: skipped migrations/000001_users.down.sql: rollback migration (down/undo file)\n');
  });
});
