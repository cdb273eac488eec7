import type { Hover, Position } from 'vscode-languageserver';
import { allRules } from '../../rules';
import type { Finding, FindingLock } from '../engine/finding';
import { type RuleDefinition, docsUrlFor } from '../engine/rule';
import { LOCKS_VERIFIED_ON } from '../engine/verified-on';
import { LOCK_MODES, type LockMode, blockedBy } from '../model/locks';
import { rangeOf, spanContains } from './diagnostics';

const rulesById = new Map(allRules.map((rule) => [rule.id, rule]));

/** What the application cannot do while the lock is held (or waited for). */
const BLOCKED_WORDS: Record<FindingLock['blocks'], string> = {
  'reads and writes': 'blocks reads and writes: every query on the table waits until the transaction ends',
  writes: 'blocks writes: INSERT, UPDATE and DELETE wait until the transaction ends; reads go on',
  'schema changes': 'blocks only other schema changes and VACUUM; reads and writes go on',
  nothing: 'blocks nothing the application does',
};

/** The findings under the cursor, each with its lock, the safe alternative and the rule's rationale. */
export function hoverAt(findings: readonly Finding[], position: Position): Hover | null {
  const under = findings.filter((finding) => spanContains(finding, position));
  if (under.length === 0) return null;
  return {
    contents: { kind: 'markdown', value: under.map(findingMarkdown).join('\n\n---\n\n') },
    range: rangeOf(under[0]),
  };
}

export function findingMarkdown(finding: Finding): string {
  const rule = rulesById.get(finding.rule);
  const sections = [`**${finding.rule}** (${finding.severity}): ${escapeMarkdown(finding.message)}`];
  if (finding.lock) sections.push(lockMarkdown(finding.lock, rule));
  sections.push(`**Instead:** ${escapeMarkdown(finding.help)}`);
  if (rule) sections.push(rule.meta.rationale);
  sections.push(`[${finding.rule}](${docsUrlFor(finding.rule)}) · \`migralint explain ${finding.rule}\``);
  return sections.join('\n\n');
}

function lockMarkdown(lock: FindingLock, rule: RuleDefinition | undefined): string {
  const rewrite = lock.rewrite === true ? ' It rewrites the table, holding the lock for as long as that takes.' : lock.rewrite === 'possible' ? ' It may rewrite the table (depending on the old type), holding the lock for as long as that takes.' : '';
  const safeMode = rule?.meta.safeLock?.mode;
  // Only a weaker lock is worth saying: where the safe form takes the same mode, it differs in what it does while holding it (the rationale says).
  const safe = safeMode && weaker(safeMode, lock.mode) ? ` The safe form takes at most \`${safeMode}\`, which ${BLOCKED_WORDS[blockedBy(safeMode)]}.` : '';
  const verified = ` (Verified on ${LOCKS_VERIFIED_ON.pglite} and ${LOCKS_VERIFIED_ON.server}; \`migralint trace\` shows what your migrations take.)`;
  return `**Lock:** \`${lock.mode}\` on \`${lock.relation}\`, which ${BLOCKED_WORDS[lock.blocks]}.${rewrite}${safe}${verified}`;
}

function weaker(a: LockMode, b: LockMode): boolean {
  return LOCK_MODES.indexOf(a) < LOCK_MODES.indexOf(b);
}

/** Messages quote SQL names (`"orders"."user_id"`); only characters markdown would act on are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
