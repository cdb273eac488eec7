import { runCli, tempProject } from '../cli/run-cli';

/** An identifier can hold any character: one with ESC, BEL or a line break must not drive the terminal or break a line. */
const SQL = 'SET lock_timeout = \'2s\';\nALTER TABLE "evil\u001b]0;owned\u0007\u001b[2J" DROP COLUMN "a\nb";\n';

test.each(['stylish', 'compact'])('%s shows control characters in messages, code and file names as escapes', async (format) => {
  const cwd = tempProject({ 'm/001\u001b[31m.sql': SQL });
  const run = await runCli(['m', '--format', format], { cwd });
  expect(run.code).toBe(1);
  // No control character reaches the terminal but the line breaks (and, in stylish, the colours it adds itself: none here).
  expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(run.stdout).toContain('Dropping column "evil\\u001b]0;owned\\u0007\\u001b[2J"."a\\nb"');
  expect(run.stdout).toContain('m/001\\u001b[31m.sql');
  if (format === 'compact') expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
});

test('the code frame keeps its columns: each control character is one visible character there', async () => {
  const cwd = tempProject({ 'm/001.sql': 'SET lock_timeout = \'2s\';\n/*\u0007*/ ALTER TABLE t DROP COLUMN c;\n' });
  const run = await runCli(['m'], { cwd });
  const lines = run.stdout.split('\n');
  const frame = lines.findIndex((line) => line.includes('| /*'));
  expect(lines[frame]).toBe('    2 | /*\ufffd*/ ALTER TABLE t DROP COLUMN c;');
  expect(lines[frame + 1]).toBe('      |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^');
});
