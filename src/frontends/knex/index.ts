import type { AnalyzedFile } from '../../model/file';
import { scriptDirectives } from '../js/js-comments';
import { parseScript } from '../js/parse-js';
import { ScriptOutput } from '../js/script-output';
import { StaticScope } from '../js/static-values';
import { LineIndex } from '../text-positions';
import { findKnexMigration } from './find-migration';
import { KnexUpWalker } from './up-walker';

export interface KnexFileOptions {
  /** The knexfile sets `disableTransactions: true`. */
  transactionsDisabled: boolean;
}

/** A Knex migration: `up` is walked statically, in order; `down` is rollback code and is not read. */
export function analyzeKnexFile(text: string, filePath: string, options: KnexFileOptions): AnalyzedFile {
  const lines = new LineIndex(text);
  const parsed = parseScript(text, filePath);
  if (!parsed.ok) return scriptSyntaxError(parsed, 'knex');
  const scope = StaticScope.ofProgram(parsed.ast.program);
  const migration = findKnexMigration(parsed.ast, scope);
  const directives = scriptDirectives(parsed.ast.comments ?? [], lines);
  const runnerTransaction = migration.transaction && !options.transactionsDisabled;
  if (!migration.up) {
    return { frontend: 'knex', operations: [], problems: [], directives, statements: 0, runnerTransaction, skippedReason: 'no exported up() migration function' };
  }
  const knexParam = migration.up.params[0];
  const output = new ScriptOutput(lines);
  const knexName = knexParam?.type === 'Identifier' ? knexParam.name : 'knex';
  new KnexUpWalker(knexName, output, text, parsed.ast.program, scope).walkBody(migration.up.body, scope.child());
  return {
    frontend: 'knex',
    operations: output.operations,
    problems: output.problems,
    directives: [...directives, ...output.directives],
    statements: output.statements,
    runnerTransaction,
  };
}

export function scriptSyntaxError(
  parsed: { message: string; line: number; column: number },
  frontend: 'knex' | 'typeorm',
): AnalyzedFile {
  return {
    frontend,
    operations: [],
    directives: [],
    statements: 0,
    runnerTransaction: false,
    problems: [
      {
        rule: 'syntax-error',
        message: `This file is not valid JavaScript/TypeScript: ${parsed.message}.`,
        location: { line: parsed.line, column: parsed.column, endLine: parsed.line, endColumn: parsed.column + 1 },
      },
    ],
  };
}
