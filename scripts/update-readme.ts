/** Regenerates the rule table in README.md from the rules' metadata: `npm run docs`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { ruleTableMarkdown, withRuleTable } from '../src/docs/rule-table';

const readmePath = path.resolve(__dirname, '..', '..', 'README.md');
fs.writeFileSync(readmePath, withRuleTable(fs.readFileSync(readmePath, 'utf8'), ruleTableMarkdown(allRules)));
console.log(`Updated the rule table in ${readmePath}`);
