import type { ClassBody, File, Node } from '@babel/types';
import { walkNodes } from '../js/ast-walk';
import type { FunctionNode } from '../js/functions';
import { propertyName, unwrapTypeScript } from '../js/static-values';

export interface TypeormMigration {
  up?: FunctionNode;
  /** `transaction = false` on the class: TypeORM runs this migration outside a transaction. */
  transaction: boolean;
  /** The body of the class `up` belongs to: its fields are constants `up` may read (`this.table`). */
  classBody?: ClassBody;
}

/**
 * Finds the migration's `up`: a class method (`export class X implements
 * MigrationInterface`, `module.exports = class …`, compiled `exports.X = X`),
 * or a prototype assignment (`X.prototype.up = function …`, older compiled output).
 */
export function findTypeormMigration(ast: File): TypeormMigration {
  let up: FunctionNode | undefined;
  let classBody: ClassBody | undefined;
  let transaction = true;
  visit(ast.program, (node) => {
    if (node.type === 'ClassBody' && !up) {
      const method = node.body.find((member) => member.type === 'ClassMethod' && propertyName(member.key) === 'up');
      if (method?.type === 'ClassMethod') {
        up = method;
        classBody = node;
      }
    }
    if (node.type === 'ClassMethod' && propertyName(node.key) === 'up' && !up) up = node;
    if (node.type === 'ClassProperty' && propertyName(node.key) === 'transaction' && isFalse(node.value)) transaction = false;
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.property.type === 'Identifier') {
      const name = node.left.property.name;
      const onPrototype = node.left.object.type === 'MemberExpression' && propertyName(node.left.object.property) === 'prototype';
      if (name === 'up' && onPrototype && !up && (node.right.type === 'FunctionExpression' || node.right.type === 'ArrowFunctionExpression')) up = node.right;
      if (name === 'transaction' && isFalse(node.right)) transaction = false; // this.transaction = false
    }
  });
  return { up, transaction, classBody };
}

/** `false`, also as `false as const`, `<const>false`, `(false)`. */
function isFalse(node: Node | null | undefined): boolean {
  const inner = node && unwrapTypeScript(node);
  return inner?.type === 'BooleanLiteral' && inner.value === false;
}

/**
 * Visits every node, depth first, except the bodies of class methods other than
 * constructors: they hold the migration's queries, and what they do at run time
 * cannot change how TypeORM runs it.
 */
function visit(node: Node, callback: (node: Node) => void): void {
  walkNodes(node, (inner) => {
    callback(inner);
    return !(inner.type === 'ClassMethod' && inner.kind !== 'constructor');
  });
}
