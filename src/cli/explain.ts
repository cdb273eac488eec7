import { allRules } from '../../rules';
import { UsageError } from '../config/errors';
import type { RuleDefinition, RuleExample } from '../engine/rule';
import { frontendsOf } from '../engine/rule';

export function findRule(name: string): RuleDefinition {
  const rule = allRules.find((candidate) => candidate.id === name || candidate.meta.aliases?.includes(name));
  if (!rule) throw new UsageError(`Unknown rule "${name}" (see \`migralint rules\`)`);
  return rule;
}

/** `migralint explain <rule>`: what it catches, why, the safe alternative, and its examples. */
export function explainRule(name: string): string {
  const rule = findRule(name);
  const { meta } = rule;
  const severity = meta.severity === 'off' ? 'off (on in the strict preset)' : meta.severity;
  const sections = [
    `${rule.id}: ${meta.description}`,
    `Category: ${meta.category}    Default severity: ${severity}    Front-ends: ${frontendsOf(rule.examples).join(', ') || 'all'}`,
    meta.rationale,
    `Safe alternative: ${meta.help}`,
    exampleSection('Flagged', rule.examples.invalid),
    exampleSection('Not flagged', rule.examples.valid),
  ];
  return sections.filter((section) => section.length > 0).join('\n\n') + '\n';
}

function exampleSection(title: string, examples: readonly RuleExample[]): string {
  const sql = examples.flatMap((example) => ('sql' in example && !example.options ? [example.sql] : []));
  if (sql.length === 0) return '';
  return `${title}:\n${sql.map((text) => text.replace(/^/gm, '    ')).join('\n\n')}`;
}

/** `migralint rules`: one line per rule. */
export function rulesTable(): string {
  const rows = allRules.map((rule) => [rule.id, rule.meta.category, rule.meta.severity, frontendsOf(rule.examples).join(',') || '-']);
  const header = ['RULE', 'CATEGORY', 'SEVERITY', 'FRONT-ENDS'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [format(header), ...rows.map(format)].join('\n') + '\n';
}
