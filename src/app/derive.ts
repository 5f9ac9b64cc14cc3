/**
 * Exact differences between scenarios for the comparison view: decimal strings in, decimal
 * strings out, through bigint; or integer fen in (exact as doubles up to 2^53), decimal out.
 */
import { formatMoney } from '../engine/money.ts';
import { subtractDecimals } from '../display/number.ts';

/** b − a exactly; null when either is missing. */
export function diff(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a === null || a === undefined || b === null || b === undefined || a === '' || b === '') return null;
  return subtractDecimals(b, a);
}

/** b − a of two amounts in integer fen, as a decimal string; null when either is missing. */
export function fenDiff(a: number | undefined, b: number | undefined): string | null {
  return a === undefined || b === undefined ? null : formatMoney(b - a);
}

/** Index of each hospital id in a column of ids. */
export function indexById(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => m.set(id, i));
  return m;
}
