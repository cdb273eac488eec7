import type { Expression, Node, Program, Statement } from '@babel/types';

/**
 * Values that are fixed in the file itself: `const TABLE = 'users'`, template
 * literals and concatenations of such, and properties of constant objects.
 * Anything else is unknown statically and yields `undefined`.
 */
export class StaticScope {
  private readonly bindings = new Map<string, Expression>();

  constructor(private readonly parent?: StaticScope) {}

  static ofProgram(program: Program): StaticScope {
    const scope = new StaticScope();
    for (const statement of program.body) scope.declareFrom(statement);
    return scope;
  }

  child(): StaticScope {
    return new StaticScope(this);
  }

  /** Records `const NAME = <expression>` and `const { a, b: c } = <expression>` (also when exported). */
  declareFrom(statement: Statement | Node): void {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
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
      const index = this.value(inner.property, depth + 1);
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

  /** A string, number, boolean, null or array/object of such; undefined when not static. */
  value(node: Node | null | undefined, depth = 0): unknown {
    const resolved = this.resolve(node);
    if (!resolved || depth > 20) return undefined;
    switch (resolved.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
        return resolved.value;
      case 'NullLiteral':
        return null;
      case 'TemplateLiteral': {
        let text = resolved.quasis[0].value.cooked ?? '';
        for (let index = 0; index < resolved.expressions.length; index++) {
          const part = this.value(resolved.expressions[index], depth + 1);
          if (typeof part !== 'string' && typeof part !== 'number') return undefined;
          text += String(part) + (resolved.quasis[index + 1].value.cooked ?? '');
        }
        return text;
      }
      case 'BinaryExpression': {
        if (resolved.operator !== '+') return undefined;
        const left = this.value(resolved.left, depth + 1);
        const right = this.value(resolved.right, depth + 1);
        const isText = (part: unknown) => typeof part === 'string' || typeof part === 'number';
        return isText(left) && isText(right) ? String(left) + String(right) : undefined;
      }
      case 'ArrayExpression': {
        const items = resolved.elements.map((element) => (element ? this.value(element, depth + 1) : undefined));
        return items.every((item) => item !== undefined) ? items : undefined;
      }
      case 'ObjectExpression': {
        const object: Record<string, unknown> = {};
        for (const property of resolved.properties) {
          if (property.type !== 'ObjectProperty') return undefined;
          const key = propertyName(property.key);
          const value = this.value(property.value, depth + 1);
          if (key === undefined || value === undefined) return undefined;
          object[key] = value;
        }
        return object;
      }
      case 'UnaryExpression':
        if (resolved.operator === '!') {
          const operand = this.value(resolved.argument, depth + 1);
          return operand === undefined ? undefined : !operand;
        }
        return undefined;
      default:
        return undefined;
    }
  }
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
