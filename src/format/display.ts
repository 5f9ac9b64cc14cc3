/**
 * Display of exact decimal strings: thousands separators, 元 or 万元. Works on the digits
 * (never through a float), so what is shown is the engine's figure, rounded only where the
 * unit asks for it (万元 to 2 decimals, half-up).
 */
export type Unit = 'yuan' | 'wan';

/** "1234567.8" → "1,234,567.80" style grouping of a plain decimal string. */
export function groupDigits(s: string): string {
  const neg = s.startsWith('-');
  const [int = '0', frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Shift a decimal string by 10^-k and round half-up to dp places. */
export function shiftRound(s: string, k: number, dp: number): string {
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const pointAt = int.length - k; // position of the decimal point within digits of int+frac
  const padded = pointAt <= 0 ? '0'.repeat(1 - pointAt) + int + frac : int + frac;
  const p = Math.max(pointAt, 1);
  let whole = BigInt(padded.slice(0, p) || '0');
  const rest = padded.slice(p);
  const kept = rest.slice(0, dp).padEnd(dp, '0');
  let scaled = whole * 10n ** BigInt(dp) + BigInt(kept || '0');
  if ((rest[dp] ?? '0') >= '5') scaled += 1n;
  const scale = 10n ** BigInt(dp);
  whole = scaled / scale;
  const f = (scaled % scale).toString().padStart(dp, '0');
  const out = dp > 0 ? `${whole}.${f}` : `${whole}`;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** An amount in yuan (decimal string) for display in the chosen unit, grouped. */
export function formatAmount(yuan: string, unit: Unit = 'yuan'): string {
  return groupDigits(unit === 'wan' ? shiftRound(yuan, 4, 2) : yuan);
}

/** A ratio string ("0.1234") as a percentage ("12.34%"); "—" for null. */
export function formatPercent(r: string | null, dp = 2): string {
  if (r === null) return '—';
  return `${shiftRound(r, -2, dp)}%`;
}

function scaled(s: string, dp: number): bigint {
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(int || '0') * 10n ** BigInt(dp) + BigInt((frac + '0'.repeat(dp)).slice(0, dp) || '0');
  return neg ? -v : v;
}

function unscaled(v: bigint, dp: number): string {
  const neg = v < 0n;
  const a = (neg ? -v : v).toString().padStart(dp + 1, '0');
  return `${neg ? '-' : ''}${a.slice(0, a.length - dp)}${dp ? `.${a.slice(a.length - dp)}` : ''}`;
}

const decimals = (s: string) => (s.split('.')[1] ?? '').length;

/** a − b of two decimal strings, exact, with as many decimals as the longer of the two. */
export function subtractDecimals(a: string, b: string): string {
  const dp = Math.max(decimals(a), decimals(b));
  return unscaled(scaled(a, dp) - scaled(b, dp), dp);
}

/** a − b of two amounts (decimal strings with 2 decimals), exact. */
export const subtractAmounts = (a: string, b: string): string => subtractDecimals(a, b);
