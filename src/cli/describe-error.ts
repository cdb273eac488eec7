/** An error as one line for the user: file-system codes in words, otherwise the message's first line. */
export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const messages: Record<string, string> = {
    ENOENT: 'no such file (it may have been deleted during the run)',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
  };
  if (code && messages[code]) return messages[code];
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message.split('\n')[0] : String(error);
}
