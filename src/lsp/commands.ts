/**
 * The server's one command: a finding's safe alternative, as text to copy. An
 * editor's client may run it itself (the VS Code extension copies the text to
 * the clipboard); a client that sends it to the server gets the text shown in a
 * message, from which it can be copied.
 */
export const COPY_SUGGESTION = 'migralint.copySuggestion';

export interface CopySuggestionArguments {
  rule: string;
  /** What to paste: each step's code under a comment saying where it goes. */
  text: string;
}

export function isCopySuggestionArguments(value: unknown): value is CopySuggestionArguments {
  const candidate = value as Partial<CopySuggestionArguments> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.rule === 'string' && typeof candidate.text === 'string';
}
