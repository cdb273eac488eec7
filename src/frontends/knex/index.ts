import type { AnalyzedFile } from '../../model/file';
import { type ScriptFrontend, analyzeScript } from '../js/analyze-script';
import { findKnexMigration } from './find-migration';
import { KnexUpWalker } from './up-walker';

export interface KnexFileOptions {
  /** The knexfile sets `disableTransactions: true`. */
  transactionsDisabled: boolean;
  /** Keep the text of `raw` SQL statements on their operations (for trace). */
  keepStatementText?: boolean;
}

const KNEX: ScriptFrontend = {
  name: 'knex',
  findMigration: findKnexMigration,
  noMigration: 'no exported up() migration function',
  subjectLabel: 'the knex object',
  defaultSubject: 'knex',
  createWalker: (subject, output, source, program, scope) => new KnexUpWalker(subject, output, source, program, scope),
};

/** A Knex migration: `up` is walked statically, in order; `down` is rollback code and is not read. */
export function analyzeKnexFile(text: string, filePath: string, options: KnexFileOptions): AnalyzedFile {
  return analyzeScript(KNEX, text, filePath, !options.transactionsDisabled, options.keepStatementText);
}
