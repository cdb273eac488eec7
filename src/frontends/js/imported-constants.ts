import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Expression, Node, Program, Statement } from '@babel/types';
import { parseScript } from './parse-js';
import { StaticScope } from './static-values';

/**
 * Constants a migration imports from the project's own modules, read statically
 * (never run): `import { TableName } from "../schemas"` where the module, or one it
 * re-exports (`export * from "./models"`), declares `export enum TableName { Users = "users" }`
 * or `export const TableName = { … } as const`. Each is evaluated in its own module,
 * and what it evaluates to stands for the imported name in the migration.
 */

/** Extensions tried for an import without one, in TypeScript's order, then JavaScript's. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'];
/** A module larger than this is not read: a constants module is small. */
const MAX_MODULE_BYTES = 2 * 1024 * 1024;
/** Re-exports followed from the imported module (`export *` chains). */
const MAX_REEXPORT_DEPTH = 4;

export interface ImportedConstants {
  /** The migration's local names and the literal each stands for. */
  bindings: Map<string, Expression>;
  /** The files read for them: the result depends on them too. */
  files: string[];
}

/**
 * The modules read during this process, by absolute path, with the size and time of
 * the version read (a run reads one schema module for hundreds of migrations; the
 * language server reads it again when it changes).
 */
const modules = new Map<string, { version: string; program: Program | undefined; scope: StaticScope | undefined }>();

export function importedConstants(program: Program, filePath: string): ImportedConstants {
  const result: ImportedConstants = { bindings: new Map(), files: [] };
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type' || !statement.source.value.startsWith('.')) continue;
    const from = resolveModule(path.dirname(filePath), statement.source.value);
    if (!from) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type') continue;
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      const value = exportedValue(from, imported, 0, result.files);
      if (value !== undefined) result.bindings.set(specifier.local.name, literalOf(value));
    }
  }
  return result;
}

/** The static value a module exports under a name, or undefined. */
function exportedValue(file: string, name: string, depth: number, files: string[]): unknown {
  const module = moduleAt(file);
  if (!module?.program || !module.scope) return undefined;
  if (!files.includes(file)) files.push(file);
  for (const statement of module.program.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declared = statement.declaration ? declaredValue(statement.declaration, name, module.scope) : undefined;
      if (declared !== undefined) return declared;
      for (const specifier of statement.specifiers) {
        if (specifier.type !== 'ExportSpecifier') continue;
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        if (exported !== name) continue;
        // `export { TableName } from "./models"`, or `export { TableName }` of a declaration in this module.
        if (statement.source) {
          const next = depth < MAX_REEXPORT_DEPTH ? resolveModule(path.dirname(file), statement.source.value) : undefined;
          return next ? exportedValue(next, specifier.local.name, depth + 1, files) : undefined;
        }
        return localValue(module.program, specifier.local.name, module.scope);
      }
    } else if (statement.type === 'ExportAllDeclaration' && depth < MAX_REEXPORT_DEPTH && statement.source.value.startsWith('.')) {
      const next = resolveModule(path.dirname(file), statement.source.value);
      const value = next ? exportedValue(next, name, depth + 1, files) : undefined;
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** The value of `enum NAME {…}` or `const NAME = …` declared at the top of the module. */
function localValue(program: Program, name: string, scope: StaticScope): unknown {
  for (const statement of program.body) {
    const value = declaredValue(statement, name, scope);
    if (value !== undefined) return value;
  }
  return undefined;
}

function declaredValue(declaration: Statement | Node, name: string, scope: StaticScope): unknown {
  if (declaration.type === 'TSEnumDeclaration' && declaration.id.name === name) return scope.value(declaration.id);
  if (declaration.type === 'VariableDeclaration' && declaration.kind === 'const') {
    const declarator = declaration.declarations.find((candidate) => candidate.id.type === 'Identifier' && candidate.id.name === name);
    return declarator?.init ? scope.value(declarator.init) : undefined;
  }
  return undefined;
}

/** `../schemas` → `../schemas.ts`, `../schemas/index.ts`, …; `./models.js` may stand for `./models.ts`. */
function resolveModule(directory: string, specifier: string): string | undefined {
  const base = path.resolve(directory, specifier);
  const withoutJs = base.replace(/\.[cm]?js$/, '');
  const candidates = [base, ...EXTENSIONS.map((extension) => withoutJs + extension), ...EXTENSIONS.map((extension) => path.join(base, `index${extension}`))];
  return candidates.find((candidate) => isFile(candidate));
}

function isFile(candidate: string): boolean {
  return versionOf(candidate) !== undefined;
}

/** The size and modification time of a regular file small enough to read, or undefined. */
function versionOf(file: string): string | undefined {
  try {
    const stats = fs.statSync(file);
    return stats.isFile() && stats.size <= MAX_MODULE_BYTES ? `${stats.size}:${stats.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

function moduleAt(file: string): { program: Program | undefined; scope: StaticScope | undefined } | undefined {
  const version = versionOf(file);
  if (version === undefined) return undefined;
  let module = modules.get(file);
  if (!module || module.version !== version) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = parseScript(text, file);
    const program = parsed.ok ? parsed.ast.program : undefined;
    module = { version, program, scope: program ? StaticScope.ofProgram(program) : undefined };
    modules.set(file, module);
  }
  return module;
}

/** A static value written back as the literal it is (strings, numbers, booleans, null, arrays and objects of such). */
function literalOf(value: unknown): Expression {
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
