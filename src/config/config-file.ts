import * as fs from 'node:fs';
import * as path from 'node:path';
import { placeholderPatternProblem } from '../frontends/sql/placeholder-patterns';
import { UnreadableFileError, readRegularFile } from '../files/read-regular-file';
import { UsageError } from './errors';
import { parseJson } from './jsonc';

export type FrontendSetting = 'sql' | 'knex' | 'typeorm' | 'django';
export type RuleSetting = 'off' | 'warn' | 'error';
export type PresetName = 'recommended' | 'strict';

/** The validated contents of a config file. */
export interface ConfigFile {
  include?: string[];
  exclude?: string[];
  pgVersion?: number;
  assumeInTransaction?: boolean;
  preset?: PresetName;
  rules?: Record<string, RuleSetting>;
  frontends?: Record<string, FrontendSetting>;
  /** TypeORM's `migrationsTransactionMode`, when the data source sets it. */
  typeormTransactionMode?: 'all' | 'each' | 'none';
  /** Template syntaxes in SQL files: psql, mustache, dollar-brace, dollar-percent, or regular expressions. */
  placeholders?: string[];
  /** The order migrations are applied in: `version` (numbers in names compared as numbers), `name`, or a regular expression capturing the version. */
  order?: string;
}

export interface LoadedConfig {
  config: ConfigFile;
  /** The file it came from; globs in it are relative to its folder. */
  path?: string;
}

const CONFIG_FILE_NAMES = ['migralint.config.json', '.migralintrc.json'];

/** Finds the nearest config walking up from `cwd`, or loads `explicitPath`. */
export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  if (explicitPath) {
    const file = path.resolve(cwd, explicitPath);
    return { config: parseConfigFile(file, readConfigText(file)), path: file };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return { config: parseConfigFile(file, readConfigText(file)), path: file };
    }
    const packageJson = path.join(dir, 'package.json');
    if (fs.existsSync(packageJson)) {
      const section = packageSection(packageJson);
      if (section !== undefined) return { config: validateConfig(section, `${packageJson} ("migralint")`), path: packageJson };
    }
    if (path.dirname(dir) === dir) return { config: {} };
  }
}

/** Config files are small: a larger one, a FIFO or a device (as /dev/zero) is refused rather than read. */
const MAX_CONFIG_BYTES = 1 << 20;

function readConfigText(file: string): string {
  try {
    return readRegularFile(file, MAX_CONFIG_BYTES).toString('utf8');
  } catch (error) {
    const reason = error instanceof UnreadableFileError ? error.message : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
    throw new UsageError(`Cannot read config file ${file}: ${reason}`);
  }
}

function packageSection(file: string): unknown {
  let text: string;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new UsageError(`Cannot read config file ${file}: ${error.message}`);
    return undefined; // an unreadable package.json is npm's problem, not a migralint config
  }
  try {
    return (JSON.parse(text) as { migralint?: unknown } | null)?.migralint;
  } catch {
    // A broken package.json is npm's problem, unless it holds migralint's config: then that config cannot be read.
    if (!/"migralint"\s*:/.test(text)) return undefined;
    return (parseJson(text, `${file} (which holds the "migralint" config)`, { comments: false }) as { migralint?: unknown } | null)?.migralint;
  }
}

/** A config file's text, as JSONC (comments and trailing commas allowed, as in tsconfig.json). */
export function parseConfigFile(file: string, text: string): ConfigFile {
  return validateConfig(parseJson(text, `config file ${file}`, { comments: true }), file);
}

type Validator = (value: unknown, key: string, where: string) => void;

const isStringArray: Validator = (value, key, where) => {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new UsageError(`${where}: "${key}" must be an array of strings`);
  }
};

const KEY_VALIDATORS: Record<keyof ConfigFile, Validator> = {
  include: isStringArray,
  exclude: isStringArray,
  pgVersion: (value, key, where) => {
    // The range --pg-version accepts.
    if (typeof value !== 'number' || !(value >= 9 && value < 100)) throw new UsageError(`${where}: "${key}" must be a PostgreSQL version number such as 15`);
  },
  assumeInTransaction: (value, key, where) => {
    if (typeof value !== 'boolean') throw new UsageError(`${where}: "${key}" must be true or false`);
  },
  preset: (value, key, where) => {
    if (value !== 'recommended' && value !== 'strict') throw new UsageError(`${where}: "${key}" must be "recommended" or "strict"`);
  },
  rules: (value, key, where) => {
    if (!isPlainObject(value)) throw new UsageError(`${where}: "${key}" must be an object of rule ids to "off", "warn" or "error"`);
    for (const [rule, setting] of Object.entries(value)) {
      if (setting !== 'off' && setting !== 'warn' && setting !== 'error') {
        throw new UsageError(`${where}: "rules.${rule}" must be "off", "warn" or "error"`);
      }
    }
  },
  placeholders: (value, key, where) => {
    isStringArray(value, key, where);
    for (const entry of value as string[]) {
      const problem = placeholderPatternProblem(entry);
      if (problem) throw new UsageError(`${where}: "${key}" entry ${JSON.stringify(entry)} ${problem}`);
    }
  },
  order: (value, key, where) => {
    const message = `${where}: "${key}" must be "version", "name", or a regular expression with a group that captures the version`;
    if (typeof value !== 'string') throw new UsageError(message);
    if (value === 'version' || value === 'name') return;
    let pattern: RegExp;
    try {
      pattern = new RegExp(value);
    } catch {
      throw new UsageError(message);
    }
    // A pattern's groups: one more than the alternatives of an empty match's groups.
    if (new RegExp(`${pattern.source}|`).exec('')?.length === 1) throw new UsageError(message);
  },
  typeormTransactionMode: (value, key, where) => {
    if (value !== 'all' && value !== 'each' && value !== 'none') throw new UsageError(`${where}: "${key}" must be "all", "each" or "none"`);
  },
  frontends: (value, key, where) => {
    if (!isPlainObject(value)) throw new UsageError(`${where}: "${key}" must be an object of globs to "sql", "knex", "typeorm" or "django"`);
    for (const [glob, frontend] of Object.entries(value)) {
      if (frontend !== 'sql' && frontend !== 'knex' && frontend !== 'typeorm' && frontend !== 'django') {
        throw new UsageError(`${where}: "frontends.${glob}" must be "sql", "knex", "typeorm" or "django"`);
      }
    }
  },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The validator of a config key; names Object.prototype has (`constructor`, `__proto__`) are unknown keys like any other. */
function validatorFor(key: string): Validator | undefined {
  return Object.hasOwn(KEY_VALIDATORS, key) ? KEY_VALIDATORS[key as keyof ConfigFile] : undefined;
}

export function validateConfig(value: unknown, where: string): ConfigFile {
  if (!isPlainObject(value)) throw new UsageError(`${where}: the config must be a JSON object`);
  for (const [key, entry] of Object.entries(value)) {
    const validate = validatorFor(key);
    if (!validate) throw new UsageError(`${where}: unknown key "${key}"`);
    validate(entry, key, where);
  }
  return value as ConfigFile;
}
