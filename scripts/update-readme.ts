/** Regenerates the README's rule table and docs/rules/*.md from the rules' metadata: `npm run docs`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { ruleDocMarkdown, ruleTableMarkdown, withRuleTable } from '../src/docs/rule-table';

const root = path.resolve(__dirname, '..', '..');
const readmePath = path.join(root, 'README.md');
fs.writeFileSync(readmePath, withRuleTable(fs.readFileSync(readmePath, 'utf8'), ruleTableMarkdown(allRules)));
const docsDir = path.join(root, 'docs', 'rules');
fs.mkdirSync(docsDir, { recursive: true });
for (const rule of allRules) fs.writeFileSync(path.join(docsDir, `${rule.id}.md`), ruleDocMarkdown(rule));
console.log(`Updated the rule table in ${readmePath} and ${allRules.length} pages in ${docsDir}`);
