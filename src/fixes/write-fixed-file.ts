import * as fs from 'node:fs';
import { writeFileAtomically } from '../files/atomic-file';

type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/**
 * Writes a fixed migration over the file it came from, in the file's own
 * encoding (UTF-8 with or without a BOM, UTF-16 with its BOM) and permissions,
 * all at once (src/files/atomic-file.ts: a temporary file created exclusively
 * in the same folder, then renamed over it). `changed` (nothing written) when the file on disk is
 * no longer the text that was linted.
 */
export function writeFixedFile(file: string, linted: string, fixed: string): 'written' | 'changed' {
  const stats = fs.lstatSync(file);
  if (stats.isSymbolicLink()) throw new Error('it is a symbolic link (fix the file it points to)');
  if (!stats.isFile()) throw new Error('it is not a regular file');
  const bytes = fs.readFileSync(file);
  const encoding = encodingOf(bytes);
  const text = decode(bytes, encoding);
  if (text !== linted) return 'changed';
  writeFileAtomically(file, encode(fixed, encoding), { mode: stats.mode & 0o7777 });
  return 'written';
}

function encodingOf(bytes: Buffer): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8-bom';
  return 'utf8';
}

/** The text without its byte-order mark; a file that is not valid in its encoding is refused. */
function decode(bytes: Buffer, encoding: Encoding): string {
  switch (encoding) {
    case 'utf16le':
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    case 'utf16be':
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    case 'utf8-bom':
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    case 'utf8':
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf8':
      return Buffer.from(text, 'utf8');
  }
}
