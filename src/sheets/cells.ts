/**
 * One cell → one typed value, or a reason in both languages.
 *
 * Amounts: a number cell is accepted when it is a whole number of fen up to float noise
 * (within 64 units in the last place, which is what spreadsheet arithmetic such as
 * `=A1*1.1` leaves behind) and written as an exact 2-decimal string (1234.5 → "1234.50").
 * A number with a real third decimal (1234.567) is refused, not rounded: the user decides.
 * Text amounts may carry ¥/元, spaces and thousands separators ("¥1,234.50"); in a 万元
 * column up to 6 decimals are allowed (exactly convertible to fen).
 */
import { formatMoney } from '../engine/money.ts';
import { cleanText, type Bilingual } from './vocab.ts';
import type { ColumnType } from './columns.ts';

/** What a cell holds after unwrapping formulas, rich text and hyperlinks. */
export type CellValue = string | number | boolean | Date | { error: string } | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Bilingual };

const fail = (zh: string, en: string): { ok: false; reason: Bilingual } => ({ ok: false, reason: { zh, en } });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const REASONS = {
  required: fail('必填，不能为空', 'required, must not be empty'),
  notAmount: fail('不是金额', 'not an amount'),
  negative: fail('不能为负数', 'must not be negative'),
  decimals: fail('金额最多两位小数（到分）', 'an amount has at most 2 decimals (fen)'),
  decimalsWan: fail('万元金额最多六位小数（到分）', 'an amount in 10k yuan has at most 6 decimals (fen)'),
  tooLarge: fail('金额过大', 'amount too large'),
  date: fail('是日期，不是数值', 'is a date, not a number'),
  notCount: fail('不是非负整数', 'not a whole number ≥ 0'),
  notScore: fail('不是 0–100 之间的分数', 'not a score between 0 and 100'),
  notRate: fail('不是比率（如 5% 或 0.05）', 'not a rate (like 5% or 0.05)'),
  rateRange: fail('增长率必须大于 -100%', 'growth must be greater than -100%'),
  notBool: fail('应为「是」或「否」', 'must be yes or no'),
  notNumber: fail('不是数值', 'not a number'),
  tooLong: (n: number) => fail(`超过 ${n} 个字符`, `longer than ${n} characters`),
  cellError: (e: string) => fail(`单元格错误 ${e}`, `cell error ${e}`),
  noFormulaResult: fail('公式没有计算结果（请在表格程序中重新计算并保存）', 'formula has no calculated value (recalculate and save in the spreadsheet program)'),
} as const;

const NOT_SPACE = /[^\s\u00a0\u3000]/;

/** Is the cell empty (null, or only whitespace)? */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && !NOT_SPACE.test(v));
}

/** The cell as the user sees it, for reports. */
export function display(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return v.error;
  return String(v);
}

/** The error value read.ts gives a formula cell saved without its calculated result. */
export const FORMULA_WITHOUT_RESULT = 'formula';

const FEN_NOISE = 2 ** -46;

/** Number → fen, refusing real sub-fen digits. */
function numberToFen(n: number, scale: number): Parsed<number> {
  if (!Number.isFinite(n)) return REASONS.notAmount;
  if (n < 0) return REASONS.negative;
  const f = n * 100 * scale;
  const c = Math.round(f);
  if (Math.abs(f - c) > Math.max(1e-6, Math.abs(f) * FEN_NOISE)) return scale === 1 ? REASONS.decimals : REASONS.decimalsWan;
  if (c >= 1e15) return REASONS.tooLarge;
  return ok(c);
}

/** Text → fen, exactly (decimal string arithmetic, no floats). */
const PLAIN_YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

function textToFen(raw: string, scale: number): Parsed<number> {
  const plain = scale === 1 ? PLAIN_YUAN.exec(raw) : null; // the common case, fast
  if (plain) return ok(Number(plain[1]) * 100 + Number((plain[2] ?? '').padEnd(2, '0')));
  let s = raw.normalize('NFKC').replace(/[\s\u00a0]/g, '').replace(/^(¥|rmb|cny)/i, '').replace(/(元|rmb|cny)$/i, '');
  const neg = /^\((.*)\)$/.exec(s)?.[1] ?? (s.startsWith('-') ? s.slice(1) : null);
  if (neg !== null) return textToFen(neg, scale).ok ? REASONS.negative : REASONS.notAmount;
  s = s.replace(/^\+/, '');
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return REASONS.notAmount;
    s = s.replace(/,/g, '');
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return REASONS.notAmount;
  const intPart = m[1] || '0';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  const places = scale === 1 ? 2 : 6;
  if (frac.length > places) return scale === 1 ? REASONS.decimals : REASONS.decimalsWan;
  const digits = (intPart + frac.padEnd(places, '0')).replace(/^0+(?=\d)/, '');
  // With 2 places (yuan) or 6 places (万元) the digits are a whole number of fen.
  if (digits.length > 15) return REASONS.tooLarge;
  return ok(Number(digits));
}

/** An amount cell → "1234.50" (yuan, 2 decimals). */
export function parseAmount(v: CellValue, scale: 1 | 10000 = 1): Parsed<string> {
  const r = typeof v === 'number' ? numberToFen(v, scale) : typeof v === 'string' ? textToFen(v, scale) : v instanceof Date ? REASONS.date : REASONS.notAmount;
  return r.ok ? ok(formatMoney(r.value)) : r;
}

/** A plain decimal number in text: "1,200", "12.5", "-3". */
function textNumber(raw: string): number | null {
  let s = raw.normalize('NFKC').replace(/[\s\u00a0]/g, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function asNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return textNumber(v);
  return null;
}

export function parseCount(v: CellValue): Parsed<number> {
  if (v instanceof Date) return REASONS.date;
  const n = asNumber(v);
  if (n === null || n < 0 || !Number.isSafeInteger(Math.round(n)) || Math.abs(n - Math.round(n)) > 1e-9) return REASONS.notCount;
  return ok(Math.round(n));
}

export function parseScore(v: CellValue): Parsed<number> {
  if (v instanceof Date) return REASONS.date;
  const n = asNumber(v);
  if (n === null || n < 0 || n > 100) return REASONS.notScore;
  return ok(n);
}

export function parseNumber(v: CellValue): Parsed<number> {
  if (v instanceof Date) return REASONS.date;
  const n = asNumber(v);
  return n === null ? REASONS.notNumber : ok(n);
}

/** Shortest decimal text of a number, at most 12 decimals, no exponent. */
export function numberToDecimal(n: number): string {
  let s = String(n);
  if (/e/i.test(s) || (s.split('.')[1]?.length ?? 0) > 12) s = n.toFixed(12);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Move the decimal point of a plain decimal string two places left (percent → ratio). */
function percentToDecimal(s: string): string {
  const neg = s.startsWith('-');
  const [i = '0', f = ''] = s.replace(/^[-+]/, '').split('.');
  const digits = (i.padStart(3, '0') + f).replace(/^0+(?=\d)/, '');
  const pos = digits.length - f.length - 2;
  const whole = pos > 0 ? digits.slice(0, pos) : '0';
  const frac = (pos > 0 ? digits.slice(pos) : '0'.repeat(-pos) + digits).replace(/0+$/, '');
  const out = `${whole.replace(/^0+(?=\d)/, '')}${frac ? '.' + frac : ''}`;
  return neg && out !== '0' ? `-${out}` : out;
}

/** "+.50" → "0.5", "5." → "5", "-0" → "0": canonical form of a plain decimal string. */
function plainDecimal(s: string): string {
  const neg = s.startsWith('-');
  const [i = '', f = ''] = s.replace(/^[-+]/, '').split('.');
  const whole = i.replace(/^0+(?=\d)/, '') || '0';
  const frac = f.replace(/0+$/, '');
  const out = `${whole}${frac ? '.' + frac : ''}`;
  return neg && out !== '0' ? `-${out}` : out;
}

/** A rate: 0.05, "5%", "5.5 %", "-3%" → decimal string ("0.05"). */
export function parseRate(v: CellValue): Parsed<string> {
  if (v instanceof Date) return REASONS.date;
  let out: string | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) out = numberToDecimal(v);
  else if (typeof v === 'string') {
    const s = v.normalize('NFKC').replace(/[\s\u00a0]/g, '');
    const pct = /^([-+]?(?:\d+\.?\d*|\.\d+))%$/.exec(s);
    if (pct) out = percentToDecimal(pct[1]!.replace(/^\+/, ''));
    else if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) out = plainDecimal(s);
  }
  if (out === null || !/^-?\d{1,12}(\.\d{1,12})?$/.test(out)) return REASONS.notRate;
  if (Number(out) <= -1) return REASONS.rateRange;
  return ok(out);
}

const TRUE = new Set(['是', '√', '✓', '✔', 'y', 'yes', 'true', '1', '有', '是的', 't']);
const FALSE = new Set(['否', '×', '✗', '✘', 'n', 'no', 'false', '0', '无', '不', 'f']);

export function parseBool(v: CellValue): Parsed<boolean> {
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') return v === 1 ? ok(true) : v === 0 ? ok(false) : REASONS.notBool;
  if (typeof v === 'string') {
    const s = v.normalize('NFKC').trim().toLowerCase();
    if (TRUE.has(s)) return ok(true);
    if (FALSE.has(s)) return ok(false);
  }
  return REASONS.notBool;
}

/** Text (names, codes): numbers are written plainly (1001, not 1001.0). */
export function parseText(v: CellValue, max: number): Parsed<string> {
  if (v instanceof Date) return REASONS.date;
  if (v === null || typeof v === 'object') return REASONS.required;
  const s = typeof v === 'number' ? numberToDecimal(v) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : cleanText(v);
  if (!s) return REASONS.required;
  if (s.length > max) return REASONS.tooLong(max);
  return ok(s);
}

/** Dispatch by column type (text types return strings; the caller maps vocabularies). */
export function parseCell(type: ColumnType, v: CellValue, scale: 1 | 10000): Parsed<string | number | boolean> {
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) return v.error === FORMULA_WITHOUT_RESULT ? REASONS.noFormulaResult :
    REASONS.cellError(v.error);
  switch (type) {
    case 'id': return parseText(v, 100);
    case 'text': return parseText(v, 200);
    case 'amount': return parseAmount(v, scale);
    case 'count': return parseCount(v);
    case 'score': return parseScore(v);
    case 'rate': return parseRate(v);
    case 'bool': return parseBool(v);
    case 'number': return parseNumber(v);
  }
}
