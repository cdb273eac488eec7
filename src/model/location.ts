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
