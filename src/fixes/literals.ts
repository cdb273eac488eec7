/** String literals for code written into JavaScript and Python files. */

/**
 * A JavaScript string: single quotes, else double quotes, else a template
 * literal (as TypeORM writes its queries when `backtick` is asked for).
 */
export function jsString(text: string, backtick = false): string {
  if (backtick || /[\n\r]/.test(text) || (text.includes("'") && text.includes('"'))) {
    return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
  }
  const quote = text.includes("'") ? '"' : "'";
  return `${quote}${text.replace(/\\/g, '\\\\')}${quote}`;
}

/** A Python string in double quotes, as Django's generated migrations write them. */
export function pyString(text: string): string {
  if (/[\n\r]/.test(text)) return `"""${text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}"""`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Indents every non-empty line. */
export function indent(text: string, by: string): string {
  return text.replace(/^(?=.)/gm, by);
}
