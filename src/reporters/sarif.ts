import type { Finding } from '../engine/finding';
import { docsUrlFor } from '../engine/rule';
import { wholeDocument } from './reporter';

/**
 * SARIF 2.1.0, one run, as GitHub code scanning reads it: the rules that fired
 * with their help, and one result per finding with its region.
 */
export const sarif = wholeDocument((results, context) => {
  const findings = results.flatMap((result) => result.findings);
  const firedIds = [...new Set(findings.map((finding) => finding.rule))].sort();
  const rules = firedIds.map((id) => context.rules.find((rule) => rule.id === id)).filter((rule) => rule !== undefined);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'migralint',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: 'https://github.com/migralint/migralint',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.meta.description },
              fullDescription: { text: rule.meta.rationale.replace(/\s*\n\s*/g, ' ') },
              help: { text: rule.meta.help, markdown: `${rule.meta.help}\n\n${rule.meta.rationale}` },
              helpUri: docsUrlFor(rule.id),
              defaultConfiguration: { level: rule.meta.severity === 'error' ? 'error' : 'warning' },
              properties: { tags: ['migrations', 'postgresql', rule.meta.category] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => result(finding, firedIds.indexOf(finding.rule))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
});

function result(finding: Finding, ruleIndex: number) {
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: finding.severity === 'error' ? 'error' : 'warning',
    message: { text: `${finding.message} ${finding.help}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(finding.file) },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: Math.max(finding.endColumn, finding.endLine === finding.line ? finding.column + 1 : 1),
          },
        },
      },
    ],
    ...(finding.lock ? { properties: { lock: finding.lock } } : {}),
  };
}
