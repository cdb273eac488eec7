/**
 * Side-by-side comparison with squawk on the same SQL: the bundled fixtures and a
 * seeded corpus covering every rule. Reports, per rule id, the findings both tools
 * make at the same statement, and those only one makes, with examples.
 *
 *   npm run compare:squawk [-- --files 150 --statements 20 --seed 7]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { RuleSettings } from '../src/config/rule-settings';
import { analyzeSqlFile } from '../src/frontends/sql';
import { isSkipped, lintText, prepareLinting } from '../src/lint';
import { generateSqlCorpus, writeCorpus } from './sql-corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const SQUAWK = path.join(ROOT, 'node_modules', '.bin', 'squawk');
const SQUAWK_OPT_IN_RULES = ['require-table-schema'];
/** Every rule on, as squawk runs with its opt-in rules included. */
const SETTINGS = new RuleSettings(allRules, 'strict');

interface Located {
  file: string;
  /** The first line of the statement the finding belongs to. */
  statementLine: number;
  rule: string;
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Statement start lines of a file, for mapping a line inside a statement to its first line. */
function statementLines(file: string): Array<{ line: number; endLine: number }> {
  const analyzed = analyzeSqlFile(fs.readFileSync(file, 'utf8'), file, { assumeInTransaction: false });
  // A statement's operations share its first line (the anchor); a clause's location may end on a later line.
  const endByStart = new Map<number, number>();
  for (const { anchorLine, location } of analyzed.operations) endByStart.set(anchorLine, Math.max(endByStart.get(anchorLine) ?? anchorLine, location.endLine));
  return [...endByStart].map(([line, endLine]) => ({ line, endLine }));
}

function runSquawk(files: string[]): Located[] {
  const located: Located[] = [];
  for (let start = 0; start < files.length; start += 200) {
    const batch = files.slice(start, start + 200);
    let output: string;
    try {
      output = execFileSync(SQUAWK, ['--reporter', 'json', '--pg-version', '15', '--include', SQUAWK_OPT_IN_RULES.join(','), ...batch], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // squawk exits 1 when it finds something
    }
    const spansByFile = new Map<string, Array<{ line: number; endLine: number }>>();
    for (const violation of JSON.parse(output) as Array<{ file: string; line: number; rule_name: string }>) {
      const file = path.resolve(violation.file);
      if (!spansByFile.has(file)) spansByFile.set(file, statementLines(file));
      const line = violation.line + 1; // squawk's JSON lines are 0-based
      const statement = spansByFile.get(file)?.find((span) => line >= span.line && line <= span.endLine);
      const rule = SETTINGS.resolveRuleId(violation.rule_name) ?? violation.rule_name;
      located.push({ file, statementLine: statement?.line ?? line, rule });
    }
  }
  return located;
}

function runMigralint(files: string[]): Located[] {
  const options = { pgVersion: 15, assumeInTransaction: false, settings: SETTINGS };
  return files.flatMap((file) => {
    const result = lintText(fs.readFileSync(file, 'utf8'), file, options);
    if (isSkipped(result)) return [];
    // Like squawk's, a finding on a clause of a statement is mapped to the statement's first line.
    const spans = statementLines(file);
    return result.findings.map((finding) => {
      const statement = spans.find((span) => finding.line >= span.line && finding.line <= span.endLine);
      return { file: path.resolve(file), statementLine: statement?.line ?? finding.line, rule: finding.rule };
    });
  });
}

/** One example per statement shape (its first three words), e.g. `ALTER TABLE users…`. */
function samplesByShape(keys: string[]): Map<string, string> {
  const samples = new Map<string, string>();
  for (const sample of keys) {
    const [file, line] = sample.split(':');
    const text = fs.readFileSync(file, 'utf8').split('\n')[Number(line) - 1].trim();
    const shape = text
      .replace(/;$/, '')
      .split(/\s+/)
      .slice(0, 3)
      .map((word) => (/^[A-Z]+$/.test(word) ? word : 'x'))
      .join(' ');
    if (!samples.has(shape)) samples.set(shape, `${path.relative(ROOT, file)}:${line} \`${text}\``);
  }
  return samples;
}

const key = (finding: Located) => `${finding.file}:${finding.statementLine}:${finding.rule}`;

function compare(title: string, files: string[]): void {
  const ours = runMigralint(files);
  const theirs = runSquawk(files);
  const ourKeys = new Set(ours.map(key));
  const theirKeys = new Set(theirs.map(key));
  const rules = [...new Set([...ours, ...theirs].map((finding) => finding.rule))].sort();
  console.log(`\n## ${title}: ${files.length} files\n`);
  console.log('| rule | both | only migralint | only squawk |');
  console.log('|---|---:|---:|---:|');
  const examples: string[] = [];
  let agreeing = 0;
  let shared = 0;
  for (const rule of rules) {
    const mine = new Set(ours.filter((f) => f.rule === rule).map(key));
    const squawk = new Set(theirs.filter((f) => f.rule === rule).map(key));
    const both = [...mine].filter((k) => squawk.has(k)).length;
    const onlyMine = [...mine].filter((k) => !theirKeys.has(k));
    const onlySquawk = [...squawk].filter((k) => !ourKeys.has(k));
    console.log(`| ${rule} | ${both} | ${onlyMine.length} | ${onlySquawk.length} |`);
    if (mine.size > 0 && squawk.size > 0) {
      shared++;
      if (onlyMine.length === 0 && onlySquawk.length === 0) agreeing++;
    }
    for (const [side, list] of [['migralint', onlyMine], ['squawk', onlySquawk]] as const) {
      for (const [shape, sample] of samplesByShape(list)) {
        examples.push(`- only ${side}, ${rule}, \`${shape}…\`: ${sample}`);
      }
    }
  }
  console.log(`\nOf the ${shared} rule ids both tools reported, ${agreeing} agree on every statement.`);
  if (examples.length > 0) console.log(`\nOne example of each difference:\n${examples.join('\n')}`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(SQUAWK)) throw new Error('squawk-cli is not installed (npm ci installs it as a dev dependency)');
  await prepareLinting();
  console.log(`# migralint vs squawk ${execFileSync(SQUAWK, ['--version'], { encoding: 'utf8' }).trim()}`);
  const fixtures = fs
    .readdirSync(path.join(ROOT, 'fixtures', 'sql'))
    .filter((name) => name.endsWith('.up.sql'))
    .map((name) => path.join(ROOT, 'fixtures', 'sql', name));
  compare('fixtures/sql (up migrations)', fixtures);
  const corpus = generateSqlCorpus({ files: argument('files', 150), statementsPerFile: argument('statements', 20), seed: argument('seed', 7) });
  const corpusFiles = writeCorpus(path.join(ROOT, 'bench', 'corpus', 'compare'), corpus);
  compare(`generated corpus (${corpusFiles.length * argument('statements', 20)} statements)`, corpusFiles);
}

main().catch((error: Error) => {
  console.error(`compare-squawk: ${error.message}`);
  process.exitCode = 1;
});
