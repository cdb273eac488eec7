import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'unused-ignore',
  meta: {
    category: 'transactions',
    severity: 'warning',
    description: 'An ignore comment that names an unknown rule or silences nothing',
    message: ({ detail }) => `${detail}`,
    help: 'Remove the comment, or correct the rule id it names.',
    rationale: `An ignore comment that silences nothing is either stale (the statement changed) or mistyped (a rule id
that does not exist silences nothing, and the real finding still fires or, worse, the author believes it was
reviewed). Reporting it keeps ignore comments honest.`,
    source: 'engine',
  },
  examples: {
    invalid: [
      { knex: "exports.up = async (knex) => {\n  // migralint-ignore ban-drop-colum\n  await knex.schema.alterTable('users', (table) => table.dropColumn('bio'));\n};\n", line: 2, column: 3 },
      { sql: '-- migralint-ignore ban-drop-column -- kept for reporting\nALTER TABLE users ADD COLUMN bio text;', line: 1, column: 1 },
      { sql: '-- migralint-ignore ban-drop-colum\nALTER TABLE users DROP COLUMN bio;', line: 1 },
    ],
    valid: [
      { knex: "exports.up = async (knex) => {\n  // migralint-ignore ban-drop-column -- unused since v42\n  await knex.schema.alterTable('users', (table) => table.dropColumn('bio'));\n};\n" },
      { sql: '-- migralint-ignore ban-drop-column -- column unused since v42\nALTER TABLE users DROP COLUMN bio;' },
      { sql: 'ALTER TABLE users DROP COLUMN bio; -- migralint-ignore ban-drop-column' },
      { sql: '-- migralint-ignore-file ban-drop-column\nALTER TABLE users DROP COLUMN bio;' },
    ],
  },
  create: () => ({}),
});
