import type { IgnoreDirective } from '../model/file';

export interface RawFinding {
  rule: string;
  /** The first line of the statement (or of the JS statement around a builder call or embedded SQL). */
  anchorLine: number;
  /** The first line of the finding itself. */
  line: number;
}

/** Tracks which ignore comments silenced something, so the unused ones can be reported. */
export class IgnoreTracker {
  private readonly used = new Set<string>();
  /** Directive indices: file-wide ones, and statement ones by the line they target (a file may have thousands). */
  private readonly fileWide: number[] = [];
  private readonly byTargetLine = new Map<number, number[]>();

  /** `resolveRuleId` maps aliases to ids and returns undefined for unknown ids. */
  constructor(
    private readonly directives: readonly IgnoreDirective[],
    private readonly resolveRuleId: (id: string) => string | undefined,
  ) {
    directives.forEach((directive, index) => {
      if (directive.scope === 'file') this.fileWide.push(index);
      else this.byTargetLine.set(directive.targetLine, [...(this.byTargetLine.get(directive.targetLine) ?? []), index]);
    });
  }

  /** True when a directive silences the finding; remembers the directive (and rule) as used. */
  silences(finding: RawFinding): boolean {
    const candidates = new Set([
      ...this.fileWide,
      ...(this.byTargetLine.get(finding.anchorLine) ?? []),
      ...(this.byTargetLine.get(finding.line) ?? []),
    ]);
    let silenced = false;
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const directive = this.directives[index];
      const named = directive.rules.find((rule) => this.resolveRuleId(rule) === finding.rule);
      if (directive.rules.length > 0 && named === undefined) continue;
      this.used.add(`${index}:${named ?? '*'}`);
      silenced = true;
    }
    return silenced;
  }

  /** One complaint per unknown rule id, rule that silenced nothing, or bare directive that silenced nothing. */
  unused(): Array<{ directive: IgnoreDirective; message: string }> {
    const complaints: Array<{ directive: IgnoreDirective; message: string }> = [];
    this.directives.forEach((directive, index) => {
      if (directive.squawk) return; // written for squawk, which may know rules migralint does not
      if (directive.implied) return;
      const keyword = directive.scope === 'file' ? 'migralint-ignore-file' : 'migralint-ignore';
      if (directive.rules.length === 0 && !this.used.has(`${index}:*`)) {
        complaints.push({ directive, message: `This ${keyword} comment silences nothing.` });
      }
      for (const rule of directive.rules) {
        if (this.resolveRuleId(rule) === undefined) {
          complaints.push({ directive, message: `This ${keyword} comment names an unknown rule "${rule}".` });
        } else if (!this.used.has(`${index}:${rule}`)) {
          complaints.push({ directive, message: `This ${keyword} comment for "${rule}" silences nothing.` });
        }
      }
    });
    return complaints;
  }
}
