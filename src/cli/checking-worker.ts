/**
 * The worker's half of a run checked on worker threads. Each worker is sent
 * batches of contiguous files (round-robin over the workers); it reads a batch,
 * sends what its files do to the schema to the other workers at once, then
 * checks its files in migration order against its own replay of every group,
 * fed with every earlier file's effect (its own, and the other workers').
 */
import type { MessagePort } from 'node:worker_threads';
import { allRules } from '../../rules';
import { RuleSettings } from '../config/rule-settings';
import type { FileResult, Finding } from '../engine/finding';
import { docsFor } from '../engine/rule';
import { type Suggestion, suggestionFor } from '../fixes/suggest';
import { readMigration } from '../files/read-migration';
import { type LintOptions, type SkippedFile, type TextAnalysis, analyzeText, checkAnalysis } from '../lint';
import type { Operation } from '../model/operations';
import { ruleOf } from '../reporters/reporter';
import { type FileStart, SchemaReplay, schemaEffectOf } from '../schema/replay';
import { describe } from './describe-error';
import type { WorkerSettings } from './analysis-worker';

/** How the workers check, and what they send back. */
export interface CheckSetup {
  settings: WorkerSettings;
  /** Write each finding's suggestion here (the report shows them). */
  suggestions: boolean;
  /** Keep what each suggestion is built from on findings (the main thread reads it: stylish counts what --fix can fix). */
  targets: boolean;
  /** Send each file's text back (reporters that show source lines, suggestions written on the main thread). */
  source: boolean;
  /** One port to each other worker: what each batch does to the schema goes to all of them. */
  peers: MessagePort[];
}

export interface CheckFile {
  path: string;
  displayPath: string;
  frontend?: WorkerSettings['frontend'];
  /** Which replayed history the file belongs to (one per set of migrations). */
  group: number;
  /** Checked and reported; otherwise context only: applied to the schema. */
  target: boolean;
  newInRun: boolean;
}

/** Files `first`, `first + 1`, … of the run's work, in migration order. */
export interface CheckBatch {
  first: number;
  files: CheckFile[];
}

/** A file's effect, as the other workers apply it (null: it changes nothing, or could not be read). */
export type FileEffect = { group: number; start: FileStart; operations: Operation[] } | null;

export interface EffectsMessage {
  first: number;
  effects: FileEffect[];
}

/**
 * A file's outcome: a target's result (with its findings' suggestions, where
 * written), a file that is not a migration, one that could not be read, an
 * internal error; null for a context file applied.
 */
export type CheckOutcome =
  | { result: SentResult; suggestions?: Array<Suggestion | null> }
  | { skipped: SkippedFile }
  | { readError: string }
  | { error: string }
  | null;

export interface ResultsMessage {
  checked: { first: number; outcomes: CheckOutcome[] };
}

/** Sent once the worker has applied files up to `total`: why each group's history looks incomplete, where it does. */
export interface FinishedMessage {
  finished: Array<string | undefined>;
}

type Parsed = { analysis: TextAnalysis; effect: FileEffect } | { outcome: CheckOutcome };

interface OwnBatch {
  batch: CheckBatch;
  parsed?: Parsed[];
}

export class CheckingWorker {
  private readonly settings: RuleSettings;
  private readonly replays: SchemaReplay[] = [];
  /** Own batches not yet checked, in order. */
  private readonly own: OwnBatch[] = [];
  /** The other workers' effects, by their batch's first file. */
  private readonly received = new Map<number, FileEffect[]>();
  /** The next file to apply (or check). */
  private next = 0;
  private finishAt: number | undefined;
  private scheduled = false;

  constructor(
    private readonly setup: CheckSetup,
    private readonly post: (message: ResultsMessage | FinishedMessage) => void,
  ) {
    this.settings = RuleSettings.fromSeverities(allRules, setup.settings.severities);
    for (const peer of setup.peers) {
      peer.on('message', (message: EffectsMessage) => {
        this.received.set(message.first, message.effects);
        this.schedule();
      });
    }
  }

  add(batch: CheckBatch): void {
    this.own.push({ batch });
    this.schedule();
  }

  /** Says which groups' histories look incomplete once every file before `total` is applied. */
  finish(total: number): void {
    this.finishAt = total;
    this.schedule();
  }

  /** One step at a time, so that messages (batches, effects) come in between. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.step()) this.schedule();
    });
  }

  /** Reads a batch not read yet (the other workers wait for its effects), else checks or applies what comes next. */
  private step(): boolean {
    const unread = this.own.find((entry) => !entry.parsed);
    if (unread) {
      unread.parsed = unread.batch.files.map((file) => this.parse(file));
      const effects: EffectsMessage = { first: unread.batch.first, effects: unread.parsed.map((parsed) => ('effect' in parsed ? parsed.effect : null)) };
      for (const peer of this.setup.peers) peer.postMessage(effects);
      return true;
    }
    for (;;) {
      const effects = this.received.get(this.next);
      if (effects) {
        this.received.delete(this.next);
        for (const effect of effects) if (effect) this.applyEffect(effect);
        this.next += effects.length;
        continue;
      }
      const mine = this.own[0];
      if (mine?.parsed && mine.batch.first === this.next) {
        this.own.shift();
        const outcomes = mine.batch.files.map((file, index) => this.check(file, mine.parsed?.[index] as Parsed));
        this.next += outcomes.length;
        this.post({ checked: { first: mine.batch.first, outcomes } });
        return true;
      }
      if (this.finishAt !== undefined && this.next >= this.finishAt) {
        this.finishAt = undefined;
        this.post({ finished: this.replays.map((replay) => replay?.incompleteReason) });
      }
      return false;
    }
  }

  /** A file applied whole; an error doing so is the file's outcome (the worker that read it reports it). */
  private applyEffect(effect: NonNullable<FileEffect>): CheckOutcome {
    try {
      this.replayOf(effect.group).applyFile(effect.start, effect.operations);
      return null;
    } catch (error) {
      return { error: describe(error) };
    }
  }

  private replayOf(group: number): SchemaReplay {
    return (this.replays[group] ??= new SchemaReplay());
  }

  private parse(file: CheckFile): Parsed {
    let text: string;
    let invalidUtf8At: number | undefined;
    try {
      ({ text, invalidUtf8At } = readMigration(file.path));
    } catch (error) {
      return { outcome: { readError: describe(error) } };
    }
    try {
      const analysis = analyzeText(text, file.displayPath, { ...this.setup.settings, frontend: file.frontend }, invalidUtf8At);
      if ('skipped' in analysis) return { outcome: file.target ? { skipped: analysis } : null };
      const effect = schemaEffectOf(analysis.analyzed);
      const start: FileStart = { name: file.displayPath, isNew: file.target && file.newInRun, newTables: effect.newTables, unreadable: effect.unreadable, runtimeNames: effect.runtimeNames, besideHistory: effect.besideHistory };
      return { analysis, effect: { group: file.group, start, operations: effect.operations } };
    } catch (error) {
      return { outcome: { error: (error as Error).message.split('\n')[0] } };
    }
  }

  /** A target checked against its group's replay (which applies it); a context file applied. */
  private check(file: CheckFile, parsed: Parsed): CheckOutcome {
    if ('outcome' in parsed) return parsed.outcome;
    const { analysis, effect } = parsed;
    if (!effect) return null;
    const replay = this.replayOf(effect.group);
    if (!file.target) return this.applyEffect(effect);
    try {
      const { settings } = this.setup;
      const options: LintOptions = { pgVersion: settings.pgVersion, assumeInTransaction: settings.assumeInTransaction, settings: this.settings, frontend: file.frontend, replay, newInRun: file.newInRun };
      return this.compact(checkAnalysis(analysis, file.displayPath, options));
    } catch (error) {
      return { error: describe(error) };
    }
  }

  /** What the main thread reports: no schema effect (it keeps no replay), suggestions written here. */
  private compact(result: FileResult): CheckOutcome {
    const { suggestions: writes, targets, source } = this.setup;
    const suggestions = writes ? result.findings.map((finding) => (finding.target ? (suggestionFor(finding, result, ruleOf(allRules, finding.rule)) ?? null) : null)) : undefined;
    const { schemaEffect: _effect, findings, ...rest } = result;
    return {
      result: { ...rest, findings: findings.map((finding) => compactFinding(finding, targets)), source: source ? result.source : '' },
      ...(suggestions?.some((suggestion) => suggestion !== null) ? { suggestions } : {}),
    };
  }
}

/** A finding as sent: without its file (the result's), and its help and docs when they are the rule's own (restored from the rules). */
function compactFinding({ file: _file, help, docs, target, anchorLine: _anchorLine, ...finding }: Finding, targets: boolean): CompactFinding {
  const rule = ruleOf(allRules, finding.rule);
  return { ...finding, ...(help !== rule?.meta.help ? { help } : {}), ...(docs !== docsFor(finding.rule) ? { docs } : {}), ...(targets && target ? { target } : {}) };
}

type CompactFinding = Omit<Finding, 'file' | 'help' | 'docs'> & { help?: string; docs?: string };

/** A checked file's result as sent to the main thread. */
export type SentResult = Omit<FileResult, 'findings'> & { findings: CompactFinding[] };

/** A checked file's result, as the main thread reports it. */
export function restoreResult(sent: SentResult): FileResult {
  const file = sent.file;
  const result = sent as unknown as FileResult;
  result.findings = sent.findings.map(({ rule, severity, line, column, endLine, endColumn, message, help, docs, lock, target }) => {
    const shared = sharedTexts(rule);
    return { rule, severity, file, line, column, endLine, endColumn, message, help: help ?? shared.help, docs: docs ?? shared.docs, ...(lock ? { lock } : {}), ...(target ? { target } : {}) };
  });
  return result;
}

/** Each rule's help and docs, one string each for the run (reporters quote each once). */
const texts = new Map<string, { help: string; docs: string }>();

function sharedTexts(rule: string): { help: string; docs: string } {
  let known = texts.get(rule);
  if (!known) texts.set(rule, (known = { help: ruleOf(allRules, rule)?.meta.help ?? '', docs: docsFor(rule) }));
  return known;
}
