import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { LineIndex } from '../../src/frontends/text-positions';
import { isSkipped, lintText, prepareLinting } from '../../src/lint';

beforeAll(prepareLinting);

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const fixtures = ['sql', 'knex', 'typeorm'].flatMap((folder) =>
  fs.readdirSync(path.join(FIXTURES, folder)).map((name) => ({ name: `${folder}/${name}`, text: fs.readFileSync(path.join(FIXTURES, folder, name), 'utf8') })),
);
const options = { pgVersion: 15, assumeInTransaction: false, settings: new RuleSettings(allRules, 'strict') };

/** Lints a mutated text; it must not throw, and every finding must lie inside the text. */
function lintsCleanly(name: string, text: string): void {
  const result = lintText(text, name, options);
  if (isSkipped(result)) return;
  // Positions are relative to the text without its byte-order mark.
  const lines = new LineIndex(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  for (const finding of result.findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    expect(finding.endLine).toBeLessThanOrEqual(lines.lineCount);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeLessThanOrEqual(lines.lineText(finding.line).length + 1);
    expect(finding.endColumn).toBeLessThanOrEqual(lines.lineText(finding.endLine).length + 1);
    if (finding.endLine === finding.line) expect(finding.endColumn).toBeGreaterThanOrEqual(finding.column);
  }
}

const fixture = fc.constantFrom(...fixtures);
const RUNS = { numRuns: 150, seed: 20261127 };

test('truncated fixtures never make a front-end throw, and findings stay inside the file', () => {
  fc.assert(
    fc.property(fixture, fc.nat(), ({ name, text }, cut) => {
      lintsCleanly(name, text.slice(0, cut % (text.length + 1)));
    }),
    RUNS,
  );
});

test('inserted bytes (control characters, quotes, comment and string openers, non-ASCII) never make a front-end throw', () => {
  const inserted = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("'", '"', '`', '$$', '/*', '--', '\\', '${', '{{', '\r', '\u0000', '\uFEFF', 'é', '😀', ';', '(', ')', 'BEGIN;', 'COMMIT;'),
  );
  fc.assert(
    fc.property(fixture, fc.nat(), inserted, ({ name, text }, at, piece) => {
      const index = at % (text.length + 1);
      lintsCleanly(name, text.slice(0, index) + piece + text.slice(index));
    }),
    RUNS,
  );
});

test('shuffled tokens never make a front-end throw', () => {
  fc.assert(
    fc.property(fixture, fc.nat(), fc.nat(), ({ name, text }, first, second) => {
      const tokens = text.split(/(\s+)/);
      const a = first % tokens.length;
      const b = second % tokens.length;
      [tokens[a], tokens[b]] = [tokens[b], tokens[a]];
      lintsCleanly(name, tokens.join(''));
    }),
    RUNS,
  );
});
