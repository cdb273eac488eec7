import { PythonScope, assignmentParts, childNodes, dottedName, parsePython } from './python';

/**
 * The app label an `apps.py` gives its app: `label = "…"` in a class based on
 * AppConfig (the last part of `name` is Django's default, which is the folder's name).
 */
export function readAppLabel(source: string): string | undefined {
  const parsed = parsePython(source);
  for (const statement of childNodes(parsed.tree.topNode)) {
    if (statement.name !== 'ClassDefinition') continue;
    const bases = childNodes(statement).find((child) => child.name === 'ArgList');
    if (!bases || !childNodes(bases).some((base) => /AppConfig$/.test(dottedName(base, source) ?? ''))) continue;
    const body = childNodes(statement).find((child) => child.name === 'Body');
    const scope = new PythonScope(source);
    for (const assignment of body ? childNodes(body) : []) {
      const parts = assignment.name === 'AssignStatement' ? assignmentParts(assignment, source) : undefined;
      if (parts?.name !== 'label') continue;
      const value = scope.valueOf(parts.value);
      if (value.kind === 'string') return value.text.text;
    }
  }
  return undefined;
}
