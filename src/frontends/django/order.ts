/**
 * The order Django applies migrations in: each after the migrations it depends on
 * (`dependencies`, `run_before`), across apps. A squashed migration whose replaced
 * migrations are present stands beside them: the history runs through the originals.
 */

export interface MigrationNode {
  /** Opaque key of the caller's (a file path). */
  id: string;
  app: string;
  name: string;
  dependencies: Array<{ app: string; name: string }>;
  runBefore: Array<{ app: string; name: string }>;
  replaces: Array<{ app: string; name: string }>;
}

export interface MigrationOrder {
  /** Every node, each after its dependencies. */
  order: MigrationNode[];
  /** Squashed migrations whose originals are present: checked in their place, but the history does not pass through them. */
  sideBranches: Set<string>;
  /** Dependency cycles, by the node where one was found. */
  cycles: Array<{ node: MigrationNode; through: MigrationNode }>;
  /** The migrations each one runs after directly (its dependencies, and what it runs before), by id. */
  parents: Map<string, string[]>;
}

const nodeKey = (app: string, name: string) => `${app}\u0000${name}`;

export function orderMigrations(nodes: readonly MigrationNode[]): MigrationOrder {
  const sorted = [...nodes].sort((a, b) => (a.app === b.app ? compareNames(a.name, b.name) : a.app < b.app ? -1 : 1));
  const byKey = new Map(sorted.map((node) => [nodeKey(node.app, node.name), node]));
  const byApp = new Map<string, MigrationNode[]>();
  for (const node of sorted) byApp.set(node.app, [...(byApp.get(node.app) ?? []), node]);

  // A squashed migration replaces its originals in dependencies only when none of them is present.
  const sideBranches = new Set<string>();
  const replacedBy = new Map<string, MigrationNode>();
  for (const node of sorted) {
    if (node.replaces.length === 0) continue;
    if (node.replaces.some((replaced) => byKey.has(nodeKey(replaced.app, replaced.name)))) sideBranches.add(node.id);
    else for (const replaced of node.replaces) replacedBy.set(nodeKey(replaced.app, replaced.name), node);
  }

  const edges = new Map<MigrationNode, MigrationNode[]>(sorted.map((node) => [node, []]));
  const resolve = (app: string, name: string): MigrationNode[] => {
    const appNodes = byApp.get(app) ?? [];
    if (name === '__first__') return appNodes.filter((node) => !sideBranches.has(node.id)).slice(0, 1);
    if (name === '__latest__') return appNodes.filter((node) => !sideBranches.has(node.id)).slice(-1);
    const found = byKey.get(nodeKey(app, name)) ?? replacedBy.get(nodeKey(app, name));
    if (!found) return [];
    // What depends on a squashed migration that stands beside its originals depends on the originals.
    if (sideBranches.has(found.id)) return found.replaces.flatMap((replaced) => resolve(replaced.app, replaced.name));
    return [found];
  };
  for (const node of sorted) {
    // A dependency on the app's own first migration (a swappable dependency in the user model's app) is none.
    for (const dependency of node.dependencies) edges.get(node)?.push(...resolve(dependency.app, dependency.name).filter((target) => target !== node));
    for (const later of node.runBefore) for (const target of resolve(later.app, later.name)) edges.get(target)?.push(node);
  }

  const order: MigrationNode[] = [];
  const cycles: MigrationOrder['cycles'] = [];
  const state = new Map<MigrationNode, 'visiting' | 'done'>();
  const visit = (start: MigrationNode) => {
    // Iterative depth-first search: long histories would overflow the stack.
    const stack: Array<{ node: MigrationNode; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const dependencies = edges.get(top.node) ?? [];
      if (top.next < dependencies.length) {
        const dependency = dependencies[top.next++];
        const seen = state.get(dependency);
        if (seen === 'visiting') cycles.push({ node: top.node, through: dependency });
        if (seen) continue;
        state.set(dependency, 'visiting');
        stack.push({ node: dependency, next: 0 });
        continue;
      }
      state.set(top.node, 'done');
      order.push(top.node);
      stack.pop();
    }
  };
  for (const node of sorted) if (!state.has(node)) visit(node);
  for (const node of sorted) if (sideBranches.has(node.id)) moveBeforeReplaced(node, order, edges.get(node) ?? [], byKey);
  const parents = new Map([...edges].map(([node, dependencies]) => [node.id, [...new Set(dependencies.map((dependency) => dependency.id))]]));
  return { order, sideBranches, cycles, parents };
}

/** `0002_b` before `0010_a`: by the leading number, then by name. */
function compareNames(a: string, b: string): number {
  const numberOf = (name: string) => Number(/^\d+/.exec(name)?.[0] ?? Number.NaN);
  const difference = numberOf(a) - numberOf(b);
  if (!Number.isNaN(difference) && difference !== 0) return difference;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Django applies a squashed migration only where none of the migrations it
 * replaces has run: it goes just before the first of them (when its own
 * dependencies allow), so that it is checked against what was there before them.
 */
function moveBeforeReplaced(node: MigrationNode, order: MigrationNode[], dependencies: readonly MigrationNode[], byKey: ReadonlyMap<string, MigrationNode>): void {
  const from = order.indexOf(node);
  const replacedAt = node.replaces.flatMap((replaced) => {
    const original = byKey.get(nodeKey(replaced.app, replaced.name));
    return original ? [order.indexOf(original)] : [];
  });
  const to = Math.min(...replacedAt);
  if (to >= from || dependencies.some((dependency) => order.indexOf(dependency) >= to)) return;
  order.splice(from, 1);
  order.splice(to, 0, node);
}
