import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SpilledText } from '../../src/cli/spilled-text';

/** About 2 MB of findings-like text with characters of one, two and three bytes in UTF-8. */
const pieces = Array.from({ length: 20000 }, (_, index) => `    { "rule": "ban-drop-column", "line": ${index + 1}, "message": "Dropping column \\"users\\".\\"café_${index}\\" breaks code … that still reads it." }`);
const expected = pieces.join(',\n');

function heldIn(directory: string, consumed: () => boolean) {
  const held = new SpilledText(consumed, directory);
  pieces.forEach((piece, index) => held.add(index === 0 ? piece : `,\n${piece}`));
  return held;
}

describe('text held back for the end of a JSON report', () => {
  test('past a few megabytes it goes to a temporary file, comes back in order and byte for byte, and no file is left', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-spill-test-'));
    const held = heldIn(directory, () => true);
    // The file is unlinked as soon as it is open (POSIX): nothing to see in the folder while the run goes on.
    if (process.platform !== 'win32') expect(fs.readdirSync(directory)).toEqual([]);
    const out: Buffer[] = [];
    for (const piece of held.drain()) out.push(Buffer.from(piece)); // copied: the output took it at once
    expect(Buffer.concat(out).toString('utf8')).toBe(expected);
    expect(out.length).toBeGreaterThan(5); // read back in pieces, not whole
    expect(fs.readdirSync(directory)).toEqual([]);
  });

  test('pieces an output still holds (queued, not yet written) are never read over', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-spill-test-'));
    const kept: Uint8Array[] = [];
    for (const piece of heldIn(directory, () => false).drain()) kept.push(piece); // kept as given, as a queued write keeps it
    expect(Buffer.concat(kept).toString('utf8')).toBe(expected);
  });

  test('where no temporary file can be made, the text stays in memory and still comes back whole', () => {
    const missing = path.join(os.tmpdir(), 'migralint-no-such-folder', 'below');
    const held = heldIn(missing, () => true);
    const out: Buffer[] = [];
    for (const piece of held.drain()) out.push(Buffer.from(piece));
    expect(Buffer.concat(out).toString('utf8')).toBe(expected);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
