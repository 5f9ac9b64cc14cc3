/**
 * Exact decimal strings ↔ scaled bigints: points in 10^-4 units, amounts in fen (10^-2).
 * Never through a float: the digits are read as digits.
 */

export const POINT_DP = 4;
export const MONEY_DP = 2;

const PLAIN = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** "12.5" at dp 4 → 125000n; null when not a plain decimal or when it has more than dp decimals. */
export function parseScaled(s: string, dp: number): bigint | null {
  const m = PLAIN.exec(s.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > dp) return null;
  const v = BigInt(m[2]! + frac.padEnd(dp, '0'));
  return m[1] === '-' ? -v : v;
}

/** 125000n at dp 4 → "12.5000"; always dp decimals. */
export function formatScaled(v: bigint, dp: number): string {
  const neg = v < 0n;
  const a = (neg ? -v : v).toString().padStart(dp + 1, '0');
  const int = a.slice(0, a.length - dp);
  return `${neg ? '-' : ''}${int}${dp > 0 ? '.' + a.slice(a.length - dp) : ''}`;
}

export const formatPoints = (units: bigint): string => formatScaled(units, POINT_DP);
export const formatFen = (fen: bigint): string => formatScaled(fen, MONEY_DP);

/** A non-negative decimal as an exact reduced fraction num/den. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** "0.5" → 1/2, "2" → 2/1, "1.25" → 5/4; null when not a plain non-negative decimal (≤ 12 decimals). */
export function parseRatio(s: string): Ratio | null {
  const m = PLAIN.exec(s.trim());
  if (!m || m[1] === '-') return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > 12) return null;
  const num = BigInt(m[2]! + frac);
  const den = 10n ** BigInt(frac.length);
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

/** ⌊a / b⌋ for b > 0 (bigint division truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** ⌈a / b⌉ for b > 0. */
export const ceilDiv = (a: bigint, b: bigint): bigint => -floorDiv(-a, b);

/** num/den rounded half-up (四舍五入: away from zero on exact halves) to an integer; den > 0. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const a = neg ? -num : num;
  const q = (2n * a + den) / (2n * den);
  return neg ? -q : q;
}
