import type { Node } from '@babel/types';
import { MAX_STATIC_VALUE_SIZE, type StaticScope } from './static-values';

/**
 * Text assembled from JavaScript string literals, with, for every character,
 * the offset in the file it came from. `offsets` has one more entry than
 * `text`: the offset just after the last character.
 */
export interface MappedText {
  text: string;
  offsets: number[];
}

/**
 * What to put in place of a `${…}` whose value is not known statically, or
 * undefined to give up on the whole text.
 */
export type Placeholder = (expression: Node) => string | undefined;

/** The text of a string literal, template literal, constant or concatenation, mapped to the file. */
export function mappedText(node: Node, scope: StaticScope, source: string, placeholder: Placeholder): MappedText | undefined {
  const resolved = scope.resolve(node);
  if (resolved && resolved.start == null) {
    // A value bound by the analysis itself (a helper's argument, a loop's element): it stands where the name is.
    const value = scope.value(resolved);
    return typeof value === 'string' || typeof value === 'number' ? constantAt(String(value), node.start ?? 0) : undefined;
  }
  if (!resolved || resolved.start == null || resolved.end == null || scope.isTooLarge(resolved)) return undefined;
  switch (resolved.type) {
    case 'StringLiteral':
      return decodeEscapes(source.slice(resolved.start + 1, resolved.end - 1), resolved.start + 1);
    case 'TemplateLiteral': {
      const parts: MappedText[] = [];
      resolved.quasis.forEach((quasi, index) => {
        parts.push(decodeEscapes(source.slice(quasi.start ?? 0, quasi.end ?? 0), quasi.start ?? 0));
        const expression = resolved.expressions[index];
        if (!expression) return;
        const value = scope.value(expression);
        const text = typeof value === 'string' || typeof value === 'number' ? String(value) : placeholder(expression);
        parts.push(text === undefined ? { text: '\u0000', offsets: [] } : constantAt(text, expression.start ?? 0));
      });
      if (parts.some((part) => part.text === '\u0000')) return undefined;
      return concat(parts);
    }
    case 'BinaryExpression': {
      if (resolved.operator !== '+') return undefined;
      const left = mappedText(resolved.left, scope, source, placeholder);
      const right = left && mappedText(resolved.right, scope, source, placeholder);
      return left && right ? concat([left, right]) : undefined;
    }
    default:
      return undefined;
  }
}

/** Text that stands at one place in the file (a substituted constant or placeholder). */
function constantAt(text: string, offset: number): MappedText {
  return { text, offsets: [...Array(text.length).fill(offset), offset] };
}

/** The parts joined; undefined when that is larger than a constant may be. */
function concat(parts: MappedText[]): MappedText | undefined {
  if (parts.reduce((length, part) => length + part.text.length, 0) > MAX_STATIC_VALUE_SIZE) return undefined;
  const offsets: number[] = [];
  let text = '';
  for (const part of parts) {
    text += part.text;
    appendRange(offsets, part.offsets, 0, part.text.length);
  }
  offsets.push(parts.length > 0 ? parts[parts.length - 1].offsets[parts[parts.length - 1].text.length] : 0);
  return { text, offsets };
}

/** `target.push(...source.slice(from, to))` without spreading, which overflows the stack for long texts. */
export function appendRange(target: number[], source: readonly number[], from: number, to: number): void {
  for (let index = from; index < to; index++) target.push(source[index]);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes JavaScript escapes in raw literal text starting at file offset `base`. */
export function decodeEscapes(raw: string, base: number): MappedText {
  let text = '';
  const offsets: number[] = [];
  let index = 0;
  while (index < raw.length) {
    const start = index;
    let decoded: string;
    if (raw[index] !== '\\') {
      decoded = raw[index];
      index++;
    } else {
      const next = raw[index + 1];
      if (next === '\r' || next === '\n' || next === '\u2028' || next === '\u2029') {
        index += next === '\r' && raw[index + 2] === '\n' ? 3 : 2; // a line continuation adds nothing
        continue;
      }
      const unicode = /^u\{([0-9a-fA-F]+)\}|^u([0-9a-fA-F]{4})|^x([0-9a-fA-F]{2})/.exec(raw.slice(index + 1));
      if (unicode) {
        decoded = String.fromCodePoint(parseInt(unicode[1] ?? unicode[2] ?? unicode[3], 16));
        index += 1 + unicode[0].length;
      } else {
        decoded = SIMPLE_ESCAPES[next] ?? next ?? '';
        index += 2;
      }
    }
    text += decoded;
    for (let unit = 0; unit < decoded.length; unit++) offsets.push(base + start);
  }
  offsets.push(base + raw.length);
  return { text, offsets };
}
