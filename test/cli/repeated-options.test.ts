import { runCli, tempProject } from './run-cli';

test.each([
  [['--since', 'main', '--since', 'develop'], '--since'],
  [['--format', 'json', '--format', 'compact'], '--format'],
  [['-o', 'a.txt', '--output-file', 'b.txt'], '--output-file'],
  [['--pg-version', '15', '--pg-version', '16'], '--pg-version'],
  [['--max-warnings', '1', '--max-warnings', '2'], '--max-warnings'],
  [['--cache-location', 'a.json', '--cache-location', 'b.json'], '--cache-location'],
])('an option that takes one value, given twice (%j), is one line naming it and exit code 2', async (args, option) => {
  const cwd = tempProject({ 'm/1.sql': 'SELECT 1;\n' });
  const run = await runCli(['m', ...args], { cwd });
  expect(run).toEqual({ code: 2, stdout: '', stderr: `migralint: ${option} was given more than once; give it once\n` });
});

test('--rule, which is repeatable, may be given many times', async () => {
  const cwd = tempProject({ 'm/1.sql': 'ALTER TABLE users DROP COLUMN age;\n' });
  const run = await runCli(['m', '--rule', 'ban-drop-column=off', '--rule', 'require-lock-timeout=off'], { cwd });
  expect(run).toEqual({ code: 0, stdout: 'No problems found in 1 file.\n', stderr: '' });
});
