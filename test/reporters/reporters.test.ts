import * as fs from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { allRules } from '../../rules';
import type { FileResult } from '../../src/engine/finding';
import { escapeData, escapeProperty, github } from '../../src/reporters/github';
import { gitlab } from '../../src/reporters/gitlab';
import { junit } from '../../src/reporters/junit';
import { sarif } from '../../src/reporters/sarif';
import { compact } from '../../src/reporters/compact';
import { json } from '../../src/reporters/json';
import { stylish } from '../../src/reporters/stylish';
import { formatResults } from '../../src/reporters/reporter';

const SOURCE = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN age;\nALTER TABLE users\n  ADD COLUMN phone text NOT NULL;\n";

const results: FileResult[] = [
  {
    file: 'db/migrations/0003_users.sql',
    frontend: 'sql',
    statements: 3,
    source: SOURCE,
    findings: [
      {
        rule: 'ban-drop-column',
        severity: 'error',
        file: 'db/migrations/0003_users.sql',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 34,
        message: 'Dropping column "users"."age" breaks application code that still reads or writes it.',
        help: 'Stop reading and writing the column, deploy, then drop it in a later migration.',
        docs: 'migralint explain ban-drop-column',
        lock: { mode: 'AccessExclusiveLock', relation: 'users', blocks: 'reads and writes' },
      },
      {
        rule: 'adding-required-field',
        severity: 'warning',
        file: 'db/migrations/0003_users.sql',
        line: 3,
        column: 1,
        endLine: 4,
        endColumn: 33,
        message: 'Adding NOT NULL column "users"."phone" without a default fails on a table with rows.',
        help: 'Add it nullable or with a constant default, backfill, then enforce NOT NULL.',
        docs: 'migralint explain adding-required-field',
      },
    ],
  },
  { file: 'db/migrations/0004_ok.sql', frontend: 'sql', statements: 1, source: 'SELECT 1;', findings: [] },
  {
    file: 'db/migrations/0004_ok.down.sql',
    frontend: 'sql',
    statements: 0,
    source: '',
    findings: [],
    skippedReason: 'rollback migration (down/undo file)',
  },
];

const context = { color: false, toolVersion: '9.9.9', rules: allRules };

describe('stylish', () => {
  test('shows each finding with its source line underlined and its help, then a summary', () => {
    expect(formatResults(stylish, results, context)).toMatchSnapshot();
  });

  test('colour wraps severities in ANSI codes only when asked', () => {
    expect(formatResults(stylish, results, { ...context, color: true })).toContain('\u001b[31merror\u001b[39m');
    expect(formatResults(stylish, results, context)).not.toContain('\u001b[');
  });

  test('a clean run says so', () => {
    expect(formatResults(stylish, [results[1]], context)).toBe('No problems found in 1 file.\n');
  });
});

describe('json', () => {
  test('follows version 1 of the contract', () => {
    const document = JSON.parse(formatResults(json, results, context));
    expect(document).toEqual({
      version: 1,
      tool: { name: 'migralint', version: '9.9.9' },
      files: [
        { file: 'db/migrations/0003_users.sql', frontend: 'sql', statements: 3 },
        { file: 'db/migrations/0004_ok.sql', frontend: 'sql', statements: 1 },
        { file: 'db/migrations/0004_ok.down.sql', frontend: 'sql', statements: 0, skipped: 'rollback migration (down/undo file)' },
      ],
      findings: results[0].findings,
      summary: { files: 3, errors: 1, warnings: 1 },
    });
  });

  test('is the text JSON.stringify would write, with and without files and findings', () => {
    for (const some of [results, [results[1]], []]) {
      const text = formatResults(json, some, context);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
    expect(JSON.parse(formatResults(json, [], context))).toEqual({
      version: 1,
      tool: { name: 'migralint', version: '9.9.9' },
      files: [],
      findings: [],
      summary: { files: 0, errors: 0, warnings: 0 },
    });
  });

  test('a report of megabytes, in text beyond Latin-1, and a finding larger than the chunks it is kept in, is still that text', () => {
    const [dropColumn, requiredField] = results[0].findings;
    const rewrites = (index: number) => ({ mode: 'AccessExclusiveLock' as const, relation: `"naïve_${index}"`, blocks: 'reads and writes' as const, rewrite: index % 2 === 0 ? ('possible' as const) : (true as const) });
    const many: FileResult[] = Array.from({ length: 400 }, (_, index) => ({
      ...results[0],
      file: `db/migrations/${String(index).padStart(4, '0')}_ünïcode…🚀.sql`,
      findings: [
        { ...dropColumn, message: `${dropColumn.message} … ${'x'.repeat(2000)}`, lock: rewrites(index) },
        { ...requiredField, message: `“${index}” ${'é'.repeat(1500)}` },
      ],
    }));
    many.splice(200, 0, { ...results[0], findings: [{ ...requiredField, message: `…${'y'.repeat(1_500_000)}🚀` }] });
    const text = formatResults(json, many, context);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const document = JSON.parse(text);
    expect(document.findings).toHaveLength(801);
    expect(document.findings[400].message).toBe(`…${'y'.repeat(1_500_000)}🚀`);
    expect(document.findings[800]).toEqual({ ...many[400].findings[1], file: many[400].file });
    expect(document.findings[0].lock).toEqual(rewrites(0));
    expect(document.findings[2].lock).toEqual(rewrites(1));
  });
});

describe('reports are written as the run goes', () => {
  test.each([
    ['stylish', stylish],
    ['compact', compact],
    ['github', github],
  ] as const)('%s writes the findings of a file when the file comes, not at the end', (_name, reporter) => {
    const written: string[] = [];
    const writer = reporter(context, (text) => written.push(String(text)));
    writer.file(results[0]);
    const first = written.join('');
    expect(first).toContain('Dropping column "users"."age"');
    expect(first).toContain('Adding NOT NULL column "users"."phone"');
    writer.file(results[1]);
    expect(written.join('')).toBe(first);
    writer.end();
    expect(written.join('').slice(first.length)).not.toContain('Dropping column');
  });
});

describe('compact', () => {
  test('prints one line per finding', () => {
    expect(formatResults(compact, results, context)).toBe(
      'db/migrations/0003_users.sql:2:1: error ban-drop-column Dropping column "users"."age" breaks application code that still reads or writes it.\n' +
        'db/migrations/0003_users.sql:3:1: warning adding-required-field Adding NOT NULL column "users"."phone" without a default fails on a table with rows.\n',
    );
  });
});

describe('a finding states its lock', () => {
  test('in words in stylish, under the source line', () => {
    expect(formatResults(stylish, results, context)).toContain(
      '      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n    lock: takes AccessExclusiveLock on "users": blocks reads and writes\n    help: Stop reading',
    );
  });

  test('as "lock" in json, and only where the finding has one', () => {
    const findings = JSON.parse(formatResults(json, results, context)).findings;
    expect(findings[0].lock).toEqual({ mode: 'AccessExclusiveLock', relation: 'users', blocks: 'reads and writes' });
    expect('lock' in findings[1]).toBe(false);
  });

  test('in the result properties in sarif', () => {
    const log = JSON.parse(formatResults(sarif, results, context));
    expect(log.runs[0].results[0].properties).toEqual({ lock: { mode: 'AccessExclusiveLock', relation: 'users', blocks: 'reads and writes' } });
    expect(log.runs[0].results[1].properties).toBeUndefined();
  });
});

describe('sarif', () => {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The official schema has a pattern (language tags) that is only valid without the RegExp u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));

  test('validates against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatResults(sarif, results, context));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the validator rejects what the schema forbids', () => {
    const log = JSON.parse(formatResults(sarif, results, context));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  test('an empty run validates too', () => {
    expect(validate(JSON.parse(formatResults(sarif, [results[1]], context)))).toBe(true);
  });

  test('lists the rules that fired with help text and a help URI, and one result per finding', () => {
    const log = JSON.parse(formatResults(sarif, results, context));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['adding-required-field', 'ban-drop-column']);
    expect(run.tool.driver.rules[1]).toMatchObject({
      id: 'ban-drop-column',
      name: 'BanDropColumn',
      help: { text: 'Stop reading and writing the column (ORM: mark it ignored), deploy, then drop it in a later migration.' },
      helpUri: 'https://github.com/migralint/migralint/blob/main/docs/rules/ban-drop-column.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(run.results[0]).toMatchObject({
      ruleId: 'ban-drop-column',
      ruleIndex: 1,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'db/migrations/0003_users.sql' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 34 } } }],
    });
    expect(run.results[1]).toMatchObject({ ruleId: 'adding-required-field', ruleIndex: 0, level: 'warning' });
  });
});

describe('github', () => {
  test('escapes data and properties as the Actions toolkit does', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('db/mig:rations,x%.sql\n')).toBe('db/mig%3Arations%2Cx%25.sql%0A');
  });

  test('one workflow command per finding, with the full region and the help on a second line', () => {
    const lines = formatResults(github, results, context).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=db/migrations/0003_users.sql,line=2,col=1,endLine=2,endColumn=34,title=migralint%3A ban-drop-column::Dropping column "users"."age" breaks application code that still reads or writes it.%0AStop reading and writing the column, deploy, then drop it in a later migration.',
      '::warning file=db/migrations/0003_users.sql,line=3,col=1,endLine=4,endColumn=33,title=migralint%3A adding-required-field::Adding NOT NULL column "users"."phone" without a default fails on a table with rows.%0AAdd it nullable or with a constant default, backfill, then enforce NOT NULL.',
      'migralint: 1 error, 1 warning in 3 files',
    ]);
  });

  test('a file name with a comma, a colon and a percent sign stays one property', () => {
    const odd: FileResult = { ...results[0], file: 'db/50%,a:b.sql', findings: [{ ...results[0].findings[0], file: 'db/50%,a:b.sql' }] };
    expect(formatResults(github, [odd], context)).toMatch(/^::error file=db\/50%25%2Ca%3Ab\.sql,line=2,/);
  });
});

describe('junit', () => {
  test('is well-formed XML with a suite per file and a case per finding; only errors fail', () => {
    const report = formatResults(junit, results, context);
    expect(XMLValidator.validate(report)).toBe(true);
    expect(report).toContain('<testsuites name="migralint" tests="4" failures="1" errors="0">');
    expect(report).toContain('<testsuite name="db/migrations/0003_users.sql" tests="2" failures="1" errors="0" skipped="0">');
    expect(report.match(/<failure /g)).toHaveLength(1);
    expect(report).toContain('<failure type="ban-drop-column" message="Dropping column &quot;users&quot;.&quot;age&quot; breaks application code that still reads or writes it.">');
    expect(report).toContain('<testsuite name="db/migrations/0004_ok.sql" tests="1" failures="0" errors="0" skipped="0">');
  });

  test('a warning is a passing case with its text in <system-out>, so a run that exits 0 is green', () => {
    const warning = results[0].findings.find((finding) => finding.severity === 'warning');
    const report = formatResults(junit, [{ ...results[0], findings: warning ? [warning] : [] }], context);
    expect(warning).toBeDefined();
    expect(report).toContain('<testsuites name="migralint" tests="1" failures="0" errors="0">');
    expect(report).not.toContain('<failure');
    expect(report).toContain(
      `    <testcase name="${warning?.rule} at ${warning?.line}:${warning?.column}" classname="db/migrations/0003_users.sql" file="db/migrations/0003_users.sql" line="${warning?.line}">\n      <system-out>warning db/migrations/0003_users.sql:`,
    );
  });
});

describe('gitlab', () => {
  test('Code Quality issues with stable fingerprints that ignore line numbers', () => {
    const issues = JSON.parse(formatResults(gitlab, results, context));
    expect(issues[0]).toMatchObject({
      check_name: 'ban-drop-column',
      severity: 'major',
      location: { path: 'db/migrations/0003_users.sql', lines: { begin: 2, end: 2 } },
    });
    expect(issues[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const shifted: FileResult = {
      ...results[0],
      source: `-- a comment added above\n${results[0].source}`,
      findings: results[0].findings.map((finding) => ({ ...finding, line: finding.line + 1, endLine: finding.endLine + 1 })),
    };
    expect(JSON.parse(formatResults(gitlab, [shifted], context)).map((issue: { fingerprint: string }) => issue.fingerprint)).toEqual(
      issues.map((issue: { fingerprint: string }) => issue.fingerprint),
    );
  });

  test('two identical findings in one file get different fingerprints', () => {
    const twice: FileResult = { ...results[0], source: 'DROP TABLE a;\nDROP TABLE a;\n', findings: [results[0].findings[0], { ...results[0].findings[0], line: 2, endLine: 2 }] };
    const [first, second] = JSON.parse(formatResults(gitlab, [twice], context));
    expect(first.fingerprint).not.toBe(second.fingerprint);
  });
});
