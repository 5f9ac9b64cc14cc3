/**
 * Exact money and rates at the edges of the engine.
 *
 * Amounts are integer fen held in JS numbers (exact up to 2^53 fen ≈ 90 trillion yuan);
 * rates are exact decimals held as scaled bigints. Products of an amount and a rate are
 * computed in bigint and rounded half-up (四舍五入, away from zero on .5) back to fen.
 * Files, worker messages and results carry decimal strings; only this module converts.
 */
import { numberToPlain, RATE_DP, RATE_RE } from '../format/numbers.ts';

/** Integer number of fen (0.01 yuan). */
export type Fen = number & { readonly __fen: unique symbol };

/** An exact decimal: value = num / 10^RATE_DP. */
export type Rate = bigint & { readonly __rate: unique symbol };

export { RATE_DP };
export const RATE_ONE = (10n ** BigInt(RATE_DP)) as Rate;


export class MoneyError extends Error {}

export const fen = (n: number): Fen => n as Fen;
export const ZERO = 0 as Fen;

/** "1234.5" → 123450 fen. Throws on anything but a plain decimal with ≤ 2 decimals. */
export function parseMoney(s: string): Fen {
  // Hand-rolled scan: this runs ~15 times per institution per recompute.
  const n = s.length;
  let i = 0;
  let neg = false;
  if (n > 0 && s.charCodeAt(0) === 45) { neg = true; i = 1; }
  let v = 0;
  let intDigits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    intDigits++;
  }
  let frac = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    const d1 = i + 1 < n ? s.charCodeAt(i + 1) - 48 : -1;
    const d2 = i + 2 < n ? s.charCodeAt(i + 2) - 48 : -1;
    if (d1 < 0 || d1 > 9 || (i + 2 < n && (d2 < 0 || d2 > 9))) throw new MoneyError(`not an amount: ${JSON.stringify(s)}`);
    frac = d1 * 10 + (i + 2 < n ? d2 : 0);
    i += i + 2 < n ? 3 : 2;
  }
  if (i !== n || intDigits === 0 || intDigits > 13) throw new MoneyError(`not an amount: ${JSON.stringify(s)}`);
  const f = v * 100 + frac;
  return (neg && f !== 0 ? -f : f) as Fen;
}

/** 123450 → "1234.50"; always two decimals, "-" for negatives. */
export function formatMoney(f: Fen | number): string {
  if (!Number.isSafeInteger(f)) throw new MoneyError(`amount out of exact range: ${f}`);
  const a = f < 0 ? -f : f;
  const sign = f < 0 ? '-' : '';
  // `| 0` keeps the pieces small integers: stringifying a double is many times slower.
  const frac = (a % 100) | 0;
  const fs = frac < 10 ? `.0${frac}` : `.${frac}`;
  const int = (a - frac) / 100;
  if (int < 1e9) return sign + (int | 0) + fs;
  // Past the small-integer range V8 stringifies doubles slowly; print two small halves.
  const lo = int % 1e9;
  const hi = (int - lo) / 1e9;
  return `${sign}${hi}${String(lo | 0).padStart(9, '0')}${fs}`;
}

/**
 * formatMoney(f) written as ASCII bytes into `out` at `at`, without building a string (the JSON of
 * a 100,000-institution result holds ~8 million amounts); returns the offset after it. Digits
 * come from small integers: the remainder of a double is a slow library call.
 */
export function writeMoney(out: Uint8Array, at: number, f: Fen | number): number {
  if (!Number.isSafeInteger(f)) throw new MoneyError(`amount out of exact range: ${f}`);
  const a = f < 0 ? -f : f;
  let p = at;
  if (f < 0) out[p++] = 45;
  // yuan = ⌊a / 100⌋ and the fen, corrected where the quotient was rounded up.
  let yuan = Math.floor(a / 100);
  let frac = a - yuan * 100;
  if (frac < 0) { yuan -= 1; frac += 100; }
  if (yuan < 1e9) p = writeDigits(out, p, yuan | 0, 0);
  else {
    let hi = Math.floor(yuan / 1e9);
    let lo = yuan - hi * 1e9;
    if (lo < 0) { hi -= 1; lo += 1e9; }
    p = writeDigits(out, writeDigits(out, p, hi | 0, 0), lo | 0, 9);
  }
  out[p++] = 46;
  out[p++] = 48 + ((frac / 10) | 0);
  out[p++] = 48 + ((frac | 0) % 10);
  return p;
}

/** A non-negative small integer in decimal, left-padded with zeros to `width` digits. */
function writeDigits(out: Uint8Array, at: number, x: number, width: number): number {
  let len = 1;
  for (let t = x; t >= 10; t = (t / 10) | 0) len++;
  if (len < width) len = width;
  const end = at + len;
  let q = end;
  for (let k = 0; k < len; k++) {
    const d = x % 10;
    out[--q] = 48 + d;
    x = ((x - d) / 10) | 0;
  }
  return end;
}

/** Decimal string or finite number → Rate. Numbers go through their shortest decimal form. */
export function parseRate(v: string | number): Rate {
  const s = typeof v === 'number' ? numberToPlain(v) : v.trim();
  if (!RATE_RE.test(s)) throw new MoneyError(`not a decimal number with at most ${RATE_DP} decimals: ${JSON.stringify(v)}`);
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const r = BigInt(int) * RATE_ONE + BigInt(frac.padEnd(RATE_DP, '0'));
  return (neg ? -r : r) as Rate;
}

/** parseRate with a small cache: scenarios repeat the same few rates and scores per institution. */
const rateCache = new Map<string | number, Rate>();
export function parseRateCached(v: string | number): Rate {
  let r = rateCache.get(v);
  if (r === undefined) {
    r = parseRate(v);
    if (rateCache.size > 50_000) rateCache.clear();
    rateCache.set(v, r);
  }
  return r;
}

/** Rate → shortest decimal string ("0.1", "1", "-0.05"). */
export function formatRate(r: Rate | bigint): string {
  const neg = r < 0n;
  const a = neg ? -r : r;
  const int = a / RATE_ONE;
  const frac = (a % RATE_ONE).toString().padStart(RATE_DP, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}

/** Round num/den half-up (away from zero on exact halves) to an integer. den > 0. */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const a = neg ? -num : num;
  const q = a / den;
  const r = a - q * den;
  const out = 2n * r >= den ? q + 1n : q;
  return neg ? -out : out;
}

/**
 * A rate as a reduced fraction p/q with q a power of ten, when small enough for exact
 * double arithmetic (p, q ≤ 2^20); cached because policies reuse a handful of rates.
 */
const fracCache = new Map<bigint, readonly [number, number] | null>();
function smallFraction(rate: bigint): readonly [number, number] | null {
  let hit = fracCache.get(rate);
  if (hit !== undefined) return hit;
  let p = rate;
  let q = RATE_ONE as bigint;
  while (q > 1n && p % 10n === 0n) { p /= 10n; q /= 10n; }
  const LIM = 1n << 20n;
  hit = p <= LIM && p >= -LIM && q <= LIM ? [Number(p), Number(q)] as const : null;
  if (fracCache.size < 10_000) fracCache.set(rate, hit);
  return hit;
}

/** round(a × p / q) half-up, exact for |a × p| < 2^53, q > 0. */
export function mulDivSmall(a: number, p: number, q: number): number {
  const x = a * p;
  const ax = x < 0 ? -x : x;
  let d = Math.floor(ax / q);
  let r = ax - d * q;
  if (r < 0) { d -= 1; r += q; } else if (r >= q) { d += 1; r -= q; }
  const out = 2 * r >= q ? d + 1 : d;
  return x < 0 ? 0 - out : out + 0; // never -0
}

/** round(amount × rate) to the fen. */
export function mulRate(amount: Fen | number, rate: Rate): Fen {
  if (rate === RATE_ONE) return amount as Fen;
  if (rate === 0n) return ZERO;
  const f = smallFraction(rate);
  if (f !== null && Math.abs(amount) * Math.abs(f[0]) <= Number.MAX_SAFE_INTEGER) return mulDivSmall(amount, f[0], f[1]) as Fen;
  return Number(divRoundHalfUp(BigInt(amount) * rate, RATE_ONE)) as Fen;
}

/**
 * round(amount × num / den) to the fen, for ratios of two amounts or counts; in doubles when
 * the counts are plain numbers and the product stays exact (a volume against its floor).
 */
export function mulRatio(amount: Fen | number, num: bigint | number, den: bigint | number): Fen {
  if (den <= 0) throw new MoneyError('ratio with a non-positive denominator');
  if (typeof num === 'number' && typeof den === 'number' && Math.abs(amount * num) <= Number.MAX_SAFE_INTEGER / 2) {
    return mulDivSmall(amount, num, den) as Fen;
  }
  return Number(divRoundHalfUp(BigInt(amount) * BigInt(num), BigInt(den))) as Fen;
}

/** Greatest common divisor of two non-negative bigints (gcd(0, 0) = 0). */
export function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** a/b as a decimal string rounded half-up to `dp` places; null when b is 0. */
export function ratioString(a: bigint, b: bigint, dp = 4): string | null {
  if (b === 0n) return null;
  if (dp === 4 && a >= 0n && b > 0n && a < 1n << 35n && b < 1n << 52n) return formatRatio4(ratio4Small(Number(a), Number(b)));
  const small = smallRatioDigits(a, b, dp);
  if (small !== null) return small;
  const scale = 10n ** BigInt(dp);
  const neg = (a < 0n) !== (b < 0n);
  const q = divRoundHalfUp((a < 0n ? -a : a) * scale, b < 0n ? -b : b);
  const int = q / scale;
  const frac = (q % scale).toString().padStart(dp, '0');
  return `${neg && q !== 0n ? '-' : ''}${int}.${frac}`;
}

const SMALL_A = 1n << 52n;
const SMALL_B = 1n << 49n;

/** a/b to `dp` decimals by ratioDigitsSmall when a and b are in its range, else null (the bigint division's to do). */
export function smallRatioDigits(a: bigint, b: bigint, dp: number): string | null {
  return a >= 0n && b > 0n && a < SMALL_A && b < SMALL_B && dp >= 1 && dp <= 12 ? ratioDigitsSmall(Number(a), Number(b), dp) : null;
}

/**
 * a/b to `dp` decimals, half-up, for 0 ≤ a < 2^52, 0 < b < 2^49, 1 ≤ dp ≤ 12, by long division in
 * doubles: every product and remainder stays below 2^53, so each digit is exact (what the bigint
 * division gives, at a tenth of its cost: a weight share per institution in every result).
 */
export function ratioDigitsSmall(a: number, b: number, dp: number): string {
  let int = Math.floor(a / b);
  let r = a - int * b;
  if (r < 0) { int -= 1; r += b; } else if (r >= b) { int += 1; r -= b; }
  let frac = 0;
  for (let k = 0; k < dp; k++) {
    r *= 10;
    let d = Math.floor(r / b);
    let rest = r - d * b;
    if (rest < 0) { d -= 1; rest += b; } else if (rest >= b) { d += 1; rest -= b; }
    frac = frac * 10 + d;
    r = rest;
  }
  const one = 10 ** dp;
  if (2 * r >= b) frac += 1;
  if (frac === one) { frac = 0; int += 1; }
  return `${int}.${String(frac).padStart(dp, '0')}`;
}

/** ratioString of two amounts in fen, without a detour through bigint when they are small. */
export function ratioOfAmounts(a: number, b: number): string | null {
  const q = ratio4Units(a, b);
  return q === null ? null : Number.isSafeInteger(q) ? formatRatio4(q) : ratioString(BigInt(a), BigInt(b));
}

/**
 * a/b in units of 10^-4, rounded half-up (what ratioString shows to 4 decimals), as an integer;
 * null when b is 0; ±Infinity when the quotient is past the exact range of a double.
 */
export function ratio4Units(a: number, b: number): number | null {
  if (b === 0) return null;
  if (a >= 0 && b > 0 && a < 2 ** 35 && b < 2 ** 52) return ratio4Small(a, b);
  const neg = (a < 0) !== (b < 0);
  const q = divRoundHalfUp(BigInt(Math.abs(a)) * 10000n, BigInt(Math.abs(b)));
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) return neg ? -Infinity : Infinity;
  return neg && q !== 0n ? -Number(q) : Number(q);
}

/** An integer number of 10^-4 units as ratioString prints it ("0.0123", "-1.5000"). */
export function formatRatio4(q: number): string {
  const a = Math.abs(q);
  const frac = a % 10000;
  return `${q < 0 ? '-' : ''}${(a - frac) / 10000}.${String(frac).padStart(4, '0')}`;
}

/** a/b ≥ 0 in 10^-4 units, half-up, in doubles: a·10^4 < 2^49 keeps every step exact. */
function ratio4Small(a: number, b: number): number {
  const x = a * 10000;
  let q = Math.floor(x / b);
  let r = x - q * b;
  if (r < 0) { q -= 1; r += b; } else if (r >= b) { q += 1; r -= b; }
  return 2 * r >= b ? q + 1 : q;
}

/** Σ of amounts; checks the result is still exact. */
export function sum(xs: ArrayLike<Fen | number>): Fen {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  if (!Number.isSafeInteger(s)) throw new MoneyError('sum of amounts exceeds exact range');
  return s as Fen;
}

export const minFen = (a: Fen, b: Fen): Fen => (a < b ? a : b);
export const maxFen = (a: Fen, b: Fen): Fen => (a > b ? a : b);
