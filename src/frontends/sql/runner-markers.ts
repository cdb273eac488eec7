import * as path from 'node:path';
import { scanWork } from '../scan-work';
import type { Comment, TextRange } from './lexer';

/**
 * What the migration runner's conventions say about a SQL file: which parts are
 * rollback code, and whether the runner wraps the file in a transaction.
 */
export interface RunnerMarkers {
  /** Character ranges of rollback (down) sections. */
  downSections: TextRange[];
  /** `undefined` when the file carries no runner marker. */
  runnerTransaction?: boolean;
  /** Without its transaction, the runner sends the section as one query (dbmate's `transaction:false`), which PostgreSQL runs as one transaction when it holds several statements. */
  oneQuery?: boolean;
}

// down.sql (diesel, golang-migrate), *.down.sql, *_down.sql, flyway undo U<version>__*.sql
const ROLLBACK_FILE = /^(down\.sql|.*[._]down\.sql|U\d[\w.]*__.*\.sql)$/i;

export function isRollbackFile(filePath: string): boolean {
  return ROLLBACK_FILE.test(path.basename(filePath));
}

interface Marker {
  direction?: 'up' | 'down';
  /** The runner's transaction for the file: on, or turned off by this marker. */
  transaction?: boolean;
  /** Turned off, the runner sends the section as one query (dbmate); goose and sql-migrate send each statement on its own. */
  oneQuery?: boolean;
}

const MARKERS: Array<[RegExp, (match: RegExpExecArray) => Marker]> = [
  [/^--\s*\+goose\s+up\b/i, () => ({ direction: 'up', transaction: true })],
  [/^--\s*\+goose\s+down\b/i, () => ({ direction: 'down' })],
  [/^--\s*\+goose\s+no\s+transaction\b/i, () => ({ transaction: false })],
  [/^--\s*\+migrate\s+up\b(.*)$/i, (m) => ({ direction: 'up', transaction: !/notransaction/i.test(m[1]) })],
  [/^--\s*\+migrate\s+down\b/i, () => ({ direction: 'down' })],
  [/^--\s*migrate:up\b(.*)$/i, (m) => (/transaction:\s*false/i.test(m[1]) ? { direction: 'up', transaction: false, oneQuery: true } : { direction: 'up', transaction: true })],
  [/^--\s*migrate:down\b/i, () => ({ direction: 'down' })],
];

export function findRunnerMarkers(comments: readonly Comment[], textLength: number): RunnerMarkers {
  const downSections: TextRange[] = [];
  let runnerTransaction: boolean | undefined;
  let transactionDisabled = false;
  let oneQuery = false;
  let downStart: number | undefined;
  for (const comment of comments) {
    scanWork.steps++;
    const marker = matchMarker(comment.text);
    if (!marker) continue;
    if (marker.transaction === false) transactionDisabled = true;
    if (marker.oneQuery) oneQuery = true;
    else if (marker.transaction === true) runnerTransaction = true;
    if (marker.direction === 'down' && downStart === undefined) downStart = comment.start;
    if (marker.direction === 'up' && downStart !== undefined) {
      downSections.push({ start: downStart, end: comment.start });
      downStart = undefined;
    }
  }
  if (downStart !== undefined) downSections.push({ start: downStart, end: textLength });
  return { downSections, runnerTransaction: transactionDisabled ? false : runnerTransaction, ...(transactionDisabled && oneQuery ? { oneQuery } : {}) };
}

function matchMarker(text: string): Marker | undefined {
  for (const [pattern, marker] of MARKERS) {
    const match = pattern.exec(text);
    if (match) return marker(match);
  }
  return undefined;
}
