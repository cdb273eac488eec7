/**
 * Runs in its own process (from scripts/bundle.ts): loads the CLI bundle, lints
 * the bundled fixtures in the common output formats, and stores the code V8
 * compiled meanwhile as the bundle's code cache.
 */
import * as path from 'node:path';
import type { CliIO } from '../src/cli/io';
import { loadCli, saveCodeCache } from '../src/cli/start';

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
  const cli = loadCli({ dir: path.join(ROOT, 'lib'), codeCache: false });
  for (const argv of RUNS) await cli.run(argv, quiet);
  saveCodeCache(cli);
}

main().catch((error: Error) => {
  process.stderr.write(`write-code-cache: ${error.message}\n`);
  process.exitCode = 1;
});
