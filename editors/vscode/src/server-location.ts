import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ServerLocation {
  /** The script to run with Node.js: migralint's bin/migralint. */
  module: string;
  /** Where it came from, for the output channel. */
  from: string;
}

/**
 * `bin/migralint` of the first workspace folder whose node_modules holds a
 * migralint with the language server (the version the project's CLI and CI
 * run), else the copy bundled in the extension (`bundled`).
 */
export function findServer(folders: ReadonlyArray<{ name: string; path: string }>, bundled: string): ServerLocation {
  for (const folder of folders) {
    let root: string;
    try {
      root = path.dirname(require.resolve('migralint/package.json', { paths: [folder.path] }));
    } catch {
      continue; // not installed for this folder
    }
    // Versions before the language server have no lib/lsp.js.
    if (fs.existsSync(path.join(root, 'lib', 'lsp.js'))) return { module: path.join(root, 'bin', 'migralint'), from: `${folder.name}/node_modules` };
  }
  return { module: bundled, from: 'the extension' };
}
