/**
 * Recognises `migralint-ignore` and `migralint-ignore-file` in a comment's text,
 * and squawk's `squawk-ignore` and `squawk-ignore-file`, which teams moving from
 * squawk already have: they silence the rules of the same id.
 */

export interface ParsedDirective {
  scope: 'statement' | 'file';
  rules: string[];
  /** Written for squawk: names only squawk knows, or that silence nothing here, are not complaints. */
  squawk?: boolean;
}

const DIRECTIVE = /^(migralint|squawk)-ignore(-file)?(?=\s|$)(.*)$/s;

/** `text` is the whole comment, markers included (`-- …`, `// …`, `/* … *\/`). */
export function parseDirective(text: string): ParsedDirective | undefined {
  const body = text
    .replace(/^(--|\/\/|\/\*)/, '')
    .replace(/\*\/$/, '')
    .trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  // Everything after a second `--` is the reason.
  const ruleList = match[3].split(/\s--(\s|$)/)[0];
  const rules = ruleList
    .split(/[\s,]+/)
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0);
  return { scope: match[2] ? 'file' : 'statement', rules, ...(match[1] === 'squawk' ? { squawk: true } : {}) };
}
