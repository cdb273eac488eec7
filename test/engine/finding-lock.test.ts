import { prepareLinting } from '../../src/lint';
import { lintSql } from '../helpers';

beforeAll(prepareLinting);

/** The lock each finding states, keyed by rule. */
function locks(sql: string): Record<string, unknown> {
  return Object.fromEntries(lintSql(sql).findings.map((finding) => [finding.rule, finding.lock]));
}

describe('findings state the lock their statement takes', () => {
  test('a foreign key names the table and its ShareRowExclusiveLock', () => {
    expect(locks("SET lock_timeout = '1s';\nALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);")).toEqual({
      'adding-foreign-key-constraint': { mode: 'ShareRowExclusiveLock', relation: 'orders', blocks: 'writes' },
    });
  });

  test('a column with a volatile default states the rewrite', () => {
    expect(locks('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();')).toEqual({
      'adding-field-with-default': { mode: 'AccessExclusiveLock', relation: 'users', blocks: 'reads and writes', rewrite: true },
      'require-lock-timeout': { mode: 'AccessExclusiveLock', relation: 'users', blocks: 'reads and writes' },
    });
  });

  test('a type change may rewrite', () => {
    expect(locks("SET lock_timeout = '1s';\nALTER TABLE users ALTER COLUMN id TYPE bigint;")['changing-column-type']).toEqual({
      mode: 'AccessExclusiveLock', relation: 'users', blocks: 'reads and writes', rewrite: 'possible',
    });
  });

  test('DROP INDEX of an index the replayed schema knows names its table, and so does the message', () => {
    const [finding] = lintSql("SET lock_timeout = '1s';\nCREATE INDEX orders_customer_idx ON orders (customer_id);\nDROP INDEX orders_customer_idx;").findings.filter((candidate) => candidate.rule === 'require-concurrent-index-deletion');
    expect(finding.lock).toEqual({ mode: 'AccessExclusiveLock', relation: 'orders', blocks: 'reads and writes' });
    expect(finding.message).toBe('Dropping index "orders_customer_idx" without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table "orders", blocking reads and writes.');
  });

  test('DROP INDEX of an unknown index names the index; REINDEX names the table (ShareLock) or, for REINDEX INDEX, the index', () => {
    expect(locks("SET lock_timeout = '1s';\nDROP INDEX orders_customer_idx;")['require-concurrent-index-deletion']).toEqual({
      mode: 'AccessExclusiveLock', relation: 'orders_customer_idx', blocks: 'reads and writes',
    });
    expect(locks("SET lock_timeout = '1s';\nREINDEX TABLE orders;")['require-concurrent-reindex']).toEqual({ mode: 'ShareLock', relation: 'orders', blocks: 'writes' });
    expect(locks("SET lock_timeout = '1s';\nREINDEX INDEX orders_pkey;")['require-concurrent-reindex']).toEqual({
      mode: 'AccessExclusiveLock', relation: 'orders_pkey', blocks: 'reads and writes',
    });
  });

  test('require-lock-timeout states the lock of the statement it flags', () => {
    expect(locks('CREATE INDEX orders_user_idx ON orders (user_id);')['require-lock-timeout']).toEqual({ mode: 'ShareLock', relation: 'orders', blocks: 'writes' });
    expect(locks('CREATE TABLE refunds (order_id bigint REFERENCES orders (id));')['require-lock-timeout']).toEqual({
      mode: 'ShareRowExclusiveLock', relation: 'orders', blocks: 'writes',
    });
    // A foreign key added to a new table (as Django adds a new model's): the existing table it references, as the message says.
    const [finding] = lintSql('CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint);\nALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);').findings;
    expect(finding.message).toMatch(/^This statement waits for a blocking lock on "orders" /);
    expect(finding.lock).toEqual({ mode: 'ShareRowExclusiveLock', relation: 'orders', blocks: 'writes' });
  });

  test('findings about no lock state none', () => {
    expect(locks('BEGIN;\nSELECT 1;')).toEqual({ 'ban-uncommitted-transaction': undefined });
  });
});
