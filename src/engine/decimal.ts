/**
 * Exact decimal values of swept parameters: bigints scaled by 10^12 (the finest precision a
 * file's rates have), so a range's values are computed without floating point and printed
 * back as the shortest decimal string. Amounts fit too (13 digits before the point).
 */

export const DEC_DP = 12;
export const DEC_ONE = 10n ** BigInt(DEC_DP);

const DEC_RE = /^-?\d{1,13}(\.\d{1,12})?$/;

/** "0.05" / 0.05 / "-1.5" → scaled bigint; null when not a plain decimal of that size. */
export function parseDecimal(v: string | number): bigint | null {
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    s = String(v);
    if (/e/i.test(s)) s = v.toFixed(DEC_DP).replace(/\.?0+$/, '');
  } else s = v.trim();
  if (!DEC_RE.test(s)) return null;
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const x = BigInt(int) * DEC_ONE + BigInt(frac.padEnd(DEC_DP, '0'));
  return neg ? -x : x;
}

/** Scaled bigint → shortest decimal string ("0.1", "3", "-0.025"). */
export function formatDecimal(x: bigint): string {
  const neg = x < 0n;
  const a = neg ? -x : x;
  const frac = (a % DEC_ONE).toString().padStart(DEC_DP, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${a / DEC_ONE}${frac ? `.${frac}` : ''}`;
}

/** Scaled bigint → a decimal string with exactly `dp` decimals (rounded half-up). */
export function formatFixed(x: bigint, dp: number): string {
  const r = roundDecimal(x, dp);
  const neg = r < 0n;
  const a = neg ? -r : r;
  const unit = 10n ** BigInt(DEC_DP - dp);
  const q = a / unit;
  const scale = 10n ** BigInt(dp);
  const int = q / scale;
  const frac = dp > 0 ? `.${(q % scale).toString().padStart(dp, '0')}` : '';
  return `${neg && q !== 0n ? '-' : ''}${int}${frac}`;
}

/** Round a scaled value half-up (away from zero on exact halves) to `dp` decimals. */
export function roundDecimal(x: bigint, dp: number): bigint {
  if (dp >= DEC_DP) return x;
  const unit = 10n ** BigInt(DEC_DP - dp);
  const neg = x < 0n;
  const a = neg ? -x : x;
  let q = a / unit;
  if (2n * (a - q * unit) >= unit) q += 1n;
  return (neg ? -q : q) * unit;
}

/** Decimals a scaled value needs (0–12). */
export function decimalsOf(x: bigint): number {
  const s = formatDecimal(x);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** a × b of two scaled values, rounded half-up to `dp` decimals. */
export function mulDecimal(a: bigint, b: bigint, dp: number): bigint {
  const p = a * b; // scale 10^24
  const unit = DEC_ONE * 10n ** BigInt(DEC_DP - dp);
  const neg = p < 0n;
  const m = neg ? -p : p;
  let q = m / unit;
  if (2n * (m - q * unit) >= unit) q += 1n;
  return (neg ? -q : q) * 10n ** BigInt(DEC_DP - dp);
}
