/**
 * `gbsim risk` output: a text report (fund figures' percentiles, P(adjustment fund exhausted),
 * institutions ranked by P(overspend above the threshold)) and the JSON document (amounts as
 * decimal strings with two decimals, months of coverage with four, probabilities as numbers
 * with their counts of draws).
 */
import { formatMoney } from '../../engine/money.ts';
import { money as shownMoney } from '../../display/number.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { fundName, termName, unitName, word } from '../../display/glossary.ts';
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
    ...(meta.byPoints ? { pointsPoolWithoutPoints: s.noPointValue } : {}),
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

/** The sentences of the text report, in each language (figure names from the glossary). */
const T = {
  zh: {
    head: (name: string, draws: string, seed: number, workers: number) => `${name} — 蒙特卡洛风险测算：${draws} 次抽样，随机种子 ${seed}，${workers} 个线程`,
    model: (c: number, h: number, cats: string, scaled: boolean, unit: string) =>
      `增长率 g = μ_h（预计增长）+ z（共同冲击，σ_c = ${c}）+ ε_h（机构自身波动，σ_h = ${h}${cats ? `；按类别 ${cats}` : ''}）；`
      + `核减${scaled ? '随抽样理赔额同比例' : '固定（不超过理赔额）'}；金额单位 ${unit}`,
    figure: '资金指标', mean: '均值', sd: '标准差',
    fundNote: (af: string) => `${fundName('adjustmentFund', 'zh')}：${af}。分位数按抽样结果排序取最近秩。`,
    exhausted: (p: string, k: string, n: string) => `调剂金用尽的概率 = ${p}（${n} 次抽样中 ${k} 次）`,
    noPointValue: (k: string, n: string) => `点数法结算池总点数为 0、无法确定点值的抽样：${n} 次中 ${k} 次（该池应得额均为 0，池内预算未拨付，留存基金）`,
    ranked: (thr: string, top: string) => `按超支超过 ${thr} 的概率排序的机构${top}：`,
    top: (k: number, n: number) => `（前 ${k} 家，共 ${n} 家）`,
    over: (thr: string) => `超支>${thr}概率`, reward: '获结余留用概率', target: '总额控制指标',
    points: '按点数法结算的资金池：机构点数随抽样理赔额同比例变动，预算点值不变，年度清算点值浮动使资金池恰好分配完毕；其机构的“总额控制指标”为按方案点数计算的点数法应得额',
  },
  en: {
    head: (name: string, draws: string, seed: number, workers: number) =>
      `${name} — Monte Carlo risk: ${draws} draws, seed ${seed}, ${workers} worker${workers === 1 ? '' : 's'}`,
    model: (c: number, h: number, cats: string, scaled: boolean, unit: string) =>
      `Growth g = μ_h (projected growth) + z (common shock, σ_c = ${c}) + ε_h (own spread, σ_h = ${h}${cats ? `; by category ${cats}` : ''}); `
      + `deductions ${scaled ? 'scaled with the drawn claims' : 'fixed (at most the claims)'}; amounts in ${unit}`,
    figure: 'Fund figure', mean: 'mean', sd: 'SD',
    fundNote: (af: string) => `${fundName('adjustmentFund', 'en')}: ${af}. Percentiles by nearest rank over the draws.`,
    exhausted: (p: string, k: string, n: string) => `P(adjustment fund exhausted) = ${p} (${k} of ${n} draws)`,
    noPointValue: (k: string, n: string) => `Draws in which a pool settled by points had no points, so no point value: ${k} of ${n}`
      + ' (every entitlement in it 0; the pool\'s budget not paid out, kept by the fund)',
    ranked: (thr: string, top: string) => `Institutions by P(overspend > ${thr})${top}:`,
    top: (k: number, n: number) => ` — top ${k} of ${n}`,
    over: (thr: string) => `P(over>${thr})`, reward: 'P(reward>0)', target: 'Target',
    points: 'Pools settled by points: an institution\'s points move in proportion to its drawn claims, '
      + 'the budget point value stays the plan\'s and the settlement point value floats so the pool is paid out exactly; '
      + 'for their institutions the Target is the entitlement by points at the file\'s points',
  },
} as const;

/** The text report, in the language asked for. */
export function riskText({ name, params, summary: s, meta }: RiskReportInput, opts: { unit: Unit; top: number; workers: number; lang?: Lang }): string {
  const lang = opts.lang ?? 'en';
  const x = T[lang];
  const yuan = (fen: number) => shownMoney(money(fen), opts.unit);
  const count = (n: number) => n.toLocaleString('en');
  const cats = Object.entries(params.sigmaByCategory).map(([c, v]) => `${termName('category', c, lang)} ${v}`).join(lang === 'zh' ? '、' : ', ');
  const lines: string[] = [];
  lines.push(x.head(name, count(s.draws), params.seed, opts.workers));
  lines.push(x.model(params.sigmaCommon, params.sigma, cats, params.deductions === 'scaled', unitName(opts.unit, lang)));
  if (meta.byPoints) lines.push(x.points);
  lines.push('');
  const cols: Column[] = [{ header: x.figure }, ...['P5', 'P50', 'P95', x.mean, x.sd].map((header) => ({ header, right: true }))];
  const row = (label: string, d: Distribution, f: (v: number) => string) => [label, f(d.p5), f(d.p50), f(d.p95), f(d.mean), f(d.sd)];
  lines.push(renderTable(cols, [
    row(fundName('closingBalance', lang), s.closingBalance, yuan),
    row(fundName('monthsOfCoverage', lang), s.monthsOfCoverage, (v) => (Number.isFinite(v) ? v.toFixed(2) : String(v))),
    row(fundName('adjustmentFundUsed', lang), s.adjustmentFundUsed, yuan),
  ]));
  lines.push(x.fundNote(yuan(meta.adjustmentFund)));
  lines.push('');
  lines.push(x.exhausted(pct(s.exhausted.probability), count(s.exhausted.draws), count(s.draws)));
  if (meta.byPoints) lines.push(x.noPointValue(count(s.noPointValue.draws), count(s.draws)));
  lines.push('');
  const order = rankByOverspend(s);
  const shown = order.slice(0, Math.max(0, opts.top));
  const thr = thresholdText(params.overspendThreshold);
  lines.push(x.ranked(thr, shown.length < order.length ? x.top(shown.length, order.length) : ''));
  const icol: Column[] = [{ header: '#', right: true }, { header: word('code', lang) }, { header: word('name', lang) },
    { header: x.target, right: true }, { header: x.over(thr), right: true }, { header: x.reward, right: true }];
  lines.push(renderTable(icol, shown.map((i, k) => [String(k + 1), meta.ids[i]!, meta.names[i]!, yuan(meta.targets[i]!),
    pct(s.institutions.pOverspend[i]!), pct(s.institutions.pReward[i]!)])));
  return lines.join('\n');
}
