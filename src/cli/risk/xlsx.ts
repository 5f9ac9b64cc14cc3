/**
 * `gbsim risk --xlsx OUT`: one sheet per output — the summary (parameters, the fund figures'
 * percentiles, P(adjustment fund exhausted)), a histogram sheet for each fund figure, the
 * institutions' probabilities, and every draw's figures. Numbers are numbers, with formats
 * (amounts #,##0.00 in 元 or 万元, probabilities as percentages). The workbook is built without
 * file APIs (browser-safe); only `writeRiskXlsx` touches the disk.
 */
import { writeFileSync } from 'node:fs';
import { FMT, newWorkbook, sheetName, styleHeader, tableSheet, toBytes } from '../../sheets/style.ts';
import type { Unit } from '../../display/lang.ts';
import { FileError, fileReason } from '../io.ts';
import { rankByOverspend, roundFen, type RiskReportInput } from './report.ts';
import type { Merged } from '../../engine/risk/blocks.ts';
import type { Distribution } from '../../engine/risk/summary.ts';

/** fen → a number in the unit (yuan: /100, 万元: /10^6), the mean and SD rounded to the fen first. */
const inUnit = (fen: number, unit: Unit) => roundFen(fen) / (unit === 'wan' ? 1e6 : 100);

export async function riskWorkbook(r: RiskReportInput, merged: Merged, unit: Unit): Promise<Uint8Array> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  const u = unit === 'wan' ? '万元' : '元';
  const { summary: s, params, meta } = r;

  // Summary: parameters, then the fund figures' table, then P(exhausted).
  const sum = wb.addWorksheet(sheetName('概要 Summary', taken));
  sum.columns = [{ width: 44 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 20 }];
  const info: [string, string | number][] = [
    ['情景 Scenario', r.name],
    ['抽样次数 Draws', s.draws],
    ['随机种子 Seed', params.seed],
    ['共同冲击标准差 σ_c (common shock)', params.sigmaCommon],
    ['机构自身标准差 σ_h (own spread)', params.sigma],
    ...Object.entries(params.sigmaByCategory).map(([c, v]): [string, number] => [`σ_h — ${c}`, v]),
    ['核减 Deductions', params.deductions === 'scaled' ? '随理赔额同比例 scaled with claims' : '固定 fixed'],
    ['超支阈值 Overspend threshold', params.overspendThreshold],
    ['分位数 Percentiles', 'nearest rank ⌈p·N/100⌉'],
    [`年终清算调剂金 Adjustment fund (${u})`, inUnit(meta.adjustmentFund, unit)],
  ];
  for (const [k, v] of info) sum.addRow([k, v]);
  sum.getCell(`B${info.length}`).numFmt = FMT.amount;
  sum.addRow([]);
  const head = sum.addRow(['资金指标 Fund figure', 'P5', 'P50', 'P95', 'mean', 'SD', 'min', 'max']);
  styleHeader(head);
  const figure = (label: string, d: Distribution, amount: boolean) => {
    const vals = [d.p5, d.p50, d.p95, d.mean, d.sd, d.min, d.max].map((x) => (amount ? inUnit(x, unit) : x));
    const row = sum.addRow([label, ...vals]);
    for (let c = 2; c <= 8; c++) row.getCell(c).numFmt = amount ? FMT.amount : FMT.ratio;
  };
  figure(`年末累计结存 Closing balance (${u})`, s.closingBalance, true);
  figure('可支付月数 Months of coverage', s.monthsOfCoverage, false);
  figure(`调剂金使用 Adjustment fund used (${u})`, s.adjustmentFundUsed, true);
  sum.addRow([]);
  const ex = sum.addRow(['调剂金用尽概率 P(adjustment fund exhausted)', s.exhausted.probability, '次数 draws', s.exhausted.draws]);
  ex.getCell(2).numFmt = FMT.percent;
  if (meta.byPoints) {
    const np = sum.addRow(['点数法结算池无点数（无法确定点值）P(a points pool has no points)', s.noPointValue.probability, '次数 draws', s.noPointValue.draws]);
    np.getCell(2).numFmt = FMT.percent;
  }

  // One histogram sheet per fund figure.
  const histogram = (title: string, d: Distribution, amount: boolean) => {
    const ws = tableSheet(wb, sheetName(title, taken), [
      { header: `下限 From${amount ? ` (${u})` : ''}`, kind: amount ? 'amount' : 'ratio', width: 20 },
      { header: `上限 To${amount ? ` (${u})` : ''}`, kind: amount ? 'amount' : 'ratio', width: 20 },
      { header: '次数 Draws', kind: 'count' },
      { header: '占比 Share', kind: 'percent' },
    ]);
    const h = d.histogram;
    h.counts.forEach((c, i) => {
      const from = h.edges[i]!, to = h.edges[i + 1]!;
      ws.addRow([amount ? inUnit(from, unit) : from, amount ? inUnit(to, unit) : to, c, c / s.draws]);
    });
  };
  histogram('期末结存 Closing balance', s.closingBalance, true);
  histogram('可支付月数 Months', s.monthsOfCoverage, false);
  histogram('调剂金使用 AF used', s.adjustmentFundUsed, true);

  // Institutions, ranked by P(overspend).
  const thr = `${+(params.overspendThreshold * 100).toFixed(2)}%`;
  const inst = tableSheet(wb, sheetName('机构风险 Institutions', taken), [
    { header: '排名 Rank', kind: 'count' },
    { header: '编号 ID', kind: 'text' },
    { header: '名称 Name', kind: 'text', width: 28 },
    { header: `目标 Target (${u})`, kind: 'amount', width: 20 },
    { header: `超支>${thr}次数 Draws over ${thr}`, kind: 'count' },
    { header: `超支>${thr}概率 P(over ${thr})`, kind: 'percent' },
    { header: '获奖励次数 Draws with reward', kind: 'count' },
    { header: '获奖励概率 P(reward > 0)', kind: 'percent' },
  ], { freezeCols: 3 });
  rankByOverspend(s).forEach((i, k) => {
    inst.addRow([k + 1, meta.ids[i], meta.names[i], inUnit(meta.targets[i]!, unit), s.institutions.overspendDraws[i], s.institutions.pOverspend[i],
      s.institutions.rewardDraws[i], s.institutions.pReward[i]]);
  });

  // Every draw's figures, by draw index.
  const draws = tableSheet(wb, sheetName('抽样 Draws', taken), [
    { header: '抽样 Draw', kind: 'count' },
    { header: `年末累计结存 Closing balance (${u})`, kind: 'amount', width: 22 },
    { header: '可支付月数 Months of coverage', kind: 'ratio', width: 16 },
    { header: `调剂金使用 AF used (${u})`, kind: 'amount', width: 22 },
    { header: '调剂金用尽 Exhausted', kind: 'bool' },
  ]);
  for (let d = 0; d < merged.draws; d++) {
    draws.addRow([d, inUnit(merged.closing[d]!, unit), merged.months[d]!, inUnit(merged.afUsed[d]!, unit), merged.exhausted[d] === 1]);
  }
  return toBytes(wb);
}

export async function writeRiskXlsx(path: string, r: RiskReportInput, merged: Merged, unit: Unit): Promise<void> {
  const bytes = await riskWorkbook(r, merged, unit);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new FileError(path, 'write', fileReason(e));
  }
}
