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

  /** `resolveRuleId` maps aliases to ids and returns undefined for unknown ids. */
  constructor(
    private readonly directives: readonly IgnoreDirective[],
    private readonly resolveRuleId: (id: string) => string | undefined,
  ) {}

  /** True when a directive silences the finding; remembers the directive (and rule) as used. */
  silences(finding: RawFinding): boolean {
    let silenced = false;
    this.directives.forEach((directive, index) => {
      const targetsFinding = directive.targetLine === finding.anchorLine || directive.targetLine === finding.line;
      if (directive.scope === 'statement' && !targetsFinding) return;
      const named = directive.rules.find((rule) => this.resolveRuleId(rule) === finding.rule);
      if (directive.rules.length > 0 && named === undefined) return;
      this.used.add(`${index}:${named ?? '*'}`);
      silenced = true;
    });
    return silenced;
  }

  /** One complaint per unknown rule id, rule that silenced nothing, or bare directive that silenced nothing. */
  unused(): Array<{ directive: IgnoreDirective; message: string }> {
    const complaints: Array<{ directive: IgnoreDirective; message: string }> = [];
    this.directives.forEach((directive, index) => {
      if (directive.squawk) return; // written for squawk, which may know rules migralint does not
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
