import type { FileResult, Finding } from '../engine/finding';
import { type Suggestion, suggestionFor } from '../fixes/suggest';
import { type Reporter, Tally, ruleOf } from './reporter';

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
  const findings: Buffer[] = [];
  return {
    file(result) {
      tally.add(result);
      files.push(fileElement(result));
      // Joined per file: join makes one flat string, where the pieces would stay linked until the end.
      if (result.findings.length > 0) {
        const file = JSON.stringify(result.file);
        const suggestion = (finding: Finding) => suggestionFor(finding, result, ruleOf(context.rules, finding.rule));
        findings.push(Buffer.from(result.findings.map((finding) => findingElement(finding, file, suggestion(finding))).join(',\n')));
      }
    },
    end() {
      const tool = JSON.stringify({ name: 'migralint', version: context.toolVersion }, null, 2).replace(/\n/g, '\n  ');
      const summary = JSON.stringify({ files: tally.files, errors: tally.errors, warnings: tally.warnings }, null, 2).replace(/\n/g, '\n  ');
      // The same text as JSON.stringify(document, null, 2).
      write(`{\n  "version": 1,\n  "tool": ${tool},\n  "files": `);
      writeArray(files, write);
      write(',\n  "findings": ');
      writeArray(findings, write);
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

/** `"suggestion": {…}`, the same way, written directly (a report may hold tens of thousands). */
function suggestionElement(suggestion: Suggestion): string {
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

/**
 * Writes the elements as a JSON array at the second level, letting go of each
 * once written. Encoded elements are written as they are, gathered into writes
 * of about a megabyte: decoding them to write them would only encode them again.
 */
function writeArray(elements: Array<string | Buffer>, write: (text: string | Uint8Array) => void): void {
  if (elements.length === 0) return write('[]');
  write('[\n');
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length > 0) write(Buffer.concat(batch, batchBytes));
    batch = [];
    batchBytes = 0;
  };
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index];
    if (typeof element === 'string') {
      flush();
      write(index === 0 ? element : `,\n${element}`);
    } else {
      if (index > 0) batch.push(SEPARATOR);
      batch.push(element);
      batchBytes += element.length + (index > 0 ? SEPARATOR.length : 0);
      if (batchBytes >= 1 << 20) flush();
    }
    elements[index] = '';
  }
  flush();
  write('\n  ]');
}

const SEPARATOR = Buffer.from(',\n');
