import type { FileResult, Finding } from '../engine/finding';
import { docsUrlFor } from '../engine/rule';
import { LineIndex } from '../frontends/text-positions';
import { wholeDocument } from './reporter';

/**
 * SARIF 2.1.0, one run, as GitHub code scanning reads it: the rules that fired
 * with their help, and one result per finding with its region.
 */
export const sarif = wholeDocument((results, context) => {
  const findings = results.flatMap((file) => file.findings);
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
        results: results.flatMap((file) => {
          const fixes = fixesOf(file);
          return file.findings.map((finding) => result(finding, firedIds.indexOf(finding.rule), fixes.get(finding)));
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
});

type SarifFix = { description: { text: string }; artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: unknown[] }> };

/** Each finding's fix as SARIF has it: replacements of regions of the file (an insertion replaces an empty one). */
function fixesOf(file: FileResult): Map<Finding, SarifFix> {
  const fixes = new Map<Finding, SarifFix>();
  if (!file.fixes || file.fixes.length === 0) return fixes;
  const lines = new LineIndex(file.source);
  const at = (offset: number) => lines.position(offset);
  for (const { finding, description, edits } of file.fixes) {
    const replacements = edits.map((edit) => {
      const start = at(edit.start);
      const end = at(edit.end);
      return { deletedRegion: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }, insertedContent: { text: edit.text } };
    });
    fixes.set(finding, { description: { text: description }, artifactChanges: [{ artifactLocation: { uri: encodeURI(file.file) }, replacements }] });
  }
  return fixes;
}

function result(finding: Finding, ruleIndex: number, fix: SarifFix | undefined) {
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
    ...(fix ? { fixes: [fix] } : {}),
    ...(finding.lock ? { properties: { lock: finding.lock } } : {}),
  };
}
