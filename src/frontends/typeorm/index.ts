import type { AnalyzedFile } from '../../model/file';
import { scriptDirectives } from '../js/js-comments';
import { parseScript } from '../js/parse-js';
import { ScriptOutput } from '../js/script-output';
import { StaticScope } from '../js/static-values';
import { scriptSyntaxError } from '../knex';
import { LineIndex } from '../text-positions';
import { findTypeormMigration } from './find-migration';
import { TypeormUpWalker } from './up-walker';

export interface TypeormFileOptions {
  /** TypeORM's `migrationsTransactionMode`: `all` and `each` wrap migrations in a transaction, `none` does not. */
  transactionMode: 'all' | 'each' | 'none';
}

/** A TypeORM migration class: `up(queryRunner)` is walked statically; `down` is rollback code. */
export function analyzeTypeormFile(text: string, filePath: string, options: TypeormFileOptions): AnalyzedFile {
  const lines = new LineIndex(text);
  const parsed = parseScript(text, filePath);
  if (!parsed.ok) return scriptSyntaxError(parsed, 'typeorm');
  const scope = StaticScope.ofProgram(parsed.ast.program);
  const migration = findTypeormMigration(parsed.ast);
  const directives = scriptDirectives(parsed.ast.comments ?? [], lines);
  const runnerTransaction = migration.transaction && options.transactionMode !== 'none';
  if (!migration.up) {
    return { frontend: 'typeorm', operations: [], problems: [], directives, statements: 0, runnerTransaction, skippedReason: 'no migration class with an up() method' };
  }
  const param = migration.up.params[0];
  const queryRunner = param?.type === 'Identifier' ? param.name : 'queryRunner';
  const output = new ScriptOutput(lines);
  new TypeormUpWalker(queryRunner, output, text, parsed.ast.program, scope).walkBody(migration.up.body, scope.child());
  return {
    frontend: 'typeorm',
    operations: output.operations,
    problems: output.problems,
    directives: [...directives, ...output.directives],
    statements: output.statements,
    runnerTransaction,
  };
}
