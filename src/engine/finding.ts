import type { FrontendName } from '../model/file';
import type { SourceSpan } from '../model/location';
import type { Blocked, LockMode } from '../model/locks';
import type { Operation } from '../model/operations';
import type { SchemaEffect } from '../schema/replay';
import type { Severity } from './rule';
import type { RecipeFacts } from './suggestion';

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
  /** What the rule's suggestion is built from: set only for rules that have one, and turned into text only where shown. */
  target?: FindingTarget;
  /**
   * The first line of the statement (or of the JS/Python statement around a builder call or
   * embedded SQL): an ignore comment on the line before it silences the finding. Not in reports.
   */
  anchorLine?: number;
}

/** The flagged operation and what its recipe depends on. */
export interface FindingTarget {
  operation: Operation;
  facts: RecipeFacts;
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
  /** Whether the migration runner wraps the file in a transaction (suggestions place steps by it). */
  runnerTransaction?: boolean;
  /** Whether the migration may turn its runner's transaction off (see AnalyzedFile.transactionSwitch). */
  transactionSwitch?: boolean;
  /** Operations in forward code: with `statements`, whether a flagged statement is alone in its migration. */
  operationCount?: number;
  /** Other files the result depends on (modules constants are imported from): the cache checks them too. */
  readsFiles?: string[];
  /**
   * Fixes of findings, verified one by one (set by runs that need them: `--fix`,
   * SARIF): replacements of the source between character offsets.
   */
  fixes?: Array<{ finding: Finding; description: string; edits: Array<{ start: number; end: number; text: string }> }>;
}

export function compareFindings(a: Finding, b: Finding): number {
  // By code unit rather than localeCompare: the same order on every machine, and much faster.
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
