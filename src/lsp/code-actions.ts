import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { FileResult } from '../engine/finding';
import { diagnosticOf, spanOverlaps } from './diagnostics';
import { NOT_IGNORABLE, ignoreFileEdit, ignoreStatementEdit } from './ignore-edits';

/** Ignore comments for the findings in the range: for the statement, and for the file (once per rule). */
export function codeActions(params: CodeActionParams, result: FileResult | undefined): CodeAction[] {
  if (!result || !wantsQuickFixes(params.context.only)) return [];
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  const fileWide = new Set<string>();
  for (const finding of result.findings) {
    if (!spanOverlaps(finding, params.range) || NOT_IGNORABLE.has(finding.rule)) continue;
    const diagnostics = [diagnosticOf(finding)];
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
