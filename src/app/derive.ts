/**
 * Exact differences between scenarios for the comparison view: decimal strings in, decimal
 * strings out, through bigint; or integer fen in (exact as doubles up to 2^53), decimal out.
 */
import { formatMoney } from '../engine/money.ts';

function scaled(s: string, dp: number): bigint {
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(int || '0') * 10n ** BigInt(dp) + BigInt((frac + '0'.repeat(dp)).slice(0, dp) || '0');
  return neg ? -v : v;
}

function unscaled(v: bigint, dp: number): string {
  const neg = v < 0n;
  const a = (neg ? -v : v).toString().padStart(dp + 1, '0');
  const int = a.slice(0, a.length - dp);
  const frac = a.slice(a.length - dp);
  return `${neg ? '-' : ''}${int}${dp ? `.${frac}` : ''}`;
}

const decimals = (s: string) => (s.split('.')[1] ?? '').length;

/** b − a exactly; null when either is missing. */
export function diff(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a === null || a === undefined || b === null || b === undefined || a === '' || b === '') return null;
  const dp = Math.max(decimals(a), decimals(b));
  return unscaled(scaled(b, dp) - scaled(a, dp), dp);
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
