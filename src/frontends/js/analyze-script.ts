import type { ClassBody, File, Node, Program, Statement } from '@babel/types';
import type { AnalyzedFile, FrontendProblem } from '../../model/file';
import { unparsableFile } from '../file-problem';
import { LineIndex } from '../text-positions';
import type { FunctionNode } from './functions';
import { scriptDirectives } from './js-comments';
import type { MigrationWalker } from './migration-walker';
import { type DeepRegion, deepRegions, withoutRegions } from './nesting-limits';
import { type ParsedScript, parseScript } from './parse-js';
import { ScriptOutput } from './script-output';
import { importedConstants } from './imported-constants';
import { StaticScope } from './static-values';

/** What distinguishes one JavaScript front-end from another. */
export interface ScriptFrontend {
  name: 'knex' | 'typeorm';
  /** The `up` function, whether the runner wraps the migration in a transaction, and the class `up` is a method of. */
  findMigration(ast: File, scope: StaticScope): { up?: FunctionNode; transaction: boolean; classBody?: ClassBody };
  /** Why a file without `up` is skipped. */
  noMigration: string;
  /** The name of `up`'s first parameter when it has none. */
  defaultSubject: string;
  /** What the migration's database object is called in messages ("the knex object"). */
  subjectLabel: string;
  createWalker(subject: string, output: ScriptOutput, source: string, program: Program, scope: StaticScope): MigrationWalker;
}

/** Parses the text with the deep regions replaced; when their stand-ins do not parse, the file counts as too deep. */
function parseWithout(text: string, deep: readonly DeepRegion[], filePath: string): ParsedScript {
  if (deep.length === 0) return parseScript(text, filePath);
  const parsed = parseScript(withoutRegions(text, deep), filePath);
  return parsed.ok || parsed.tooDeep ? parsed : { ok: false, message: 'it nests too deeply to be parsed', line: 1, column: 1, tooDeep: true };
}

function deepProblem(region: DeepRegion, output: ScriptOutput): FrontendProblem {
  return { rule: 'unanalyzed-code', message: 'This code nests too deeply for the JavaScript parser; it was not checked.', location: output.span(region.start, region.end) };
}

/** Whether a problem the walker found is about a stand-in (it starts inside a cut region). */
function withinAny(problem: FrontendProblem, regions: readonly DeepRegion[], output: ScriptOutput): boolean {
  return regions.some((region) => {
    const span = output.span(region.start, region.end);
    const { line, column } = problem.location;
    return (line > span.line || (line === span.line && column >= span.column)) && (line < span.endLine || (line === span.endLine && column < span.endColumn));
  });
}

/** Parses a migration script (never runs it) and walks its `up` with the front-end's walker; `down` is not read. */
export function analyzeScript(frontend: ScriptFrontend, text: string, filePath: string, runnerTransaction: boolean, keepStatementText = false): AnalyzedFile {
  // What nests too deeply is cut out before parsing (the same on every thread); the rest is parsed and walked.
  const deep = deepRegions(text);
  const parsed = parseWithout(text, deep, filePath);
  if (!parsed.ok && parsed.tooDeep) {
    const location = { line: 1, column: 1, endLine: 1, endColumn: 2 };
    const problem = { rule: 'unanalyzed-code' as const, message: 'This file nests too deeply for the JavaScript parser; it was not checked.', location };
    return { ...unparsableFile(frontend.name, '', parsed), problems: [problem] };
  }
  const lines = new LineIndex(text);
  if (!parsed.ok) {
    const lineEnd = lines.lineText(Math.min(parsed.line, lines.lineCount)).length + 1;
    return unparsableFile(frontend.name, `This file is not valid JavaScript/TypeScript: ${parsed.message}.`, parsed, lineEnd);
  }
  const scope = StaticScope.ofProgram(parsed.ast.program);
  // `import { TableName } from "../schemas"`: the project's own constants, read from their modules.
  const imported = importedConstants(parsed.ast.program, filePath);
  for (const [name, value] of imported.bindings) scope.bind(name, value);
  const readsFiles = (followed: Iterable<string> = []) => {
    const files = [...new Set([...imported.files, ...followed])];
    return files.length > 0 ? { readsFiles: files } : {};
  };
  const migration = frontend.findMigration(parsed.ast, scope);
  const directives = scriptDirectives(parsed.ast.comments ?? [], lines);
  const transaction = migration.transaction && runnerTransaction;
  if (!migration.up) {
    return { frontend: frontend.name, operations: [], problems: [], directives, statements: 0, runnerTransaction: transaction, skippedReason: frontend.noMigration, ...readsFiles() };
  }
  const param = migration.up.params[0];
  const subject = param?.type === 'Identifier' ? param.name : frontend.defaultSubject;
  const output = new ScriptOutput(lines, keepStatementText);
  const upScope = scope.child();
  if (migration.classBody) upScope.bindClassFields(migration.classBody);
  const walker = frontend.createWalker(subject, output, text, parsed.ast.program, scope);
  walker.filePath = filePath;
  // `up({ queryRunner, tablePrefix })` (n8n), `up({ bp, database })` (botpress): the subject comes from the context.
  if (param?.type === 'ObjectPattern') walker.destructuredContext(param, upScope);
  walker.walkBody(migration.up.body, upScope);
  // An up() whose code all runs on other databases (`if (isSqlite) { … }`) does nothing here: nothing to report.
  if (output.operations.length === 0 && output.statements === 0 && output.problems.length === 0 && hasCode(migration.up) && !walker.leftOutCode) {
    output.unanalyzed(migration.up, `up() holds code, but none of it reaches ${frontend.subjectLabel} in a way migralint can follow; what it does was not checked.`);
  }
  return {
    frontend: frontend.name,
    operations: output.operations,
    problems: [...deep.map((region) => deepProblem(region, output)), ...output.problems.filter((problem) => !withinAny(problem, deep, output))],
    directives: [...directives, ...output.directives],
    statements: output.statements,
    runnerTransaction: transaction,
    ...(walker.runtimeNames.size > 0 ? { runtimeNames: [...walker.runtimeNames] } : {}),
    ...readsFiles(walker.readFiles),
  };
}

/** Whether a function's body does anything at all (an empty `up`, or one that only returns `Promise.resolve()`, is not a gap). */
function hasCode(fn: FunctionNode): boolean {
  const statements = fn.body.type === 'BlockStatement' ? fn.body.body : [{ type: 'ReturnStatement', argument: fn.body } as Statement];
  return statements.some((statement) => statement.type !== 'EmptyStatement' && !(statement.type === 'ReturnStatement' && isNothing(statement.argument)));
}

/** `return;`, `return null`, `return Promise.resolve()` (of a literal or nothing): a value that does nothing. */
function isNothing(node: Node | null | undefined): boolean {
  if (!node || node.type === 'NullLiteral' || (node.type === 'Identifier' && node.name === 'undefined')) return true;
  if (node.type !== 'CallExpression' || node.arguments.length > 1) return false;
  const [argument] = node.arguments;
  if (argument && !isNothing(argument as Node) && !['StringLiteral', 'NumericLiteral', 'BooleanLiteral'].includes(argument.type)) return false;
  const callee = node.callee;
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Promise' && callee.property.type === 'Identifier' && callee.property.name === 'resolve';
}
