import type { AnalyzedFile, FrontendName } from '../model/file';

/** A file that cannot be analysed at all: one syntax-error problem at the given position, nothing else. */
export function unparsableFile(frontend: FrontendName, message: string, position: { line: number; column: number }): AnalyzedFile {
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
        location: { line: position.line, column: position.column, endLine: position.line, endColumn: position.column + 1 },
      },
    ],
  };
}
