import type { FrontendName } from '../model/file';
import type { SourceSpan } from '../model/location';
import type { Blocked, LockMode } from '../model/locks';
import type { SchemaEffect } from '../schema/replay';
import type { Severity } from './rule';

export interface Finding extends SourceSpan {
  rule: string;
  severity: Severity;
  /** Path relative to the current directory, `/`-separated. */
  file: string;
  message: string;
  help: string;
  docs: string;
  /** The lock the flagged statement takes (from the rule's verified claim), when it takes one. */
  lock?: FindingLock;
}

export interface FindingLock {
  mode: LockMode;
  relation: string;
  blocks: Blocked;
  /** Present when the statement rewrites the table (`possible`: depending on the old column type). */
  rewrite?: true | 'possible';
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
  /** What the front-end passed over (psql meta-commands), shown with --verbose. */
  notes?: string[];
  /** What went wrong around the file (an unreadable knexfile): always shown, once a run. */
  warnings?: string[];
  /** What the migration does to the schema: the cache keeps it, to replay the file without reading it again. */
  schemaEffect?: SchemaEffect;
}

export function compareFindings(a: Finding, b: Finding): number {
  // By code unit rather than localeCompare: the same order on every machine, and much faster.
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
