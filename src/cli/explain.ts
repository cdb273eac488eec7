import { allRules } from '../../rules';
import { UsageError } from '../config/errors';
import type { RuleDefinition, RuleExample } from '../engine/rule';
import { lockSection } from '../docs/lock-claims';
import { frontendsOf } from '../engine/rule';
import type { FileResult } from '../engine/finding';
import { placeholderOperation } from '../fixes/placeholders';
import { suggestionFor } from '../fixes/suggest';
import { defaultLintOptions, isSkipped, lintText, prepareLinting } from '../lint';
import { palette } from '../reporters/colors';
import { suggestionLines } from '../reporters/stylish';

export function findRule(name: string): RuleDefinition {
  const rule = allRules.find((candidate) => candidate.id === name || candidate.meta.aliases?.includes(name));
  if (rule) return rule;
  const suggestion = closestName(name, allRules.flatMap((candidate) => [candidate.id, ...(candidate.meta.aliases ?? [])]));
  throw new UsageError(`Unknown rule "${name}"${suggestion ? `: did you mean ${suggestion}?` : ''} (see \`migralint rules\`)`);
}

/** The name nearest to a mistyped one (a few letters off), if any. */
function closestName(name: string, names: readonly string[]): string | undefined {
  const allowed = Math.max(2, Math.floor(name.length / 4));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    const distance = editDistance(name.toLowerCase(), candidate);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** `migralint explain <rule>`: what it catches, why, the safe alternative, and its examples. */
export async function explainRule(name: string): Promise<string> {
  const rule = findRule(name);
  await prepareLinting();
  const { meta } = rule;
  const severity = meta.severity === 'off' ? 'off (on in the strict preset)' : meta.severity;
  const sections = [
    `${rule.id}: ${meta.description}`,
    `Category: ${meta.category}    Default severity: ${severity}    Front-ends: ${frontendsOf(rule.examples).join(', ') || 'all'}`,
    meta.rationale,
    lockSection(rule),
    `Safe alternative: ${meta.help}`,
    suggestionSection(rule),
    exampleSection('Flagged', rule.examples.invalid),
    exampleSection('Not flagged', rule.examples.valid),
  ];
  return sections.filter((section) => section.length > 0).join('\n\n') + '\n';
}

/**
 * The rule's suggestion, written in SQL for its first flagged SQL example with
 * the names replaced by what they stand for (a finding gets it with its own
 * names, in the language of its file).
 */
export function suggestionSection(rule: RuleDefinition): string {
  if (!rule.meta.suggestion) return '';
  const example = rule.examples.invalid.find((candidate): candidate is Extract<RuleExample, { sql: string }> => 'sql' in candidate && candidate.options?.pgVersion === undefined);
  const result = example && lintText(example.sql, 'migration.sql', defaultLintOptions());
  const finding = result && !isSkipped(result) ? result.findings.find((candidate) => candidate.rule === rule.id && candidate.target) : undefined;
  const heading = 'Suggestion, for example (a finding gets it with its own names, in the language of its file: SQL, Knex, TypeORM or Django):';
  if (!finding?.target) return `${heading}
    ${rule.meta.suggestion.description}`;
  const target = { operation: placeholderOperation(finding.target.operation), facts: finding.target.facts };
  const file: FileResult = { file: 'migration.sql', frontend: 'sql', statements: 1, operationCount: 1, runnerTransaction: false, findings: [], source: '' };
  const suggestion = suggestionFor({ ...finding, target }, file, rule);
  if (!suggestion) return '';
  return `${heading}
${suggestionLines(suggestion, false, palette(false)).map((line) => line.replace(/^ {4}suggestion: /, '    ')).join('\n')}`;
}

function exampleSection(title: string, examples: readonly RuleExample[]): string {
  const sql = examples.flatMap((example) => ('sql' in example && !example.options ? [example.sql] : []));
  if (sql.length === 0) return '';
  return `${title}:\n${sql.map((text) => text.replace(/^/gm, '    ')).join('\n\n')}`;
}

/** `migralint rules --format json`: every rule, with what `explain` says in short. */
export function rulesJson(): string {
  const rules = allRules.map((rule) => ({
    id: rule.id,
    aliases: rule.meta.aliases ?? [],
    category: rule.meta.category,
    severity: rule.meta.severity,
    frontends: frontendsOf(rule.examples),
    description: rule.meta.description,
    help: rule.meta.help,
    docs: `migralint explain ${rule.id}`,
  }));
  return `${JSON.stringify({ version: 1, rules }, null, 2)}\n`;
}

/** `migralint rules`: one line per rule. */
export function rulesTable(): string {
  const rows = allRules.map((rule) => [rule.id, rule.meta.category, rule.meta.severity, frontendsOf(rule.examples).join(',') || '-']);
  const header = ['RULE', 'CATEGORY', 'SEVERITY', 'FRONT-ENDS'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [format(header), ...rows.map(format)].join('\n') + '\n';
}
