import { type Reporter, countBySeverity } from './reporter';

/** The versioned JSON format of the CLI contract. Nothing but this document goes to stdout. */
export const json: Reporter = (results, context) => {
  const { errors, warnings } = countBySeverity(results);
  const document = {
    version: 1,
    tool: { name: 'migralint', version: context.toolVersion },
    files: results.map((result) => ({
      file: result.file,
      frontend: result.frontend,
      statements: result.statements,
      ...(result.skippedReason ? { skipped: result.skippedReason } : {}),
    })),
    findings: results.flatMap((result) =>
      result.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        file: finding.file,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        message: finding.message,
        help: finding.help,
        docs: finding.docs,
      })),
    ),
    summary: { files: results.length, errors, warnings },
  };
  return JSON.stringify(document, null, 2) + '\n';
};
