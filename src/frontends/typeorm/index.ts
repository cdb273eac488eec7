import type { AnalyzedFile } from '../../model/file';
import { type ScriptFrontend, analyzeScript } from '../js/analyze-script';
import { findTypeormMigration } from './find-migration';
import { TypeormUpWalker } from './up-walker';

export interface TypeormFileOptions {
  /** TypeORM's `migrationsTransactionMode`: `all` and `each` wrap migrations in a transaction, `none` does not. */
  transactionMode: 'all' | 'each' | 'none';
  /** Keep the text of `query` SQL statements on their operations (for trace). */
  keepStatementText?: boolean;
}

const TYPEORM: ScriptFrontend = {
  name: 'typeorm',
  findMigration: (ast) => findTypeormMigration(ast),
  noMigration: 'no migration class with an up() method',
  subjectLabel: 'the query runner',
  defaultSubject: 'queryRunner',
  createWalker: (subject, output, source, program, scope) => new TypeormUpWalker(subject, output, source, program, scope),
};

/** A TypeORM migration class: `up(queryRunner)` is walked statically; `down` is rollback code. */
export function analyzeTypeormFile(text: string, filePath: string, options: TypeormFileOptions): AnalyzedFile {
  const analyzed = analyzeScript(TYPEORM, text, filePath, options.transactionMode !== 'none', options.keepStatementText);
  return { ...analyzed, transactionSwitch: options.transactionMode === 'each' };
}
