import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { FileResult, Finding } from '../engine/finding';
import { COPY_SUGGESTION, type CopySuggestionArguments } from './commands';
import { diagnosticOf, spanOverlaps } from './diagnostics';
import { type FindingRemedy, suggestionSnippet } from './fix-actions';
import { NOT_IGNORABLE, ignoreFileEdit, ignoreStatementEdit } from './ignore-edits';

/**
 * The quick fixes for the findings in the range, each finding's in this order:
 * its `--fix` edits (preferred), else its safe alternative to copy; ignoring
 * it for its statement; and for the file (once per rule).
 */
export function codeActions(params: CodeActionParams, result: FileResult | undefined, remedies: () => Map<Finding, FindingRemedy>): CodeAction[] {
  if (!result || !wantsQuickFixes(params.context.only)) return [];
  const uri = params.textDocument.uri;
  const inRange = result.findings.filter((finding) => spanOverlaps(finding, params.range));
  if (inRange.length === 0) return [];
  const remedyOf = remedies();
  const actions: CodeAction[] = [];
  const fileWide = new Set<string>();
  for (const finding of inRange) {
    const diagnostics = [diagnosticOf(finding)];
    const remedy = remedyOf.get(finding);
    if (remedy?.fix) {
      actions.push({ title: remedy.fix.title, kind: 'quickfix', isPreferred: true, diagnostics, edit: { changes: { [uri]: remedy.fix.edits } } });
    } else if (remedy?.suggestion && remedy.suggestion.steps.length > 0) {
      const argument: CopySuggestionArguments = { rule: finding.rule, text: suggestionSnippet(remedy.suggestion, result.frontend) };
      actions.push({ title: `Copy the safe alternative (${finding.rule})`, kind: 'quickfix', diagnostics, command: { title: 'Copy the safe alternative', command: COPY_SUGGESTION, arguments: [argument] } });
    }
    if (NOT_IGNORABLE.has(finding.rule)) continue;
    actions.push({
      title: `Ignore ${finding.rule} for this statement`,
      kind: 'quickfix',
      diagnostics,
      edit: { changes: { [uri]: [ignoreStatementEdit(result.source, finding, result.frontend)] } },
    });
    if (fileWide.has(finding.rule)) continue;
    fileWide.add(finding.rule);
    actions.push({
      title: `Ignore ${finding.rule} for this file`,
      kind: 'quickfix',
      diagnostics,
      edit: { changes: { [uri]: [ignoreFileEdit(result.source, finding.rule, result.frontend)] } },
    });
  }
  return actions;
}

/** Whether the kinds a client asks for (none: all) include quick fixes. */
function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => kind === '' || kind === 'quickfix');
}
