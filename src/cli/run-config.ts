import * as path from 'node:path';
import picomatch from 'picomatch';
import { allRules } from '../../rules';
import { type FrontendSetting, type LoadedConfig, loadConfig } from '../config/config-file';
import { RuleSettings, parseRuleFlags } from '../config/rule-settings';
import type { LintOptions } from '../lint';
import type { FrontendName } from '../model/file';
import { toPosix } from './discover';

/** What the command line adds to a config file. */
export interface RunFlags {
  /** An explicit config file (else the nearest one, walking up from `cwd`). */
  config?: string;
  rule?: readonly string[];
  pgVersion?: number;
  assumeInTransaction?: boolean;
}

/** A config file and flags, resolved into what linting needs. Shared by the CLI and the language server. */
export interface RunConfig {
  loaded: LoadedConfig;
  /** The folder config globs are relative to. */
  baseDir: string;
  options: LintOptions;
  /** The front-end the config's `frontends` forces on a file (by absolute path), if any. */
  forcedFrontend: (file: string) => FrontendName | undefined;
}

/** Loads the config found from `cwd` (or named by the flags) and applies the flags. Throws a UsageError for a bad config or flag. */
export function resolveRunConfig(cwd: string, flags: RunFlags): RunConfig {
  const loaded = loadConfig(cwd, flags.config);
  const baseDir = loaded.path ? path.dirname(loaded.path) : cwd;
  const settings = new RuleSettings(allRules, loaded.config.preset);
  if (loaded.config.rules) settings.apply(loaded.config.rules, loaded.path ?? 'config');
  settings.apply(parseRuleFlags(flags.rule ?? []), '--rule');
  const options: LintOptions = {
    pgVersion: flags.pgVersion ?? loaded.config.pgVersion ?? 15,
    assumeInTransaction: flags.assumeInTransaction ?? loaded.config.assumeInTransaction ?? false,
    settings,
    typeormTransactionMode: loaded.config.typeormTransactionMode,
    placeholders: loaded.config.placeholders,
  };
  return { loaded, baseDir, options, forcedFrontend: frontendMatcher(loaded.config.frontends, baseDir) };
}

export function frontendMatcher(
  frontends: Record<string, FrontendSetting> | undefined,
  baseDir: string,
): (file: string) => FrontendName | undefined {
  const entries = Object.entries(frontends ?? {}).map(
    ([glob, frontend]) => [picomatch(toPosix(path.resolve(baseDir, glob)), { dot: true }), frontend] as const,
  );
  return (file) => entries.find(([matches]) => matches(toPosix(file)))?.[1];
}
