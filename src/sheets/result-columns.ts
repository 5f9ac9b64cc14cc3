/**
 * The per-hospital results table (one row per hospital, every result field that is not
 * monthly), shared by the workbook's hospitals sheets and the hospitals CSV; and the monthly
 * rows (budget, claims, withheld, paid, cumulative deferred).
 */
import Papa from 'papaparse';
import type { HospitalResult, Result } from '../engine/result.ts';
import type { Hospital, Scenario } from '../format/types.ts';
import { parseMoney } from '../engine/money.ts';
import { amountValue, ratioValue, type Kind } from './style.ts';
import { labelOf } from './vocab.ts';
import type { Lang, Unit } from '../display/lang.ts';

export interface ResultColumn {
  zh: string;
  en: string;
  kind: Kind;
  /** Raw value: amount/ratio strings as in the result, text, boolean, or null. */
  get: (r: HospitalResult, h: Hospital | undefined, lang: Lang) => string | boolean | null;
}

const amt = (zh: string, en: string, k: keyof HospitalResult): ResultColumn => ({ zh, en, kind: 'amount', get: (r) => r[k] as string });
const pct = (zh: string, en: string, k: keyof HospitalResult): ResultColumn => ({ zh, en, kind: 'percent', get: (r) => r[k] as string | null });

export const RESULT_COLUMNS: ResultColumn[] = [
  { zh: '机构编码', en: 'Institution code', kind: 'text', get: (r) => r.id },
  { zh: '机构名称', en: 'Name', kind: 'text', get: (_r, h) => h?.name ?? '' },
  { zh: '级别', en: 'Level', kind: 'text', get: (_r, h, l) => (h ? labelOf('level', h.level, l) : '') },
  { zh: '类别', en: 'Category', kind: 'text', get: (_r, h, l) => (h ? labelOf('category', h.category, l) : '') },
  { zh: '机构类型', en: 'Class', kind: 'text', get: (_r, h, l) => (h ? labelOf('class', h.class, l) : '') },
  { zh: '预算池', en: 'Pool', kind: 'text', get: (r) => r.pool },
  { zh: '锁定指标', en: 'Locked', kind: 'bool', get: (r) => r.locked },
  { zh: '权重占比', en: 'Weight share', kind: 'percent', get: (r) => r.weightShare },
  amt('分配指标', 'Allocated target', 'allocatedTarget'),
  amt('服务量核减', 'Volume cut', 'volumeCut'),
  amt('总额控制指标', 'Target', 'target'),
  amt('质量保证金', 'Deposit', 'deposit'),
  amt('全年申报', 'Claims total', 'claimsTotal'),
  { zh: '申报为预测', en: 'Claims projected', kind: 'bool', get: (r) => r.projected },
  amt('核减', 'Deductions', 'deductions'),
  amt('实际发生', 'Actual', 'actual'),
  amt('月度拨付合计', 'Paid (months)', 'paidTotal'),
  amt('暂缓拨付', 'Deferred', 'deferred'),
  amt('结余', 'Surplus', 'surplus'),
  pct('结余率', 'Surplus rate', 'surplusRate'),
  amt('结余留用', 'Reward', 'reward'),
  amt('超支', 'Overspend', 'overspend'),
  pct('超支率', 'Overspend rate', 'overspendRate'),
  amt('合理超支', 'Reasonable overspend', 'reasonableOverspend'),
  amt('基金分担（申请）', 'Fund share claimed', 'fundShareClaimed'),
  amt('基金分担', 'Fund share', 'fundShare'),
  amt('清算应付', 'Due', 'due'),
  pct('保证金返还比例', 'Deposit return ratio', 'qualityRatio'),
  amt('返还保证金', 'Deposit returned', 'depositReturned'),
  amt('扣除保证金', 'Deposit forfeited', 'depositForfeited'),
  amt('预付周转金', 'Advance', 'advance'),
  amt('年终应付', 'Owed', 'owed'),
  amt('清算差额（负数为追回）', 'Balance (negative: recovered)', 'balance'),
];

/** A column's value as a spreadsheet cell: amounts and ratios as numbers. */
export function cellOf(c: ResultColumn, r: HospitalResult, h: Hospital | undefined, lang: Lang, unit: Unit): string | number | null {
  const v = c.get(r, h, lang);
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (c.kind === 'amount') return amountValue(v, unit);
  if (c.kind === 'percent' || c.kind === 'ratio') return ratioValue(v);
  return v;
}

const FORMULA_START = /^[=+@\t\r]|^-(?!\d)/;

/** The hospitals table as CSV: UTF-8 with BOM (so Excel reads Chinese), exact decimal text. */
export function hospitalsCsv(result: Result, scenario: Scenario, lang: Lang): string {
  const byId = new Map(scenario.hospitals.map((h) => [h.id, h]));
  const rows = result.hospitals.map((r) => RESULT_COLUMNS.map((c) => {
    const v = c.get(r, byId.get(r.id), lang);
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
    // A name like "=HYPERLINK(…)" must not become a formula when Excel opens the file.
    return c.kind === 'text' && FORMULA_START.test(v) ? `'${v}` : v;
  }));
  return '\uFEFF' + Papa.unparse([RESULT_COLUMNS.map((c) => c[lang]), ...rows], { newline: '\r\n' }) + '\r\n';
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
