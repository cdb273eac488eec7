import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UnreadableFileError, readRegularFile } from '../../src/files/read-regular-file';

/** The size fstat states, when a test makes it differ from the file's: the file grew or shrank after it was looked at. */
let statedSize: number | undefined;

jest.mock('node:fs', () => {
  const real = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...real, fstatSync: (descriptor: number) => (statedSize === undefined ? real.fstatSync(descriptor) : Object.assign(real.fstatSync(descriptor), { size: statedSize })) };
});

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-read-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function fileWith(name: string, text: string): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

afterEach(() => {
  statedSize = undefined;
});

describe('readRegularFile', () => {
  test('reads a file whole, and an empty one as empty', () => {
    expect(readRegularFile(fileWith('one.sql', 'ALTER TABLE users ADD COLUMN age int;\n'), 1024).toString('utf8')).toBe('ALTER TABLE users ADD COLUMN age int;\n');
    expect(readRegularFile(fileWith('empty.sql', ''), 1024).length).toBe(0);
  });

  test('a file that grew after its size was read is read to its end', () => {
    const file = fileWith('grew.sql', 'DROP TABLE orders;\nDROP TABLE users;\n');
    statedSize = 5;
    expect(readRegularFile(file, 1024).toString('utf8')).toBe('DROP TABLE orders;\nDROP TABLE users;\n');
  });

  test('a file that shrank after its size was read is read as it is', () => {
    const file = fileWith('shrank.sql', 'DROP TABLE orders;\n');
    statedSize = 500;
    expect(readRegularFile(file, 1024).toString('utf8')).toBe('DROP TABLE orders;\n');
  });

  test('a file that grew past the limit is refused', () => {
    const file = fileWith('big.sql', 'x'.repeat(40));
    statedSize = 10;
    expect(() => readRegularFile(file, 20)).toThrow(new UnreadableFileError('larger than 0 KB'));
  });

  test('a folder is refused', () => {
    expect(() => readRegularFile(folder, 1024)).toThrow(UnreadableFileError);
  });
});
