/**
 * A Python call as written (`models.TextField(null=True, default="")`), split
 * into its arguments at the top level, to write a changed copy of it: Django
 * suggestions repeat the user's field definitions with one keyword more or less.
 */
export interface PythonCall {
  callee: string;
  /** Each argument as written, trimmed (`null=True`). */
  args: string[];
}

export function parseCall(text: string): PythonCall | undefined {
  const open = text.indexOf('(');
  if (open < 0 || !text.trimEnd().endsWith(')')) return undefined;
  const callee = text.slice(0, open).trim();
  if (!/^[\w.]+$/.test(callee)) return undefined;
  const inner = text.slice(open + 1, text.trimEnd().length - 1);
  const args: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < inner.length; index++) {
    const char = inner[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      args.push(inner.slice(start, index).trim());
      start = index + 1;
    }
    if (depth < 0) return undefined;
  }
  if (quote || depth !== 0) return undefined;
  const last = inner.slice(start).trim();
  if (last.length > 0) args.push(last);
  return { callee, args };
}

export function callText(call: PythonCall): string {
  return `${call.callee}(${call.args.join(', ')})`;
}

/** The value of a keyword argument as written (`default="EUR"` → `"EUR"`). */
export function keywordValue(call: PythonCall, keyword: string): string | undefined {
  const prefix = new RegExp(`^${keyword}\\s*=\\s*`);
  const found = call.args.find((arg) => prefix.test(arg));
  return found?.replace(prefix, '');
}

/** The call with a keyword argument set (replaced, or added last). */
export function withKeyword(call: PythonCall, keyword: string, value: string): PythonCall {
  const prefix = new RegExp(`^${keyword}\\s*=`);
  const args = call.args.some((arg) => prefix.test(arg)) ? call.args.map((arg) => (prefix.test(arg) ? `${keyword}=${value}` : arg)) : [...call.args, `${keyword}=${value}`];
  return { ...call, args };
}

export function withoutKeyword(call: PythonCall, keyword: string): PythonCall {
  const prefix = new RegExp(`^${keyword}\\s*=`);
  return { ...call, args: call.args.filter((arg) => !prefix.test(arg)) };
}
