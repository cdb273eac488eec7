/** Regenerates the README's rule table and CI snippets, and docs/rules/*.md, from the rules' metadata: `npm run docs`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { toolVersion } from '../src/cli/version';
import { ciSnippets, snippetsMarkdown, withSnippets } from '../src/docs/ci-snippets';
import { ruleDocMarkdown, ruleTableMarkdown, withRuleTable } from '../src/docs/rule-table';

const root = path.resolve(__dirname, '..', '..');
const readmePath = path.join(root, 'README.md');
const readme = withRuleTable(fs.readFileSync(readmePath, 'utf8'), ruleTableMarkdown(allRules));
fs.writeFileSync(readmePath, withSnippets(readme, snippetsMarkdown(ciSnippets(['db/migrations'], toolVersion()))));
const docsDir = path.join(root, 'docs', 'rules');
fs.mkdirSync(docsDir, { recursive: true });
for (const rule of allRules) fs.writeFileSync(path.join(docsDir, `${rule.id}.md`), ruleDocMarkdown(rule));
console.log(`Updated the rule table and the CI snippets in ${readmePath}, and ${allRules.length} pages in ${docsDir}`);
