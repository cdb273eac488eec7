import * as fs from 'node:fs';
import * as path from 'node:path';
import { UnreadableFileError, readRegularFile } from '../../files/read-regular-file';
import { parseScript } from '../js/parse-js';
import { walkNodes } from '../js/ast-walk';
import { propertyName } from '../js/static-values';

const KNEXFILE_NAMES = ['knexfile.js', 'knexfile.ts', 'knexfile.cjs', 'knexfile.mjs'];
/** What the nearest knexfile says, and why it was not read when it was not. */
export interface KnexfileSettings {
  disablesTransactions: boolean;
  note?: string;
  /** The knexfile read (none found: undefined). */
  file?: string;
}

const cache = new Map<string, KnexfileSettings>();
/** A knexfile is small; a larger one, a FIFO or a device (as /dev/zero) is ignored rather than read. */
const MAX_KNEXFILE_BYTES = 1 << 20;

/**
 * True when the nearest knexfile (in the migration's folder or above) sets
 * `disableTransactions: true`. The knexfile is parsed, never run.
 */
export function knexfileDisablesTransactions(migrationPath: string): boolean {
  return knexfileSettings(migrationPath).disablesTransactions;
}

export function knexfileSettings(migrationPath: string): KnexfileSettings {
  // Every folder walked through gets the answer, so a run over many migrations looks once per folder.
  const visited: string[] = [];
  const answer = (settings: KnexfileSettings) => {
    for (const dir of visited) cache.set(dir, settings);
    return settings;
  };
  for (let dir = path.dirname(path.resolve(migrationPath)); ; dir = path.dirname(dir)) {
    const cached = cache.get(dir);
    if (cached !== undefined) return answer(cached);
    visited.push(dir);
    const knexfile = KNEXFILE_NAMES.map((name) => path.join(dir, name)).find((file) => fs.existsSync(file));
    if (knexfile) return answer(readKnexfile(knexfile));
    if (fs.existsSync(path.join(dir, 'package.json')) || path.dirname(dir) === dir) return answer({ disablesTransactions: false });
  }
}

/** Forgets what knexfiles said, for a long-running process (the language server) after one changed. */
export function forgetKnexfiles(): void {
  cache.clear();
}

function readKnexfile(file: string): KnexfileSettings {
  let text: string;
  try {
    text = readRegularFile(file, MAX_KNEXFILE_BYTES).toString('utf8');
  } catch (error) {
    return { disablesTransactions: false, note: error instanceof UnreadableFileError ? `ignoring ${file}: ${error.message}` : undefined };
  }
  return { disablesTransactions: setsDisableTransactions(text, file), file };
}

function setsDisableTransactions(text: string, file: string): boolean {
  if (!text.includes('disableTransactions')) return false;
  const parsed = parseScript(text, file);
  if (!parsed.ok) return false;
  let found = false;
  walkNodes(parsed.ast.program, (node) => {
    if (found) return false;
    if (node.type === 'ObjectProperty' && propertyName(node.key) === 'disableTransactions' && node.value.type === 'BooleanLiteral' && node.value.value === true) found = true;
    return !found;
  });
  return found;
}
