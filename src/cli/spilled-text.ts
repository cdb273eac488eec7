import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HeldText } from '../reporters/reporter';
import { Utf8Chunks } from '../reporters/utf8-chunks';

/** Past this much held text, the full chunks go to the temporary file. */
const SPILL_BYTES = 1 << 20;
const READ_BYTES = 256 << 10;

/**
 * Text a report holds until its end (JSON's findings: tens of megabytes on a
 * large run), kept in memory up to a few megabytes and in a temporary file past
 * that, so a run's memory does not grow with its report. The file is unlinked
 * as soon as it is open where the system allows it (nothing is left behind if
 * the run is killed), else when the text is drained. Where no temporary file can
 * be written, the text stays in memory.
 */
export class SpilledText implements HeldText {
  private readonly memory = new Utf8Chunks();
  private file: { fd: number; path: string; size: number } | undefined;
  private spilling = true;

  /**
   * @param consumed whether the output has taken every piece written so far (nothing queued):
   * then a piece read back from the file can be read into the same buffer as the last one,
   * rather than into new memory that only the garbage collector gives back.
   */
  constructor(
    private readonly consumed: () => boolean,
    private readonly directory: string = os.tmpdir(),
  ) {}

  add(text: string): void {
    this.memory.add(text);
    if (this.spilling && this.memory.sealedBytes >= SPILL_BYTES) this.spill();
  }

  *drain(): Iterable<Uint8Array> {
    const file = this.file;
    this.file = undefined;
    if (file) {
      try {
        let buffer = Buffer.allocUnsafe(READ_BYTES);
        for (let position = 0; position < file.size; ) {
          const read = fs.readSync(file.fd, buffer, 0, Math.min(READ_BYTES, file.size - position), position);
          if (read === 0) throw new Error(`the report's temporary file ended early (${position} of ${file.size} bytes)`);
          position += read;
          yield buffer.subarray(0, read);
          // A piece the output still holds (queued, not yet written) must not be read over.
          if (!this.consumed()) buffer = Buffer.allocUnsafe(READ_BYTES);
        }
      } finally {
        closeAndRemove(file);
      }
    }
    yield* this.memory.drain();
  }

  private spill(): void {
    const chunks = this.memory.takeSealed();
    try {
      this.file ??= openTemporary(this.directory);
      for (const chunk of chunks) {
        let written = 0;
        while (written < chunk.length) written += fs.writeSync(this.file.fd, chunk, written, chunk.length - written, this.file.size + written);
        this.file.size += chunk.length;
      }
      this.memory.recycle(chunks);
    } catch {
      // No temporary file (a read-only or full disk): what could not be written stays in memory, and so does the rest.
      this.spilling = false;
      this.keepInMemory(chunks);
    }
  }

  /** Puts back, in order, chunks that could not go to the file; what the file holds is still read first. */
  private keepInMemory(chunks: Buffer[]): void {
    const later = this.memory.drain();
    for (const chunk of [...chunks, ...later]) this.memory.add(chunk.toString('utf8'));
  }
}

function openTemporary(directory: string): { fd: number; path: string; size: number } {
  const folder = fs.mkdtempSync(path.join(directory, 'migralint-report-'));
  const file = path.join(folder, 'findings.json');
  const fd = fs.openSync(file, 'w+', 0o600);
  const opened = { fd, path: file, size: 0 };
  // POSIX keeps an open file readable after its name is gone; Windows refuses, and it is removed when drained.
  try {
    fs.rmSync(folder, { recursive: true, force: true });
    opened.path = '';
  } catch {
    // removed at the end instead
  }
  return opened;
}

function closeAndRemove(file: { fd: number; path: string }): void {
  try {
    fs.closeSync(file.fd);
  } finally {
    if (file.path) fs.rmSync(path.dirname(file.path), { recursive: true, force: true });
  }
}
