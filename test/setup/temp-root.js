// Every test run gets a temporary folder of its own: TMPDIR points into it for the
// test workers and the CLIs they start, and it is removed when the run ends, so the
// temporary folders tests make do not pile up in the system's.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const VARIABLE = 'MIGRALINT_TEST_TEMP_ROOT';

module.exports.setup = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-test-run-'));
  process.env[VARIABLE] = root;
  process.env.TMPDIR = root;
};

module.exports.teardown = () => {
  const root = process.env[VARIABLE];
  if (root) fs.rmSync(root, { recursive: true, force: true });
};
