import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const load = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

describe('the pre-commit hook definition', () => {
  test('runs migralint as a node hook on migration files', () => {
    const [hook] = load('.pre-commit-hooks.yaml') as Array<Record<string, unknown>>;
    // With the cache, a commit reads again only the migrations that changed (the earlier ones are context).
    expect(hook).toMatchObject({ id: 'migralint', entry: 'migralint --cache', language: 'node', require_serial: true });
    const files = new RegExp(String(hook.files));
    expect(['db/migrations/001.sql', 'src/migrations/1700-x.ts', 'migrations/2024_a.js'].every((file) => files.test(file))).toBe(true);
    expect(files.test('README.md')).toBe(false);
  });

  test('the entry is the executable package.json names', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(manifest.bin.migralint).toBe('bin/migralint');
  });
});

describe('the GitHub Action', () => {
  const action = load('action.yml') as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: Array<{ run?: string; uses?: string; id?: string }> };
  };

  test('is a composite action that installs the package packed from its own checkout, not the repository', () => {
    expect(action.runs.using).toBe('composite');
    const install = action.runs.steps[0].run ?? '';
    expect(install).toContain('npm pack --silent');
    expect(install).toMatch(/npm install --prefix "\$dir" --ignore-scripts .*"\$dir\/\$tarball"/);
    expect(install).not.toMatch(/npm ci/);
    expect(action.runs.steps[1].run).toContain('"$MIGRALINT" $MIGRALINT_PATHS');
  });

  test('annotates with --format github, uploads SARIF, and fails on errors at the end', () => {
    const [, lint, upload, fail] = action.runs.steps;
    expect(lint.run).toContain('--format github');
    expect(lint.run).toContain('--format sarif -o migralint.sarif');
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(fail.run).toBe('exit ${{ steps.lint.outputs.exit-code }}');
    expect(action.inputs['upload-sarif'].default).toBe('true');
  });
});
