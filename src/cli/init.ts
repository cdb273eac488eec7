import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../config/errors';
import { DEFAULT_MIGRATION_FOLDERS } from './discover';

const CONFIG_NAME = 'migralint.config.json';

/** Writes a starter config naming the migration folders found in `cwd`; never overwrites one. */
export function writeStarterConfig(cwd: string): string {
  const file = path.join(cwd, CONFIG_NAME);
  if (fs.existsSync(file)) throw new UsageError(`${CONFIG_NAME} already exists; not overwriting it`);
  const folders = DEFAULT_MIGRATION_FOLDERS.filter((folder) => fs.existsSync(path.join(cwd, folder)));
  const include = (folders.length > 0 ? folders : ['migrations']).map((folder) => `${folder}/**/*.{sql,js,ts}`);
  const config = { include, pgVersion: 15, assumeInTransaction: false, rules: {} };
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
  return `Wrote ${CONFIG_NAME} (include: ${include.join(', ')}). Adjust pgVersion to your server's version.\n`;
}
