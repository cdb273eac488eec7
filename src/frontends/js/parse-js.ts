import * as path from 'node:path';
import { type ParserPlugin, parse } from '@babel/parser';
import type { File } from '@babel/types';

export type ParsedScript =
  | { ok: true; ast: File }
  | { ok: false; message: string; line: number; column: number; tooDeep?: boolean };

const TYPESCRIPT_EXTENSIONS = ['.ts', '.cts', '.mts'];

/** Parses JavaScript or TypeScript (by extension) without running it. */
export function parseScript(text: string, filePath: string): ParsedScript {
  const typescript = TYPESCRIPT_EXTENSIONS.includes(path.extname(filePath).toLowerCase());
  // decoratorAutoAccessors: TypeScript's `accessor` fields (`static accessor x = 1`).
  const plugins: ParserPlugin[] = typescript ? ['typescript', 'decorators-legacy', 'decoratorAutoAccessors'] : ['decorators-legacy', 'decoratorAutoAccessors'];
  try {
    const ast = parse(text, {
      sourceType: 'unambiguous',
      plugins,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      errorRecovery: false,
    });
    return { ok: true, ast };
  } catch (error) {
    // Valid code can nest deeper than the parser's recursion allows: that is not a syntax error.
    if (error instanceof RangeError) return { ok: false, message: 'it nests too deeply to be parsed', line: 1, column: 1, tooDeep: true };
    const { loc, message } = error as { loc?: { line: number; column: number }; message: string };
    // Babel columns are 0-based; its message repeats the position in parentheses.
    return { ok: false, message: message.replace(/\s*\(\d+:\d+\)$/, ''), line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 };
  }
}
