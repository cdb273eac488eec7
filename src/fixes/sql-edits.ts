import type { ColumnPart, StatementEdit } from '../engine/suggestion';
import type { Operation } from '../model/operations';
import { ident, valueSql } from './sql-text';
import { type SqlToken, clauseEnd, findWords, isName, matchAt, nameOf, skipQualifiedName, sqlTokens } from './sql-tokens';

/**
 * Edits of a SQL statement as written, token by token: the statement keeps its
 * formatting, comments and everything the model does not carry (expressions,
 * predicates, ON DELETE actions); only the words an edit is about change. The
 * same edits make a suggestion's code and, mapped to the file, `--fix`.
 */

/** A replacement of the text between two offsets. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits that do not overlap; insertions at one place come out in the order given. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  let result = text;
  for (const { edit } of ordered) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

const insertAfter = (token: SqlToken, text: string): TextEdit => ({ start: token.end, end: token.end, text });

/** The edits that make `sql` (the flagged statement, or its clause) say what `edit` asks; undefined when it cannot be done safely. */
export function statementEdits(sql: string, edit: StatementEdit, operation: Operation): TextEdit[] | undefined {
  const tokens = sqlTokens(sql);
  if (!tokens || tokens.length === 0) return undefined;
  switch (edit.kind) {
    case 'concurrently':
      return concurrently(tokens, operation);
    case 'notValid':
      return notValid(tokens, operation, edit.name);
    case 'ifNotExists':
      return ifNotExists(tokens, operation);
    case 'ifExists':
      return ifExists(tokens, operation);
    case 'withoutCascade':
      return withoutCascade(tokens);
    case 'columnWithout':
      return columnWithout(tokens, operation, edit.parts);
    case 'columnDefault':
      return columnDefault(tokens, operation, valueSql(edit.value));
    case 'domainWithoutCheck':
      return domainWithoutCheck(tokens);
  }
}

/** Edits `sql`, or undefined when the edit does not apply. */
export function editStatement(sql: string, edit: StatementEdit, operation: Operation): string | undefined {
  const edits = statementEdits(sql, edit, operation);
  return edits && applyEdits(sql, edits);
}

function topLevel(tokens: readonly SqlToken[], word: string): boolean {
  return tokens.some((token) => token.depth === 0 && token.kind !== 'identifier' && token.word === word);
}

function concurrently(tokens: SqlToken[], operation: Operation): TextEdit[] | undefined {
  if (topLevel(tokens, 'CONCURRENTLY')) return undefined;
  switch (operation.kind) {
    case 'createIndex': {
      const found = findWords(tokens, ['CREATE', 'UNIQUE?', 'INDEX']);
      return found && [insertAfter(tokens[found.end - 1], ' CONCURRENTLY')];
    }
    case 'dropIndex': {
      // DROP INDEX CONCURRENTLY takes one index and no CASCADE.
      const found = findWords(tokens, ['DROP', 'INDEX']);
      if (!found || topLevel(tokens, 'CASCADE') || tokens.some((token, index) => index > found.end && token.depth === 0 && token.text === ',')) return undefined;
      return [insertAfter(tokens[found.end - 1], ' CONCURRENTLY')];
    }
    case 'reindex': {
      const found = findWords(tokens, ['REINDEX']);
      if (!found) return undefined;
      let at = found.end;
      if (tokens[at]?.text === '(') {
        while (at < tokens.length && !(tokens[at].text === ')' && tokens[at].depth === 0)) at++;
        if (tokens.slice(found.end, at).some((token) => token.word === 'CONCURRENTLY')) return undefined;
        at++;
      }
      const target = tokens[at];
      if (!target || !['INDEX', 'TABLE', 'SCHEMA', 'DATABASE'].includes(target.word) || target.kind === 'identifier') return undefined;
      return [insertAfter(target, ' CONCURRENTLY')];
    }
    case 'detachPartition': {
      const found = findWords(tokens, ['DETACH', 'PARTITION']);
      if (!found || !tokens[found.end]) return undefined;
      const nameEnd = skipQualifiedName(tokens, found.end);
      if (tokens[nameEnd]?.word === 'FINALIZE') return undefined;
      return [insertAfter(tokens[nameEnd - 1], ' CONCURRENTLY')];
    }
    default:
      return undefined;
  }
}

/** `ADD [CONSTRAINT name] FOREIGN KEY|CHECK …` → `… NOT VALID`, naming it when it has no name. */
function notValid(tokens: SqlToken[], operation: Operation, name: string): TextEdit[] | undefined {
  if (operation.kind !== 'addConstraint') return undefined;
  const keyword = operation.constraint.kind === 'foreignKey' ? 'FOREIGN' : operation.constraint.kind === 'check' ? 'CHECK' : undefined;
  if (!keyword) return undefined;
  const clauses: Array<{ add: number; keyword: number; named: boolean }> = [];
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index].depth !== 0 || tokens[index].word !== 'ADD' || tokens[index].kind === 'identifier') continue;
    let at = index + 1;
    let constraintName: string | undefined;
    if (tokens[at]?.word === 'CONSTRAINT' && tokens[at].kind !== 'identifier') {
      constraintName = nameOf(tokens[at + 1]);
      at += 2;
    }
    if (tokens[at]?.word !== keyword || tokens[at].kind === 'identifier') continue;
    if (operation.constraint.name !== undefined && constraintName !== operation.constraint.name) continue;
    clauses.push({ add: index, keyword: at, named: constraintName !== undefined });
  }
  if (clauses.length !== 1) return undefined;
  const [clause] = clauses;
  const end = clauseEnd(tokens, clause.add);
  const body = tokens.slice(clause.add, end);
  if (body.some((token, index) => token.word === 'NOT' && body[index + 1]?.word === 'VALID')) return undefined;
  const edits: TextEdit[] = [insertAfter(tokens[end - 1], ' NOT VALID')];
  if (!clause.named) edits.push({ start: tokens[clause.keyword].start, end: tokens[clause.keyword].start, text: `CONSTRAINT ${ident(name)} ` });
  return edits;
}

const TABLE_MODIFIERS = new Set(['GLOBAL', 'LOCAL', 'TEMP', 'TEMPORARY', 'UNLOGGED']);

function ifNotExists(tokens: SqlToken[], operation: Operation): TextEdit[] | undefined {
  switch (operation.kind) {
    case 'createTable': {
      const create = findWords(tokens, ['CREATE']);
      if (!create) return undefined;
      let at = create.end;
      while (tokens[at] && TABLE_MODIFIERS.has(tokens[at].word)) at++;
      if (tokens[at]?.word !== 'TABLE' || tokens[at + 1]?.word === 'IF') return undefined;
      return [insertAfter(tokens[at], ' IF NOT EXISTS')];
    }
    case 'createIndex': {
      const found = findWords(tokens, ['CREATE', 'UNIQUE?', 'INDEX', 'CONCURRENTLY?']);
      if (!found || tokens[found.end]?.word === 'IF' || tokens[found.end]?.word === 'ON' || !operation.name) return undefined;
      return [insertAfter(tokens[found.end - 1], ' IF NOT EXISTS')];
    }
    case 'addColumn': {
      const clause = findColumnClause(tokens, operation.column.name);
      if (!clause || clause.ifNotExists) return undefined;
      // After ADD [COLUMN], before the name.
      return [insertAfter(tokens[clause.name - 2], ' IF NOT EXISTS')];
    }
    default:
      return undefined;
  }
}

function ifExists(tokens: SqlToken[], operation: Operation): TextEdit[] | undefined {
  const after = (words: string[], wanted?: string) => {
    for (let index = 0; index < tokens.length; index++) {
      if (tokens[index].depth !== 0) continue;
      const end = matchAt(tokens, index, words);
      if (end === undefined || tokens[end]?.word === 'IF') continue;
      if (wanted !== undefined && !isName(tokens[end], wanted)) continue;
      return [insertAfter(tokens[end - 1], ' IF EXISTS')];
    }
    return undefined;
  };
  switch (operation.kind) {
    case 'dropTable':
      return after(['DROP', 'TABLE']);
    case 'dropIndex':
      return after(['DROP', 'INDEX', 'CONCURRENTLY?']);
    case 'dropColumn':
      return after(['DROP', 'COLUMN'], operation.column) ?? after(['DROP'], operation.column);
    case 'dropConstraint':
      return after(['DROP', 'CONSTRAINT'], operation.name);
    default:
      return undefined;
  }
}

function withoutCascade(tokens: SqlToken[]): TextEdit[] | undefined {
  const index = tokens.findIndex((token) => token.depth === 0 && token.word === 'CASCADE' && token.kind !== 'identifier');
  if (index < 1) return undefined;
  return [{ start: tokens[index - 1].end, end: tokens[index].end, text: '' }];
}

/** Where the definition of one column sits in `ADD [COLUMN] [IF NOT EXISTS] name type …`, by token index. */
export interface ColumnClause {
  /** The `ADD` token. */
  add: number;
  ifNotExists: boolean;
  /** The token just past the column's name (where the type starts). */
  name: number;
  /** The token just past the type. */
  typeEnd: number;
  /** The token just past the clause. */
  end: number;
  parts: Array<{ kind: ColumnPart | 'null' | 'check' | 'generated' | 'collate'; start: number; end: number }>;
}

/** Words that start a column constraint (or a collation) after a column's type. */
const CONSTRAINT_START = new Set(['CONSTRAINT', 'NOT', 'NULL', 'DEFAULT', 'CHECK', 'UNIQUE', 'PRIMARY', 'REFERENCES', 'GENERATED', 'COLLATE']);
/** Words that continue the constraint before them (a foreign key's timing). */
const CONSTRAINT_CONTINUATION = new Set(['DEFERRABLE', 'INITIALLY']);

export function findColumnClause(tokens: readonly SqlToken[], column: string): ColumnClause | undefined {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.depth !== 0 || token.word !== 'ADD' || token.kind === 'identifier') continue;
    let at = index + 1;
    if (tokens[at]?.word === 'COLUMN' && tokens[at].kind !== 'identifier') at++;
    const ifNotExists = matchAt(tokens, at, ['IF', 'NOT', 'EXISTS']);
    if (ifNotExists !== undefined) at = ifNotExists;
    if (!isName(tokens[at], column)) continue;
    const name = at + 1;
    const end = clauseEnd(tokens, index);
    const isStart = (i: number) => tokens[i].depth === 0 && tokens[i].kind !== 'identifier' && CONSTRAINT_START.has(tokens[i].word) && !(tokens[i].word === 'NOT' && tokens[i + 1]?.word === 'DEFERRABLE');
    let typeEnd = name;
    while (typeEnd < end && !isStart(typeEnd)) typeEnd++;
    return { add: index, ifNotExists: ifNotExists !== undefined, name, typeEnd, end, parts: columnParts(tokens, typeEnd, end, isStart) };
  }
  return undefined;
}

function columnParts(tokens: readonly SqlToken[], from: number, end: number, isStart: (index: number) => boolean): ColumnClause['parts'] {
  const parts: ColumnClause['parts'] = [];
  let at = from;
  while (at < end) {
    const start = at;
    if (tokens[at].word === 'CONSTRAINT') at += 2; // CONSTRAINT name belongs to the constraint after it
    const word = tokens[at]?.word;
    at++;
    // DEFAULT NULL: NULL is the default's expression, not a constraint of its own.
    if (word === 'DEFAULT' && tokens[at]?.word === 'NULL') at++;
    while (at < end && (!isStart(at) || (word === 'REFERENCES' && CONSTRAINT_CONTINUATION.has(tokens[at].word)))) at++;
    if (word === 'NOT' && tokens[start + (tokens[start].word === 'CONSTRAINT' ? 3 : 1)]?.word === 'NULL') {
      // NOT NULL is two words: the second is not a constraint of its own.
      const notNullEnd = start + (tokens[start].word === 'CONSTRAINT' ? 4 : 2);
      parts.push({ kind: 'notNull', start, end: notNullEnd });
      at = notNullEnd;
      while (at < end && !isStart(at)) at++;
      continue;
    }
    parts.push({ kind: PART_KINDS[word ?? ''] ?? 'check', start, end: at });
  }
  return parts;
}

const PART_KINDS: Record<string, ColumnClause['parts'][number]['kind']> = {
  NULL: 'null',
  DEFAULT: 'default',
  CHECK: 'check',
  UNIQUE: 'unique',
  PRIMARY: 'primaryKey',
  REFERENCES: 'references',
  GENERATED: 'generated',
  COLLATE: 'collate',
};

/** The text of a part of a column's definition (`DEFAULT gen_random_uuid()` → `gen_random_uuid()` for `default`), as written. */
export function columnPartText(sql: string, column: string, kind: ColumnPart): string | undefined {
  const tokens = sqlTokens(sql);
  const clause = tokens && findColumnClause(tokens, column);
  const part = clause?.parts.find((candidate) => candidate.kind === kind);
  if (!tokens || !part) return undefined;
  // The words that name the part: `DEFAULT` before an expression, `CONSTRAINT name` before a REFERENCES.
  let first = part.start;
  if (tokens[first].word === 'CONSTRAINT') first += 2;
  if (kind === 'default') first++;
  if (first >= part.end) return undefined;
  return sql.slice(tokens[first].start, tokens[part.end - 1].end);
}

function columnWithout(tokens: SqlToken[], operation: Operation, parts: readonly ColumnPart[]): TextEdit[] | undefined {
  // The column's own clause, or (for the foreign key a column's REFERENCES makes) its column's.
  const column = operation.kind === 'addColumn' ? operation.column.name : operation.kind === 'addConstraint' && operation.constraint.kind === 'foreignKey' ? operation.constraint.columns[0] : undefined;
  if (column === undefined) return undefined;
  const clause = findColumnClause(tokens, column);
  if (!clause) return undefined;
  const removed = clause.parts.filter((part) => (parts as readonly string[]).includes(part.kind));
  if (removed.length === 0) return undefined;
  return removed.map((part) => ({ start: tokens[part.start - 1].end, end: tokens[part.end - 1].end, text: '' }));
}

function columnDefault(tokens: SqlToken[], operation: Operation, value: string): TextEdit[] | undefined {
  if (operation.kind !== 'addColumn') return undefined;
  const clause = findColumnClause(tokens, operation.column.name);
  if (!clause || clause.parts.some((part) => part.kind === 'default' || part.kind === 'generated') || clause.typeEnd <= clause.name) return undefined;
  return [insertAfter(tokens[clause.typeEnd - 1], ` DEFAULT ${value}`)];
}

function domainWithoutCheck(tokens: SqlToken[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index].depth !== 0 || tokens[index].word !== 'CHECK' || tokens[index].kind === 'identifier') continue;
    const start = tokens[index - 2]?.word === 'CONSTRAINT' ? index - 2 : index;
    let end = index + 1;
    if (tokens[end]?.text !== '(') return undefined;
    end++;
    while (end < tokens.length && !(tokens[end].text === ')' && tokens[end].depth === 0)) end++;
    if (start < 1 || end >= tokens.length) return undefined;
    edits.push({ start: tokens[start - 1].end, end: tokens[end].end, text: '' });
  }
  return edits.length > 0 ? edits : undefined;
}
