import { COPY_SUGGESTION, isCopySuggestionArguments } from '../../../src/lsp/commands';

export interface Clipboard {
  writeText(text: string): PromiseLike<void>;
}

type Next = (command: string, args: unknown[]) => unknown;

/**
 * The client's part of the server's copy command: the safe alternative goes to
 * the clipboard here rather than to the server, which can only show it in a
 * message. Other commands pass through.
 */
export function copySuggestionMiddleware(clipboard: Clipboard, tell: (message: string) => void) {
  return async (command: string, args: unknown[], next: Next): Promise<unknown> => {
    const [argument] = args;
    if (command !== COPY_SUGGESTION || !isCopySuggestionArguments(argument)) return next(command, args);
    await clipboard.writeText(argument.text);
    tell(`migralint: the safe alternative for ${argument.rule} is on the clipboard.`);
    return undefined;
  };
}
