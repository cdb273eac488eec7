import * as fs from 'node:fs';

/** Why a file was not read: it is not a regular file (a FIFO, a device, a folder), or it is over the size limit. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

// Opening without blocking: a FIFO opens at once (and is then refused) instead of waiting for a writer.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads past a file's stated size (it may grow) land here first: most find only the end. */
const probe = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads a regular file of at most `maxBytes`. Anything else (a FIFO, a
 * device such as /dev/zero, a folder) or anything larger is refused with an
 * UnreadableFileError, decided on the open file itself; file-system errors
 * (ENOENT, EACCES) are thrown as they are.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const descriptor = fs.openSync(file, OPEN_FLAGS);
  try {
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) throw new UnreadableFileError(`not a regular file (${kindOf(stats)})`);
    if (stats.size > maxBytes) throw new UnreadableFileError(`larger than ${describeSize(maxBytes)}`);
    // Read to the end, in case the file grows meanwhile; past the limit is refused too.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // A buffer of the stated size (and a byte, to see the end), not 64 KB for every small file: allocating that cost more than reading.
      const stated = total === 0 ? Math.min(stats.size + 1, maxBytes + 1) : Math.min(stats.size - total, maxBytes + 1 - total);
      const chunk = stated > 0 ? Buffer.allocUnsafe(stated) : probe;
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new UnreadableFileError(`larger than ${describeSize(maxBytes)}`);
      chunks.push(chunk === probe ? Buffer.from(chunk.subarray(0, read)) : read === chunk.length ? chunk : chunk.subarray(0, read));
      // A read that asked for one byte more than the stated size and got it exactly is at the end: no second read to find it (half the reads of a run of small files).
      if (chunk !== probe && stated === stats.size + 1 && read === stats.size) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(descriptor);
  }
}

function kindOf(stats: fs.Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

export function describeSize(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MB` : `${Math.round(bytes / 1024)} KB`;
}
