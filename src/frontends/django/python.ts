import type { SyntaxNode, Tree } from '@lezer/common';
import type { MappedText } from '../js/mapped-text';

/**
 * Python source read statically: the syntax tree from @lezer/python (loaded on
 * first use), and the values of the literal expressions a migration is made of.
 * Nothing is executed.
 */

let pythonParser: { parse(text: string): Tree } | undefined;

export interface ParsedPython {
  tree: Tree;
  /** Offset of the first syntax error, when the text is not valid Python. */
  errorAt?: number;
}

export function parsePython(text: string): ParsedPython {
  pythonParser ??= (require('@lezer/python') as typeof import('@lezer/python')).parser;
  const tree = pythonParser.parse(text);
  let errorAt: number | undefined;
  tree.iterate({
    enter: (node) => {
      if (errorAt !== undefined) return false;
      if (node.type.isError) errorAt = node.from;
      return undefined;
    },
  });
  return { tree, errorAt };
}

/** A Python value as far as it is known without running the code; `from`/`to` place it in the file. */
export type PyValue = { from: number; to: number } & (
  | { kind: 'string'; text: MappedText }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list'; items: PyValue[] }
  | { kind: 'dict'; entries: Array<[PyValue, PyValue]> }
  | { kind: 'call'; callee: string; args: PyValue[]; kwargs: Map<string, PyValue>; spread: boolean }
  /** A dotted name that is not a constant of the file (`settings.AUTH_USER_MODEL`, `models.CASCADE`). */
  | { kind: 'name'; path: string }
  /** Anything else: a lambda, a comprehension, arithmetic on unknowns. */
  | { kind: 'unknown'; reason: string }
);

export type PyKind = PyValue['kind'];
export type PyOf<K extends PyKind> = Extract<PyValue, { kind: K }>;

/** Module- and class-level names bound once to an expression, so constants can be followed. */
export class PythonScope {
  private readonly bindings = new Map<string, SyntaxNode | null>();
  private readonly resolving = new Set<string>();

  constructor(
    readonly source: string,
    private readonly parent?: PythonScope,
  ) {}

  /** Records the simple assignments (`NAME = expr`) among a block's statements. */
  bindAssignments(statements: SyntaxNode[]): void {
    for (const statement of statements) {
      const target = statement.name === 'AssignStatement' ? assignmentParts(statement, this.source) : undefined;
      if (!target) continue;
      // A name assigned twice is not a constant.
      this.bindings.set(target.name, this.bindings.has(target.name) ? null : target.value);
    }
  }

  valueOf(node: SyntaxNode | null | undefined): PyValue {
    if (!node) return { kind: 'unknown', reason: 'missing expression', from: 0, to: 0 };
    return readValue(node, this);
  }

  /** The expression a name is bound to, in this scope or an enclosing one. */
  lookup(name: string): SyntaxNode | undefined {
    if (this.bindings.has(name)) return this.bindings.get(name) ?? undefined;
    return this.parent?.lookup(name);
  }

  resolveName(name: string, at: SyntaxNode): PyValue {
    const bound = this.lookup(name);
    if (!bound || this.resolving.has(name)) return { kind: 'name', path: name, from: at.from, to: at.to };
    this.resolving.add(name);
    try {
      return this.valueOf(bound);
    } finally {
      this.resolving.delete(name);
    }
  }
}

/** `NAME = value` → its parts; undefined for other assignments (tuples, attributes, chained). */
export function assignmentParts(statement: SyntaxNode, source: string): { name: string; nameNode: SyntaxNode; value: SyntaxNode } | undefined {
  const children = childNodes(statement).filter((child) => child.name !== 'TypeDef'); // `name: Type = value`
  if (children.length !== 3 || children[0].name !== 'VariableName' || children[1].name !== 'AssignOp') return undefined;
  return { name: source.slice(children[0].from, children[0].to), nameNode: children[0], value: children[2] };
}

export function childNodes(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', 'Comment']);

/** Children that are values (no brackets, commas or comments). */
function elements(node: SyntaxNode): SyntaxNode[] {
  return childNodes(node).filter((child) => !PUNCTUATION.has(child.name));
}

function readValue(node: SyntaxNode, scope: PythonScope): PyValue {
  const at = { from: node.from, to: node.to };
  const source = scope.source;
  switch (node.name) {
    case 'String':
    case 'FormatString':
    case 'ContinuedString': {
      const text = stringText(node, scope);
      return text ? { kind: 'string', text, ...at } : { kind: 'unknown', reason: 'an f-string with values not known statically', ...at };
    }
    case 'Number': {
      const value = Number(source.slice(node.from, node.to).replace(/_/g, ''));
      return Number.isNaN(value) ? { kind: 'unknown', reason: 'a number', ...at } : { kind: 'number', value, ...at };
    }
    case 'Boolean':
      return { kind: 'bool', value: source.slice(node.from, node.to) === 'True', ...at };
    case 'None':
      return { kind: 'none', ...at };
    case 'ParenthesizedExpression': {
      const inner = elements(node);
      return inner.length === 1 ? { ...readValue(inner[0], scope), ...at } : { kind: 'unknown', reason: 'an expression', ...at };
    }
    case 'ArrayExpression':
    case 'TupleExpression':
    case 'SetExpression':
      return listValue(node, scope);
    case 'DictionaryExpression':
      return dictValue(node, scope);
    case 'CallExpression':
      return callValue(node, scope);
    case 'VariableName':
      return { ...scope.resolveName(source.slice(node.from, node.to), node), ...at };
    case 'MemberExpression': {
      const path = dottedName(node, source);
      return path ? { kind: 'name', path, ...at } : { kind: 'unknown', reason: 'an attribute of an expression', ...at };
    }
    case 'UnaryExpression': {
      const [operator, operand] = childNodes(node);
      const value = operand && readValue(operand, scope);
      if (value?.kind === 'number' && operator && source.slice(operator.from, operator.to) === '-') return { kind: 'number', value: -value.value, ...at };
      if (value?.kind === 'number') return { ...value, ...at };
      return { kind: 'unknown', reason: 'an expression', ...at };
    }
    case 'BinaryExpression':
      return binaryValue(node, scope);
    default:
      return { kind: 'unknown', reason: describeNode(node.name), ...at };
  }
}

function describeNode(name: string): string {
  if (name === 'LambdaExpression') return 'a lambda';
  if (name.endsWith('ComprehensionExpression')) return 'a comprehension';
  if (name === 'ConditionalExpression') return 'a conditional expression';
  return 'an expression';
}

function listValue(node: SyntaxNode, scope: PythonScope): PyValue {
  const items: PyValue[] = [];
  const children = childNodes(node).filter((child) => !PUNCTUATION.has(child.name));
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.name === '*') {
      // `*OTHER`: splice a constant list in; anything else is unknown.
      const spread = children[++index];
      const value = spread ? readValue(spread, scope) : undefined;
      if (value?.kind === 'list') items.push(...value.items);
      else items.push({ kind: 'unknown', reason: 'an unpacked value', from: child.from, to: spread?.to ?? child.to });
      continue;
    }
    items.push(readValue(child, scope));
  }
  return { kind: 'list', items, from: node.from, to: node.to };
}

function dictValue(node: SyntaxNode, scope: PythonScope): PyValue {
  const entries: Array<[PyValue, PyValue]> = [];
  const children = childNodes(node).filter((child) => !['{', '}', ',', 'Comment'].includes(child.name));
  for (let index = 0; index < children.length; index++) {
    if (children[index].name === '**') {
      index++;
      continue;
    }
    const key = children[index];
    if (children[index + 1]?.name !== ':') continue;
    const value = children[index + 2];
    if (key && value) entries.push([readValue(key, scope), readValue(value, scope)]);
    index += 2;
  }
  return { kind: 'dict', entries, from: node.from, to: node.to };
}

function callValue(node: SyntaxNode, scope: PythonScope): PyValue {
  const at = { from: node.from, to: node.to };
  const [calleeNode, argList] = childNodes(node);
  const callee = calleeNode ? dottedName(calleeNode, scope.source) : undefined;
  if (!callee || !argList) return { kind: 'unknown', reason: 'a call of an expression', ...at };
  const args: PyValue[] = [];
  const kwargs = new Map<string, PyValue>();
  let spread = false;
  const children = childNodes(argList).filter((child) => !PUNCTUATION.has(child.name));
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.name === '*' || child.name === '**') {
      spread = true;
      index++;
      continue;
    }
    if (child.name === 'VariableName' && children[index + 1]?.name === 'AssignOp' && children[index + 2]) {
      kwargs.set(scope.source.slice(child.from, child.to), readValue(children[index + 2], scope));
      index += 2;
      continue;
    }
    args.push(readValue(child, scope));
  }
  return { kind: 'call', callee, args, kwargs, spread, ...at };
}

function binaryValue(node: SyntaxNode, scope: PythonScope): PyValue {
  const at = { from: node.from, to: node.to };
  const [leftNode, operator, rightNode] = childNodes(node);
  if (!leftNode || !operator || !rightNode || scope.source.slice(operator.from, operator.to) !== '+') {
    return { kind: 'unknown', reason: 'an expression', ...at };
  }
  const left = readValue(leftNode, scope);
  const right = readValue(rightNode, scope);
  if (left.kind === 'list' && right.kind === 'list') return { kind: 'list', items: [...left.items, ...right.items], ...at };
  if (left.kind === 'string' && right.kind === 'string') {
    return { kind: 'string', text: { text: left.text.text + right.text.text, offsets: [...left.text.offsets.slice(0, -1), ...right.text.offsets] }, ...at };
  }
  return { kind: 'unknown', reason: 'an expression', ...at };
}

/** `a.b.c` → "a.b.c"; undefined when a part is not a plain name. */
export function dottedName(node: SyntaxNode, source: string): string | undefined {
  if (node.name === 'VariableName') return source.slice(node.from, node.to);
  if (node.name !== 'MemberExpression') return undefined;
  const [object, dot, property] = childNodes(node);
  if (!object || dot?.name !== '.' || property?.name !== 'PropertyName') return undefined;
  const base = dottedName(object, source);
  return base && `${base}.${source.slice(property.from, property.to)}`;
}

/** The text of a string literal (or implicitly concatenated literals), each character mapped to the file. */
function stringText(node: SyntaxNode, scope: PythonScope): MappedText | undefined {
  if (node.name === 'ContinuedString') {
    const parts = childNodes(node).filter((child) => child.name === 'String' || child.name === 'FormatString');
    const texts = parts.map((part) => stringText(part, scope));
    if (texts.some((text) => text === undefined)) return undefined;
    return joinMapped(texts as MappedText[]);
  }
  const raw = scope.source.slice(node.from, node.to);
  const prefix = /^[a-zA-Z]*/.exec(raw)?.[0] ?? '';
  const quote = raw.startsWith('"""', prefix.length) || raw.startsWith("'''", prefix.length) ? raw.slice(prefix.length, prefix.length + 3) : raw[prefix.length];
  const bodyStart = node.from + prefix.length + quote.length;
  const bodyEnd = Math.max(bodyStart, node.to - quote.length);
  const isRaw = /r/i.test(prefix);
  if (/f/i.test(prefix)) return formatStringText(node, scope, bodyStart, bodyEnd, isRaw);
  return decodePythonEscapes(scope.source, bodyStart, bodyEnd, isRaw);
}

/** An f-string whose replacements are all constants of the file. */
function formatStringText(node: SyntaxNode, scope: PythonScope, bodyStart: number, bodyEnd: number, isRaw: boolean): MappedText | undefined {
  const parts: MappedText[] = [];
  let position = bodyStart;
  for (const replacement of childNodes(node).filter((child) => child.name === 'FormatReplacement')) {
    parts.push(undoubleBraces(decodePythonEscapes(scope.source, position, replacement.from, isRaw)));
    const inner = childNodes(replacement).filter((child) => child.name !== '{' && child.name !== '}');
    if (inner.length !== 1) return undefined;
    const value = readValue(inner[0], scope);
    if (value.kind === 'string') parts.push({ text: value.text.text, offsets: [...Array(value.text.text.length).fill(replacement.from), replacement.to] });
    else if (value.kind === 'number') parts.push({ text: String(value.value), offsets: [...Array(String(value.value).length).fill(replacement.from), replacement.to] });
    else return undefined;
    position = replacement.to;
  }
  parts.push(undoubleBraces(decodePythonEscapes(scope.source, position, bodyEnd, isRaw)));
  return joinMapped(parts);
}

/** `{{` and `}}` stand for one brace in an f-string. */
function undoubleBraces(mapped: MappedText): MappedText {
  let text = '';
  const offsets: number[] = [];
  for (let index = 0; index < mapped.text.length; index++) {
    const char = mapped.text[index];
    text += char;
    offsets.push(mapped.offsets[index]);
    if ((char === '{' || char === '}') && mapped.text[index + 1] === char) index++;
  }
  offsets.push(mapped.offsets[mapped.text.length]);
  return { text, offsets };
}

function joinMapped(parts: MappedText[]): MappedText {
  let text = '';
  const offsets: number[] = [];
  for (const part of parts) {
    text += part.text;
    offsets.push(...part.offsets.slice(0, part.text.length));
  }
  offsets.push(parts.length > 0 ? parts[parts.length - 1].offsets[parts[parts.length - 1].text.length] : 0);
  return { text, offsets };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\u0007', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

/** Decodes Python escapes in `source[start, end)`, mapping every character to its offset in the file. */
export function decodePythonEscapes(source: string, start: number, end: number, isRaw: boolean): MappedText {
  let text = '';
  const offsets: number[] = [];
  let index = start;
  while (index < end) {
    const at = index;
    let decoded: string;
    if (source[index] !== '\\' || isRaw) {
      decoded = source[index];
      index++;
    } else {
      const next = source[index + 1];
      if (next === '\n' || next === '\r') {
        index += next === '\r' && source[index + 2] === '\n' ? 3 : 2; // a line continuation adds nothing
        continue;
      }
      const numeric = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{1,3}))/.exec(source.slice(index + 1, index + 10));
      if (numeric) {
        const code = numeric[4] !== undefined ? parseInt(numeric[4], 8) : parseInt(numeric[1] ?? numeric[2] ?? numeric[3], 16);
        decoded = String.fromCodePoint(code);
        index += 1 + numeric[0].length;
      } else if (next !== undefined && SIMPLE_ESCAPES[next] !== undefined) {
        decoded = SIMPLE_ESCAPES[next];
        index += 2;
      } else {
        decoded = '\\'; // an unknown escape keeps its backslash in Python
        index++;
      }
    }
    text += decoded;
    for (let unit = 0; unit < decoded.length; unit++) offsets.push(at);
  }
  offsets.push(end);
  return { text, offsets };
}
