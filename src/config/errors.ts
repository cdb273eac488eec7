/** A problem with how migralint was invoked or configured: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
