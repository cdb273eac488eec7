import type { AnalyzedFile, FrontendName } from '../model/file';

/**
 * A file that cannot be analysed at all: one syntax-error problem at the given
 * position, nothing else. `lineEnd` is the column just past the line's last
 * character: a position there (the end of the input) gets an empty span.
 */
export function unparsableFile(
  frontend: FrontendName,
  message: string,
  position: { line: number; column: number },
  lineEnd = Number.POSITIVE_INFINITY,
): AnalyzedFile {
  return {
    frontend,
    operations: [],
    directives: [],
    statements: 0,
    runnerTransaction: false,
    problems: [
      {
        rule: 'syntax-error',
        message,
        location: { line: position.line, column: position.column, endLine: position.line, endColumn: Math.min(position.column + 1, Math.max(lineEnd, position.column)) },
      },
    ],
  };
}
