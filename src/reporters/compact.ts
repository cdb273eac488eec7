import type { Reporter } from './reporter';

/** One line a finding: `file:line:col: severity rule message`, for editors and grep. */
export const compact: Reporter = (results) =>
  results
    .flatMap((result) =>
      result.findings.map(
        (finding) => `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.rule} ${finding.message}\n`,
      ),
    )
    .join('');
