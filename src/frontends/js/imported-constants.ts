import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Expression, Node, Program, Statement } from '@babel/types';
import { parseJson } from '../../config/jsonc';
import { type FunctionNode, functionOf } from './functions';
import { parseScript } from './parse-js';
import { StaticScope, literalOf, propertyName } from './static-values';

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
const modules = new Map<string, ImportedModule & { version: string }>();

/** A module of the project, parsed (never run). */
export interface ImportedModule {
  file: string;
  text: string;
  program: Program | undefined;
  scope: StaticScope | undefined;
  /** Its own imported constants are bound in its scope (done when a helper of it is followed), read from these files. */
  importsBound?: boolean;
  constantFiles?: string[];
}

export function importedConstants(program: Program, filePath: string): ImportedConstants {
  const result: ImportedConstants = { bindings: new Map(), files: [] };
  for (const { from, imported, local } of importsOf(program, filePath)) {
    const value = findExport(from, imported, 0, result.files, VALUE_READER);
    if (value !== undefined) result.bindings.set(local, literalOf(value));
  }
  return result;
}

/** A function the migration imports from the project's own modules, with the module it is written in. */
export interface ImportedFunction {
  fn: FunctionNode;
  module: ParsedModule;
  /** The files read to find it. */
  files: string[];
}

/** The function a local name imports (`import { createOnUpdateTrigger } from "../utils"`), if it is one the module declares. */
export function importedFunction(program: Program, filePath: string, localName: string): ImportedFunction | undefined {
  const spec = importsOf(program, filePath).find((candidate) => candidate.local === localName);
  if (!spec) return undefined;
  const files: string[] = [];
  const found = findExport(spec.from, spec.imported, 0, files, FUNCTION_READER);
  if (!found) return undefined;
  // The helper's module reads its own imports (its `TableName`), once.
  if (!found.module.importsBound) {
    const constants = importedConstants(found.module.program, found.module.file);
    for (const [name, value] of constants.bindings) found.module.scope.bind(name, value);
    found.module.constantFiles = constants.files;
    found.module.importsBound = true;
  }
  return { ...found, files: [...new Set([...files, ...(found.module.constantFiles ?? [])])] };
}

/** What a module exports, read one way (as a static value, as a function). */
interface ExportReader<T> {
  /** From `export const NAME = …`, `export function NAME`, `export enum NAME`. */
  declared(declaration: Node, name: string, module: ParsedModule): T | undefined;
  /** From a declaration in the module that `export { NAME }` names. */
  local(name: string, module: ParsedModule): T | undefined;
  /** From CommonJS: `exports.NAME = …`, `module.exports = { … }`. */
  commonJs(name: string, module: ParsedModule): T | undefined;
}

type ParsedModule = ImportedModule & { program: Program; scope: StaticScope };

/** What a module exports under a name, following `export { … } from` and `export * from` re-exports. */
function findExport<T>(file: string, name: string, depth: number, files: string[], reader: ExportReader<T>): T | undefined {
  const module = moduleAt(file);
  if (!module?.program || !module.scope) return undefined;
  const parsed = module as ParsedModule;
  if (!files.includes(file)) files.push(file);
  const reexported = (specifier: string, exportedName: string) => {
    const next = depth < MAX_REEXPORT_DEPTH && specifier.startsWith('.') ? resolveModule(path.dirname(file), specifier) : undefined;
    return next ? findExport(next, exportedName, depth + 1, files, reader) : undefined;
  };
  for (const statement of parsed.program.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declared = statement.declaration ? reader.declared(statement.declaration, name, parsed) : undefined;
      if (declared !== undefined) return declared;
      for (const specifier of statement.specifiers) {
        if (specifier.type !== 'ExportSpecifier') continue;
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        if (exported !== name) continue;
        // `export { TableName } from "./models"`, or `export { TableName }` of a declaration in this module.
        return statement.source ? reexported(statement.source.value, specifier.local.name) : reader.local(specifier.local.name, parsed);
      }
    } else if (statement.type === 'ExportAllDeclaration') {
      const found = reexported(statement.source.value, name);
      if (found !== undefined) return found;
    }
  }
  return reader.commonJs(name, parsed);
}

/** Exports read as functions, for helpers a migration calls. */
const FUNCTION_READER: ExportReader<Omit<ImportedFunction, 'files'>> = {
  declared(declaration, name, module) {
    if (declaration.type === 'FunctionDeclaration' && declaration.id?.name === name) return { fn: declaration, module };
    if (declaration.type !== 'VariableDeclaration') return undefined;
    const declarator = declaration.declarations.find((candidate) => candidate.id.type === 'Identifier' && candidate.id.name === name);
    const fn = declarator?.init ? functionOf(declarator.init, module.program, module.scope) : undefined;
    return fn ? { fn, module } : undefined;
  },
  local(name, module) {
    const fn = functionOf({ type: 'Identifier', name } as Node, module.program, module.scope);
    return fn ? { fn, module } : undefined;
  },
  commonJs(name, module) {
    const assigned = commonJsAssignment(module.program, name);
    const fn = assigned ? functionOf(assigned, module.program, module.scope) : undefined;
    return fn ? { fn, module } : undefined;
  },
};

/** Exports read as static values, for constants. */
const VALUE_READER: ExportReader<unknown> = {
  declared: (declaration, name, module) => declaredValue(declaration, name, module.scope),
  local: (name, module) => localValue(module.program, name, module.scope),
  commonJs: (name, module) => commonJsValue(module.program, name, module.scope),
};

type ImportSpec = { from: string; imported: string; local: string };

/** Each program's imports, resolved once (its constants, then each helper it calls, look them up). */
const importsByProgram = new WeakMap<Program, ImportSpec[]>();

/** What the program imports from the project's own modules (relative paths, tsconfig aliases): each name, and the module file. */
function importsOf(program: Program, filePath: string): ImportSpec[] {
  let found = importsByProgram.get(program);
  if (!found) {
    found = resolveImports(program, filePath);
    importsByProgram.set(program, found);
  }
  return found;
}

function resolveImports(program: Program, filePath: string): ImportSpec[] {
  const found: ImportSpec[] = [];
  const bind = (specifier: string, names: Array<{ imported: string; local: string }>) => {
    if (names.length === 0) return;
    const from = specifier.startsWith('.') ? resolveModule(path.dirname(filePath), specifier) : resolveAlias(path.dirname(path.resolve(filePath)), specifier);
    if (!from) return;
    for (const name of names) found.push({ from, ...name });
  };
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      const names = statement.specifiers.flatMap((specifier) =>
        specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type'
          ? [{ imported: specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value, local: specifier.local.name }]
          : [],
      );
      bind(statement.source.value, names);
    } else if (statement.type === 'VariableDeclaration' && statement.kind === 'const') {
      // CommonJS: const { TableName } = require("../schemas")
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        const required = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments[0]?.type === 'StringLiteral' ? init.arguments[0].value : undefined;
        if (required === undefined || declarator.id.type !== 'ObjectPattern') continue;
        const names = declarator.id.properties.flatMap((property) =>
          property.type === 'ObjectProperty' && !property.computed && property.key.type === 'Identifier' && property.value.type === 'Identifier' ? [{ imported: property.key.name, local: property.value.name }] : [],
        );
        bind(required, names);
      }
    }
  }
  return found;
}

/** What `exports.NAME = …` or `module.exports.NAME = …` assigns, or what `module.exports = { NAME: … }` gives NAME. */
function commonJsAssignment(program: Program, name: string): Node | undefined {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    const { left, right } = statement.expression;
    if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') continue;
    const property = left.property.name;
    const object = left.object;
    const onExports = (object.type === 'Identifier' && object.name === 'exports') || (object.type === 'MemberExpression' && object.object.type === 'Identifier' && object.object.name === 'module' && object.property.type === 'Identifier' && object.property.name === 'exports');
    if (onExports && property === name) return right;
    if (object.type === 'Identifier' && object.name === 'module' && property === 'exports' && right.type === 'ObjectExpression') {
      for (const entry of right.properties) {
        if (entry.type === 'ObjectProperty' && !entry.computed && propertyName(entry.key) === name) return entry.value as Node;
        if (entry.type === 'ObjectMethod' && !entry.computed && propertyName(entry.key) === name) return entry;
      }
    }
  }
  return undefined;
}

function commonJsValue(program: Program, name: string, scope: StaticScope): unknown {
  const assigned = commonJsAssignment(program, name);
  return assigned ? scope.value(assigned) : undefined;
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

/** The `paths` of the nearest tsconfig.json above a folder (`"@app/*": ["./src/*"]`), and the folder they are relative to. */
interface PathAliases {
  base: string;
  paths: Array<[string, string[]]>;
}

const aliasesByFolder = new Map<string, PathAliases | undefined>();

/** `@app/db/schemas` through the nearest tsconfig.json's `compilerOptions.paths` (its `extends` is not followed). */
function resolveAlias(directory: string, specifier: string): string | undefined {
  const aliases = aliasesFor(directory);
  if (!aliases) return undefined;
  for (const [pattern, targets] of aliases.paths) {
    const star = pattern.indexOf('*');
    const matched = star < 0 ? (specifier === pattern ? '' : undefined) : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) ? specifier.slice(star, specifier.length - (pattern.length - star - 1)) : undefined;
    if (matched === undefined) continue;
    for (const target of targets) {
      const resolved = resolveModule(aliases.base, target.replace('*', matched));
      if (resolved) return resolved;
    }
  }
  return undefined;
}

function aliasesFor(directory: string): PathAliases | undefined {
  if (aliasesByFolder.has(directory)) return aliasesByFolder.get(directory);
  let aliases: PathAliases | undefined;
  const tsconfig = path.join(directory, 'tsconfig.json');
  if (isFile(tsconfig)) aliases = aliasesIn(tsconfig);
  else if (path.dirname(directory) !== directory && !isFile(path.join(directory, 'package.json'))) aliases = aliasesFor(path.dirname(directory));
  aliasesByFolder.set(directory, aliases);
  return aliases;
}

function aliasesIn(tsconfig: string): PathAliases | undefined {
  let options: unknown;
  try {
    options = (parseJson(fs.readFileSync(tsconfig, 'utf8'), tsconfig, { comments: true }) as { compilerOptions?: unknown } | undefined)?.compilerOptions;
  } catch {
    return undefined; // not readable as JSON: imports through it are not followed
  }
  if (!options || typeof options !== 'object') return undefined;
  const { baseUrl, paths } = options as { baseUrl?: unknown; paths?: unknown };
  if (!paths || typeof paths !== 'object') return undefined;
  const entries = Object.entries(paths as Record<string, unknown>).flatMap(([pattern, targets]): Array<[string, string[]]> =>
    Array.isArray(targets) ? [[pattern, targets.filter((target): target is string => typeof target === 'string')]] : [],
  );
  return { base: path.resolve(path.dirname(tsconfig), typeof baseUrl === 'string' ? baseUrl : '.'), paths: entries };
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

function moduleAt(file: string): ImportedModule | undefined {
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
    module = { file, version, text, program, scope: program ? StaticScope.ofProgram(program) : undefined };
    modules.set(file, module);
  }
  return module;
}
