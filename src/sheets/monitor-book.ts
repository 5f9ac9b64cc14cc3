/**
 * The monthly report workbook (每月通报): 执行进度 (every institution's progress to date and
 * projected year-end), 预警 (the warning list), 基金预测 (the fund's projection against its
 * warning line, the thresholds and their sources) and 年中调整 (adjustments with reasons).
 * Used by `gbsim monitor --xlsx` and the app's export; amounts as numbers in the unit.
 */
import type { MonitorReport, MonitorRow, Threshold } from '../engine/monitor.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { FUND_FIGURES as F, HOSPITAL_FIGURES as H, WORDS } from '../display/glossary.ts';
import { amountValue, newWorkbook, ratioValue, sheetName, tableSheet, toBytes, type Col } from './style.ts';

const W = {
  zh: {
    progress: '执行进度', warnings: '预警', fund: '基金预测', adjustments: '年中调整',
    id: WORDS.code.zh, name: WORDS.name.zh, pool: WORDS.pool.zh, target: H.target.zh, adjusted: '年中调整',
    budgetToDate: '累计月度预算', claimsToDate: '累计申报费用', paidToDate: '累计拨付', deferredToDate: '累计暂缓拨付',
    progressRate: '执行进度', projectedClaims: '预计全年费用', projectedActual: '预计实际发生', projectedRate: '预计超支(+)/结余(−)率',
    projectedBalance: '预计年终清算差额', flags: '预警', overspend: '预计超支', deferred: '暂缓拨付累积',
    item: '项目', value: '数值', source: '依据', months: '月份', actual: '实际', projected: '预测',
    asOf: '申报数据截至', overspendRate: '超支预警线', deferredRate: '暂缓拨付预警线', coverageMonths: '可支付月数预警线',
    fBudget: '累计月度预算（全部机构）', fClaims: '累计申报费用', fPaid: '累计拨付', fDeferred: '累计暂缓拨付',
    fExpenditure: '预计全年基金支出', fClosing: '预计期末累计结存', fAfUsed: `预计${F.adjustmentFundUsed.zh}`, fCoverage: `预计${F.monthsOfCoverage.zh}`, fBelow: '低于预警线',
    yes: '是', no: '否', dflt: '默认（DESIGN §10 示例，假设）', hospital: '机构', from: '起始月份', change: '调整额', before: '调整前指标',
    after: '调整后指标', members: '分担机构数', reason: '调整原因', month: (k: number) => `${k}月`,
  },
  en: {
    progress: 'Progress', warnings: 'Warnings', fund: 'Fund projection', adjustments: 'Mid-year adjustments',
    id: WORDS.code.en, name: WORDS.name.en, pool: WORDS.pool.en, target: H.target.en, adjusted: 'Adjusted',
    budgetToDate: 'Budget to date', claimsToDate: 'Claims to date', paidToDate: 'Paid to date', deferredToDate: 'Deferred to date',
    progressRate: 'Progress', projectedClaims: 'Projected claims', projectedActual: 'Projected actual', projectedRate: 'Projected overspend (+) / surplus (−) rate',
    projectedBalance: 'Projected balance due', flags: 'Warnings', overspend: 'projected overspend', deferred: 'deferred claims piling up',
    item: 'Item', value: 'Value', source: 'Source', months: 'Months', actual: 'actual', projected: 'projected',
    asOf: 'Claims known through month', overspendRate: 'Overspend warning line', deferredRate: 'Deferral warning line', coverageMonths: 'Months-of-coverage warning line',
    fBudget: 'Budget to date (all institutions)', fClaims: 'Claims to date', fPaid: 'Paid to date', fDeferred: 'Deferred to date',
    fExpenditure: 'Projected expenditure', fClosing: 'Projected closing balance', fAfUsed: 'Projected adjustment fund used', fCoverage: 'Projected months of coverage', fBelow: 'Below the warning line',
    yes: 'yes', no: 'no', dflt: 'default (DESIGN §10 example, assumption)', hospital: 'Institution', from: 'From month', change: 'Change', before: 'Target before',
    after: 'Target after', members: 'Members absorbing', reason: 'Reason', month: (k: number) => `month ${k}`,
  },
} as const;

export type MonitorWords = (typeof W)[Lang];
export const monitorWords = (lang: Lang): MonitorWords => W[lang];

/** A threshold's source in a line: the document (and article), its status, or the default. */
export function sourceText(t: Threshold, lang: Lang): string {
  if (t.source === null) return t.given ? '' : W[lang].dflt;
  const s = t.source;
  const status = lang === 'zh' ? (s.status === 'official' ? '官方' : '假设') : s.status;
  return [s.document, s.number, s.article, s.date].filter(Boolean).join(' ') + ` (${status})`;
}

export function warningText(r: MonitorRow, lang: Lang): string {
  return r.warnings.map((w) => W[lang][w]).join(lang === 'zh' ? '、' : ', ');
}

export async function monitorWorkbook(name: string, rep: MonitorReport, lang: Lang, unit: Unit): Promise<Uint8Array> {
  const w = W[lang];
  const wb = newWorkbook();
  wb.title = `${name} — ${w.asOf} ${rep.asOf}`;
  const taken = new Set<string>();
  const a = (s: string) => amountValue(s, unit);
  const cols: Col[] = [
    { header: w.id, kind: 'text' }, { header: w.name, kind: 'text', width: 24 }, { header: w.pool, kind: 'text' },
    { header: w.target, kind: 'amount' }, { header: w.budgetToDate, kind: 'amount' }, { header: w.claimsToDate, kind: 'amount' },
    { header: w.paidToDate, kind: 'amount' }, { header: w.deferredToDate, kind: 'amount' }, { header: w.progressRate, kind: 'percent' },
    { header: w.projectedClaims, kind: 'amount' }, { header: w.projectedRate, kind: 'percent' }, { header: w.projectedBalance, kind: 'amount' },
    { header: w.adjusted, kind: 'text' }, { header: w.flags, kind: 'text', width: 24 },
  ];
  const line = (r: MonitorRow) => [
    r.id, r.name, r.pool, a(r.target), a(r.budgetToDate), a(r.claimsToDate), a(r.paidToDate), a(r.deferredToDate), ratioValue(r.progress),
    a(r.projectedClaims), ratioValue(r.projectedRate), a(r.projectedBalance), r.adjusted ? w.yes : '', warningText(r, lang),
  ];
  const progress = tableSheet(wb, sheetName(w.progress, taken), cols, { freezeCols: 2 });
  for (const r of rep.rows) progress.addRow(line(r));
  const warn = tableSheet(wb, sheetName(w.warnings, taken), cols, { freezeCols: 2 });
  for (const i of rep.warningList) warn.addRow(line(rep.rows[i]!));

  const fund = tableSheet(wb, sheetName(w.fund, taken), [{ header: w.item, kind: 'text', width: 34 }, { header: w.value, kind: 'text', width: 20 }, { header: w.source, kind: 'text', width: 40 }]);
  const f = rep.fund;
  const amount = (label: string, v: string) => fund.addRow([label, a(v)]).getCell(2).numFmt = '#,##0.00';
  fund.addRow([w.asOf, rep.asOf]);
  fund.addRow([w.months, rep.months.map((m, k) => `${w.month(k + 1)} ${m === 'actual' ? w.actual : w.projected}`).join(lang === 'zh' ? '，' : ', ')]);
  amount(w.fBudget, f.budgetToDate);
  amount(w.fClaims, f.claimsToDate);
  amount(w.fPaid, f.paidToDate);
  amount(w.fDeferred, f.deferredToDate);
  amount(w.fExpenditure, f.projectedExpenditure);
  amount(w.fClosing, f.projectedClosingBalance);
  amount(w.fAfUsed, f.projectedAdjustmentFundUsed);
  fund.addRow([w.fCoverage, f.projectedMonthsOfCoverage === null ? '—' : Number(f.projectedMonthsOfCoverage)]).getCell(2).numFmt = '0.00';
  fund.addRow([w.fBelow, f.belowWarningLine ? w.yes : w.no]);
  const t = rep.thresholds;
  fund.addRow([w.overspendRate, Number(t.overspendRate.value), sourceText(t.overspendRate, lang)]).getCell(2).numFmt = '0.00%';
  fund.addRow([w.deferredRate, Number(t.deferredRate.value), sourceText(t.deferredRate, lang)]).getCell(2).numFmt = '0.00%';
  fund.addRow([w.coverageMonths, Number(t.coverageMonths.value), sourceText(t.coverageMonths, lang)]).getCell(2).numFmt = '0.00';

  const adj = tableSheet(wb, sheetName(w.adjustments, taken), [
    { header: w.hospital, kind: 'text' }, { header: w.from, kind: 'count' }, { header: w.change, kind: 'amount' },
    { header: w.before, kind: 'amount' }, { header: w.after, kind: 'amount' }, { header: w.members, kind: 'count' }, { header: w.reason, kind: 'text', width: 40 },
  ]);
  for (const x of rep.adjustments) adj.addRow([x.hospital, x.from, a(x.change), a(x.targetBefore), a(x.targetAfter), x.members, x.reason]);
  return toBytes(wb);
}
