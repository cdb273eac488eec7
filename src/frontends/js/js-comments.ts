import type { Comment } from '@babel/types';
import type { IgnoreDirective } from '../../model/file';
import { parseDirective } from '../directives';
import type { LineIndex } from '../text-positions';

/**
 * Ignore comments in JavaScript: `// migralint-ignore rule` on the line before a
 * call (blank and comment lines in between are allowed), or at the end of its line.
 */
export function scriptDirectives(comments: readonly Comment[], lines: LineIndex): IgnoreDirective[] {
  const directives: IgnoreDirective[] = [];
  for (const comment of comments) {
    const text = comment.type === 'CommentLine' ? `//${comment.value}` : `/*${comment.value}*/`;
    const parsed = parseDirective(text);
    if (!parsed || comment.start == null || comment.end == null) continue;
    const start = lines.position(comment.start);
    const end = lines.position(comment.end);
    const codeBefore = lines.text.slice(lines.lineStart(start.line), comment.start).trim().length > 0;
    const targetLine = codeBefore ? start.line : lines.position(nextCodeOffset(lines.text, comment.end)).line;
    directives.push({
      ...parsed,
      location: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
      targetLine,
    });
  }
  return directives;
}

/** The offset of the next character that is neither white space nor inside a comment. */
function nextCodeOffset(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    if (/\s/.test(text[index])) index++;
    else if (text.startsWith('//', index)) index = text.indexOf('\n', index) < 0 ? text.length : text.indexOf('\n', index);
    else if (text.startsWith('/*', index)) index = text.indexOf('*/', index) < 0 ? text.length : text.indexOf('*/', index) + 2;
    else break;
  }
  return index;
}
