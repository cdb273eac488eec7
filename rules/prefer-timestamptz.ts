import { defineRule } from '../src/engine/rule';
import { columnTypeVisitor } from '../src/engine/column-type-rule';

export default defineRule({
  id: 'prefer-timestamptz',
  meta: {
    category: 'conventions',
    severity: 'off',
    description: 'A timestamp column without time zone',
    message: ({ table, column }) => `Column "${table}"."${column}" is timestamp without time zone, which stores wall-clock times with no zone.`,
    help: 'Use timestamptz (timestamp with time zone).',
    rationale: `\`timestamp\` drops the offset, so the same instant written from servers in different zones is stored as
different values, and daylight-saving changes create duplicates. \`timestamptz\` stores an instant.`,
    aliases: ['prefer-timestamp-tz'],
  },
  examples: {
    invalid: [{ sql: 'ALTER TABLE orders ADD COLUMN shipped_at timestamp;', line: 1, column: 1 }],
    valid: [{ sql: 'ALTER TABLE orders ADD COLUMN shipped_at timestamptz;' }],
  },
  create: (context) => columnTypeVisitor(context, (type) => type.name === 'timestamp'),
});
