/**
 * Display of exact decimal strings: thousands separators, 元 or 万元, percentages, signs (one
 * minus sign, U+2212 "−", everywhere text is shown: the app, the brief, the command line).
 * Everything works on the digits of the string (moving the decimal point, rounding half-up on
 * digits); no value ever passes through binary floating point. The only display module.
 */
import type { Unit } from './lang.ts';


interface Parts {
  neg: boolean;
  int: string;
  frac: string;
}

function parts(s: string): Parts {
  let t = s.trim();
  const neg = t.startsWith('-');
  if (neg || t.startsWith('+')) t = t.slice(1);
  const [int = '0', frac = ''] = t.split('.');
  return { neg, int: int.replace(/^0+(?=\d)/, '') || '0', frac };
}

/** Move the decimal point: shift(“12345.6”, -4) = “1.23456”. */
export function shiftPoint(s: string, places: number): string {
  const p = parts(s);
  let digits = p.int + p.frac;
  let point = p.int.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(point).replace(/0+$/, '');
  return `${p.neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Round half-up (away from zero on .5) to `dp` decimals, on the digits; always `dp` decimals. */
export function roundDec(s: string, dp: number): string {
  const p = parts(s);
  const frac = p.frac.padEnd(dp + 1, '0');
  let kept = (p.int + frac.slice(0, dp)).split('').map(Number);
  if (Number(frac[dp]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0) {
      if (kept[i]! < 9) {
        kept[i]! += 1;
        break;
      }
      kept[i] = 0;
      i--;
    }
    if (i < 0) kept = [1, ...kept];
  }
  const all = kept.join('');
  const int = all.slice(0, all.length - dp).replace(/^0+(?=\d)/, '') || '0';
  const f = all.slice(all.length - dp);
  const zero = /^0*$/.test(int + f);
  return `${p.neg && !zero ? '-' : ''}${int}${dp ? `.${f}` : ''}`;
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1234567.8" → "1,234,567.80"; keeps the sign; `signed` adds "+" to positives. */
export function grouped(s: string, dp: number, signed = false): string {
  const r = roundDec(s, dp);
  const p = parts(r);
  const zero = /^[0.]*$/.test(p.int + p.frac);
  const sign = p.neg ? '−' : signed && !zero ? '+' : '';
  return `${sign}${group(p.int)}${dp ? `.${p.frac}` : ''}`;
}

const AMOUNT = /^(-?)(0|[1-9]\d*)\.(\d\d)$/;

/** An amount in yuan (decimal string) shown in the chosen unit, two decimals. */
export function money(s: string | null | undefined, unit: Unit, signed = false): string {
  if (s === null || s === undefined || s === '') return '—';
  // Fast path for the usual two-decimal amount (every table cell): same digits, fewer steps.
  const m = AMOUNT.exec(s);
  if (m) return unit === 'wan' ? wan(m[1] === '-', m[2]!, m[3]!, signed) : shown(m[1] === '-', m[2]!, m[3]!, signed);
  return grouped(unit === 'wan' ? shiftPoint(s, -4) : s, 2, signed);
}

function shown(neg: boolean, int: string, frac: string, signed: boolean): string {
  const zero = int === '0' && frac === '00';
  return `${neg && !zero ? '−' : signed && !zero ? '+' : ''}${group(int)}.${frac}`;
}

/** Fen digits in 万元 with two decimals, rounded half-up on the next digit (as roundDec does). */
function wan(neg: boolean, int: string, frac: string, signed: boolean): string {
  const d = int === '0' ? frac.replace(/^0(?=\d)/, '') : int + frac;
  const padded = d.length < 5 ? d.padStart(5, '0') : d;
  let q = padded.slice(0, -4);
  if (padded.charCodeAt(padded.length - 4) >= 53) q = increment(q);
  const qq = q.length < 3 ? q.padStart(3, '0') : q;
  return shown(neg, qq.slice(0, -2).replace(/^0+(?=\d)/, ''), qq.slice(-2), signed);
}

/** A string of digits plus one. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i);
}

/** A ratio string ("0.0523") as a percentage ("5.23%"). */
export function percent(s: string | null | undefined, dp = 2, signed = false): string {
  if (s === null || s === undefined || s === '') return '—';
  return `${grouped(shiftPoint(s, 2), dp, signed)}%`;
}

/**
 * A ratio string as an exact percentage with at least `minDp` decimals: "0.08" → "8.00%",
 * "0.0275" → "2.75%", "0.00125" → "0.125%" (never rounded: a parameter's value as the file keeps it).
 */
export function percentExact(s: string | null | undefined, minDp = 2): string {
  if (s === null || s === undefined || s === '') return '—';
  const t = shiftPoint(s, 2);
  return `${grouped(t, Math.max(minDp, t.split('.')[1]?.length ?? 0))}%`;
}

/** A ratio string shown as a plain number with `dp` decimals (months of coverage). */
export function plain(s: string | null | undefined, dp = 2): string {
  if (s === null || s === undefined || s === '') return '—';
  return grouped(s, dp);
}

/** Sign of a decimal string: -1, 0 or 1. */
export function sign(s: string | null | undefined): -1 | 0 | 1 {
  if (!s) return 0;
  const p = parts(s);
  if (/^[0]*$/.test((p.int + p.frac).replace(/\./g, ''))) return 0;
  return p.neg ? -1 : 1;
}

/** Compare two decimal strings exactly (for sorting). */
export function compareDec(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const pa = parts(a);
  const pb = parts(b);
  const sa = sign(a);
  const sb = sign(b);
  if (sa !== sb) return sa - sb;
  const len = Math.max(pa.frac.length, pb.frac.length);
  const ia = pa.int.padStart(pb.int.length, '0') + pa.frac.padEnd(len, '0');
  const ib = pb.int.padStart(pa.int.length, '0') + pb.frac.padEnd(len, '0');
  const c = ia < ib ? -1 : ia > ib ? 1 : 0;
  return sa < 0 ? -c : c;
}

/** A difference of two rates ("0.0001") in percentage points: "+0.01 个百分点" / "+0.01 pp". */
export function pointsChange(s: string | null | undefined, lang: 'zh' | 'en', dp = 2): string {
  if (s === null || s === undefined || s === '') return '—';
  return `${grouped(shiftPoint(s, 2), dp, true)}${lang === 'zh' ? ' 个百分点' : ' pp'}`;
}
