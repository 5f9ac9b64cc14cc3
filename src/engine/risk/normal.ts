/**
 * Standard normals from 32-bit outputs, with only IEEE-exact operations (+ − × ÷, sqrt,
 * floor), so every JavaScript engine gives the same bits: Math.log and Math.exp are not
 * specified to the last bit and differ between V8 versions (Node and Chromium).
 *
 * Method: Marsaglia & Tsang's ziggurat (J. Stat. Software 5(8), 2000) with 128 layers, its
 * tables computed here at load from their r and v with our own `ln` and `exp`. One change,
 * after Doornik (2005): an output gives the layer from its low 7 bits and the position in the
 * layer from its other 25 bits, so the two never share bits.
 */

const LN2 = 0.6931471805599453; // the double nearest ln 2
const SQRT_HALF = 0.7071067811865476; // the double nearest √½
// ln 2 split for exact range reduction (fdlibm's): k·LN2_HI is exact for |k| < 2^20.
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/**
 * Natural logarithm of x > 0: x = m·2^k with m in [√½, √2) by exact multiplications by powers
 * of two; ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716, summed to s²¹ (the next term
 * is below 10^-17 of the sum). Relative error about 2·10^-16.
 */
export function ln(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? Infinity : NaN;
  let k = 0;
  let m = x;
  while (m < 2.3283064365386963e-10) { m *= 4294967296; k -= 32; }
  while (m >= 4294967296) { m /= 4294967296; k += 32; }
  while (m < SQRT_HALF) { m *= 2; k -= 1; }
  while (m >= 2 * SQRT_HALF) { m /= 2; k += 1; }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  const p = 1 + s2 * (1 / 3 + s2 * (1 / 5 + s2 * (1 / 7 + s2 * (1 / 9 + s2 * (1 / 11
    + s2 * (1 / 13 + s2 * (1 / 15 + s2 * (1 / 17 + s2 * (1 / 19 + s2 / 21)))))))));
  return k * LN2 + 2 * s * p;
}

/**
 * e^x for |x| ≤ 700: x = k·ln 2 + r with |r| ≤ ½ ln 2 (Cody–Waite), e^r by its Taylor series to
 * r¹⁴ (the rest is below 10^-17), then exact scaling by 2^k. Relative error about 3·10^-16.
 */
export function exp(x: number): number {
  if (!(x >= -700 && x <= 700)) return x > 700 ? Infinity : x < -700 ? 0 : NaN;
  const k = Math.floor(x / LN2 + 0.5);
  const r = x - k * LN2_HI - k * LN2_LO;
  let e = 1;
  let term = 1;
  for (let j = 1; j <= 14; j++) {
    term = (term * r) / j;
    e += term;
  }
  for (let n = k; n > 0; n--) e *= 2;
  for (let n = k; n < 0; n++) e /= 2;
  return e;
}

/** The ziggurat's base: where the tail starts, and the area of every layer (for f(x) = e^{−x²/2}). */
export const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const POS = 16777216; // 2^24: positions in a layer are (j + ½)/2^24, j a signed 25-bit integer

/**
 * Layer i (1…127; 0 is the base with the tail): x-extent X[i] = WN[i]·2^24; a position |j + ½|
 * below KN[i] is inside the layer's rectangle under the curve (accepted at once); F[i] = f(X[i]).
 */
const KN = new Float64Array(128);
const WN = new Float64Array(128);
const F = new Float64Array(128);
{
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * POS;
  KN[1] = 0;
  WN[0] = q / POS;
  WN[127] = dn / POS;
  F[0] = 1;
  F[127] = exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * ln(ZIG_V / dn + exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * POS;
    tn = dn;
    F[i] = exp(-0.5 * dn * dn);
    WN[i] = dn / POS;
  }
}

/** What the ziggurat needs of a generator: uint32 outputs. */
export interface Source {
  next(): number;
}

const U32 = 2.3283064365386963e-10; // 2^-32
/** A uniform in (0, 1) from one output: (x + ½)/2^32, never 0 or 1. */
const uniform = (src: Source): number => (src.next() + 0.5) * U32;

/**
 * A standard normal from `first` (a uint32 already drawn from `src`) and, in about 1.2% of
 * cases, further outputs of `src`. The fast path is in `Stream.normal` (rng.ts); this is the
 * rest of the ziggurat: the wedges and the tail.
 */
export function zigguratSlow(first: number, src: Source): number {
  let u = first | 0;
  for (;;) {
    const i = u & 127;
    const j = (u >> 7) + 0.5;
    const x = j * WN[i]!;
    if (i === 0) {
      // The tail beyond r (Marsaglia 1964): x = −ln(U₁)/r, accepted when −2 ln U₂ > x².
      let t: number, y: number;
      do {
        t = -ln(uniform(src)) / ZIG_R;
        y = -ln(uniform(src));
      } while (y + y < t * t);
      return j > 0 ? ZIG_R + t : -ZIG_R - t;
    }
    if (F[i]! + uniform(src) * (F[i - 1]! - F[i]!) < exp(-0.5 * x * x)) return x;
    u = src.next() | 0;
    const k = u & 127;
    const jk = (u >> 7) + 0.5;
    if ((jk < 0 ? -jk : jk) < KN[k]!) return jk * WN[k]!;
  }
}

/** The fast path, shared with rng.ts: the normal for output u, or NaN when the slow path must decide. */
export function zigguratFast(u: number): number {
  const i = u & 127;
  const j = (u >> 7) + 0.5;
  return (j < 0 ? -j : j) < KN[i]! ? j * WN[i]! : NaN;
}

/**
 * The largest |normal| this can give: the tail's r − ln(2^-33)/r (its smallest uniform is
 * 2^-33). Bounds the claims a draw can reach.
 */
export const NORMAL_BOUND = ZIG_R - ln(0.5 * U32) / ZIG_R;
