import type { Reporter } from './reporter';

/** One line a finding: `file:line:col: severity rule message`, for editors and grep. Written file by file. */
export const compact: Reporter = (_context, write) => ({
  file(result) {
    for (const finding of result.findings) {
      write(`${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.rule} ${finding.message}\n`);
    }
  },
  end: () => undefined,
});
