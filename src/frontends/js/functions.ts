import type { Node, Program } from '@babel/types';
import { type StaticScope, unwrapTypeScript } from './static-values';

export type FunctionNode = Extract<
  Node,
  { type: 'FunctionExpression' | 'ArrowFunctionExpression' | 'FunctionDeclaration' | 'ObjectMethod' | 'ClassMethod' }
>;

/** The function a node is, or names (a top-level declaration or constant). */
export function functionOf(node: Node | undefined, program: Program, scope: StaticScope): FunctionNode | undefined {
  if (!node) return undefined;
  const inner = unwrapTypeScript(node);
  switch (inner.type) {
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionDeclaration':
    case 'ObjectMethod':
    case 'ClassMethod':
      return inner;
    case 'Identifier': {
      const declared = program.body.find(
        (statement) =>
          (statement.type === 'FunctionDeclaration' && statement.id?.name === inner.name) ||
          (statement.type === 'ExportNamedDeclaration' &&
            statement.declaration?.type === 'FunctionDeclaration' &&
            statement.declaration.id?.name === inner.name),
      );
      if (declared?.type === 'FunctionDeclaration') return declared;
      if (declared?.type === 'ExportNamedDeclaration' && declared.declaration?.type === 'FunctionDeclaration') return declared.declaration;
      const bound = scope.lookup(inner.name) ?? variableInit(program, inner.name);
      return bound && bound !== inner ? functionOf(bound, program, scope) : undefined;
    }
    default:
      return undefined;
  }
}

/** `let`/`var`/`const` initialisers at the top level (functions are often declared with `const up = …`). */
function variableInit(program: Program, name: string): Node | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) return declarator.init;
    }
  }
  return undefined;
}
