import type { RuleDefinition, SeveritySetting } from '../engine/rule';
import type { PresetName, RuleSetting } from './config-file';
import { UsageError } from './errors';

/** Rule ids and aliases, and each rule's severity after preset, config file and `--rule` flags. */
export class RuleSettings {
  private readonly idByName = new Map<string, string>();
  private readonly severities = new Map<string, SeveritySetting>();

  constructor(rules: readonly RuleDefinition[], preset: PresetName = 'recommended') {
    for (const rule of rules) {
      this.idByName.set(rule.id, rule.id);
      for (const alias of rule.meta.aliases ?? []) this.idByName.set(alias, rule.id);
      const inPreset = rule.meta.severity === 'off' && preset === 'strict' ? 'warning' : rule.meta.severity;
      this.severities.set(rule.id, inPreset);
    }
  }

  resolveRuleId = (name: string): string | undefined => this.idByName.get(name);

  /** The resolved severities, as plain data (to send to worker threads). */
  toSeverities(): Record<string, SeveritySetting> {
    return Object.fromEntries(this.severities);
  }

  /** Settings with these resolved severities (from `toSeverities`). */
  static fromSeverities(rules: readonly RuleDefinition[], severities: Record<string, SeveritySetting>): RuleSettings {
    const settings = new RuleSettings(rules);
    for (const [id, severity] of Object.entries(severities)) settings.severities.set(id, severity);
    return settings;
  }

  severityOf = (ruleId: string): SeveritySetting => this.severities.get(ruleId) ?? 'off';

  /** Applies `{ id: setting }`; `source` names where the settings came from, for the error message. */
  apply(settings: Record<string, RuleSetting>, source: string): void {
    for (const [name, setting] of Object.entries(settings)) {
      const id = this.resolveRuleId(name);
      if (!id) throw new UsageError(`${source}: unknown rule "${name}" (see \`migralint rules\`)`);
      this.severities.set(id, setting === 'warn' ? 'warning' : setting);
    }
  }
}

/** Parses repeated `--rule id=off|warn|error` flags. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  // Without a prototype, `--rule __proto__=off` is a rule named __proto__ (unknown), not a prototype change.
  const settings: Record<string, RuleSetting> = Object.create(null);
  for (const flag of flags) {
    const match = /^([\w-]+)=(off|warn|warning|error)$/.exec(flag.trim());
    if (!match) throw new UsageError(`--rule "${flag}": expected RULE=off|warn|error`);
    settings[match[1]] = match[2] === 'warning' ? 'warn' : (match[2] as RuleSetting);
  }
  return settings;
}
