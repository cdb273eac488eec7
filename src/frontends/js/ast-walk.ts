import type { Node } from '@babel/types';

/**
 * Visits every node under `node`, depth first, the node before its children,
 * skipping positions and comments. `visit` returns false to skip a node's children.
 */
export function walkNodes(node: Node, visit: (node: Node, parent: Node | undefined) => boolean | void, parent?: Node): void {
  if (visit(node, parent) === false) return;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'extra' || key === 'comments' || key.endsWith('Comments')) continue;
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) walkNodes(item, visit, node);
    } else if (isNode(child)) walkNodes(child, visit, node);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
