import type { FileResult } from '../engine/finding';
import { wholeDocument } from './reporter';

function xml(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/**
 * JUnit XML for GitLab and Jenkins: a test suite per file, a test case per
 * finding. Only errors are failures; a warning is a passing case whose text is
 * in <system-out>, so a run that exits 0 shows as green.
 */
export const junit = wholeDocument((results) => {
  const errorsIn = (result: FileResult) => result.findings.filter((finding) => finding.severity === 'error').length;
  const suites = results.map((result) => {
    const cases =
      result.findings.length === 0
        ? [`    <testcase name="${xml(result.file)}" classname="migralint" file="${xml(result.file)}"/>`]
        : result.findings.map((finding) => {
            const text = xml(`${finding.severity} ${finding.file}:${finding.line}:${finding.column}\n${finding.message}\n${finding.help}`);
            const outcome =
              finding.severity === 'error'
                ? `      <failure type="${xml(finding.rule)}" message="${xml(finding.message)}">${text}</failure>\n`
                : `      <system-out>${text}</system-out>\n`;
            return (
              `    <testcase name="${xml(`${finding.rule} at ${finding.line}:${finding.column}`)}" classname="${xml(result.file)}" file="${xml(result.file)}" line="${finding.line}">\n` +
              outcome +
              '    </testcase>'
            );
          });
    return [
      `  <testsuite name="${xml(result.file)}" tests="${Math.max(result.findings.length, 1)}" failures="${errorsIn(result)}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="migralint" tests="${results.reduce((sum, result) => sum + Math.max(result.findings.length, 1), 0)}" failures="${results.reduce((sum, result) => sum + errorsIn(result), 0)}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
});
