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

/** JUnit XML for GitLab and Jenkins: a test suite per file, a failing test case per finding. */
export const junit = wholeDocument((results) => {
  const totalFindings = results.reduce((sum, result) => sum + result.findings.length, 0);
  const suites = results.map((result) => {
    const cases =
      result.findings.length === 0
        ? [`    <testcase name="${xml(result.file)}" classname="migralint" file="${xml(result.file)}"/>`]
        : result.findings.map(
            (finding) =>
              `    <testcase name="${xml(`${finding.rule} at ${finding.line}:${finding.column}`)}" classname="${xml(result.file)}" file="${xml(result.file)}" line="${finding.line}">\n` +
              `      <failure type="${xml(finding.rule)}" message="${xml(finding.message)}">${xml(`${finding.severity} ${finding.file}:${finding.line}:${finding.column}\n${finding.message}\n${finding.help}`)}</failure>\n` +
              '    </testcase>',
          );
    return [
      `  <testsuite name="${xml(result.file)}" tests="${Math.max(result.findings.length, 1)}" failures="${result.findings.length}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="migralint" tests="${results.reduce((sum, result) => sum + Math.max(result.findings.length, 1), 0)}" failures="${totalFindings}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
});
