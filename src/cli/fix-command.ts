import type { FileResult } from '../engine/finding';
import type { RuleDefinition } from '../engine/rule';
import { type FileFixes, type Relint, fixFile } from '../fixes/fix-file';
import { writeFixedFile } from '../fixes/write-fixed-file';
import { plural } from '../reporters/reporter';
import type { CliIO } from './io';
import { describe } from './describe-error';

/**
 * The fixing side of a lint run (loaded only by runs that fix: `--fix`,
 * `--fix-dry-run`, and SARIF, whose results carry their fixes). Each file's
 * fixes are computed as it is linted and verified by linting the fixed text;
 * `--fix` writes them at the end, `--fix-dry-run` prints them as a diff.
 */
export class FixRun {
  private readonly pending: Array<{ file: string; shownAs: string; before: string; after: string; fixed: number }> = [];

  constructor(
    private readonly mode: 'fix' | 'dry-run' | 'report',
    private readonly io: CliIO,
    private readonly rules: readonly RuleDefinition[],
  ) {}

  /** The file's fixes attached to its result, and the result to report (what remains after fixing, when fixing). */
  consider(result: FileResult, relint: Relint, file: string | undefined): FileResult {
    if (!result.findings.some((finding) => finding.target)) return result;
    const fixes: FileFixes = fixFile(result, this.rules, relint);
    if (fixes.unchecked) {
      const count = fixes.unchecked === 1 ? 'the fix of 1 finding' : `the fixes of ${fixes.unchecked} findings`;
      this.io.stderr.write(`migralint: note: ${result.file}: ${count} left out: the file is too large to check each fix by linting it again\n`);
    }
    const withFixes: FileResult = fixes.each.length > 0 ? { ...result, fixes: fixes.each } : result;
    if (this.mode === 'report' || fixes.fixed === undefined || !fixes.after || file === undefined) return withFixes;
    this.pending.push({ file, shownAs: result.file, before: result.source, after: fixes.fixed, fixed: fixes.applied.length });
    return { ...fixes.after, source: fixes.fixed };
  }

  /** `--fix`: writes the fixed files; false when one could not be written. `--fix-dry-run`: prints the diff. */
  finish(): boolean {
    if (this.mode === 'dry-run') {
      const { createTwoFilesPatch, FILE_HEADERS_ONLY } = require('diff') as typeof import('diff');
      for (const { shownAs, before, after } of this.pending) {
        this.io.stdout.write(createTwoFilesPatch(`a/${shownAs}`, `b/${shownAs}`, before, after, '', '', { context: 3, headerOptions: FILE_HEADERS_ONLY }));
      }
      return true;
    }
    if (this.mode !== 'fix') return true;
    let ok = true;
    let fixed = 0;
    let files = 0;
    for (const entry of this.pending) {
      try {
        const outcome = writeFixedFile(entry.file, entry.before, entry.after);
        if (outcome === 'changed') {
          this.io.stderr.write(`migralint: not fixed: ${entry.shownAs} changed while it was linted\n`);
          continue;
        }
        fixed += entry.fixed;
        files++;
      } catch (error) {
        ok = false;
        this.io.stderr.write(`migralint: cannot write the fixes to ${entry.shownAs}: ${describe(error)}\n`);
      }
    }
    this.io.stderr.write(`migralint: fixed ${plural(fixed, 'finding')} in ${plural(files, 'file')}\n`);
    return ok;
  }
}
