import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import { docsUrlFor } from '../engine/rule';
import type { SourceSpan } from '../model/location';

/** LSP's DiagnosticSeverity values (the enum is not imported: this module stays free of the server library's code). */
const SEVERITY = { error: 1, warning: 2 } as const;

/** A finding's span as an LSP range: 0-based, end exclusive; columns are UTF-16 code units in both. */
export function rangeOf(span: SourceSpan): Range {
  return { start: { line: span.line - 1, character: span.column - 1 }, end: { line: span.endLine - 1, character: span.endColumn - 1 } };
}

/** A finding as an editor shows it: the rule id as the code, linked to the rule's page. */
export function diagnosticOf(finding: Finding): Diagnostic {
  return {
    range: rangeOf(finding),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: docsUrlFor(finding.rule) },
    source: 'migralint',
    message: finding.message,
  };
}

/** Whether a position lies in a finding's span (its end included, so a cursor just after the statement still finds it). */
export function spanContains(span: SourceSpan, position: Position): boolean {
  const line = position.line + 1;
  const column = position.character + 1;
  if (line < span.line || line > span.endLine) return false;
  if (line === span.line && column < span.column) return false;
  if (line === span.endLine && column > span.endColumn) return false;
  return true;
}

/** Whether a finding's span and a range share at least a position. */
export function spanOverlaps(span: SourceSpan, range: Range): boolean {
  const start = { line: range.start.line + 1, column: range.start.character + 1 };
  const end = { line: range.end.line + 1, column: range.end.character + 1 };
  const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column < b.column);
  return !before(end, { line: span.line, column: span.column }) && !before({ line: span.endLine, column: span.endColumn }, start);
}
