/** Recognises `migralint-ignore` and `migralint-ignore-file` in a comment's text. */

export interface ParsedDirective {
  scope: 'statement' | 'file';
  rules: string[];
}

const DIRECTIVE = /^migralint-ignore(-file)?(?=\s|$)(.*)$/s;

/** `text` is the whole comment, markers included (`-- …`, `// …`, `/* … *\/`). */
export function parseDirective(text: string): ParsedDirective | undefined {
  const body = text
    .replace(/^(--|\/\/|\/\*)/, '')
    .replace(/\*\/$/, '')
    .trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  // Everything after a second `--` is the reason.
  const ruleList = match[2].split(/\s--(\s|$)/)[0];
  const rules = ruleList
    .split(/[\s,]+/)
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0);
  return { scope: match[1] ? 'file' : 'statement', rules };
}
