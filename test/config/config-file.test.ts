import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { loadConfig, parseConfigFile } from '../../src/config/config-file';
import { UsageError } from '../../src/config/errors';
import { RuleSettings, parseRuleFlags } from '../../src/config/rule-settings';

function tempTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-config-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('finding the config', () => {
  test('the nearest migralint.config.json walking up wins', () => {
    const root = tempTree({
      'migralint.config.json': '{"pgVersion": 13}',
      'app/db/.migralintrc.json': '{"pgVersion": 16}',
      'app/db/migrations/x.sql': '',
    });
    expect(loadConfig(path.join(root, 'app/db/migrations'))).toEqual({
      config: { pgVersion: 16 },
      path: path.join(root, 'app/db/.migralintrc.json'),
    });
    expect(loadConfig(path.join(root, 'app')).config).toEqual({ pgVersion: 13 });
  });

  test('the "migralint" key of package.json counts; a package.json without it does not stop the walk', () => {
    const root = tempTree({
      'package.json': '{"name": "app", "migralint": {"assumeInTransaction": true}}',
      'packages/api/package.json': '{"name": "api"}',
    });
    expect(loadConfig(path.join(root, 'packages/api')).config).toEqual({ assumeInTransaction: true });
  });

  test('--config names the file explicitly', () => {
    const root = tempTree({ 'ci/lint.json': '{"rules": {"ban-drop-table": "warn"}}' });
    expect(loadConfig(root, 'ci/lint.json').config).toEqual({ rules: { 'ban-drop-table': 'warn' } });
  });

  test('a missing --config file is a usage error naming it', () => {
    expect(() => loadConfig('/tmp', 'nope.json')).toThrow(new UsageError('Cannot read config file /tmp/nope.json: ENOENT'));
  });
});

describe('validating the config', () => {
  test.each([
    ['{"pgversion": 15}', 'cfg.json: unknown key "pgversion"'],
    ['{"pgVersion": "15"}', 'cfg.json: "pgVersion" must be a PostgreSQL version number such as 15'],
    ['{"include": "migrations"}', 'cfg.json: "include" must be an array of strings'],
    ['{"rules": {"ban-drop-table": "warning!"}}', 'cfg.json: "rules.ban-drop-table" must be "off", "warn" or "error"'],
    ['{"frontends": {"db/**/*.ts": "prisma"}}', 'cfg.json: "frontends.db/**/*.ts" must be "sql", "knex", "typeorm" or "django"'],
    ['{"assumeInTransaction": 1}', 'cfg.json: "assumeInTransaction" must be true or false'],
    ['[]', 'cfg.json: the config must be a JSON object'],
  ])('%s → %s', (text, message) => {
    expect(() => parseConfigFile('cfg.json', text)).toThrow(new UsageError(message));
  });

  test.each([
    ['{"rules": }', 'line 1, column 11: expected a value'],
    ['{\n  "pgVersion": 15\n  "include": ["db/**"]\n}', 'line 3, column 3: expected a comma'],
    ['{\r\n  "include": ["db/**"\r\n}', 'line 3, column 1: expected a comma'],
    ['{\n\t"pgVersion" 15\n}', 'line 2, column 14: expected a colon'],
    ['{ "pgVersion": 15 /* unclosed', 'line 1, column 19: unclosed comment'],
    ["{ 'pgVersion': 15 }", 'line 1, column 3: unexpected character'],
  ])('a JSON syntax error names the file, the line and the column: %j', (text, where) => {
    expect(() => parseConfigFile('cfg.json', text)).toThrow(new UsageError(`Invalid JSON in config file cfg.json at ${where}`));
  });

  test('comments and trailing commas are accepted, as in tsconfig.json (JSONC)', () => {
    const text = '// migralint\n{\n  /* our server */\n  "pgVersion": 16, // in production\n  "rules": { "ban-drop-table": "warn", },\n}\n';
    expect(parseConfigFile('cfg.json', text)).toEqual({ pgVersion: 16, rules: { 'ban-drop-table': 'warn' } });
  });
});

describe('a package.json that cannot be parsed', () => {
  test('with a "migralint" key, it is an error naming the file, line and column', () => {
    const root = tempTree({ 'package.json': '{\n  "name": "app",\n  "migralint": { "pgVersion": 16 }\n  "scripts": {}\n}\n' });
    expect(() => loadConfig(root)).toThrow(
      new UsageError(`Invalid JSON in ${path.join(root, 'package.json')} (which holds the "migralint" config) at line 4, column 3: expected a comma`),
    );
  });

  test('without one, it is not a migralint config: the walk goes on', () => {
    const root = tempTree({ 'migralint.config.json': '{"pgVersion": 14}', 'app/package.json': '{ "name": "app", }' });
    expect(loadConfig(path.join(root, 'app')).config).toEqual({ pgVersion: 14 });
  });
});

describe('rule settings', () => {
  test('an unknown rule id in config or flags is a usage error naming it', () => {
    const settings = new RuleSettings(allRules);
    expect(() => settings.apply({ 'no-such-rule': 'off' }, 'migralint.config.json')).toThrow(
      new UsageError('migralint.config.json: unknown rule "no-such-rule" (see `migralint rules`)'),
    );
  });

  test('the strict preset turns off-by-default rules on as warnings', () => {
    expect(new RuleSettings(allRules).severityOf('prefer-robust-stmts')).toBe('off');
    expect(new RuleSettings(allRules, 'strict').severityOf('prefer-robust-stmts')).toBe('warning');
    expect(new RuleSettings(allRules, 'strict').severityOf('ban-drop-column')).toBe('error');
  });

  test('--rule flags parse as RULE=off|warn|error', () => {
    expect(parseRuleFlags(['ban-drop-table=off', 'prefer-timestamp-tz=warn'])).toEqual({
      'ban-drop-table': 'off',
      'prefer-timestamp-tz': 'warn',
    });
    expect(() => parseRuleFlags(['ban-drop-table'])).toThrow(new UsageError('--rule "ban-drop-table": expected RULE=off|warn|error'));
  });
});
