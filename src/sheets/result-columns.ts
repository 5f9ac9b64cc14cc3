/**
 * The per-hospital results table (one row per hospital, every result field that is not
 * monthly), shared by the workbook's hospitals sheets and the hospitals CSV; and the monthly
 * rows (budget, claims, withheld, paid, cumulative deferred).
 */
import Papa from 'papaparse';
import type { HospitalResult, Result } from '../engine/result.ts';
import type { Hospital, Scenario } from '../format/types.ts';
import { parseMoney } from '../engine/money.ts';
import { amountValue, csvSafe, ratioValue, type Kind } from './style.ts';
import { labelOf } from './vocab.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { HOSPITAL_FIGURES, WORDS, unitName, type HospitalFigure } from '../display/glossary.ts';
import { shiftPoint } from '../display/number.ts';

export interface ResultColumn {
  zh: string;
  en: string;
  kind: Kind;
  /** Raw value: amount/ratio strings as in the result, text, boolean, or null. */
  get: (r: HospitalResult, h: Hospital | undefined, lang: Lang, pools?: ReadonlyMap<string, string>) => string | boolean | null;
}

const amt = (k: HospitalFigure & keyof HospitalResult): ResultColumn => ({ ...HOSPITAL_FIGURES[k], kind: 'amount', get: (r) => r[k] as string });
const pct = (k: HospitalFigure & keyof HospitalResult): ResultColumn => ({ ...HOSPITAL_FIGURES[k], kind: 'percent', get: (r) => r[k] as string | null });

export const RESULT_COLUMNS: ResultColumn[] = [
  { ...WORDS.code, kind: 'text', get: (r) => r.id },
  { ...WORDS.name, kind: 'text', get: (_r, h) => h?.name ?? '' },
  { ...WORDS.level, kind: 'text', get: (_r, h, l) => (h ? labelOf('level', h.level, l) : '') },
  { ...WORDS.category, kind: 'text', get: (_r, h, l) => (h ? labelOf('category', h.category, l) : '') },
  { ...WORDS.klass, kind: 'text', get: (_r, h, l) => (h ? labelOf('class', h.class, l) : '') },
  // The pool by its name (the file's pools), not its id.
  { ...HOSPITAL_FIGURES.pool, kind: 'text', get: (r, _h, _l, pools) => pools?.get(r.pool) ?? r.pool },
  { ...HOSPITAL_FIGURES.locked, kind: 'bool', get: (r) => r.locked },
  { ...HOSPITAL_FIGURES.weightShare, kind: 'percent', get: (r) => r.weightShare },
  amt('allocatedTarget'),
  amt('volumeCut'),
  amt('target'),
  amt('deposit'),
  amt('claimsTotal'),
  { ...HOSPITAL_FIGURES.projected, kind: 'bool', get: (r) => r.projected },
  amt('deductions'),
  amt('actual'),
  amt('paidTotal'),
  amt('deferred'),
  amt('surplus'),
  pct('surplusRate'),
  amt('reward'),
  amt('overspend'),
  pct('overspendRate'),
  amt('reasonableOverspend'),
  amt('fundShareClaimed'),
  amt('fundShare'),
  amt('due'),
  pct('qualityRatio'),
  amt('depositReturned'),
  amt('depositForfeited'),
  amt('advance'),
  amt('owed'),
  amt('balance'),
];

/**
 * The columns of a pool settled by points (DESIGN §7), after the weight share: the points, their
 * share of the pool's, what a point-value cap kept, the payment rate (支付率 E / A). Only in a
 * result with such a pool, so a table of targets alone stays as it was.
 */
export const POINTS_COLUMNS: ResultColumn[] = [
  { ...HOSPITAL_FIGURES.points, kind: 'points', get: (r) => r.points },
  { ...HOSPITAL_FIGURES.projectedPoints, kind: 'points', get: (r) => r.projectedPoints },
  { ...HOSPITAL_FIGURES.pointShare, kind: 'percent', get: (r) => r.pointShare },
  amt('pointCapCut'),
  { ...HOSPITAL_FIGURES.paymentRate, kind: 'percent', get: (r) => r.paymentRate },
];

/** The result's columns: RESULT_COLUMNS, with POINTS_COLUMNS after the weight share when a pool is settled by points. */
export function resultColumns(result: Result): ResultColumn[] {
  if (!result.fund.pools.some((p) => p.settlement === 'points')) return RESULT_COLUMNS;
  const at = RESULT_COLUMNS.findIndex((c) => c.zh === HOSPITAL_FIGURES.weightShare.zh) + 1;
  return [...RESULT_COLUMNS.slice(0, at), ...POINTS_COLUMNS, ...RESULT_COLUMNS.slice(at)];
}

/** A column's value as a spreadsheet cell: amounts and ratios as numbers. */
export function cellOf(c: ResultColumn, r: HospitalResult, h: Hospital | undefined, lang: Lang, unit: Unit, pools?: ReadonlyMap<string,
  string>): string | number | null {
  const v = c.get(r, h, lang, pools);
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (c.kind === 'amount') return amountValue(v, unit);
  if (c.kind === 'percent' || c.kind === 'ratio' || c.kind === 'points') return ratioValue(v);
  return v;
}

/** Pool id → its name in the file (the name is what a reader sees; an unnamed pool keeps its id). */
export function poolNames(s: Scenario): Map<string, string> {
  return new Map((s.policy.pools ?? []).map((p) => [p.id, p.name || p.id]));
}

/** A column's CSV header with its unit: 总额控制指标（万元）, 结余率（%）. */
export function csvHeader(c: ResultColumn, lang: Lang, unit: Unit): string {
  const u = c.kind === 'amount' ? unitName(unit, lang) : c.kind === 'percent' ? '%' : '';
  return u ? (lang === 'zh' ? `${c.zh}（${u}）` : `${c.en} (${u})`) : c[lang];
}

/**
 * The hospitals table as CSV: UTF-8 with BOM (so Excel reads Chinese), exact decimal text;
 * amounts in the unit chosen (万元 keeps every digit: 4 more decimals), rates as percentages,
 * each header saying its unit.
 */
export function hospitalsCsv(result: Result, scenario: Scenario, lang: Lang, unit: Unit = 'yuan'): string {
  const byId = new Map(scenario.hospitals.map((h) => [h.id, h]));
  const pools = poolNames(scenario);
  const columns = resultColumns(result);
  const rows = result.hospitals.map((r) => columns.map((c) => {
    const v = c.get(r, byId.get(r.id), lang, pools);
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
    // Every cell, whatever its column: a name like "=HYPERLINK(…)" must not become a formula when Excel opens the file.
    return csvSafe(c.kind === 'amount' && unit === 'wan' ? shiftPoint(v, -4) : c.kind === 'percent' ? shiftPoint(v, 2) : v);
  }));
  return '\uFEFF' + Papa.unparse([columns.map((c) => csvSafe(csvHeader(c, lang, unit))), ...rows], { newline: '\r\n' }) + '\r\n';
}

export type MonthlyItem = 'monthlyBudget' | 'claims' | 'withheld' | 'paid' | 'deferred';

export const MONTHLY_ITEMS: { key: MonthlyItem; zh: string; en: string }[] = [
  { key: 'monthlyBudget', zh: '月度预算', en: 'Monthly budget' },
  { key: 'claims', zh: '申报', en: 'Claims' },
  { key: 'withheld', zh: '按月预留保证金', en: 'Withheld deposit' },
  { key: 'paid', zh: '拨付', en: 'Paid' },
  { key: 'deferred', zh: '累计暂缓拨付', en: 'Deferred (cumulative)' },
];

/**
 * Twelve monthly amounts (fen) of an item, and its year figure. Cumulative deferred at month
 * m is Σ claims − Σ payable up to m, where payable = paid + withheld; at month 12 it equals
 * the hospital's `deferred`.
 */
export function monthlyFen(r: HospitalResult, item: MonthlyItem): { months: number[]; year: number } {
  const f = (xs: string[]) => xs.map(parseMoney) as number[];
  if (item !== 'deferred') {
    const months = f(r[item]);
    return { months, year: months.reduce((a, b) => a + b, 0) };
  }
  const claims = f(r.claims);
  const paid = f(r.paid);
  const withheld = f(r.withheld);
  let c = 0;
  let p = 0;
  const months = claims.map((x, m) => {
    c += x;
    p += paid[m]! + withheld[m]!;
    return c - p;
  });
  return { months, year: months[11] ?? 0 };
}
