/** The programmatic API: lint migration text, list the rules. */
export { lintText, prepareLinting, defaultLintOptions, isSkipped } from './lint';
export type { LintOptions, SkippedFile } from './lint';
export type { Finding, FileResult } from './engine/finding';
export { RuleSettings } from './config/rule-settings';
export { allRules } from '../rules';
