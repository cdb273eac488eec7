import type { Expression, File, Node } from '@babel/types';
import { type FunctionNode, functionOf } from '../js/functions';
import { type StaticScope, propertyName, unwrapTypeScript } from '../js/static-values';

export interface KnexMigration {
  up?: FunctionNode;
  /** `config = { transaction: false }` turns Knex's per-migration transaction off. */
  transaction: boolean;
}

/**
 * Finds `up` and `config` in the forms Knex migrations take: `exports.up = …`,
 * `module.exports = { up, … }`, `export function up`, `export const up = …`,
 * `export { up }`, `export default { up }`.
 */
export function findKnexMigration(ast: File, scope: StaticScope): KnexMigration {
  const program = ast.program;
  const exported = new Map<string, Node>();
  for (const statement of program.body) {
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const { left, right } = statement.expression;
      const target = exportTarget(left);
      if (target === 'module') collectObject(right, exported);
      else if (target) exported.set(target, right);
    } else if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id) exported.set(declaration.id.name, declaration);
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.init) exported.set(declarator.id.name, declarator.init);
        }
      }
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ExportSpecifier') {
          const name = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
          exported.set(name, specifier.local);
        }
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      // `export default { up }`, or `const migration = { up: … }; export default migration` (botpress).
      collectObject(scope.resolve(statement.declaration) ?? statement.declaration, exported);
    }
  }
  const up = functionOf(exported.get('up'), program, scope);
  const config = scope.value(exported.get('config') as Expression | undefined) as { transaction?: unknown } | undefined;
  return { up, transaction: config?.transaction !== false };
}

/** `exports.up` / `module.exports.up` → 'up'; `module.exports` → 'module'. */
function exportTarget(left: Node): string | undefined {
  if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return undefined;
  const object = left.object;
  if (object.type === 'Identifier' && object.name === 'exports') return left.property.name;
  if (object.type === 'Identifier' && object.name === 'module' && left.property.name === 'exports') return 'module';
  if (exportTarget(object) === 'module') return left.property.name;
  return undefined;
}

function collectObject(node: Node, into: Map<string, Node>): void {
  const object = unwrapTypeScript(node);
  if (object.type !== 'ObjectExpression') return;
  for (const property of object.properties) {
    if (property.type === 'ObjectMethod') {
      const name = propertyName(property.key);
      if (name) into.set(name, property);
    } else if (property.type === 'ObjectProperty') {
      const name = propertyName(property.key);
      if (name) into.set(name, property.value);
    }
  }
}

