/** Row problems as bits of one integer per row: the SQL sets them, the report reads them back. */
import type { CaseColumn, RowProblemKind } from './types.ts';

export interface ProblemBit {
  bit: number;
  kind: RowProblemKind;
  column: CaseColumn;
}

const DEFS: [RowProblemKind, CaseColumn][] = [
  ['missing', 'institution'], ['unknownInstitution', 'institution'],
  ['missing', 'group'], ['unknownGroup', 'group'],
  ['missing', 'cost'], ['unparsable', 'cost'], ['negative', 'cost'],
  ['missing', 'fund'], ['unparsable', 'fund'], ['negative', 'fund'],
  ['missing', 'month'], ['unparsable', 'month'], ['monthRange', 'month'], ['otherYear', 'month'],
  ['unparsable', 'special'], ['negative', 'special'],
];

export const PROBLEM_BITS: readonly ProblemBit[] = DEFS.map(([kind, column], i) => ({ bit: 1 << i, kind, column }));

export function bitOf(kind: RowProblemKind, column: CaseColumn): number {
  const b = PROBLEM_BITS.find((p) => p.kind === kind && p.column === column);
  if (!b) throw new Error(`no problem bit for ${kind}/${column}`);
  return b.bit;
}
