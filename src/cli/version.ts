import * as fs from 'node:fs';
import * as path from 'node:path';

/** The version in migralint's package.json, found by walking up from this file (src/ or dist/src/). */
export function toolVersion(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'migralint') return manifest.version ?? '0.0.0';
  }
  return '0.0.0';
}
