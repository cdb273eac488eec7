import type { Hover, Position } from 'vscode-languageserver';
import { allRules } from '../../rules';
import type { FileResult, Finding, FindingLock } from '../engine/finding';
import type { Suggestion } from '../fixes';
import { type RuleDefinition, docsUrlFor } from '../engine/rule';
import { LOCKS_VERIFIED_ON } from '../engine/verified-on';
import { LOCK_MODES, type LockMode, blockedBy } from '../model/locks';
import { rangeOf, spanContains } from './diagnostics';
import { stepPlace, suggestionOf } from './fix-actions';

const rulesById = new Map(allRules.map((rule) => [rule.id, rule]));

/** What the application cannot do while the lock is held (or waited for). */
const BLOCKED_WORDS: Record<FindingLock['blocks'], string> = {
  'reads and writes': 'blocks reads and writes: every query on the table waits until the transaction ends',
  writes: 'blocks writes: INSERT, UPDATE and DELETE wait until the transaction ends; reads go on',
  'schema changes': 'blocks only other schema changes and VACUUM; reads and writes go on',
  nothing: 'blocks nothing the application does',
};

/** The findings under the cursor, each with its lock, the safe alternative (written for this file) and the rule's rationale. */
export function hoverAt(result: FileResult, position: Position): Hover | null {
  const under = result.findings.filter((finding) => spanContains(finding, position));
  if (under.length === 0) return null;
  return {
    contents: { kind: 'markdown', value: under.map((finding) => findingMarkdown(finding, suggestionOf(finding, result), fenceLanguage(result))).join('\n\n---\n\n') },
    range: rangeOf(under[0]),
  };
}

export function findingMarkdown(finding: Finding, suggestion?: Suggestion, language = ''): string {
  const rule = rulesById.get(finding.rule);
  const sections = [`**${finding.rule}** (${finding.severity}): ${escapeMarkdown(finding.message)}`];
  if (finding.lock) sections.push(lockMarkdown(finding.lock, rule));
  sections.push(`**Instead:** ${escapeMarkdown(finding.help)}`);
  if (suggestion && suggestion.steps.length > 0) sections.push(suggestionMarkdown(suggestion, language));
  if (rule) sections.push(rule.meta.rationale);
  sections.push(`[${finding.rule}](${docsUrlFor(finding.rule)}) · \`migralint explain ${finding.rule}\``);
  return sections.join('\n\n');
}

/** The suggestion's steps as code blocks, each under where it goes: copied from the hover as it is. */
function suggestionMarkdown(suggestion: Suggestion, language: string): string {
  const steps = suggestion.steps.map((step) => {
    const application = step.application ? ` First, in the application: ${escapeMarkdown(step.application)}` : '';
    const place = stepPlace(step);
    return `*${place.charAt(0).toUpperCase()}${place.slice(1)}:*${application}\n\n${fence(step.code, language)}`;
  });
  return [`**Suggestion:** ${escapeMarkdown(suggestion.description)}`, ...steps].join('\n\n');
}

/** A fenced code block longer than any run of backticks in the code. */
function fence(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${code}\n${marks}`;
}

function fenceLanguage(result: FileResult): string {
  if (result.frontend === 'sql') return 'sql';
  if (result.frontend === 'django') return 'python';
  return /\.[cm]?ts$/.test(result.file) ? 'typescript' : 'javascript';
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
