import { LineIndex } from '../frontends/text-positions';
import { wholeDocument } from './reporter';

/**
 * GitLab Code Quality JSON. Fingerprints hash the file, the rule and the text
 * of the offending line (not its number), plus an occurrence counter, so they
 * survive edits elsewhere in the file.
 */
export const gitlab = wholeDocument((results) => {
  const issues = results.flatMap((result) => {
    const lines = new LineIndex(result.source);
    const seen = new Map<string, number>();
    return result.findings.map((finding) => {
      const text = finding.line <= lines.lineCount ? lines.lineText(finding.line).trim().replace(/\s+/g, ' ') : '';
      const identity = `${finding.file}\u0000${finding.rule}\u0000${text}`;
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      return {
        type: 'issue',
        check_name: finding.rule,
        description: finding.message,
        content: { body: finding.help },
        categories: ['Bug Risk'],
        severity: finding.severity === 'error' ? 'major' : 'minor',
        fingerprint: (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex'),
        location: { path: finding.file, lines: { begin: finding.line, end: finding.endLine } },
      };
    });
  });
  return JSON.stringify(issues, null, 2) + '\n';
});
