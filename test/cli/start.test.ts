import { mayParseSql } from '../../src/cli/start';

describe('bin/migralint starts compiling the PostgreSQL parser before the CLI has loaded', () => {
  test.each<[string[], boolean]>([
    [['db/migrations'], true],
    [['db/migrations', '--staged', '--format', 'json'], true],
    [['schema', 'db/migrations'], true],
    [['trace', 'db/migrations'], true],
    [[], true],
    // Commands that parse no SQL, and runs that the cache may answer whole, leave it to the CLI.
    [['--help'], false],
    [['-h'], false],
    [['--version'], false],
    [['explain', 'ban-drop-table'], false],
    [['rules', '--format', 'json'], false],
    [['init'], false],
    [['lsp', '--stdio'], false],
    [['db/migrations', '--cache'], false],
    [['db/migrations', '--cache-location', 'x.json'], false],
    [['db/migrations', '--cache-location=x.json'], false],
  ])('%j: %s', (argv, expected) => {
    expect(mayParseSql(argv)).toBe(expected);
  });
});
