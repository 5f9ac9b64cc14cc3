/**
 * The monthly report workbook (每月通报): 执行进度 (every institution's progress to date and
 * projected year-end), 预警 (the warning list), 基金预测 (the fund's projection against its
 * warning line, the thresholds and their sources) and 年中调整 (adjustments with reasons).
 * Used by `gbsim monitor --xlsx` and the app's export; amounts as numbers in the unit.
 */
import type { MonitorReport, MonitorRow, Threshold } from '../engine/monitor.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { FUND_FIGURES as F, HOSPITAL_FIGURES as H, MONITOR_WORDS as M, WORDS } from '../display/glossary.ts';
import { amountValue, newWorkbook, ratioValue, sheetName, tableSheet, toBytes, type Col } from './style.ts';

/** The report's words: names from the one glossary (MONITOR_WORDS), a few phrases of its own. */
function words(lang: Lang) {
  const g = (k: keyof typeof M) => M[k][lang];
  return {
    progress: g('progress'), warnings: g('warnings'), fund: g('fundProjection'), adjustments: lang === 'zh' ? g('adjustment') : g('adjustments'),
    id: WORDS.code[lang], name: WORDS.name[lang], pool: WORDS.pool[lang], target: H.target[lang], adjusted: lang === 'zh' ? g('adjustment') : 'Adjusted',
    budgetToDate: g('budgetToDate'), claimsToDate: g('claimsToDate'), paidToDate: g('paidToDate'), deferredToDate: g('deferredToDate'),
    progressRate: g('progress'), projectedClaims: g('projectedClaims'), projectedActual: g('projectedActual'), projectedRate: g('projectedRate'),
    projectedBalance: g('projectedBalance'), flags: g('warnings'), overspend: g('overspendWarning'), deferred: g('deferredWarning'),
    item: lang === 'zh' ? '项目' : 'Item', value: lang === 'zh' ? '数值' : 'Value', source: lang === 'zh' ? '依据' : 'Source',
    months: lang === 'zh' ? '月份' : 'Months', actual: g('actualMonth'), projected: g('projectedMonth'),
    asOf: g('asOf'), overspendRate: g('overspendLine'), deferredRate: g('deferredLine'), coverageMonths: g('coverageLine'),
    fBudget: lang === 'zh' ? `${g('budgetToDate')}（全部机构）` : `${g('budgetToDate')} (all institutions)`, fClaims: g('claimsToDate'), fPaid: g('paidToDate'),
    fDeferred: g('deferredToDate'), fExpenditure: g('projectedExpenditure'), fClosing: g('projectedClosing'),
    fAfUsed: lang === 'zh' ? `预计${F.adjustmentFundUsed.zh}` : 'Projected adjustment fund used', fCoverage: g('projectedCoverage'), fBelow: g('belowLine'),
    yes: lang === 'zh' ? '是' : 'yes', no: lang === 'zh' ? '否' : 'no',
    dflt: lang === 'zh' ? '默认值（假设，可在方案中修改）' : 'default (an assumption; can be changed in the scenario)',
    hospital: lang === 'zh' ? '机构' : 'Institution', from: g('adjustFrom'), change: g('adjustChange'), before: g('targetBefore'),
    after: g('targetAfter'), members: g('absorbing'), reason: g('reason'), month: (k: number) => (lang === 'zh' ? `${k}月` : `month ${k}`),
    pointsToDate: g('pointsToDate'), projectedYearPoints: g('projectedYearPoints'), projectedPointValue: g('projectedPointValue'),
  };
}
const W = { zh: words('zh'), en: words('en') } as const;

export type MonitorWords = ReturnType<typeof words>;
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

  const fund = tableSheet(wb, sheetName(w.fund, taken), [{ header: w.item, kind: 'text', width: 34 }, { header: w.value, kind: 'text', width: 20 },
    { header: w.source, kind: 'text', width: 40 }]);
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
  // Pools settled by points: points to date, the projected year's points and point value (元/分).
  for (const p of rep.points) {
    fund.addRow([`${p.name} · ${w.pointsToDate}`, Number(p.pointsToDate)]).getCell(2).numFmt = '#,##0.0000';
    fund.addRow([`${p.name} · ${w.projectedYearPoints}`, Number(p.projectedPoints)]).getCell(2).numFmt = '#,##0.0000';
    fund.addRow([`${p.name} · ${w.projectedPointValue}`, p.projectedPointValue === null ? '—' : Number(p.projectedPointValue)]).getCell(2).numFmt = '0.0000';
  }

  const adj = tableSheet(wb, sheetName(w.adjustments, taken), [
    { header: w.hospital, kind: 'text' }, { header: w.from, kind: 'count' }, { header: w.change, kind: 'amount' },
    { header: w.before, kind: 'amount' }, { header: w.after, kind: 'amount' }, { header: w.members, kind: 'count' },
      { header: w.reason, kind: 'text', width: 40 },
  ]);
  for (const x of rep.adjustments) adj.addRow([x.hospital, x.from, a(x.change), a(x.targetBefore), a(x.targetAfter), x.members, x.reason]);
  return toBytes(wb);
}
