import * as fs from 'node:fs';
import { LOCKS_VERIFIED_ON } from '../../src/engine/verified-on';
import { prepareLinting } from '../../src/lint';
import type { TraceDatabase } from '../../src/trace';
import { type ClaimCheck, checkInvalidExample, checkValidExample, checkable, prepare, rulesWithClaims, sourceOf } from './claims';
import { openTestDatabase } from './trace-helpers';

// A shared machine may be slow: a statement-by-statement trace is not a speed test.
jest.setTimeout(30_000);

let db: TraceDatabase;
beforeAll(async () => {
  await prepareLinting();
  db = await openTestDatabase();
}, 60_000);
afterAll(() => db?.close());

const checks: ClaimCheck[] = [];
afterAll(() => {
  // `MIGRALINT_VERIFIED_LOCKS=file` writes the table of what was declared and seen.
  const out = process.env.MIGRALINT_VERIFIED_LOCKS;
  if (out) fs.writeFileSync(out, JSON.stringify({ engine: db.version, checks }, null, 2));
});

test('the claims are verified on the PostgreSQL that explain names', () => {
  expect(db.version).toBe(LOCKS_VERIFIED_ON.pglite);
});

test('every example of a rule with claims is checked, but Django ones (not traced yet) and those about PostgreSQL before 11', () => {
  const examples = rulesWithClaims().flatMap((rule) => [...(rule.meta.locks ? rule.examples.invalid : []), ...(rule.meta.safeLock ? rule.examples.valid : [])]);
  const unchecked = examples.filter((example) => !checkable(example));
  expect(unchecked.filter((example) => !('django' in example)).map((example) => example.options?.pgVersion)).toEqual([10]);
});

describe.each(rulesWithClaims().map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  const invalid = rule.meta.locks ? rule.examples.invalid.filter(checkable) : [];
  const valid = rule.meta.safeLock ? rule.examples.valid.filter(checkable) : [];

  if (invalid.length > 0) {
    test.each(invalid.map((example) => [`${sourceOf(example).frontend}: ${sourceOf(example).text}`, example] as const))('flagged: %s takes the declared lock', async (_title, example) => {
      await prepare(db, rule, example);
      const results = await checkInvalidExample(db, rule, example);
      checks.push(...results);
      expect(results.length).toBeGreaterThan(0);
      expect(results.flatMap((check) => check.problems)).toEqual([]);
    });
  }
  if (rule.meta.locks?.some((claim) => claim.rewrite === 'possible')) {
    test('a "possible" rewrite happens for at least one flagged example that exercises it', () => {
      for (const claim of rule.meta.locks?.filter((candidate) => candidate.rewrite === 'possible') ?? []) {
        const exercised = checks.filter((check) => check.rule === rule.id && check.claim === claim);
        if (exercised.length > 0) expect(exercised.some((check) => check.observed.endsWith(', rewrite'))).toBe(true);
      }
    });
  }
  if (valid.length > 0) {
    test.each(valid.map((example) => [`${sourceOf(example).frontend}: ${sourceOf(example).text}`, example] as const))('safe: %s takes no stronger lock', async (_title, example) => {
      await prepare(db, rule, example);
      const check = await checkValidExample(db, rule, example, true);
      checks.push(check);
      expect(check.problems).toEqual([]);
    });
  }
});
