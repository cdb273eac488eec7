import type { Finding } from '../engine/finding';
import { type Reporter, Tally, plural } from './reporter';

/** Escaping of a workflow command's message (GitHub's toolkit: `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property values (`escapeProperty`): also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. Written file by file. */
export const github: Reporter = (_context, write) => {
  const tally = new Tally();
  return {
    file(result) {
      tally.add(result);
      for (const finding of result.findings) write(`${annotation(finding)}\n`);
    },
    end: () => write(`migralint: ${plural(tally.errors, 'error')}, ${plural(tally.warnings, 'warning')} in ${plural(tally.files, 'file')}\n`),
  };
};

function annotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(`migralint: ${finding.rule}`)}`,
  ].join(',');
  return `::${finding.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(`${finding.message}\n${finding.help}`)}`;
}
