/** `gbsim run FILE`: the fund position and a per-institution settlement table, in the chosen language. */
import { settle, toResult, type Settlement } from '../engine/run.ts';
import { compile } from '../engine/compile.ts';
import type { Model } from '../engine/model.ts';
import { money, percent, plain } from '../display/number.ts';
import { fundName, hospitalName, unitName, word, type HospitalFigure } from '../display/glossary.ts';
import { subtractDecimals, type FundField } from '../engine/compare.ts';
import { fingerprint } from '../engine/fingerprint.ts';
import { renderTable, type Column } from './table.ts';
import { pointsReport } from './points-table.ts';
import type { Result } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';

/** The fund position's rows in order; the sign in front says how a row enters the one above (− G, = P). */
export const FUND_ROWS: [FundField, string][] = [
  ['base', ''],
  ['carveOuts', '− '],
  ['riskReserve', '− '],
  ['globalTarget', '= '],
  ['adjustmentFund', '− '],
  ['allocatable', '= '],
  ['totalDeposit', ''],
  ['totalPaid', ''],
  ['totalDeferred', ''],
  ['fundSharesClaimed', ''],
  ['adjustmentFundUsed', ''],
  ['adjustmentFundTopUp', ''],
  ['adjustmentFundUnused', ''],
  ['hospitalsOwed', ''],
  ['totalBalance', ''],
  ['retainedFromTargets', ''],
  ['expenditure', ''],
  ['openingBalance', ''],
  ['revenue', ''],
  ['closingBalance', ''],
];

/** A fund row's label: "− 风险储备金" / "= Global target". */
export const fundRowLabel = (k: FundField, lang: Lang): string => `${FUND_ROWS.find(([f]) => f === k)?.[1] ?? ''}${fundName(k, lang)}`;

const T = {
  zh: { position: '基金收支', total: '合计', institutions: (n: number) => `${n} 家机构`, amountsIn: (u: string) => `金额单位：${u}`,
    reconciliation: '核对：年度总额控制目标 + 结存补足 = 应付医疗机构 + 指标内基金留存 + 调剂金结余', ok: '到分相符', mismatch: (d: bigint) => `不符（相差 ${d} 分）`,
    fingerprint: '结果指纹' },
  en: { position: 'Fund position', total: 'TOTAL', institutions: (n: number) => `${n} institutions`, amountsIn: (u: string) => `amounts in ${u}`,
    reconciliation: 'Reconciliation: global target + top-up = owed + kept from targets + unused adjustment fund', ok: 'OK to the fen',
      mismatch: (d: bigint) => `MISMATCH (${d} fen)`,
    fingerprint: 'Result fingerprint' },
} as const;

export function fundTable(r: Result, unit: Unit, lang: Lang = 'en'): string {
  const rows = FUND_ROWS.map(([k]) => [fundRowLabel(k, lang), money(r.fund[k] as string, unit)]);
  rows.push([fundName('monthsOfCoverage', lang), plain(r.fund.monthsOfCoverage)]);
  rows.push([fundName('currentSurplusRate', lang), percent(r.fund.currentSurplusRate)]);
  rows.push([fundName('cumulativeSurplusRate', lang), percent(r.fund.cumulativeSurplusRate)]);
  return renderTable([{ header: T[lang].position }, { header: unitName(unit, lang), right: true }], rows);
}

const H_COLS: [HospitalFigure, (h: Result['hospitals'][number]) => string][] = [
  ['target', (h) => h.target],
  ['deposit', (h) => h.deposit],
  ['paidTotal', (h) => h.paidTotal],
  ['deferred', (h) => h.deferred],
  ['actual', (h) => h.actual],
  ['surplus', (h) => subtractDecimals(h.surplus, h.overspend)],
  ['reward', (h) => (h.reward !== '0.00' ? h.reward : h.fundShare)],
  ['depositReturned', (h) => h.depositReturned],
  ['owed', (h) => h.owed],
  ['balance', (h) => h.balance],
];

/** Headers of the columns that combine two figures (surplus / −overspend, reward / fund share). */
const COMBINED: Partial<Record<HospitalFigure, { zh: string; en: string }>> = {
  surplus: { zh: '结余(+)/超支(−)', en: 'Surplus(+)/overspend(−)' },
  reward: { zh: '结余留用/基金分担', en: 'Retained / fund share' },
};

export function hospitalTable(s: Scenario, r: Result, unit: Unit, lang: Lang = 'en'): string {
  const head = (k: HospitalFigure) => COMBINED[k]?.[lang] ?? hospitalName(k, lang);
  const columns: Column[] = [{ header: word('code', lang) }, { header: word('name', lang) }, ...H_COLS.map(([k]) => ({ header: head(k), right: true }))];
  const rows = r.hospitals.map((h, i) => [h.id, s.hospitals[i]?.name ?? '', ...H_COLS.map(([, get]) => money(get(h), unit))]);
  const t = r.fund;
  rows.push([T[lang].total, '', money(t.totalTargets, unit), money(t.totalDeposit, unit), money(t.totalPaid, unit), money(t.totalDeferred, unit), '', '', '',
    '', money(t.hospitalsOwed, unit), money(t.totalBalance, unit)]);
  return renderTable(columns, rows);
}

/** The money-conservation check, shown so a reader can see the totals reconcile to the fen. */
export function reconciliation(r: Result, lang: Lang = 'en'): string {
  const fen = (s: string) => BigInt(s.replace('.', ''));
  const f = r.fund;
  const left = fen(f.globalTarget) + fen(f.adjustmentFundTopUp);
  const right = fen(f.hospitalsOwed) + fen(f.retainedFromTargets) + fen(f.adjustmentFundUnused);
  const t = T[lang];
  return `${t.reconciliation}${lang === 'zh' ? '：' : ': '}${left === right ? t.ok : t.mismatch(left - right)}`;
}

/** A scenario settled: the exact model and year, before any formatting. */
export interface Settled {
  model: Model;
  st: Settlement;
}

/** `model`: the scenario's compile, when the gate has just made it (compile is pure). */
export function settleScenario(s: Scenario, model: Model = compile(s)): Settled {
  return { model, st: settle(model) };
}

/** The full result contract (what the text report, --xlsx and --csv format). */
export function resultOf({ model, st }: Settled): Result {
  return toResult(model, st);
}

export function runReport(s: Scenario, unit: Unit, lang: Lang = 'en', r: Result = resultOf(settleScenario(s))): { text: string; result: Result } {
  const t = T[lang];
  const year = s.meta.year ? (lang === 'zh' ? `（${s.meta.year}年）` : ` (${s.meta.year})`) : '';
  const head = `${s.meta.name}${year} — ${t.institutions(s.hospitals.length)}${lang === 'zh' ? '，' : ', '}${t.amountsIn(unitName(unit, lang))}`;
  const fp = `${t.fingerprint}${lang === 'zh' ? '：' : ': '}${fingerprint(r)}`;
  const points = pointsReport(s, r, unit, lang);
  const text = [head, '', fundTable(r, unit, lang), '', ...(points ? [points, ''] : []), hospitalTable(s, r, unit, lang), '', reconciliation(r, lang),
    fp].join('\n');
  return { text, result: r };
}
