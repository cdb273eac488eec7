import { allRules } from '../../rules';
import type { RuleContext } from '../../src/engine/rule';
import { SchemaReplay } from '../../src/schema/replay';

/**
 * The engine learns which operation kinds a rule handles from its first visitor
 * and skips it in files without them, so a visitor's keys must not depend on
 * the context it is created with.
 */
function contextWith(overrides: Partial<RuleContext>): RuleContext {
  return {
    report: () => undefined,
    isNewTable: () => false,
    isEmptyTable: () => false,
    isTemporaryTable: () => false,
    isPartitioned: () => false,
    isNewColumn: () => false,
    partitionsIndexedOn: () => false,
    inTransaction: false,
    explicitTransaction: false,
    runnerTransaction: false,
    runnerTransactionOpen: false,
    reopensRunnerTransaction: false,
    implicitTransaction: false,
    pgVersion: 15,
    previous: [],
    schema: new SchemaReplay(),
    settings: new Map(),
    ...overrides,
  };
}

const CONTEXTS: RuleContext[] = [
  contextWith({}),
  contextWith({ pgVersion: 9, inTransaction: true, explicitTransaction: true, runnerTransaction: true, runnerTransactionOpen: true }),
  contextWith({ pgVersion: 18, isNewTable: () => true, isEmptyTable: () => true, isPartitioned: () => true, settings: new Map([['lock_timeout', '2s'], ['statement_timeout', '5s']]) }),
];

// Rules reported by the front-ends or the engine itself have no visitor.
const operationRules = allRules.filter((rule) => (rule.meta.source ?? 'operations') === 'operations');

describe.each(operationRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  test('its visitor handles the same operation kinds whatever the context', () => {
    const shapes = CONTEXTS.map((context) => Object.keys(rule.create(context)).sort());
    expect(shapes[0].length).toBeGreaterThan(0);
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
  });
});
