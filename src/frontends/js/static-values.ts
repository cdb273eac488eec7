import type { Expression, Node, Program, Statement } from '@babel/types';

/**
 * The largest constant value evaluated, in characters (strings) or in
 * characters and elements (arrays, objects): constants built from constants can
 * grow exponentially with the length of the file.
 */
export const MAX_STATIC_VALUE_SIZE = 1_000_000;

/** Stands for a value over MAX_STATIC_VALUE_SIZE while evaluating; `value()` gives undefined for it. */
const TOO_LARGE: unique symbol = Symbol('too large');

/** Counts the evaluation steps of a scope and its children (a work bound the tests check). */
export interface EvaluationWork {
  evaluations: number;
}

/**
 * Values that are fixed in the file itself: `const TABLE = 'users'`, template
 * literals and concatenations of such, and properties of constant objects.
 * Anything else is unknown statically and yields `undefined`.
 */
export class StaticScope {
  private readonly bindings = new Map<string, Expression>();
  /**
   * Values already evaluated in this scope, by the expression they come from and
   * the nesting depth they were evaluated at: each is evaluated once.
   */
  private readonly evaluated = new Map<Node, Map<number, unknown>>();
  /** The size of each array and object value (strings measure themselves). */
  private readonly sizes = new WeakMap<object, number>();

  constructor(
    private readonly parent?: StaticScope,
    readonly work: EvaluationWork = parent?.work ?? { evaluations: 0 },
  ) {}

  static ofProgram(program: Program): StaticScope {
    const scope = new StaticScope();
    for (const statement of program.body) scope.declareFrom(statement);
    return scope;
  }

  child(): StaticScope {
    return new StaticScope(this);
  }

  /** Records `const NAME = <expression>`, `const { a, b: c } = <expression>` and `enum NAME { … }` (also when exported). */
  declareFrom(statement: Statement | Node): void {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'TSEnumDeclaration') {
      this.bindings.set(declaration.id.name, enumAsObject(declaration));
      return;
    }
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') return;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.init) this.bindings.set(declarator.id.name, declarator.init);
      else if (declarator.id.type === 'ObjectPattern' && declarator.init) this.bindPattern(declarator.id, declarator.init);
    }
  }

  /** `{ a, b: c }` from `value`: each name stands for `value.a`, `value.b` (looked up when read). */
  bindPattern(pattern: Extract<Node, { type: 'ObjectPattern' }>, value: Expression): void {
    for (const property of pattern.properties) {
      if (property.type !== 'ObjectProperty' || property.value.type !== 'Identifier') continue;
      const key = propertyName(property.key);
      if (key === undefined || property.computed) continue;
      const member = { type: 'MemberExpression', object: value, property: { type: 'Identifier', name: key }, computed: false } as Expression;
      this.bindings.set(property.value.name, member);
    }
  }

  bind(name: string, value: Expression): void {
    this.bindings.set(name, value);
  }

  /** A class's fields with a value (`name = 'X'`, `table = 'users' as const`), read as `this.field`. */
  bindClassFields(body: Extract<Node, { type: 'ClassBody' }>): void {
    for (const member of body.body) {
      if (member.type !== 'ClassProperty' || member.static || !member.value) continue;
      const name = propertyName(member.key);
      if (name !== undefined) this.bindings.set(`this.${name}`, member.value);
    }
  }

  lookup(name: string): Expression | undefined {
    return this.bindings.get(name) ?? this.parent?.lookup(name);
  }

  /** The expression a name or constant member stands for, following constants. */
  resolve(node: Node | null | undefined, depth = 0): Node | undefined {
    if (!node || depth > 20) return undefined;
    const inner = unwrapTypeScript(node);
    if (inner.type === 'Identifier') {
      const bound = this.lookup(inner.name);
      return bound ? this.resolve(bound, depth + 1) : inner;
    }
    if (inner.type === 'MemberExpression' && !inner.computed && inner.property.type === 'Identifier') {
      // `this.table` in a class whose field `table = 'users'` is bound (see StaticScope.bindClassFields).
      const field = inner.object.type === 'ThisExpression' ? this.lookup(`this.${inner.property.name}`) : undefined;
      if (field) return this.resolve(field, depth + 1);
      const object = this.resolve(inner.object, depth + 1);
      if (object?.type === 'ObjectExpression') {
        const name = inner.property.name;
        for (const property of object.properties) {
          if (property.type === 'ObjectProperty' && propertyName(property.key) === name) return this.resolve(property.value, depth + 1);
        }
      }
    }
    if (inner.type === 'MemberExpression' && inner.computed) {
      // `TABLES[0]`, `TABLES[i]` in an unrolled loop.
      const index = this.evaluate(inner.property, depth + 1);
      const array = typeof index === 'number' ? this.resolve(inner.object, depth + 1) : undefined;
      const element = array?.type === 'ArrayExpression' ? array.elements[index as number] : undefined;
      if (element && element.type !== 'SpreadElement') return this.resolve(element, depth + 1);
    }
    return inner;
  }

  string(node: Node | null | undefined): string | undefined {
    const value = this.value(node);
    return typeof value === 'string' ? value : undefined;
  }

  /** A string, number, boolean, null or array/object of such; undefined when not static (or too large). */
  value(node: Node | null | undefined): unknown {
    const value = this.evaluate(node, 0);
    return value === TOO_LARGE ? undefined : value;
  }

  /** Whether the node is a constant whose value is over MAX_STATIC_VALUE_SIZE (and so was not evaluated). */
  isTooLarge(node: Node | null | undefined): boolean {
    return this.evaluate(node, 0) === TOO_LARGE;
  }

  private evaluate(node: Node | null | undefined, depth: number): unknown {
    const resolved = this.resolve(node);
    if (!resolved || depth > 20) return undefined;
    let byDepth = this.evaluated.get(resolved);
    if (byDepth?.has(depth)) return byDepth.get(depth);
    this.work.evaluations++;
    const value = this.bounded(this.evaluateResolved(resolved, depth));
    if (!byDepth) this.evaluated.set(resolved, (byDepth = new Map()));
    byDepth.set(depth, value);
    return value;
  }

  private evaluateResolved(resolved: Node, depth: number): unknown {
    const part = (child: Node | null | undefined) => this.evaluate(child, depth + 1);
    switch (resolved.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
        return resolved.value;
      case 'NullLiteral':
        return null;
      case 'TemplateLiteral': {
        const parts: unknown[] = [resolved.quasis[0].value.cooked ?? ''];
        for (let index = 0; index < resolved.expressions.length; index++) {
          parts.push(part(resolved.expressions[index]), resolved.quasis[index + 1].value.cooked ?? '');
        }
        return joinText(parts);
      }
      case 'BinaryExpression':
        return resolved.operator === '+' ? joinText([part(resolved.left), part(resolved.right)]) : undefined;
      case 'ArrayExpression': {
        const items = resolved.elements.map((element) => (element ? part(element) : undefined));
        if (items.includes(TOO_LARGE)) return TOO_LARGE;
        return items.every((item) => item !== undefined) ? items : undefined;
      }
      case 'ObjectExpression': {
        const object: Record<string, unknown> = {};
        for (const property of resolved.properties) {
          if (property.type !== 'ObjectProperty') return undefined;
          const key = propertyName(property.key);
          const value = part(property.value);
          if (value === TOO_LARGE) return TOO_LARGE;
          if (key === undefined || value === undefined) return undefined;
          object[key] = value;
        }
        return object;
      }
      case 'UnaryExpression':
        if (resolved.operator === '!') {
          const operand = part(resolved.argument);
          return operand === undefined || operand === TOO_LARGE ? operand : !operand;
        }
        return undefined;
      default:
        return undefined;
    }
  }

  /** The value, or TOO_LARGE when it is over MAX_STATIC_VALUE_SIZE. */
  private bounded(value: unknown): unknown {
    if (typeof value === 'string') return value.length > MAX_STATIC_VALUE_SIZE ? TOO_LARGE : value;
    if (!value || typeof value !== 'object') return value;
    // A shared part counts each time it appears: that is the size the value has when used (printed, unrolled).
    let size = 1;
    for (const [key, item] of Object.entries(value)) {
      size += key.length + (typeof item === 'string' ? item.length : item && typeof item === 'object' ? (this.sizes.get(item) ?? 1) : 1);
    }
    if (size > MAX_STATIC_VALUE_SIZE) return TOO_LARGE;
    this.sizes.set(value, size);
    return value;
  }
}

/** Strings and numbers joined; TOO_LARGE when any part (or the whole) is; undefined when any part is not text. */
function joinText(parts: unknown[]): unknown {
  if (parts.includes(TOO_LARGE)) return TOO_LARGE;
  let length = 0;
  for (const part of parts) {
    if (typeof part !== 'string' && typeof part !== 'number') return undefined;
    length += String(part).length;
  }
  return length > MAX_STATIC_VALUE_SIZE ? TOO_LARGE : parts.join('');
}

export function propertyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

/** `x as T`, `x!`, `<T>x`, `(x)` all stand for `x`. */
export function unwrapTypeScript(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'ParenthesizedExpression'
  ) {
    current = current.expression;
  }
  return current;
}

/** `enum TableName { Users = "users", Orders = "orders" }` as the object it compiles to (its members with a value written out). */
function enumAsObject(declaration: Extract<Node, { type: 'TSEnumDeclaration' }>): Expression {
  const properties = declaration.members.flatMap((member) => {
    const key = propertyName(member.id);
    if (key === undefined || !member.initializer) return [];
    return [{ type: 'ObjectProperty', key: { type: 'StringLiteral', value: key }, value: member.initializer, computed: false, shorthand: false }];
  });
  return { type: 'ObjectExpression', properties } as Expression;
}

/** A static value written back as the literal it is (strings, numbers, booleans, null, arrays and objects of such). */
export function literalOf(value: unknown): Expression {
  if (typeof value === 'string') return { type: 'StringLiteral', value } as Expression;
  if (typeof value === 'number') return { type: 'NumericLiteral', value } as Expression;
  if (typeof value === 'boolean') return { type: 'BooleanLiteral', value } as Expression;
  if (value === null) return { type: 'NullLiteral' } as Expression;
  if (Array.isArray(value)) return { type: 'ArrayExpression', elements: value.map(literalOf) } as Expression;
  const properties = Object.entries(value as Record<string, unknown>).map(([key, item]) => ({
    type: 'ObjectProperty',
    key: { type: 'StringLiteral', value: key },
    value: literalOf(item),
    computed: false,
    shorthand: false,
  }));
  return { type: 'ObjectExpression', properties } as Expression;
}
