import type { ColumnPart, SuggestedAction } from '../../engine/suggestion';
import type { DjangoOrigin, Operation } from '../../model/operations';
import { actionSql, reverseSql } from '../action-sql';
import type { DjangoFacts } from '../file-facts';
import { indent, pyString } from '../literals';
import { type PythonCall, callText, keywordValue, parseCall, withKeyword, withoutKeyword } from '../python-call';
import { PLAIN } from '../sql-text';
import type { LanguageWriter, PlacedStep, WriteContext } from './writer';

/**
 * Django: migration operations. django.contrib.postgres has the concurrent and
 * NOT VALID forms (`AddIndexConcurrently`, `AddConstraintNotValid`,
 * `ValidateConstraint`); fields are added and altered with the user's own
 * definitions; what Django has no operation for is `RunSQL`, with
 * `state_operations` (or `SeparateDatabaseAndState`) where Django must record a
 * change the SQL makes, or the database must lag behind what Django records.
 */
export const djangoWriter: LanguageWriter<DjangoFacts> = {
  action(action, step, context) {
    const native = nativeCode(action, context);
    if (native === UNSUPPORTED) return undefined;
    if (native) return native;
    const sqlContext = { operation: context.operation, flaggedSql: context.flaggedSql, style: PLAIN };
    const call = djangoCall(context);
    const sql = actionSql(action, sqlContext)?.map((statement) => (call && isForeignKey(action) ? deferrable(statement) : statement));
    if (!sql) return undefined;
    const reverse = reverseSql(action, sqlContext);
    const state = action.kind === 'statement' && action.completes && call ? [call] : [];
    return sql.map((statement, index) => runSql(statement, index === sql.length - 1 ? reverse : undefined, index === sql.length - 1 ? state : []));
  },
  inThisMigration(code, step, context) {
    const imports = importLines(code, context.facts, false);
    if (!step.transactionOff) return [...imports, ...(imports.length > 0 ? [''] : []), ...code.map((line) => `${line},`)].join('\n');
    const body = ['atomic = False', '', 'operations = [', ...code.map((line) => indent(`${line},`, '    ')), ']'];
    return [...imports, ...(imports.length > 0 ? ['', ''] : []), 'class Migration(migrations.Migration):', indent(body.join('\n'), '    ')].join('\n');
  },
  newMigration(code, _reverse, step, context) {
    const { facts } = context;
    const imports = importLines(code, facts, true);
    const body = [
      ...(step.transactionOff ? ['atomic = False', ''] : []),
      // The one before a second new migration is the first, which the user has yet to name.
      `dependencies = [(${pyString(facts.app)}, ${pyString(step.newMigration > 1 ? '<the migration before this one>' : facts.migration)})]`,
      '',
      'operations = [',
      ...code.map((line) => indent(`${line},`, '    ')),
      ']',
    ];
    return [...imports, '', '', 'class Migration(migrations.Migration):', indent(body.join('\n'), '    ')].join('\n');
  },
};

const UNSUPPORTED = 'unsupported';

function isForeignKey(action: SuggestedAction): boolean {
  const operation = action.kind === 'statement' || action.kind === 'edit' ? action.operation : undefined;
  return operation?.kind === 'addConstraint' && operation.constraint.kind === 'foreignKey';
}

/** Django makes its foreign keys DEFERRABLE INITIALLY DEFERRED: one added by hand for a field is made the same. */
function deferrable(sql: string): string {
  return /\bDEFERRABLE\b/i.test(sql) ? sql : sql.replace(/( NOT VALID)?$/, ' DEFERRABLE INITIALLY DEFERRED$1');
}

const POSTGRES_OPERATIONS = ['AddConstraintNotValid', 'AddIndexConcurrently', 'RemoveIndexConcurrently', 'ValidateConstraint'];

/** The imports the code needs: contrib.postgres operations it uses that the file does not import, and (for a new file) Django's own. */
function importLines(code: readonly string[], facts: DjangoFacts, newFile: boolean): string[] {
  const text = code.join('\n');
  const used = POSTGRES_OPERATIONS.filter((name) => new RegExp(`(^|[^.\\w])${name}\\(`, 'm').test(text));
  const wanted = newFile ? used : used.filter((name) => !facts.postgresOperations.has(name));
  const lines = wanted.length > 0 ? [`from django.contrib.postgres.operations import ${wanted.join(', ')}`] : [];
  if (newFile) lines.push(...importsUsed(text, facts.source), `from django.db import migrations${/\bmodels\./.test(text) ? ', models' : ''}`);
  return lines;
}

/** The flagged file's imports of names the code uses (a field's default such as `RandomUUID()`), for a new file that repeats it. */
function importsUsed(code: string, source: string): string[] {
  const used: string[] = [];
  for (const match of source.matchAll(/^(?:from\s+([\w.]+)\s+import\s+([\w\s,]+?)|import\s+([\w.]+)(?:\s+as\s+(\w+))?)[ \t]*$/gm)) {
    const [line, from, names, module, alias] = match;
    if (from === 'django.db' || from === 'django.contrib.postgres.operations') continue;
    const bound = from ? names.split(',').map((name) => name.trim().split(/\s+as\s+/).pop() ?? '') : [alias ?? module.split('.')[0]];
    if (bound.some((name) => name && new RegExp(`\\b${name}\\b`).test(code))) used.push(line.trim());
  }
  return used;
}

function runSql(sql: string, reverse: string | undefined, state: readonly string[] = []): string {
  const reverseText = reverse ? pyString(reverse) : 'migrations.RunSQL.noop';
  if (state.length === 0) return `migrations.RunSQL(${pyString(sql)}, ${reverseText})`;
  return `migrations.RunSQL(\n    ${pyString(sql)},\n    ${reverseText},\n    state_operations=[\n${state.map((item) => indent(`${item},`, '        ')).join('\n')}\n    ],\n)`;
}

/** `SeparateDatabaseAndState`: what runs in the database, and what Django's state records. */
function separate(database: readonly string[], state: readonly string[]): string {
  const list = (items: readonly string[]) => `[\n${items.map((item) => indent(`${item},`, '        ')).join('\n')}\n    ]`;
  const parts = [...(database.length > 0 ? [`    database_operations=${list(database)},`] : []), ...(state.length > 0 ? [`    state_operations=${list(state)},`] : [])];
  return `migrations.SeparateDatabaseAndState(\n${parts.join('\n')}\n)`;
}

/** The flagged Django operation call as written, when the flagged statement came from one (not from RunSQL's SQL). */
function djangoCall(context: WriteContext<DjangoFacts>): string | undefined {
  const origin = context.operation.django;
  return origin && origin.operation !== 'RunSQL' && context.flaggedSql === undefined ? context.flaggedSource : undefined;
}

/** The call with another callee: `migrations.AddIndex(…)` → `AddIndexConcurrently(…)`. */
function renamed(call: string, callee: string): string | undefined {
  const parsed = parseCall(call);
  return parsed && callText({ ...parsed, callee });
}

/** `migrations.AddField("order", "note", <definition>)`. */
function fieldOperation(operation: 'AddField' | 'AlterField', origin: DjangoOrigin, name: string, definition: PythonCall): string | undefined {
  return origin.model ? `migrations.${operation}(${pyString(origin.model)}, ${pyString(name)}, ${callText(definition)})` : undefined;
}

/** The flagged call with its field's definition changed (`db_constraint=False`). */
function withDefinition(call: string, origin: DjangoOrigin, change: (definition: PythonCall) => PythonCall): string | undefined {
  const written = origin.field?.definition;
  const definition = written && parseCall(written);
  if (!written || !definition || !call.includes(written)) return undefined;
  return call.replace(written, callText(change(definition)));
}

const nullable = (definition: PythonCall) => withKeyword(definition, 'null', 'True');

function nativeCode(action: SuggestedAction, context: WriteContext<DjangoFacts>): string[] | undefined | typeof UNSUPPORTED {
  const call = djangoCall(context);
  const origin = context.operation.django;
  if (!call || !origin) return undefined;
  const definition = origin.field?.definition ? parseCall(origin.field.definition) : undefined;
  switch (action.kind) {
    case 'stateOnly':
      return [separate([], [call])];
    case 'flagged':
      return action.databaseOnly ? undefined : [call];
    case 'edit':
      return editedCall(action, call, origin, definition, context) ?? UNSUPPORTED;
    case 'statement':
      return statementCode(action.operation, origin, definition);
    case 'addColumnLike': {
      // A new field like the old one, by its definition (a foreign key's column is not its field's name: SQL then).
      if (!definition || keywordValue(definition, 'db_column') !== undefined || /ForeignKey|OneToOneField/.test(definition.callee)) return undefined;
      const added = fieldOperation('AddField', origin, action.column, origin.operation === 'AlterField' || origin.operation === 'RenameField' ? nullable(definition) : definition);
      return added ? [added] : undefined;
    }
    default:
      return undefined;
  }
}

function editedCall(action: Extract<SuggestedAction, { kind: 'edit' }>, call: string, origin: DjangoOrigin, definition: PythonCall | undefined, context: WriteContext<DjangoFacts>): string[] | undefined {
  const edit = action.edit;
  switch (edit.kind) {
    case 'concurrently': {
      const callee = { AddIndex: 'AddIndexConcurrently', RemoveIndex: 'RemoveIndexConcurrently' }[origin.operation];
      const changed = callee && renamed(call, callee);
      return changed ? [changed] : undefined;
    }
    case 'notValid': {
      if (origin.operation === 'AddConstraint' && context.operation.kind === 'addConstraint' && context.operation.constraint.kind === 'check') {
        const changed = renamed(call, 'AddConstraintNotValid');
        return changed ? [changed] : undefined;
      }
      // A foreign key Django adds with its field: the field without its constraint in the database, then the constraint NOT VALID.
      const withoutConstraint = withDefinition(call, origin, (field) => withKeyword(field, 'db_constraint', 'False'));
      const sqlContext = { operation: context.operation, style: PLAIN };
      const sql = actionSql(action, sqlContext)?.[0];
      if (!withoutConstraint || !sql) return undefined;
      return [separate([withoutConstraint], [call]), runSql(deferrable(sql), reverseSql(action, sqlContext))];
    }
    case 'columnDefault': {
      // Django 5's db_default: a default the database keeps, which existing rows take; the field's Python default is the value.
      const filled = context.operation.kind === 'addColumn' && context.operation.column.defaultDroppedAfterFill === true;
      const value = definition && databaseDefault(definition, filled);
      const changed = value !== undefined && withDefinition(call, origin, (field) => withKeyword(field, 'db_default', value));
      return changed ? [changed] : undefined;
    }
    case 'columnWithout': {
      if (origin.operation !== 'AddField') return undefined;
      const changed = withDefinition(call, origin, (field) => withoutParts(field, edit.parts));
      if (!changed) return undefined;
      // A constraint or an index added later by SQL: Django's state records the field as defined.
      return edit.parts.includes('references') || edit.parts.includes('unique') ? [separate([changed], [call])] : [changed];
    }
    default:
      return undefined;
  }
}

/**
 * The field's Python default as a db_default: a literal (`"EUR"`, `0`, `True`, `Decimal("0.00")`), or, for a
 * column Django fills without one (`filled`), the empty string that `blank=True` implies; undefined for a
 * callable (`timezone.now`), which db_default cannot take as it is.
 */
function databaseDefault(definition: PythonCall, filled: boolean): string | undefined {
  const value = keywordValue(definition, 'default');
  if (value === undefined) return filled && keywordValue(definition, 'blank') === 'True' ? '""' : undefined;
  const literal = String.raw`(?:[rRuU]?(?:"[^"\\]*"|'[^'\\]*')|-?\d+(?:\.\d+)?|True|False)`;
  return new RegExp(String.raw`^(?:${literal}|(?:decimal\.)?Decimal\(${literal}\))$`).test(value) ? value : undefined;
}

/** A field's definition without parts of its column (its database default, NOT NULL, UNIQUE). */
function withoutParts(definition: PythonCall, parts: readonly ColumnPart[]): PythonCall {
  let changed = definition;
  if (parts.includes('default')) changed = withoutKeyword(changed, 'db_default');
  if (parts.includes('notNull')) changed = nullable(changed);
  if (parts.includes('unique')) changed = withoutKeyword(changed, 'unique');
  if (parts.includes('references')) changed = withKeyword(changed, 'db_constraint', 'False');
  return changed;
}

function statementCode(operation: Operation, origin: DjangoOrigin, definition: PythonCall | undefined): string[] | undefined {
  const field = origin.field;
  const isField = (column: string) => field !== undefined && (column === field.name || column === `${field.name}_id`);
  switch (operation.kind) {
    case 'validateConstraint':
      return origin.model ? [`ValidateConstraint(${pyString(origin.model)}, ${pyString(operation.name)})`] : undefined;
    case 'setDefault': {
      // The field as defined, still nullable: its database default is set, NOT NULL comes later.
      if (origin.operation !== 'AddField' || !definition || !field || !isField(operation.column)) return undefined;
      const altered = fieldOperation('AlterField', origin, field.name, nullable(definition));
      return altered ? [altered] : undefined;
    }
    case 'setNotNull': {
      if (origin.operation !== 'AddField' || !definition || !field || !isField(operation.column)) return undefined;
      const altered = fieldOperation('AlterField', origin, field.name, definition);
      return altered ? [altered] : undefined;
    }
    case 'dropColumn':
      return field && isField(operation.column) && origin.model ? [`migrations.RemoveField(${pyString(origin.model)}, ${pyString(field.name)})`] : undefined;
    default:
      return undefined;
  }
}

export type { PlacedStep };
