/**
 * Sweeps folders of real migrations and reports, per folder: files, statements,
 * findings per rule, syntax-error and unanalyzed-code counts, the files skipped
 * (and why) and those with code that was not analysed, crashes (which must be 0)
 * and time. Folders may be globs.
 *
 *   npm run corpus -- path/to/migrations 'other/project/**\/*.postgres.up.sql' [--pg-version 15] [--placeholders mustache,psql] [--show syntax-error]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { discoverFiles } from '../src/cli/discover';
import { RuleSettings } from '../src/config/rule-settings';
import { isSkipped, lintText, prepareLinting } from '../src/lint';

interface FolderReport {
  folder: string;
  files: number;
  skipped: number;
  /** Why files were skipped, with how many each. */
  skippedWhy: Map<string, number>;
  /** Files with at least one unanalyzed-code finding. */
  unanalyzedFiles: number;
  statements: number;
  byRule: Map<string, number>;
  crashes: string[];
  seconds: number;
  shown: string[];
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function sweep(folder: string, show: string | undefined): FolderReport {
  const started = process.hrtime.bigint();
  const report: FolderReport = { folder, files: 0, skipped: 0, skippedWhy: new Map(), unanalyzedFiles: 0, statements: 0, byRule: new Map(), crashes: [], seconds: 0, shown: [] };
  const files = discoverFiles([folder], { cwd: process.cwd(), exclude: [], baseDir: process.cwd() });
  const options = {
    pgVersion: Number(option('pg-version') ?? 15),
    assumeInTransaction: false,
    settings: new RuleSettings(allRules),
    placeholders: option('placeholders')?.split(','),
  };
  for (const file of files) {
    report.files++;
    try {
      const result = lintText(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file), options);
      if (isSkipped(result) || result.skippedReason) {
        report.skipped++;
        const why = isSkipped(result) ? result.skipped : (result.skippedReason ?? '');
        report.skippedWhy.set(why, (report.skippedWhy.get(why) ?? 0) + 1);
        continue;
      }
      report.statements += result.statements;
      if (result.findings.some((finding) => finding.rule === 'unanalyzed-code')) report.unanalyzedFiles++;
      for (const finding of result.findings) {
        report.byRule.set(finding.rule, (report.byRule.get(finding.rule) ?? 0) + 1);
        if (finding.rule === show) report.shown.push(`${finding.file}:${finding.line}:${finding.column} ${finding.message}`);
      }
    } catch (error) {
      report.crashes.push(`${file}: ${(error as Error).stack ?? error}`);
    }
  }
  report.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return report;
}

async function main(): Promise<void> {
  const folders = process.argv.slice(2).filter((arg, index, all) => !arg.startsWith('--') && !all[index - 1]?.startsWith('--'));
  if (folders.length === 0) throw new Error('usage: npm run corpus -- <folder or glob>...');
  await prepareLinting();
  const reports = folders.map((folder) => sweep(folder, option('show')));
  console.log('| folder | files | linted | statements | findings | syntax-error | unanalyzed-code | files not fully analysed | crashes | seconds |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const report of reports) {
    const findings = [...report.byRule.values()].reduce((sum, count) => sum + count, 0);
    console.log(
      `| ${report.folder} | ${report.files} | ${report.files - report.skipped} | ${report.statements} | ${findings} | ${report.byRule.get('syntax-error') ?? 0} | ${report.byRule.get('unanalyzed-code') ?? 0} | ${report.unanalyzedFiles} | ${report.crashes.length} | ${report.seconds.toFixed(2)} |`,
    );
  }
  for (const report of reports) {
    const top = [...report.byRule].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${rule} ${count}`);
    console.log(`\n${report.folder}: ${top.join(', ') || 'no findings'}`);
    for (const [why, count] of report.skippedWhy) console.log(`  skipped ${count}: ${why}`);
    for (const line of report.shown) console.log(`  ${line}`);
    for (const crash of report.crashes) console.log(`  CRASH ${crash}`);
  }
  if (reports.some((report) => report.crashes.length > 0)) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(`corpus: ${error.message}`);
  process.exitCode = 1;
});
