import type { FileResult, Finding } from '../engine/finding';
import { type Suggestion, suggestionFor } from '../fixes/suggest';
import { type Reporter, Tally, ruleOf } from './reporter';
import { Utf8Chunks } from './utf8-chunks';

/**
 * The versioned JSON format of the CLI contract. Nothing but this document goes
 * to stdout. Each file's entries are serialised as the file comes, so the run
 * keeps text rather than every result; the document is written at the end, piece
 * by piece, since its `files` list precedes its findings.
 */
export const json: Reporter = (context, write) => {
  const tally = new Tally();
  const files: string[] = [];
  // As UTF-8: a string with one character beyond Latin-1 (an ellipsis in a help text) takes two bytes a character.
  // Held where the caller says (the CLI's spills to a temporary file past a few megabytes), else in memory.
  const findings = context.holdText?.() ?? new Utf8Chunks();
  let findingCount = 0;
  return {
    file(result) {
      tally.add(result);
      files.push(fileElement(result));
      if (result.findings.length === 0) return;
      const file = JSON.stringify(result.file);
      // --no-suggestions: findings without their safe alternative (a smaller report, written faster).
      const suggests = context.suggestions !== false;
      for (const finding of result.findings) {
        const element = findingElement(finding, file, suggests ? suggestionFor(finding, result, ruleOf(context.rules, finding.rule)) : undefined);
        findings.add(findingCount++ === 0 ? element : `,\n${element}`);
      }
    },
    end() {
      const tool = JSON.stringify({ name: 'migralint', version: context.toolVersion }, null, 2).replace(/\n/g, '\n  ');
      const summary = JSON.stringify({ files: tally.files, errors: tally.errors, warnings: tally.warnings }, null, 2).replace(/\n/g, '\n  ');
      // The same text as JSON.stringify(document, null, 2).
      write(`{\n  "version": 1,\n  "tool": ${tool},\n  "files": `);
      writeArray(files, write);
      write(',\n  "findings": ');
      if (findingCount === 0) write('[]');
      else {
        write('[\n');
        for (const chunk of findings.drain()) write(chunk);
        write('\n  ]');
      }
      write(`,\n  "summary": ${summary}\n}\n`);
    },
  };
};

/**
 * A finding as JSON.stringify(…, null, 2) writes it two levels deep, written
 * directly: a run may have tens of thousands, and this makes little garbage.
 * `file` is the finding's file, already quoted.
 */
function findingElement(finding: Finding, file: string, suggestion: Suggestion | undefined): string {
  return `    {
      "rule": ${quotedOnce(finding.rule)},
      "severity": ${quotedOnce(finding.severity)},
      "file": ${file},
      "line": ${finding.line},
      "column": ${finding.column},
      "endLine": ${finding.endLine},
      "endColumn": ${finding.endColumn},
      "message": ${JSON.stringify(finding.message)},
      "help": ${quotedOnce(finding.help)},
      "docs": ${quotedOnce(finding.docs)}${finding.lock ? `,\n      "lock": ${lockElement(finding.lock)}` : ''}${suggestion ? `,\n      "suggestion": ${suggestionElement(suggestion)}` : ''}
    }`;
}

/** `"lock": {…}` as JSON.stringify(…, null, 2) writes it three levels deep (its fields in the order findings have them). */
function lockElement(lock: NonNullable<Finding['lock']>): string {
  const rewrite = lock.rewrite === undefined ? '' : `,\n        "rewrite": ${lock.rewrite === true ? 'true' : quotedOnce(lock.rewrite)}`;
  return `{\n        "mode": ${quotedOnce(lock.mode)},\n        "relation": ${JSON.stringify(lock.relation)},\n        "blocks": ${quotedOnce(lock.blocks)}${rewrite}\n      }`;
}

/**
 * A suggestion's element once written: a run answered from the cache shares one object among the
 * findings with the same suggestion. Kept on the object, not enumerable (a WeakMap of tens of
 * thousands of entries costs the garbage collector more).
 */
const WRITTEN_ELEMENT = Symbol('migralint.json-suggestion');

/** `"suggestion": {…}`, the same way, written directly (a report may hold tens of thousands). */
function suggestionElement(suggestion: Suggestion): string {
  const holder = suggestion as Suggestion & { [WRITTEN_ELEMENT]?: string };
  let element = holder[WRITTEN_ELEMENT];
  if (element === undefined) {
    element = writeSuggestionElement(suggestion);
    Object.defineProperty(holder, WRITTEN_ELEMENT, { value: element, configurable: true });
  }
  return element;
}

function writeSuggestionElement(suggestion: Suggestion): string {
  const steps = suggestion.steps.map((step) => {
    const fields = [`"migration": ${quotedOnce(step.migration)}`, `"code": ${JSON.stringify(step.code)}`];
    if (step.at !== undefined) fields.push(`"at": ${quotedOnce(step.at)}`);
    if (step.application !== undefined) fields.push(`"application": ${JSON.stringify(step.application)}`);
    if (step.lock !== undefined) fields.push(`"lock": ${quotedOnce(step.lock)}`);
    if (step.lockOn !== undefined) fields.push(`"lockOn": [\n              ${step.lockOn.map(quotedOnce).join(',\n              ')}\n            ]`);
    return `          {\n            ${fields.join(',\n            ')}\n          }`;
  });
  const list = steps.length > 0 ? `[\n${steps.join(',\n')}\n        ]` : '[]';
  return `{\n        "description": ${quotedOnce(suggestion.description)},\n        "steps": ${list}\n      }`;
}

/** Rule ids, severities, help and docs repeat across findings: each is quoted once per run. */
const quoted = new Map<string, string>();

function quotedOnce(text: string): string {
  let value = quoted.get(text);
  if (value === undefined) {
    value = JSON.stringify(text);
    quoted.set(text, value);
  }
  return value;
}

/** A file's entry, written the same way. */
function fileElement(result: FileResult): string {
  const skipped = result.skippedReason ? `,\n      "skipped": ${JSON.stringify(result.skippedReason)}` : '';
  return `    {
      "file": ${JSON.stringify(result.file)},
      "frontend": ${JSON.stringify(result.frontend)},
      "statements": ${result.statements}${skipped}
    }`;
}

/** Writes the elements as a JSON array at the second level, letting go of each once written. */
function writeArray(elements: string[], write: (text: string | Uint8Array) => void): void {
  if (elements.length === 0) return write('[]');
  write('[\n');
  for (let index = 0; index < elements.length; index++) {
    write(index === 0 ? elements[index] : `,\n${elements[index]}`);
    elements[index] = '';
  }
  write('\n  ]');
}
