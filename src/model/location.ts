/**
 * A range in the original file. Lines and columns are 1-based; `endColumn` is
 * exclusive (the column just after the last character), as in SARIF and ESLint.
 * Columns count UTF-16 code units, as editors do.
 */
export interface SourceSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function spanContains(outer: SourceSpan, inner: SourceSpan): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore =
    inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}
