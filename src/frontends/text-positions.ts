/** Maps offsets in a text to 1-based line/column positions. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // CRLF counts once; a lone CR is a line break too.
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** Position of a character index (UTF-16 code units). */
  position(charIndex: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= charIndex) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: charIndex - this.lineStarts[low] + 1 };
  }

  /** Character index of a 1-based line's first character. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  lineText(line: number): string {
    const next = this.lineStarts[line] ?? this.text.length;
    return this.text.slice(this.lineStart(line), next).replace(/\r?\n$|\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/**
 * libpg-query reports UTF-8 byte offsets; JavaScript strings index UTF-16 code
 * units. Returns a converter, which is the identity for ASCII text.
 */
export function byteToCharConverter(text: string): (byteOffset: number) => number {
  if (Buffer.byteLength(text, 'utf8') === text.length) return (offset) => offset;
  const charAtByte: number[] = [];
  for (let charIndex = 0; charIndex < text.length; charIndex++) {
    const code = text.charCodeAt(charIndex);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) width = 4; // high surrogate: the pair is 4 bytes
    else if (code >= 0xdc00 && code <= 0xdfff) width = 0; // low surrogate: counted with its pair
    else if (code >= 0x800) width = 3;
    else if (code >= 0x80) width = 2;
    for (let b = 0; b < width; b++) charAtByte.push(charIndex);
  }
  charAtByte.push(text.length);
  return (offset) => charAtByte[Math.min(Math.max(offset, 0), charAtByte.length - 1)];
}
