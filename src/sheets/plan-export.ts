/**
 * The app's planning workbooks (issue 12): several years (run again here, exactly, from the
 * scenario shown and the ones compared: the same paths and fingerprints the page shows), sweeps and tornados (the page's
 * results), and a Monte Carlo summary (percentiles and the institutions' probabilities; the
 * histograms and every draw's figures, as `gbsim risk --xlsx` has them). Numbers are numbers with formats.
 */
import { yearsOutcome } from '../engine/years-outcome.ts';
import { issueLine } from '../workspace/issue-text.ts';
import type { RiskSummary, Distribution } from '../engine/risk/summary.ts';
import type { RiskMeta } from '../engine/risk/prepare.ts';
import type { RiskParams } from '../engine/risk/params.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { sweepWorkbook, type SweepSheet } from './analysis-export.ts';
import { yearsBook, type YearsBookEntry } from './years-book.ts';
import { newWorkbook, sheetName, tableSheet, toBytes } from './style.ts';

/** A scenario to run over its years, by name; `problem`: why it cannot be opened (scenario null). */
export interface YearsExport { name: string; scenario: Scenario | null; problem?: string }

/**
 * The scenario shown first, then the compared ones (each under its own `analysis.years`, as the
 * years tab runs them): one scenario's sheets, or the comparison and every one's sheets.
 */
export async function yearsWorkbookOf(list: readonly YearsExport[], lang: Lang, unit: Unit): Promise<Uint8Array> {
  const entries = list.map((x): YearsBookEntry => ({
    name: x.name, scenario: x.scenario,
    outcome: x.scenario ? yearsOutcome(x.scenario) : { ok: false, issues: [{ path: '', message: x.problem ?? 'cannot be opened' }] },
  }));
  const first = entries[0];
  if (first && !first.outcome.ok) throw new Error(first.outcome.issues.map((i) => issueLine(i, lang, first.scenario)).join('\n'));
  return yearsBook(entries, lang, unit);
}

export const sweepsWorkbookOf = (s: Scenario, sheets: SweepSheet[], lang: Lang, unit: Unit): Promise<Uint8Array> => sweepWorkbook(s, sheets, lang, unit);

/** Each draw's fund figures (fen; months as reals; 1 where the adjustment fund ran out), draw order. */
export interface PerDraw { closing: Float64Array; months: Float64Array; afUsed: Float64Array; exhausted: Uint8Array }

export interface RiskExport { name: string; params: RiskParams; summary: RiskSummary; meta: RiskMeta; perDraw?: PerDraw | null }

export async function riskWorkbookOf(r: RiskExport, lang: Lang, unit: Unit): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const wb = newWorkbook();
  const taken = new Set<string>();
  const scale = unit === 'wan' ? 1e6 : 100;
  const u = unit === 'wan' ? (zh ? '万元' : '10k yuan') : (zh ? '元' : 'yuan');
  const sum = tableSheet(wb, sheetName(zh ? '概要' : 'Summary', taken), [
    { header: zh ? '项目' : 'Item', kind: 'text', width: 40 },
    { header: 'P5', kind: 'number' }, { header: 'P50', kind: 'number' }, { header: 'P95', kind: 'number' },
    { header: zh ? '均值' : 'Mean', kind: 'number' }, { header: zh ? '标准差' : 'SD', kind: 'number' },
  ]);
  const amounts = (d: Distribution) => [d.p5, d.p50, d.p95, Math.round(d.mean), Math.round(d.sd)].map((x) => x / scale);
  const fmt = (row: ReturnType<typeof sum.addRow>, f: string) => { for (let c = 2; c <= 6; c++) row.getCell(c).numFmt = f; };
  fmt(sum.addRow([`${zh ? '年末累计结存' : 'Closing balance'} (${u})`, ...amounts(r.summary.closingBalance)]), '#,##0.00');
  const m = r.summary.monthsOfCoverage;
  fmt(sum.addRow([zh ? '可支付月数' : 'Months of coverage', m.p5, m.p50, m.p95, m.mean, m.sd]), '0.00');
  fmt(sum.addRow([`${zh ? '调剂金使用' : 'Adjustment fund used'} (${u})`, ...amounts(r.summary.adjustmentFundUsed)]), '#,##0.00');
  sum.addRow([]);
  const p = sum.addRow([zh ? '调剂金用尽的概率' : 'P(adjustment fund exhausted)', r.summary.exhausted.probability]);
  p.getCell(2).numFmt = '0.00%';
  if (r.meta.byPoints) {
    const q = sum.addRow([zh ? '点数法结算池无点数（无法确定点值）的概率' : 'P(a pool settled by points has no points: no point value)', r.summary.noPointValue.probability,
      zh ? '次数' : 'draws', r.summary.noPointValue.draws]);
    q.getCell(2).numFmt = '0.00%';
  }
  for (const [k, v] of [[zh ? '方案' : 'Scenario', r.name], [zh ? '抽样次数' : 'Draws', r.summary.draws], [zh ? '随机种子' : 'Seed', r.params.seed],
    ['σc', r.params.sigmaCommon], ['σh', r.params.sigma], ...Object.entries(r.params.sigmaByCategory).map(([c, x]) => [`σh ${c}`, x]),
    [zh ? '超支认定线' : 'Overspend line', r.params.overspendThreshold]] as [string, string | number][]) sum.addRow([k, v]);
  const inst = tableSheet(wb, sheetName(zh ? '机构风险' : 'Institutions', taken), [
    { header: zh ? '机构编码' : 'Code', kind: 'text' }, { header: zh ? '机构名称' : 'Name', kind: 'text', width: 28 },
    { header: `${zh ? '总额控制指标' : 'Target'} (${u})`, kind: 'number' },
    { header: zh ? `超支超过 ${r.params.overspendThreshold * 100}% 的概率` : `P(overspend > ${r.params.overspendThreshold * 100}%)`, kind: 'number' },
    { header: zh ? '获得结余留用的概率' : 'P(reward)', kind: 'number' },
  ], { freezeCols: 2 });
  r.meta.ids.forEach((id, i) => {
    const row = inst.addRow([id, r.meta.names[i], r.meta.targets[i]! / scale, r.summary.institutions.pOverspend[i], r.summary.institutions.pReward[i]]);
    row.getCell(3).numFmt = '#,##0.00';
    row.getCell(4).numFmt = '0.00%';
    row.getCell(5).numFmt = '0.00%';
  });
  // The histograms shown on the page: each bin's range and count of draws.
  const hist = tableSheet(wb, sheetName(zh ? '直方图' : 'Histograms', taken), [
    { header: zh ? '指标' : 'Figure', kind: 'text', width: 28 }, { header: zh ? '区间下限' : 'From', kind: 'number' },
    { header: zh ? '区间上限' : 'To', kind: 'number' }, { header: zh ? '抽样次数' : 'Draws', kind: 'number' },
  ]);
  for (const [label, d, div, f] of [
    [`${zh ? '年末累计结存' : 'Closing balance'} (${u})`, r.summary.closingBalance, scale, '#,##0.00'],
    [zh ? '可支付月数' : 'Months of coverage', r.summary.monthsOfCoverage, 1, '0.00'],
    [`${zh ? '调剂金使用' : 'Adjustment fund used'} (${u})`, r.summary.adjustmentFundUsed, scale, '#,##0.00'],
  ] as const) {
    d.histogram.counts.forEach((c, b) => {
      const row = hist.addRow([label, d.histogram.edges[b]! / div, d.histogram.edges[b + 1]! / div, c]);
      row.getCell(2).numFmt = f;
      row.getCell(3).numFmt = f;
    });
  }
  // Every draw's figures (draw d uses the seed's stream d, so a draw can be checked on its own).
  if (r.perDraw) {
    const pd = tableSheet(wb, sheetName(zh ? '逐次抽样' : 'Draws', taken), [
      { header: zh ? '抽样序号' : 'Draw', kind: 'number' }, { header: `${zh ? '年末累计结存' : 'Closing balance'} (${u})`, kind: 'number', width: 20 },
      { header: zh ? '可支付月数' : 'Months of coverage', kind: 'number' }, { header: `${zh ? '调剂金使用' : 'Adjustment fund used'} (${u})`, kind: 'number', width: 20 },
      { header: zh ? '调剂金用尽' : 'Adjustment fund exhausted', kind: 'text' },
    ]);
    const { closing, months, afUsed, exhausted } = r.perDraw;
    for (let d = 0; d < closing.length; d++) {
      const row = pd.addRow([d, closing[d]! / scale, months[d]!, afUsed[d]! / scale, exhausted[d] ? (zh ? '是' : 'yes') : '']);
      row.getCell(2).numFmt = '#,##0.00';
      row.getCell(3).numFmt = '0.00';
      row.getCell(4).numFmt = '#,##0.00';
    }
  }
  return toBytes(wb);
}
