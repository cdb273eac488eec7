import { actionSql } from '../action-sql';
import type { SqlFacts, SqlRunner } from '../file-facts';
import { PLAIN } from '../sql-text';
import type { LanguageWriter, PlacedStep, WriteContext } from './writer';

/** How each runner is told, in the file, to run it outside a transaction. */
const TRANSACTION_OFF: Record<SqlRunner, { header: (off: boolean) => string[]; footer: string[] }> = {
  goose: { header: (off) => [...(off ? ['-- +goose NO TRANSACTION'] : []), '-- +goose Up'], footer: [] },
  dbmate: { header: (off) => [`-- migrate:up${off ? ' transaction:false' : ''}`], footer: ['', '-- migrate:down'] },
  'sql-migrate': { header: (off) => [`-- +migrate Up${off ? ' notransaction' : ''}`], footer: [] },
  diesel: { header: (off) => (off ? ['-- (with run_in_transaction = false in this migration\'s metadata.toml)'] : []), footer: [] },
  // Flyway runs a migration that holds a CONCURRENTLY statement without a transaction.
  flyway: { header: () => [], footer: [] },
  // sqlx reads the file's first bytes; it then sends the file as one query (one transaction when it holds several statements).
  sqlx: { header: (off) => (off ? ['-- no-transaction'] : []), footer: [] },
  // synapse applies every delta in its transaction: what must run outside one is a background update (Python).
  synapse: { header: (off) => (off ? ['-- (synapse applies its deltas in a transaction: run this from a background update instead)'] : []), footer: [] },
  // drizzle's migrator applies every pending migration in one transaction: what must run outside one runs apart from it.
  drizzle: { header: (off) => (off ? ["-- (drizzle's migrator applies its migrations in one transaction: run this apart from it, with psql or a script, before or after the deploy)"] : []), footer: [] },
  // pop runs a migration without its transaction when the file's name says `.autocommit.`, and then sends it as one query.
  pop: { header: (off) => (off ? ['-- (alone in a migration file named <version>_<name>.autocommit.up.sql: pop runs it outside a transaction)'] : []), footer: [] },
  // postgres-migrations looks for its marker anywhere in the file; it then sends the file as one query.
  'postgres-migrations': { header: (off) => (off ? ['-- postgres-migrations disable-transaction'] : []), footer: [] },
  // golang-migrate, Prisma (and sqlx, told so) send a file as one query, which PostgreSQL runs as one transaction when it holds several statements.
  'whole-file': { header: (off) => (off ? ['-- (alone in a migration file of its own: a file of several statements runs as one transaction)'] : []), footer: [] },
  plain: { header: () => [], footer: [] },
};

export const sqlWriter: LanguageWriter<SqlFacts> = {
  action(action, step, context) {
    const sql = actionSql(action, sqlContext(step, context));
    return sql?.map((statement) => `${statement};`);
  },
  inThisMigration(code, step, context) {
    if (!step.transactionOff) return code.join('\n');
    return [...TRANSACTION_OFF[context.facts.runner].header(true), ...code].join('\n');
  },
  newMigration(code, _reverse, step, context) {
    const runner = TRANSACTION_OFF[context.facts.runner];
    const header = runner.header(step.transactionOff);
    // A runner with no marker for it (golang-migrate, Prisma) runs a file of one CONCURRENTLY statement as it is;
    // one told to wrap every file in a transaction (--assume-in-transaction) must be told otherwise for this one.
    const assumed = step.transactionOff && context.facts.runner === 'plain' && context.facts.runnerTransaction ? ['-- (run this migration outside a transaction)'] : [];
    return [...assumed, ...header, ...code, ...runner.footer].join('\n');
  },
};

function sqlContext(step: PlacedStep, context: WriteContext<SqlFacts>) {
  // At the top of a migration its runner wraps in a transaction, SET LOCAL lasts until that transaction ends.
  const local = context.facts.runnerTransaction && !step.transactionOff;
  return { operation: context.operation, flaggedSql: context.flaggedSql, style: PLAIN };
}
