/**
 * Scenario + risk parameters → the Monte Carlo kernel's input: everything that is the same in
 * every draw, computed once by the exact engine (targets after the volume floor, deposits on
 * the target and what of them is forfeited, the adjustment fund, carve-outs, caps), and each
 * institution's inputs to a draw (last year's spending, projected growth μ_h, its σ_h, its
 * deductions) as typed arrays that cross to workers as they are.
 *
 * Refused, with the field that causes it: a weight or eligibility formula that reads the
 * year's claims or deductions (targets or eligibility would differ from draw to draw, and the
 * kernel settles every draw on one set of targets); amounts so large that a draw's sums could
 * leave the range where doubles hold whole fen exactly.
 */
import { compile, growthOf } from '../compile.ts';
import { settle } from '../run.ts';
import { compileFormula } from '../formula.ts';
import { gcd, mulRate, parseMoney, parseRate, RATE_ONE, type Rate } from '../money.ts';
import { ScenarioError, type Issue } from '../../format/issues.ts';
import type { Ratio } from '../quality.ts';
import type { Scenario } from '../../format/types.ts';
import { NORMAL_BOUND } from './rng.ts';
import { validateRiskParams, type RiskParams } from './params.ts';
import { tierPieces, type TierPieces } from './tier-pieces.ts';

/** A rate as p/q for exact products in doubles (q = 0: too large, use the bigint path). */
export interface Fraction {
  rate: Rate;
  p: number;
  q: number;
}

export interface RiskInput {
  n: number;
  draws: number;
  seed: number;
  sigmaCommon: number;
  deductionsScaled: boolean;
  // Per institution, file order.
  /** history_last, fen. */
  last: Float64Array;
  /** Projected growth μ_h (its own, else its category's, else the region's). */
  mu: Float64Array;
  /** σ_h. */
  sigma: Float64Array;
  /** Target T after any volume-floor cut, fen. */
  target: Float64Array;
  /** The file's deductions, fen. */
  deductions: Float64Array;
  /** The file's claims total (given or projected) that the deductions belong to, fen. */
  claimsBase: Float64Array;
  /** deductions / claimsBase as a double (0 where either is 0): the scaled rule's estimate. */
  deductionRatio: Float64Array;
  /** round(cap × T), or Infinity without a cap. */
  rewardCap: Float64Array;
  fundShareCap: Float64Array;
  /** 1 when the institution may receive a reward. */
  eligible: Uint8Array;
  /** The deposit forfeited when it does not depend on claims (target base, or prepaid months). */
  forfeited: Float64Array;
  /** Deposit withheld from each month's payable claims (claims base, capped months): the monthly path is needed. */
  depositOnClaims: boolean;
  /** Claims base only: each institution's deposit rate, quality ratio and cumulative monthly budgets (12 per institution). */
  depositRate: Fraction[];
  quality: Ratio[];
  cumBudget: Float64Array;
  /** The monthly profile (reduced weights), and as small doubles when their sum is below 2^26. */
  profile: bigint[];
  profileSmall: { w: number[]; sum: number } | null;
  /** Surplus and overspend tiers as per-institution pieces (null: no such rule). */
  surplus: TierPieces | null;
  overspend: TierPieces | null;
  reasonable: Fraction;
  threshold: Fraction;
  // Fund, fen.
  adjustmentFund: number;
  /** −1: no top-up allowed. */
  topUpCap: number;
  carveOuts: number;
  opening: number;
  revenue: number;
  /** Σ forfeited (the constant part). */
  forfeitedTotal: number;
}

/** What reports need beside the kernel's input (stays on the page or the command line). */
export interface RiskMeta {
  ids: string[];
  names: string[];
  categories: string[];
  /** Targets after any volume-floor cut, fen. */
  targets: number[];
  adjustmentFund: number;
}

export class RiskError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'RiskError';
  }
}

/** Names a formula may read whose value comes from the year's claims. */
const CLAIM_NAMES = ['claimsTotal', 'deductions'] as const;
/** Formulas were checked by compile(); here only the names they read matter. */
const ANY_NAME: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

export function fraction(rate: Rate): Fraction {
  const a = rate < 0n ? -rate : rate;
  const g = a === 0n ? RATE_ONE : gcd(a, RATE_ONE);
  const p = rate / g, q = RATE_ONE / g;
  const LIM = 1n << 26n;
  return p < LIM && p > -LIM && q < LIM ? { rate, p: Number(p), q: Number(q) } : { rate, p: 0, q: 0 };
}

/**
 * Build the kernel's input. Throws RiskError (parameters, refusals) or ScenarioError (the
 * scenario itself cannot be settled).
 */
export function prepareRisk(s: Scenario, params: RiskParams): { input: RiskInput; meta: RiskMeta } {
  const problems = validateRiskParams(params).map((i) => ({ path: `risk${i.path ? `.${i.path}` : ''}`, message: i.message }));
  const refusals: Issue[] = [];
  const claimReaders = (src: string | undefined, path: string, what: string) => {
    if (src === undefined) return;
    let names: ReadonlySet<string>;
    try { names = compileFormula(src, ANY_NAME).names; } catch { return; } // compile() reports it
    const read = CLAIM_NAMES.filter((k) => names.has(k));
    if (read.length) {
      refusals.push({ path, message: `reads ${read.join(' and ')}, which differ in every Monte Carlo draw (claims are drawn), so ${what} would differ from draw to draw; a risk run settles every draw on the same ${what} and cannot use this formula / 该公式读取随抽样变化的理赔额，蒙特卡洛风险分析不支持` });
    }
  };
  claimReaders(s.policy.weightFormula, 'policy.weightFormula', 'targets');
  claimReaders(s.policy.surplus?.eligibility, 'policy.surplus.eligibility', 'reward eligibility');
  // The kernel takes one reasonable share for everyone (the policy's).
  const own = s.hospitals.findIndex((h) => h.reasonableShare !== undefined && h.reasonableShare !== (s.policy.overspend?.reasonableShare ?? '1'));
  if (own >= 0) {
    refusals.push({ path: `hospitals[${own}].reasonableShare`, message: 'an institution\'s own reasonable share of overspend is not yet taken by the Monte Carlo kernel, which applies the policy\'s to everyone / 蒙特卡洛风险分析暂不支持机构自身的合理超支认定比例' });
  }
  const byPoints = (s.policy.pools ?? []).findIndex((p) => p.settlement === 'points');
  if (byPoints >= 0) {
    refusals.push({ path: `policy.pools[${byPoints}].settlement`, message: 'a pool settled by points is not yet drawn by the Monte Carlo kernel / 蒙特卡洛风险分析暂不支持按点数法结算的资金池' });
  }
  // A year in progress: the draws are whole years of claims from history, so the months already
  // known would be set aside. The risk is a plan's (before the year or for the next); mid-year
  // adjustments are honoured (the settled year's adjusted targets and months are the kernel's).
  if (s.monitoring) {
    refusals.push({ path: 'monitoring.asOf', message: `the scenario is monitored (claims known through month ${s.monitoring.asOf}): a Monte Carlo run draws the whole year's claims from history and would set the months known aside; run it on the plan (the file before monitoring; mid-year adjustments are kept) / 本方案按月监测（申报数据截至 ${s.monitoring.asOf} 月）：风险测算按历史抽取全年申报，会舍弃已知月份；请在监测前的年度方案上测算（年中调整会计入）` });
  }
  if (problems.length || refusals.length) throw new RiskError([...problems, ...refusals]);

  const model = compile(s); // throws ScenarioError
  const st = settle(model);
  const n = model.hospitals.length;
  const y = st.year;
  const onClaims = model.depositBase === 'claims' && !model.prepaid;

  const f64 = () => new Float64Array(n);
  const last = f64(), mu = f64(), sigma = f64(), deductions = f64(), claimsBase = f64(), deductionRatio = f64();
  const rewardCap = f64(), fundShareCap = f64(), forfeited = f64();
  const eligible = new Uint8Array(n);
  const target = Float64Array.from(y.target);
  const cumBudget = new Float64Array(onClaims ? 12 * n : 0);
  const depositRate: Fraction[] = [];
  const quality: Ratio[] = [];
  const byCat = params.sigmaByCategory;
  let forfeitedTotal = 0;
  let maxClaims = 0;
  for (let i = 0; i < n; i++) {
    const h = s.hospitals[i]!;
    const hm = model.hospitals[i]!;
    last[i] = parseMoney(h.history[h.history.length - 1] ?? '0');
    // Exact rate → nearest double: bigint → double and one division, both correctly rounded.
    mu[i] = Number(growthOf(h, s)) / 1e12;
    sigma[i] = Object.hasOwn(byCat, h.category) ? byCat[h.category]! : params.sigma;
    deductions[i] = hm.deductions;
    claimsBase[i] = y.claimsTotal[i]!;
    deductionRatio[i] = hm.deductions > 0 && claimsBase[i]! > 0 ? hm.deductions / claimsBase[i]! : 0;
    const T = y.target[i]!;
    rewardCap[i] = model.surplus?.cap != null ? mulRate(T, model.surplus.cap) : Infinity;
    fundShareCap[i] = model.overspend?.cap != null ? mulRate(T, model.overspend.cap) : Infinity;
    eligible[i] = hm.rewardEligible ? 1 : 0;
    if (onClaims) {
      depositRate.push(fraction(hm.depositRate));
      quality.push(hm.quality);
      let cum = 0;
      for (let k = 0; k < 12; k++) cumBudget[12 * i + k] = cum += y.monthlyBudget[12 * i + k]!;
    } else {
      forfeited[i] = y.depositForfeited[i]!;
      forfeitedTotal += forfeited[i]!;
    }
    // The largest claims a draw can give: growth at most μ + (σ_c + σ_h) × the largest normal.
    const top = 1 + mu[i]! + (params.sigmaCommon + sigma[i]!) * NORMAL_BOUND;
    if (top > 0) maxClaims += last[i]! * top + 1;
  }
  const f = model.fund;
  const exactRange = maxClaims + st.region.carveOuts + f.opening + f.revenue + st.region.adjustmentFund + (f.topUpCap ?? 0);
  if (!(exactRange < Number.MAX_SAFE_INTEGER / 4)) {
    throw new RiskError([{ path: 'hospitals', message: 'the institutions\' spending is too large for the Monte Carlo kernel to keep every fen exact (draws could reach 2^51 fen) / 金额过大，超出蒙特卡洛精确范围' }]);
  }
  const input: RiskInput = {
    n, draws: params.draws, seed: params.seed, sigmaCommon: params.sigmaCommon,
    deductionsScaled: params.deductions === 'scaled',
    last, mu, sigma, target, deductions, claimsBase, deductionRatio, rewardCap, fundShareCap, eligible, forfeited,
    depositOnClaims: onClaims, depositRate, quality, cumBudget,
    profile: [...model.profile],
    profileSmall: model.profileSmall ? { w: [...model.profileSmall.w], sum: model.profileSmall.sum } : null,
    surplus: model.surplus ? tierPieces(model.surplus.table, target) : null,
    overspend: model.overspend ? tierPieces(model.overspend.table, target) : null,
    reasonable: fraction(model.overspend?.reasonableShare ?? RATE_ONE),
    threshold: fraction(parseRate(params.overspendThreshold)),
    adjustmentFund: st.region.adjustmentFund,
    topUpCap: f.topUpCap ?? -1,
    carveOuts: st.region.carveOuts,
    opening: f.opening,
    revenue: f.revenue,
    forfeitedTotal,
  };
  const meta: RiskMeta = {
    ids: s.hospitals.map((h) => h.id),
    names: s.hospitals.map((h) => h.name),
    categories: s.hospitals.map((h) => h.category),
    targets: Array.from(y.target),
    adjustmentFund: st.region.adjustmentFund,
  };
  return { input, meta };
}

export { ScenarioError };

export type Prepared = { ok: true; input: RiskInput; meta: RiskMeta } | { ok: false; issues: Issue[] };

/** prepareRisk with its refusals as a value (what crosses from a worker keeps every issue). */
export function tryPrepareRisk(s: Scenario, params: RiskParams): Prepared {
  try {
    return { ok: true, ...prepareRisk(s, params) };
  } catch (e) {
    if (e instanceof RiskError || e instanceof ScenarioError) return { ok: false, issues: e.issues };
    throw e;
  }
}
