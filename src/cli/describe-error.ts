/** An error as one line for the user: file-system codes in words, otherwise the message's first line. */
export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const messages: Record<string, string> = {
    ENOENT: 'no such file (it may have been deleted during the run)',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
  };
  if (code && messages[code]) return messages[code];
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
