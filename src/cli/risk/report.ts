/**
 * `gbsim risk` output: a text report (fund figures' percentiles, P(adjustment fund exhausted),
 * institutions ranked by P(overspend above the threshold)) and the JSON document (amounts as
 * decimal strings with two decimals, months of coverage with four, probabilities as numbers
 * with their counts of draws).
 */
import { formatMoney } from '../../engine/money.ts';
import { money as shownMoney } from '../../display/number.ts';
import type { Unit } from '../../display/lang.ts';
import { renderTable, type Column } from '../table.ts';
import type { RiskParams } from '../../engine/risk/params.ts';
import type { RiskMeta } from '../../engine/risk/prepare.ts';
import type { Distribution, RiskSummary } from '../../engine/risk/summary.ts';

/** A mean or standard deviation in fen (not whole) to the fen, half-up away from zero. */
export function roundFen(x: number): number {
  const a = Math.abs(x);
  const f = Math.floor(a);
  const r = a - f >= 0.5 ? f + 1 : f;
  return x < 0 && r !== 0 ? -r : r;
}

const money = (fen: number): string => formatMoney(roundFen(fen));
const months = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : String(x));
const pct = (p: number): string => `${(p * 100).toFixed(2)}%`;

export interface RiskReportInput {
  name: string;
  params: RiskParams;
  summary: RiskSummary;
  meta: RiskMeta;
}

/** The JSON document: institutions in file order. */
export function riskJson({ name, params, summary: s, meta }: RiskReportInput): unknown {
  const amounts = (d: Distribution) => ({
    p5: money(d.p5), p50: money(d.p50), p95: money(d.p95), mean: money(d.mean), sd: money(d.sd), min: money(d.min), max: money(d.max),
    histogram: { edges: d.histogram.edges.map(money), counts: d.histogram.counts },
  });
  const m = s.monthsOfCoverage;
  return {
    scenario: name,
    params,
    draws: s.draws,
    percentiles: 'nearest rank: P_p is the value of rank ceil(p·N/100) among the draws in ascending order',
    fund: {
      adjustmentFund: money(meta.adjustmentFund),
      closingBalance: amounts(s.closingBalance),
      monthsOfCoverage: {
        p5: months(m.p5), p50: months(m.p50), p95: months(m.p95), mean: months(m.mean), sd: months(m.sd), min: months(m.min), max: months(m.max),
        histogram: { edges: m.histogram.edges.map(months), counts: m.histogram.counts },
      },
      adjustmentFundUsed: amounts(s.adjustmentFundUsed),
    },
    adjustmentFundExhausted: s.exhausted,
    institutions: meta.ids.map((id, i) => ({
      id,
      name: meta.names[i],
      target: money(meta.targets[i]!),
      overspendDraws: s.institutions.overspendDraws[i],
      pOverspend: s.institutions.pOverspend[i],
      rewardDraws: s.institutions.rewardDraws[i],
      pReward: s.institutions.pReward[i],
    })),
  };
}

/** Institutions by P(overspend) descending, then P(reward) ascending, then file order. */
export function rankByOverspend(s: RiskSummary): number[] {
  const { pOverspend: o, pReward: r } = s.institutions;
  return o.map((_, i) => i).sort((a, b) => o[b]! - o[a]! || r[a]! - r[b]! || a - b);
}

const thresholdText = (t: number) => `${(t * 100).toFixed(t * 100 === Math.round(t * 100) ? 0 : 2)}%`;

/** The text report. */
export function riskText({ name, params, summary: s, meta }: RiskReportInput, opts: { unit: Unit; top: number; workers: number }): string {
  const yuan = (fen: number) => shownMoney(money(fen), opts.unit);
  const cats = Object.entries(params.sigmaByCategory);
  const lines: string[] = [];
  lines.push(`${name} — Monte Carlo risk 蒙特卡洛风险: ${s.draws.toLocaleString('en')} draws, seed ${params.seed}, ${opts.workers} worker${opts.workers === 1 ? '' : 's'}`);
  lines.push(`Growth g = μ_h (projected growth) + z (common shock, σ_c = ${params.sigmaCommon}) + ε_h (own spread, σ_h = ${params.sigma}${cats.length ? `; by category ${cats.map(([c, v]) => `${c} ${v}`).join(', ')}` : ''}); deductions ${params.deductions === 'scaled' ? 'scaled with the drawn claims' : 'fixed (at most the claims)'}; amounts in ${opts.unit === 'wan' ? '万元' : '元'}`);
  lines.push('');
  const cols: Column[] = [{ header: 'Fund figure' }, ...['P5', 'P50', 'P95', 'mean', 'SD'].map((header) => ({ header, right: true }))];
  const row = (label: string, d: Distribution, f: (x: number) => string) => [label, f(d.p5), f(d.p50), f(d.p95), f(d.mean), f(d.sd)];
  lines.push(renderTable(cols, [
    row('closing balance 年末累计结存', s.closingBalance, yuan),
    row('months of coverage 可支付月数', s.monthsOfCoverage, (x) => (Number.isFinite(x) ? x.toFixed(2) : String(x))),
    row('adjustment fund used 调剂金使用', s.adjustmentFundUsed, yuan),
  ]));
  lines.push(`Adjustment fund 年终清算调剂金: ${yuan(meta.adjustmentFund)}. Percentiles by nearest rank over the draws.`);
  lines.push('');
  lines.push(`P(adjustment fund exhausted 调剂金用尽) = ${pct(s.exhausted.probability)} (${s.exhausted.draws.toLocaleString('en')} of ${s.draws.toLocaleString('en')} draws)`);
  lines.push('');
  const order = rankByOverspend(s);
  const shown = order.slice(0, Math.max(0, opts.top));
  const thr = thresholdText(params.overspendThreshold);
  lines.push(`Institutions by P(overspend > ${thr}) 超支${thr}以上概率${shown.length < order.length ? ` — top ${shown.length} of ${order.length}` : ''}:`);
  const icol: Column[] = [{ header: '#', right: true }, { header: 'id' }, { header: 'name' }, { header: 'target', right: true }, { header: `P(over>${thr})`, right: true }, { header: 'P(reward>0)', right: true }];
  lines.push(renderTable(icol, shown.map((i, k) => [String(k + 1), meta.ids[i]!, meta.names[i]!, yuan(meta.targets[i]!), pct(s.institutions.pOverspend[i]!), pct(s.institutions.pReward[i]!)])));
  return lines.join('\n');
}
