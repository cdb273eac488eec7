import type { FrontendName } from '../model/file';
import type { SourceSpan } from '../model/location';
import type { Severity } from './rule';

export interface Finding extends SourceSpan {
  rule: string;
  severity: Severity;
  /** Path relative to the current directory, `/`-separated. */
  file: string;
  message: string;
  help: string;
  docs: string;
}

/** The result of linting one file, as the reporters see it. */
export interface FileResult {
  file: string;
  frontend: FrontendName;
  statements: number;
  findings: Finding[];
  /** The file's text, for reporters that show the offending line. */
  source: string;
  skippedReason?: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
