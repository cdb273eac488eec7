import { type Reporter, escapeControlCharacters } from './reporter';

/** One line a finding: `file:line:col: severity rule message`, for editors and grep. Written file by file. */
export const compact: Reporter = (_context, write) => ({
  file(result) {
    for (const finding of result.findings) {
      write(`${escapeControlCharacters(finding.file)}:${finding.line}:${finding.column}: ${finding.severity} ${finding.rule} ${escapeControlCharacters(finding.message)}\n`);
    }
  },
  end: () => undefined,
});
