import * as path from 'node:path';
import type { SyntaxNode } from '@lezer/common';
import type { IgnoreDirective } from '../../model/file';
import { parseDirective } from '../directives';
import { LineIndex } from '../text-positions';
import { type PyValue, PythonScope, assignmentParts, childNodes, dottedName, parsePython } from './python';

/** `("shop", "0002_order_total")`: a migration of an app. */
export interface MigrationReference {
  app: string;
  name: string;
}

/** A Django migration file as written: its class attributes and operations, not yet applied to any state. */
export interface DjangoMigrationFile {
  file: string;
  app: string;
  /** The file name without `.py`, as Django names migrations. */
  name: string;
  source: string;
  lines: LineIndex;
  /** Set when the file is not valid Python. */
  syntaxError?: { at: number; message: string };
  /** False when the file has no `class Migration(…)`. */
  isMigration: boolean;
  /** `atomic = False` turns off the transaction Django wraps each migration in. */
  atomic: boolean;
  dependencies: MigrationReference[];
  /** A squashed migration names the ones it replaces. */
  replaces: MigrationReference[];
  runBefore: MigrationReference[];
  /** The `operations` list, when it is one. */
  operations?: PyValue;
  scope: PythonScope;
  directives: IgnoreDirective[];
  /** Class attributes that static analysis could not read, with where they are. */
  unreadable: Array<{ from: number; to: number; message: string }>;
  /** django-safemigrate's `safe = Safe.after_deploy()`: the migration is applied once the new code is live. Where it is written. */
  afterDeploy?: { from: number; to: number };
}

/** The app label Django gives the migrations in `<app>/migrations/`: the folder's name (unless apps.py says otherwise). */
export function appFolderLabel(filePath: string): string {
  return path.basename(path.dirname(path.dirname(path.resolve(filePath))));
}

export function migrationName(filePath: string): string {
  return path.basename(filePath).replace(/\.py$/, '');
}

/** Stands for the app of `settings.AUTH_USER_MODEL` in a swappable dependency. */
export const USER_MODEL_APP = '__user_model__';

export function readDjangoMigration(source: string, filePath: string, app = appFolderLabel(filePath)): DjangoMigrationFile {
  const lines = new LineIndex(source);
  const parsed = parsePython(source);
  const moduleScope = new PythonScope(source);
  const file: DjangoMigrationFile = {
    file: filePath,
    app,
    name: migrationName(filePath),
    source,
    lines,
    isMigration: false,
    atomic: true,
    dependencies: [],
    replaces: [],
    runBefore: [],
    scope: moduleScope,
    directives: [],
    unreadable: [],
  };
  const top = parsed.tree.topNode;
  const statements = childNodes(top);
  moduleScope.bindAssignments(statements);
  file.directives = commentDirectives(top, source, lines);
  if (parsed.errorAt !== undefined) {
    file.syntaxError = { at: parsed.errorAt, message: 'This file is not valid Python' };
    return file;
  }
  const migrationClass = statements.find((statement) => isMigrationClass(statement, source));
  if (!migrationClass) return file;
  file.isMigration = true;
  const body = childNodes(migrationClass).find((child) => child.name === 'Body');
  const classStatements = body ? childNodes(body) : [];
  const scope = new PythonScope(source, moduleScope);
  scope.bindAssignments(classStatements);
  file.scope = scope;
  for (const statement of classStatements) {
    const assignment = statement.name === 'AssignStatement' ? assignmentParts(statement, source) : undefined;
    if (!assignment) continue;
    const value = scope.valueOf(assignment.value);
    switch (assignment.name) {
      case 'atomic':
        if (value.kind === 'bool') file.atomic = value.value;
        else file.unreadable.push({ from: value.from, to: value.to, message: 'atomic is not a constant True or False; the migration is assumed to run in a transaction' });
        break;
      case 'dependencies':
        file.dependencies = references(value, file);
        break;
      case 'replaces':
        file.replaces = references(value, file);
        break;
      case 'run_before':
        file.runBefore = references(value, file);
        break;
      case 'operations':
        file.operations = value;
        break;
      case 'safe':
        if (isAfterDeploy(value)) file.afterDeploy = { from: value.from, to: value.to };
        break;
    }
  }
  return file;
}

/** `Safe.after_deploy()` (with or without a delay), or `Safe.after_deploy` as django-safemigrate before 5.0 spelt it. */
function isAfterDeploy(value: PyValue): boolean {
  const path = value.kind === 'call' ? value.callee : value.kind === 'name' ? value.path : '';
  return /(^|\.)Safe\.after_deploy$/.test(path);
}

/** `class Migration(migrations.Migration)`, or any base class named `…Migration`. */
function isMigrationClass(statement: SyntaxNode, source: string): boolean {
  if (statement.name !== 'ClassDefinition') return false;
  const [keyword, name, bases] = childNodes(statement);
  if (keyword?.name !== 'class' || name?.name !== 'VariableName' || source.slice(name.from, name.to) !== 'Migration') return false;
  if (bases?.name !== 'ArgList') return false;
  return childNodes(bases).some((base) => /(^|\.)\w*Migration$/.test(dottedName(base, source) ?? ''));
}

/** `[("app", "0001_initial"), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]`. */
function references(value: PyValue, file: DjangoMigrationFile): MigrationReference[] {
  if (value.kind !== 'list') {
    file.unreadable.push({ from: value.from, to: value.to, message: 'this list of migrations is not a literal list' });
    return [];
  }
  const found: MigrationReference[] = [];
  for (const item of value.items) {
    if (item.kind === 'list' && item.items.length === 2 && item.items[0].kind === 'string' && item.items[1].kind === 'string') {
      found.push({ app: item.items[0].text.text, name: item.items[1].text.text });
    } else if (item.kind === 'call' && item.callee.endsWith('swappable_dependency')) {
      found.push({ app: USER_MODEL_APP, name: '__first__' });
    } else {
      file.unreadable.push({ from: item.from, to: item.to, message: 'this migration reference is not a literal ("app", "name") pair' });
    }
  }
  return found;
}

/**
 * `# migralint-ignore rule` on the line before an operation (blank and comment
 * lines between are allowed), or at the end of its first line.
 */
function commentDirectives(top: SyntaxNode, source: string, lines: LineIndex): IgnoreDirective[] {
  const directives: IgnoreDirective[] = [];
  const cursor = top.cursor();
  do {
    if (cursor.name !== 'Comment') continue;
    const parsed = parseDirective(source.slice(cursor.from + 1, cursor.to));
    if (!parsed) continue;
    const start = lines.position(cursor.from);
    const end = lines.position(cursor.to);
    const codeBefore = source.slice(lines.lineStart(start.line), cursor.from).trim().length > 0;
    const targetLine = codeBefore ? start.line : lines.position(nextCodeOffset(source, cursor.to)).line;
    directives.push({ ...parsed, location: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }, targetLine });
  } while (cursor.next());
  return directives;
}

function nextCodeOffset(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    if (/\s/.test(text[index])) index++;
    else if (text[index] === '#') index = text.indexOf('\n', index) < 0 ? text.length : text.indexOf('\n', index);
    else break;
  }
  return index;
}
