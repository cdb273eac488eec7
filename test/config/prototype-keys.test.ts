import * as path from 'node:path';
import { validateConfig } from '../../src/config/config-file';
import { UsageError } from '../../src/config/errors';
import { runCli, tempProject } from '../cli/run-cli';

describe('names that Object.prototype has are unknown keys like any other', () => {
  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])('%s', async (key) => {
    const cwd = tempProject({ 'm/1.sql': 'SELECT 1;\n', 'migralint.config.json': `{"${key}": {"rules": {}}}` });
    const run = await runCli(['m'], { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `migralint: ${path.join(cwd, 'migralint.config.json')}: unknown key "${key}"\n` });
  });

  test.each(['constructor', '__proto__', 'toString'])('as a rule id, in the config or in --rule: %s', async (id) => {
    const cwd = tempProject({ 'm/1.sql': 'SELECT 1;\n', 'migralint.config.json': `{"rules": {"${id}": "off"}}` });
    const fromConfig = await runCli(['m'], { cwd });
    expect(fromConfig).toEqual({ code: 2, stdout: '', stderr: `migralint: ${path.join(cwd, 'migralint.config.json')}: unknown rule "${id}" (see \`migralint rules\`)\n` });
    const fromFlag = await runCli(['m', '--rule', `${id}=off`], { cwd: tempProject({ 'm/1.sql': 'SELECT 1;\n' }) });
    expect(fromFlag).toEqual({ code: 2, stdout: '', stderr: `migralint: --rule: unknown rule "${id}" (see \`migralint rules\`)\n` });
  });
});

describe('pgVersion in the config has the range of --pg-version', () => {
  test.each([9, 9.6, 15, 17, 99])('%p is accepted', (version) => {
    expect(validateConfig({ pgVersion: version }, 'config')).toEqual({ pgVersion: version });
  });

  test.each([8.4, 100, 1500, -1, Number.MAX_VALUE, Infinity])('%p is refused', (version) => {
    expect(() => validateConfig({ pgVersion: version }, 'config')).toThrow(new UsageError('config: "pgVersion" must be a PostgreSQL version number such as 15'));
  });
});
