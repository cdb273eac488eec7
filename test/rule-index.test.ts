import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { RULE_TABLE_END, RULE_TABLE_START, ruleDocMarkdown, ruleTableMarkdown } from '../src/docs/rule-table';

const RULES_DIR = path.join(__dirname, '..', 'rules');
const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('the rule index', () => {
  const fileIds = fs
    .readdirSync(RULES_DIR)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.replace(/\.ts$/, ''))
    .sort();

  test('lists every rule file exactly once, sorted by id', () => {
    expect(allRules.map((rule) => rule.id)).toEqual(fileIds);
  });

  test("each file's default export has the id of its file name", () => {
    for (const id of fileIds) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const rule = require(path.join(RULES_DIR, id)).default as { id: string };
      expect(rule.id).toBe(id);
    }
  });

  test('ids are kebab-case and aliases do not clash with ids', () => {
    const ids = new Set(allRules.map((rule) => rule.id));
    for (const rule of allRules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      for (const alias of rule.meta.aliases ?? []) expect(ids.has(alias)).toBe(false);
    }
  });

  test('the README rule table is the one generated from the metadata (run `npm run docs` to update it)', () => {
    const start = README.indexOf(RULE_TABLE_START) + RULE_TABLE_START.length;
    const end = README.indexOf(RULE_TABLE_END);
    expect(README.slice(start, end).trim()).toBe(ruleTableMarkdown(allRules));
  });

  test('each rule has its generated documentation page in docs/rules (run `npm run docs` to update them)', () => {
    const docsDir = path.join(__dirname, '..', 'docs', 'rules');
    expect(fs.readdirSync(docsDir).sort()).toEqual(allRules.map((rule) => `${rule.id}.md`).sort());
    for (const rule of allRules) expect(fs.readFileSync(path.join(docsDir, `${rule.id}.md`), 'utf8')).toBe(ruleDocMarkdown(rule));
  });

  test('every rule that analyses operations has at least one invalid and one valid example', () => {
    for (const rule of allRules.filter((candidate) => (candidate.meta.source ?? 'operations') !== 'frontend')) {
      expect({ id: rule.id, invalid: rule.examples.invalid.length > 0 }).toEqual({ id: rule.id, invalid: true });
      expect({ id: rule.id, valid: rule.examples.valid.length > 0 }).toEqual({ id: rule.id, valid: true });
    }
  });

  test('every rule has a message, help and rationale', () => {
    for (const rule of allRules) {
      expect(rule.meta.message({ table: 't', column: 'c', name: 'n', detail: 'd' }).length).toBeGreaterThan(0);
      expect(rule.meta.help).toMatch(/\.$/);
      expect(rule.meta.rationale.length).toBeGreaterThan(80);
    }
  });
});
