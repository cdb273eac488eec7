import type { FileResult } from '../engine/finding';
import type { RuleDefinition } from '../engine/rule';

export interface ReportContext {
  color: boolean;
  toolVersion: string;
  /** Every rule, for formats that describe the rules that fired (SARIF). */
  rules: readonly RuleDefinition[];
}

/** A reporter is pure formatting: results in, text out. */
export type Reporter = (results: readonly FileResult[], context: ReportContext) => string;

export function countBySeverity(results: readonly FileResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const finding of result.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
