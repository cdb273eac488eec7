/**
 * Runs in its own process (from scripts/bundle.ts): loads the CLI bundle, lints
 * the bundled fixtures in the common output formats, and stores the code V8
 * compiled meanwhile as the bundle's code cache.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIO } from '../src/cli/io';
import { CODE_CACHE_FILE, loadCli } from '../src/cli/start';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'fixtures', 'sql');
const RUNS = [[FIXTURES], [FIXTURES, '--format', 'json'], [FIXTURES, '--format', 'github']];

const quiet: CliIO = {
  cwd: ROOT,
  env: {},
  stdout: { write: () => true, isTTY: false },
  stderr: { write: () => true },
  readStdin: async () => '',
};

async function main(): Promise<void> {
  const cli = loadCli({ codeCache: false });
  if (!cli.script) throw new Error('the CLI bundle is missing: run scripts/bundle.js first');
  for (const argv of RUNS) await cli.main(argv, quiet);
  fs.writeFileSync(CODE_CACHE_FILE, cli.script.createCachedData());
}

main().catch((error: Error) => {
  process.stderr.write(`write-code-cache: ${error.message}\n`);
  process.exitCode = 1;
});
