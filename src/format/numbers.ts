/**
 * How amounts and rates are written in a file (scenarios/README.md, "Writing amounts and
 * rates"): the one definition the schema checks and the engine parses against.
 */
/** Decimals a rate may carry (the engine's exact scale for rates is 10^-RATE_DP). */
export const RATE_DP = 12;

/** An amount: at most 13 digits before the point and 2 after (yuan, exact to the fen). */
export const MONEY_RE = /^-?\d{1,13}(\.\d{1,2})?$/;
/** A rate: at most 12 digits before the point and RATE_DP after. */
export const RATE_RE = /^-?\d{1,12}(\.\d{1,12})?$/;

/** Points (分值/点数): non-negative, at most 12 digits before the point and 4 after. */
export const POINTS_DP = 4;
export const POINTS_RE = /^\d{1,12}(\.\d{1,4})?$/;

export function isPointsString(s: string): boolean {
  return POINTS_RE.test(s);
}

export function isMoneyString(s: string): boolean {
  return MONEY_RE.test(s);
}

export function isRateLike(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && RATE_RE.test(numberToPlain(v));
  return typeof v === 'string' && RATE_RE.test(v.trim());
}

/**
 * A JSON number as the plain decimal it stands for (no exponent), from its shortest decimal
 * text (what the file most likely says: 1e-7 → "0.0000001", 5e-324 → 0.000…005 with 324
 * decimals, which the rate check then refuses by name rather than reading it as 0).
 */
export function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', exp] = m;
  const digits = int! + frac;
  const point = int!.length + Number(exp);
  const plain = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) :
    `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + plain.replace(/^0+(?=\d)/, '');
}
