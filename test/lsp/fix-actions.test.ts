import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { type LintOptions, prepareLinting } from '../../src/lint';
import { lintSql } from '../helpers';
import { FIX_BUDGET_LINES, findingRemedies, suggestionSnippet } from '../../src/lsp/fix-actions';

beforeAll(prepareLinting);

const options = (): LintOptions => ({ pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules) });

/** Any front-end's file, by its name, with the recommended rules. */
const lint = (text: string, file: string) => lintSql(text, {}, file);

/** A goose migration without a transaction: three plain CREATE INDEX (each fixable with CONCURRENTLY) after `padding` comment lines. */
function gooseIndexes(padding: number): string {
  const comments = Array.from({ length: padding }, (_, index) => `-- note ${index}`);
  const indexes = [0, 1, 2].map((index) => `CREATE INDEX orders_c${index}_idx ON orders (c${index});`);
  return ['-- +goose NO TRANSACTION', '-- +goose Up', "SET lock_timeout = '2s';", ...comments, ...indexes, ''].join('\n');
}

const titles = (text: string) => {
  const result = lint(text, 'db/migrations/20240301120000_index_orders.sql');
  const remedies = findingRemedies(text, result, options());
  return result.findings.map((finding) => `${finding.rule}@${finding.line}: ${remedies.get(finding)?.fix?.title ?? (remedies.get(finding)?.suggestion ? 'suggestion only' : 'nothing')}`);
};

test('fixes are verified and offered while (fixable findings + 2) × lines stays within the budget', () => {
  const lines = Math.floor(FIX_BUDGET_LINES / 5) - 10;
  expect(titles(gooseIndexes(lines - 6))).toEqual([1, 2, 3].map((index) => `require-concurrent-index-creation@${lines - 3 + index}: Add CONCURRENTLY`));
});

test('past the budget, only the suggestions: verifying every fix would stall the editor', () => {
  const lines = Math.floor(FIX_BUDGET_LINES / 5) + 10;
  expect(titles(gooseIndexes(lines - 6))).toEqual([1, 2, 3].map((index) => `require-concurrent-index-creation@${lines - 3 + index}: suggestion only`));
});

test('a suggestion as a snippet: each step under a comment in the file’s syntax, saying where it goes', () => {
  const text = "SET lock_timeout = '2s';\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);\n";
  const result = lint(text, 'db/migrations/000015_check_total.up.sql');
  const suggestion = findingRemedies(text, result, options()).get(result.findings[0])?.suggestion;
  expect(suggestion && suggestionSnippet(suggestion, 'sql')).toBe(
    '-- instead of this statement:\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\n\n-- in the next migration:\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;',
  );
});
