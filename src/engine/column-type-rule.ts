import type { ColumnType } from '../model/operations';
import { declaredColumnTypes, qualifiedName } from './operation-helpers';
import type { RuleContext, Visitor } from './rule';

/** Reports every declared column whose type matches, on any table (new tables included: the type outlives them). */
export function columnTypeVisitor(context: RuleContext, matches: (type: ColumnType) => boolean): Visitor {
  return {
    anyOperation(operation) {
      for (const declared of declaredColumnTypes(operation)) {
        if (!matches(declared.type)) continue;
        const at = declared.location ? { location: declared.location, anchorLine: operation.anchorLine } : operation;
        context.report(at, {
          table: qualifiedName(declared.table),
          column: declared.column,
          detail: declared.type.name,
        });
      }
    },
  };
}
