import type { HeldText } from './reporter';

/**
 * UTF-8 text kept in chunks of about a megabyte, each piece encoded into them
 * as it comes: no joined string, and no copy of one.
 */
export class Utf8Chunks implements HeldText {
  private chunks: Buffer[] = [];
  private current: Buffer = Buffer.alloc(0);
  private used = 0;
  /** Chunks given back once their text was written elsewhere, to be filled again. */
  private spare: Buffer[] = [];
  /** Bytes in the chunks that are full (the one being filled not counted). */
  sealedBytes = 0;

  add(text: string): void {
    // At most three bytes a UTF-16 unit.
    if (this.used + text.length * 3 > this.current.length) {
      this.seal();
      const size = Math.max(CHUNK_BYTES, text.length * 3);
      this.current = (size === CHUNK_BYTES ? this.spare.pop() : undefined) ?? Buffer.allocUnsafe(size);
    }
    this.used += this.current.write(text, this.used);
  }

  /** Every chunk, the one being filled too, letting go of them. */
  drain(): Buffer[] {
    this.seal();
    return this.takeSealed();
  }

  /** The full chunks, letting go of them; the one being filled stays. */
  takeSealed(): Buffer[] {
    const chunks = this.chunks;
    this.chunks = [];
    this.sealedBytes = 0;
    return chunks;
  }

  /** Chunks from `takeSealed` whose text is written elsewhere now: they are filled again rather than left to the garbage collector. */
  recycle(chunks: readonly Buffer[]): void {
    for (const chunk of chunks) {
      const whole = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.buffer.byteLength - chunk.byteOffset);
      if (chunk.byteOffset === 0 && whole.length === CHUNK_BYTES) this.spare.push(whole);
    }
  }

  private seal(): void {
    if (this.used > 0) {
      this.chunks.push(this.current.subarray(0, this.used));
      this.sealedBytes += this.used;
    }
    this.current = Buffer.alloc(0);
    this.used = 0;
  }
}

const CHUNK_BYTES = 1 << 20;
