import type { Reporter } from './reporter';
import { countBySeverity, plural } from './reporter';

/** Escaping of a workflow command's message (GitHub's toolkit: `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property values (`escapeProperty`): also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
export const github: Reporter = (results) => {
  const lines = results.flatMap((result) =>
    result.findings.map((finding) => {
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(`migralint: ${finding.rule}`)}`,
      ].join(',');
      return `::${finding.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(`${finding.message}\n${finding.help}`)}`;
    }),
  );
  const { errors, warnings } = countBySeverity(results);
  lines.push(`migralint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(results.length, 'file')}`);
  return lines.join('\n') + '\n';
};
