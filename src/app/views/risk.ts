/**
 * What the risk view shows (DESIGN §9): the Monte Carlo parameters as the scenario file keeps
 * them (analysis.risk) over the stated defaults, σ_h per category of the scenario's
 * institutions, and the latest run as text: P5/P50/P95, mean and SD of the closing balance,
 * the months of coverage and the adjustment fund used, their histograms as plot values, the
 * probability the adjustment fund is exhausted, and each institution's probabilities of
 * overspending beyond the line and of earning a reward (with their sort keys).
 * The spreads and the overspend line are rates: typed and shown as percentages (「8」 or 「8%」),
 * the file keeping JSON numbers (0.08). The view hands the fields the exact decimal each number
 * stands for ("0.08", never a float × 100), and the element sends a typed one back as a number.
 */
import type { AppState, RiskRunState } from '../state/app-state.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { RiskAnalysis, Scenario } from '../../format/types.ts';
import { RISK_DEFAULTS, riskParamsOf, validateRiskParams, type RiskParams } from '../../engine/risk/params.ts';
import type { Distribution, RiskSummary } from '../../engine/risk/summary.ts';
import type { RiskMeta } from '../../engine/risk/prepare.ts';
import { formatMoney } from '../../engine/money.ts';
import { money, percent, plain, shiftPoint } from '../../display/number.ts';
import { numberToPlain } from '../../format/numbers.ts';
import type { Issue } from '../../format/issues.ts';
import { msg } from '../i18n/index.ts';
import { issueLine, issueMessage } from '../../workspace/issue-text.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { termOf } from './terms.ts';
import { memoize, stable } from './memo.ts';
import { riskRunCurrent } from './ran-on.ts';

export interface DistView {
  key: 'closingBalance' | 'monthsOfCoverage' | 'adjustmentFundUsed';
  p5: string; p50: string; p95: string; mean: string; sd: string;
  /** Histogram: bin labels (lower edges as text) and counts. */
  bins: string[];
  counts: number[];
}

export interface RiskInstitutionRow { id: string; name: string; category: string; target: string; pOverspend: string; pReward: string; over: number;
  reward: number; index: number }

export interface RiskResultView {
  draws: number;
  seed: number;
  exhausted: string;
  exhaustedDraws: number;
  /** Draws in which a pool settled by points had no points (no point value, its budget kept by the fund); null without such pools. */
  noPointValueDraws: number | null;
  dists: DistView[];
  rows: RiskInstitutionRow[];
  threshold: string;
}

export interface RiskView {
  lang: Lang;
  unit: Unit;
  error: string | null;
  given: RiskAnalysis;
  params: RiskParams;
  /** The spreads and the line as the file's exact decimals ("0.08"): the fields show them in percent. */
  rates: { sigmaCommon: string; sigma: string; overspendThreshold: string };
  defaults: { c: string; h: string; t: string; n: string; seed: number };
  paramIssues: Record<string, string>;
  /** σ_h of each category, as the file's exact decimal (undefined: the σ_h above). */
  categories: { key: string; label: string; value: string | undefined }[];
  run: { status: RiskRunState['status']; done: number; total: number; workers: number; seconds: string; name: string; problems: string[];
    outdated: boolean } | null;
  result: RiskResultView | null;
}

const fen = (x: number, unit: Unit) => money(formatMoney(Math.round(x)), unit);
const prob = (p: number) => percent(String(p), 2);

function dist(key: DistView['key'], d: Distribution, unit: Unit): DistView {
  const amount = key !== 'monthsOfCoverage';
  const f = (x: number) => (amount ? fen(x, unit) : plain(x.toFixed(4), 2));
  return {
    key, p5: f(d.p5), p50: f(d.p50), p95: f(d.p95), mean: f(d.mean), sd: f(d.sd),
    bins: d.histogram.counts.map((_, i) => f(d.histogram.edges[i]!)), counts: d.histogram.counts,
  };
}

const resultOf = memoize((s: RiskSummary | null, meta: RiskMeta | null, params: RiskParams | null, lang: Lang, unit: Unit): RiskResultView | null => {
  if (!s || !meta || !params) return null;
  const inst = s.institutions;
  return {
    draws: s.draws, seed: params.seed, exhausted: prob(s.exhausted.probability), exhaustedDraws: s.exhausted.draws,
    noPointValueDraws: meta.byPoints ? s.noPointValue.draws : null,
    threshold: percent(String(params.overspendThreshold), 0),
    dists: [dist('closingBalance', s.closingBalance, unit), dist('monthsOfCoverage', s.monthsOfCoverage, unit),
      dist('adjustmentFundUsed', s.adjustmentFundUsed, unit)],
    rows: meta.ids.map((id, i) => ({
      id, name: meta.names[i]!, category: termOf('category', meta.categories[i]!, lang), target: fen(meta.targets[i]!, unit),
      pOverspend: prob(inst.pOverspend[i]!), pReward: prob(inst.pReward[i]!), over: inst.overspendDraws[i]!, reward: inst.rewardDraws[i]!, index: i,
    })),
  };
});

/** A number of the file as the exact decimal it stands for (0.08 → "0.08", 1e-7 → "0.0000001"). */
const decimal = (x: unknown): string => (typeof x === 'number' ? numberToPlain(x) : String(x));
/** A rate as the percentage it is typed as: "0.03" → 「3%」, on the digits. */
const pct = (x: number): string => `${shiftPoint(numberToPlain(x), 2)}%`;

/**
 * A problem of a spread or of the line, under a field typed in percent: its range in percent
 * (as the field's own check says it), its decimals counted in percent (12 of the fraction are 10).
 */
function rateIssue(i: Issue, lang: Lang): string {
  const line = i.path === 'overspendThreshold';
  if (line && i.code === 'overspendThreshold') return msg(lang, 'rangePctTen');
  if (!line && (i.code === 'sigmaMax' || i.code === 'notNegative')) return msg(lang, 'rangePct');
  const dp = i.params?.dp;
  if (i.code === 'atMostDecimals' && typeof dp === 'number') return issueMessage({ ...i, params: { ...i.params, dp: Math.max(0, dp - 2) } }, lang);
  return issueMessage(i, lang);
}
const RATE_PATH = /^(sigmaCommon|sigma|overspendThreshold|sigmaByCategory\..*)$/;

const formOf = memoize((given: RiskAnalysis | undefined, hs: Scenario['hospitals'], lang: Lang) => {
  const params = riskParamsOf(given);
  const paramIssues: Record<string, string> = {};
  for (const i of validateRiskParams(params)) paramIssues[i.path] = RATE_PATH.test(i.path) ? rateIssue(i, lang) : issueMessage(i, lang);
  const cats = [...new Set(hs.map((h) => h.category))];
  return {
    given: given ?? {}, params, paramIssues,
    rates: { sigmaCommon: decimal(params.sigmaCommon), sigma: decimal(params.sigma), overspendThreshold: decimal(params.overspendThreshold) },
    categories: cats.map((key) => {
      const v = given?.sigmaByCategory?.[key];
      return { key, label: termOf('category', key, lang), value: v === undefined ? undefined : decimal(v) };
    }),
  };
});

/**
 * An edit of analysis.risk as the file keeps it: the decimal a field made of what was typed
 * ("0.08" of 「8%」, views/validate-field.ts) as the JSON number it stands for (0.08, the double
 * nearest that text: read back, numberToPlain gives "0.08" again); anything else as it is.
 */
export function riskFileValue(value: unknown): unknown {
  return typeof value === 'string' ? Number(value) : value;
}

/** `current`: the run is of the scenario shown as it is now, with its parameters (views/ran-on.ts riskRunCurrent); else it is outdated. */
const runOf = memoize((r: RiskRunState | null, current: boolean, lang: Lang, doc: Scenario | null) => r && ({
  status: r.status, done: r.done, total: r.total, workers: r.workers, seconds: (r.ms / 1000).toFixed(2), name: r.name,
  problems: r.issues.slice(0, 50).map((i) => issueLine({ ...i, path: i.path.replace(/^risk\b/, 'analysis.risk') }, lang, doc ?? undefined)),
  outdated: !current,
}));

const DEFAULTS = Object.freeze({ c: pct(RISK_DEFAULTS.sigmaCommon), h: pct(RISK_DEFAULTS.sigma), t: pct(RISK_DEFAULTS.overspendThreshold),
  seed: RISK_DEFAULTS.seed, n: plain(String(RISK_DEFAULTS.draws), 0) });

export function riskView(s: AppState, prev: RiskView | null = null): RiskView {
  const scen = scenarioOrError(s.ws, s.active);
  const ok = scen instanceof Error ? null : scen;
  const f = formOf(ok?.analysis?.risk, ok?.hospitals ?? [], s.lang);
  const r = s.risk;
  return stable(prev, {
    lang: s.lang, unit: s.unit, error: scen instanceof Error ? scen.message : null, ...f,
    defaults: DEFAULTS,
    run: runOf(r, !!r && riskRunCurrent(s, r), s.lang, ok),
    result: resultOf(r?.summary ?? null, r?.meta ?? null, r?.params ?? null, s.lang, s.unit),
  });
}
