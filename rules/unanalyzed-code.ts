import { defineRule } from '../src/engine/rule';

export default defineRule({
  id: 'unanalyzed-code',
  meta: {
    category: 'transactions',
    severity: 'warning',
    description: 'Migration code that static analysis cannot follow',
    message: ({ detail }) => `${detail}`,
    help: 'Check this code by hand, or write it with literal table names and SQL so it can be checked.',
    rationale: `migralint reads Knex and TypeORM migrations without running them. SQL assembled at run time, table names
held in variables from elsewhere, helpers imported from other files and loops cannot be followed, so any
dangerous operation inside them would go unreported. This warning marks each such spot, so that silence is
never mistaken for safety.`,
    source: 'frontend',
  },
  examples: { invalid: [], valid: [] },
  create: () => ({}),
});
