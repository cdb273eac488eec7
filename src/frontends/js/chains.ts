import type { Node } from '@babel/types';
import { unwrapTypeScript } from './static-values';

/** One step of `a.b(x).c`: a property, called or not. */
export interface ChainLink {
  name: string;
  /** Arguments when the property is called. */
  args?: Node[];
  /** Offset of the property name, and end of the call (or of the name when not called). */
  start: number;
  end: number;
}

export interface Chain {
  root: Node;
  links: ChainLink[];
}

/** `knex.schema.alterTable('t', cb).createTable(…)` → root `knex`, links schema, alterTable(…), createTable(…). */
export function flattenChain(node: Node): Chain {
  const links: ChainLink[] = [];
  let current = unwrapTypeScript(node);
  for (;;) {
    if (current.type === 'CallExpression' || current.type === 'OptionalCallExpression') {
      const callee = unwrapTypeScript(current.callee);
      if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier') {
        links.push({ name: callee.property.name, args: current.arguments, start: callee.property.start ?? 0, end: current.end ?? 0 });
        current = unwrapTypeScript(callee.object);
        continue;
      }
    } else if ((current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') && !current.computed && current.property.type === 'Identifier') {
      links.push({ name: current.property.name, start: current.property.start ?? 0, end: current.property.end ?? 0 });
      current = unwrapTypeScript(current.object);
      continue;
    }
    return { root: current, links: links.reverse() };
  }
}
