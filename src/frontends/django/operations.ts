import type { PyOf, PyValue } from './python';
import { type DjangoField, lastName, readField, stringArgument } from './fields';

/** Reading the arguments of Django's migration operations and of the objects they take (Index, constraints, Q). */

export type Call = PyOf<'call'>;

/** An argument by keyword, or at its position (Django's operations take both). */
export function argument(call: Call, keyword: string, position: number): PyValue | undefined {
  return call.kwargs.get(keyword) ?? call.args[position];
}

export function stringAt(call: Call, keyword: string, position: number): string | undefined {
  return stringArgument(argument(call, keyword, position));
}

/** `[("name", models.CharField(...)), …]` → the fields, and the items that are not a literal pair. */
export function fieldList(value: PyValue | undefined, source: string): { fields: Array<{ field: DjangoField; at: PyValue }>; unreadable: PyValue[] } {
  const fields: Array<{ field: DjangoField; at: PyValue }> = [];
  const unreadable: PyValue[] = [];
  if (value?.kind !== 'list') return { fields, unreadable: value ? [value] : [] };
  for (const item of value.items) {
    const [name, call] = item.kind === 'list' ? item.items : [];
    if (name?.kind === 'string' && call?.kind === 'call') fields.push({ field: readField(name.text.text, call, source), at: item });
    else unreadable.push(item);
  }
  return { fields, unreadable };
}

/** `{"a", "b"}`, `[("a", "b")]`, `("a", "b")` (a single set), `set([("a", "b")])` (older makemigrations) → lists of field names. */
export function fieldSets(value: PyValue | undefined): string[][] {
  if (value?.kind === 'call' && COLLECTION_CALLS.has(value.callee) && value.args.length <= 1 && value.kwargs.size === 0) return fieldSets(value.args[0]);
  if (!value || value.kind !== 'list') return [];
  if (value.items.every((item) => item.kind === 'string')) return [value.items.map((item) => (item.kind === 'string' ? item.text.text : ''))];
  return value.items.flatMap((item) =>
    item.kind === 'list' && item.items.every((name) => name.kind === 'string') ? [item.items.map((name) => (name.kind === 'string' ? name.text.text : ''))] : [],
  );
}

/** Python's collection constructors: `set()` is empty, `set([...])` holds the list's items. */
const COLLECTION_CALLS = new Set(['set', 'frozenset', 'tuple', 'list']);

/** Whether `fieldSets` reads the whole value: nothing, None, or literal field names only (a name or a comprehension is not). */
export function readsAsFieldSets(value: PyValue | undefined): boolean {
  if (value?.kind === 'call' && COLLECTION_CALLS.has(value.callee) && value.args.length <= 1 && value.kwargs.size === 0) return readsAsFieldSets(value.args[0]);
  if (!value || value.kind === 'none') return true;
  if (value.kind !== 'list') return false;
  return value.items.every((item) => item.kind === 'string' || (item.kind === 'list' && item.items.every((name) => name.kind === 'string')));
}

export function stringList(value: PyValue | undefined): string[] {
  if (!value || value.kind !== 'list') return [];
  return value.items.flatMap((item) => (item.kind === 'string' ? [item.text.text] : []));
}

export function dictEntry(value: PyValue | undefined, key: string): PyValue | undefined {
  if (value?.kind !== 'dict') return undefined;
  return value.entries.find(([name]) => name.kind === 'string' && name.text.text === key)?.[1];
}

/** An index (`models.Index`, `GinIndex`, …) as Django creates it. */
export interface IndexSpec {
  name?: string;
  fields: string[];
  /** `condition=Q(…)`: a partial index; positional expressions: an expression index. */
  partial: boolean;
  expressions: boolean;
  indexClass: string;
}

export function readIndex(value: PyValue | undefined): IndexSpec | undefined {
  if (value?.kind !== 'call') return undefined;
  return {
    name: stringArgument(value.kwargs.get('name')),
    fields: stringList(value.kwargs.get('fields')).map((field) => field.replace(/^-/, '')),
    partial: value.kwargs.has('condition'),
    expressions: value.args.length > 0,
    indexClass: lastName(value.callee),
  };
}

/** A constraint of `Meta.constraints` or `AddConstraint`. */
export interface ConstraintSpec {
  name?: string;
  kind: 'unique' | 'check' | 'exclusion' | 'unknown';
  fields: string[];
  /** Django builds a unique constraint with a condition, expressions, include or opclasses as a unique index. */
  asIndex: boolean;
  /** `CheckConstraint(condition=Q(field__isnull=False))`: that field. */
  checksNotNullOf?: string;
}

export function readConstraint(value: PyValue | undefined): ConstraintSpec | undefined {
  if (value?.kind !== 'call') return undefined;
  const className = lastName(value.callee);
  const name = stringArgument(value.kwargs.get('name'));
  if (className === 'UniqueConstraint') {
    const asIndex = ['condition', 'include', 'opclasses', 'nulls_distinct'].some((key) => value.kwargs.has(key)) || value.args.length > 0;
    return { name, kind: 'unique', fields: stringList(value.kwargs.get('fields')), asIndex };
  }
  if (className === 'CheckConstraint') {
    const condition = value.kwargs.get('condition') ?? value.kwargs.get('check');
    return { name, kind: 'check', fields: [], asIndex: false, checksNotNullOf: notNullField(condition) };
  }
  if (className === 'ExclusionConstraint') return { name, kind: 'exclusion', fields: [], asIndex: false };
  return { name, kind: 'unknown', fields: [], asIndex: false };
}

/** `Q(total__isnull=False)` or `Q(("total__isnull", False))` → `total`. */
function notNullField(condition: PyValue | undefined): string | undefined {
  if (condition?.kind !== 'call' || lastName(condition.callee) !== 'Q') return undefined;
  const lookups: Array<[string, PyValue]> = [...condition.kwargs];
  for (const arg of condition.args) {
    if (arg.kind === 'list' && arg.items.length === 2 && arg.items[0].kind === 'string') lookups.push([arg.items[0].text.text, arg.items[1]]);
    else return undefined;
  }
  if (lookups.length !== 1) return undefined;
  const [lookup, value] = lookups[0];
  const match = /^(\w+?)__isnull$/.exec(lookup);
  return match && value.kind === 'bool' && !value.value ? match[1] : undefined;
}
