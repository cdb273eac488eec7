import type { Node } from '@babel/types';
import type { FrontendProblem, IgnoreDirective } from '../../model/file';
import type { SourceSpan } from '../../model/location';
import type { Operation } from '../../model/operations';
import type { SqlAnalysis } from '../sql/analyze-sql';
import type { LineIndex } from '../text-positions';

/** What a JavaScript front-end collects while it walks a migration. */
export class ScriptOutput {
  readonly operations: Operation[] = [];
  readonly problems: FrontendProblem[] = [];
  readonly directives: IgnoreDirective[] = [];
  statements = 0;

  constructor(
    readonly lines: LineIndex,
    /** Keep the text of embedded SQL statements on their operations (for trace). */
    readonly keepStatementText = false,
  ) {}

  span(start: number, end: number): SourceSpan {
    const from = this.lines.position(start);
    const to = this.lines.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  spanOf(node: Node): SourceSpan {
    return this.span(node.start ?? 0, node.end ?? 0);
  }

  lineOf(node: Node): number {
    return this.lines.position(node.start ?? 0).line;
  }

  /** Marks code that static analysis could not follow, so silence is not mistaken for safety. */
  unanalyzed(node: Node, message: string): void {
    this.problem({ rule: 'unanalyzed-code', message, location: this.spanOf(node) });
  }

  /** A problem, once: code walked several times (a helper, a loop) reports the same one only once. */
  problem(problem: FrontendProblem): void {
    const { location, message, rule } = problem;
    const seen = this.problems.some(
      (known) => known.rule === rule && known.message === message && known.location.line === location.line && known.location.column === location.column,
    );
    if (!seen) this.problems.push(problem);
  }

  addSql(analysis: SqlAnalysis, conditional: boolean): void {
    for (const operation of analysis.operations) this.operations.push(conditional ? { ...operation, conditional } : operation);
    for (const problem of analysis.problems) this.problem(problem);
    this.directives.push(...analysis.directives);
    this.statements += analysis.statements;
  }
}

/** Source text of a node, shortened for messages. */
export function snippet(source: string, node: Node, limit = 60): string {
  const text = source.slice(node.start ?? 0, node.end ?? 0).replace(/\s+/g, ' ');
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
