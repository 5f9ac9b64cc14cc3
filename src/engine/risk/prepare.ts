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
import { pointsCoefficient } from '../points-compile.ts';
import { settle } from '../run.ts';
import { compileFormula } from '../formula.ts';
import { gcd, mulRate, parseMoney, parseRate, RATE_ONE, type Rate } from '../money.ts';
import { ScenarioError, issueOf, type Issue } from '../../format/issues.ts';
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
  /**
   * Pools settled by points (DESIGN §7; empty without any). In a draw an institution's points
   * move with its drawn claims (see `pointsOf` in kernel.ts), the point value floats so that the
   * pool is paid out exactly, and §6 settles on T := E_h.
   */
  pointsPools: PointsPoolInput[];
  /** Per institution: its index in pointsPools, −1 outside them. */
  pointsPool: Int32Array;
  /** Per institution: the file's raw points (before k_h), whole 10^-4 points. */
  rawPoints: Float64Array;
  /** rawPoints / claimsBase as a double (0 where either is 0): the estimate of the scaling. */
  pointsRatio: Float64Array;
  /** Per institution: its points coefficient k_h (1 outside points pools). */
  pointsCoef: Fraction[];
  /** The caps of reward and fund share as rates of T (an entitlement differs in every draw); null without. */
  rewardCapRate: Fraction | null;
  fundShareCapRate: Fraction | null;
}

/** A pool settled by points, as a draw needs it: what it pays, its projected points (the budget point value is fixed before the year), its cap, its members. */
export interface PointsPoolInput {
  amount: number;
  /** Σ Proj_h, whole 10^-4 points. */
  projected: bigint;
  /** 点值封顶: pv ≤ cap × pv0 (null: none). */
  cap: Rate | null;
  /** Its institutions, file order. */
  members: number[];
}

/** What reports need beside the kernel's input (stays on the page or the command line). */
export interface RiskMeta {
  ids: string[];
  names: string[];
  categories: string[];
  /** Targets after any volume-floor cut, fen (in a pool settled by points: the entitlement at the file's points). */
  targets: number[];
  adjustmentFund: number;
  /** The scenario has a pool settled by points (its entitlements float in every draw). */
  byPoints?: boolean;
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
  const problems = validateRiskParams(params).map((i) => ({ ...i, path: `risk${i.path ? `.${i.path}` : ''}` }));
  const refusals: Issue[] = [];
  const claimReaders = (src: string | undefined, path: string, what: string) => {
    if (src === undefined) return;
    let names: ReadonlySet<string>;
    try { names = compileFormula(src, ANY_NAME).names; } catch { return; } // compile() reports it
    const read = CLAIM_NAMES.filter((k) => names.has(k));
    if (read.length) {
      refusals.push(issueOf(path, 'riskFormulaDraws', { read: read.join(' and '), what }));
    }
  };
  claimReaders(s.policy.weightFormula, 'policy.weightFormula', 'targets');
  claimReaders(s.policy.surplus?.eligibility, 'policy.surplus.eligibility', 'reward eligibility');
  // The kernel takes one reasonable share for everyone (the policy's).
  const own = s.hospitals.findIndex((h) => h.reasonableShare !== undefined && h.reasonableShare !== (s.policy.overspend?.reasonableShare ?? '1'));
  if (own >= 0) {
    refusals.push(issueOf(`hospitals[${own}].reasonableShare`, 'riskOwnReasonableShare'));
  }
  // A year in progress: the draws are whole years of claims from history, so the months already
  // known would be set aside. The risk is a plan's (before the year or for the next); mid-year
  // adjustments are honoured (the settled year's adjusted targets and months are the kernel's).
  if (s.monitoring) {
    refusals.push(issueOf('monitoring.asOf', 'riskMonitored', { month: s.monitoring.asOf }));
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
  // Pools settled by points: their members' points and the pool's fixed figures.
  const pointsPool = new Int32Array(n).fill(-1);
  const rawPoints = f64(), pointsRatio = f64();
  const pointsCoef: Fraction[] = [];
  const pointsPools: PointsPoolInput[] = [];
  st.region.points.forEach((pp, k) => {
    if (pp === null) return;
    const members = [...model.pools[k]!.members];
    for (const i of members) pointsPool[i] = pointsPools.length;
    pointsPools.push({ amount: st.region.pools[k]!.amount, projected: pp.projected, cap: model.pointValueCap, members });
  });
  const maxPts = new Float64Array(pointsPools.length);
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
    const pk = pointsPool[i]!;
    // Points institutions withhold their deposit from the monthly pre-settlement, whatever the base.
    depositRate.push(fraction(hm.depositRate));
    quality.push(hm.quality);
    pointsCoef.push(fraction(pk >= 0 ? pointsCoefficient(h, s.policy.points) : RATE_ONE));
    if (pk >= 0) {
      // The deposit and what of it is forfeited follow the drawn points (kernel.ts): nothing constant here.
      rawPoints[i] = Number(hm.points?.raw ?? 0n);
      pointsRatio[i] = rawPoints[i]! > 0 && claimsBase[i]! > 0 ? rawPoints[i]! / claimsBase[i]! : 0;
    } else if (onClaims) {
      let cum = 0;
      for (let k = 0; k < 12; k++) cumBudget[12 * i + k] = cum += y.monthlyBudget[12 * i + k]!;
    } else {
      forfeited[i] = y.depositForfeited[i]!;
      forfeitedTotal += forfeited[i]!;
    }
    // The largest claims a draw can give: growth at most μ + (σ_c + σ_h) × the largest normal.
    const top = 1 + mu[i]! + (params.sigmaCommon + sigma[i]!) * NORMAL_BOUND;
    if (top > 0) maxClaims += last[i]! * top + 1;
    // The most points a draw can give (scaled with the largest claims; the file's when there are no claims to scale by).
    if (pk >= 0) {
      const raw = claimsBase[i]! > 0 ? pointsRatio[i]! * (top > 0 ? last[i]! * top + 1 : 0) : rawPoints[i]!;
      maxPts[pk]! += (raw + 1) * (Number(pointsCoef[i]!.rate) / 1e12) + 1;
    }
  }
  // A pool's monthly pre-settlement is its amount × (drawn points / projected points).
  let maxPre = 0;
  pointsPools.forEach((pp, k) => {
    const proj = Number(pp.projected);
    if (proj > 0) maxPre += pp.amount * (maxPts[k]! / proj) + 12 * pp.members.length;
  });
  const f = model.fund;
  const exactRange = maxClaims + maxPre + st.region.carveOuts + f.opening + f.revenue + st.region.adjustmentFund + (f.topUpCap ?? 0);
  if (!(exactRange < Number.MAX_SAFE_INTEGER / 4)) {
    throw new RiskError([issueOf('hospitals', 'riskTooLarge')]);
  }
  const input: RiskInput = {
    n, draws: params.draws, seed: params.seed, sigmaCommon: params.sigmaCommon,
    deductionsScaled: params.deductions === 'scaled',
    last, mu, sigma, target, deductions, claimsBase, deductionRatio, rewardCap, fundShareCap, eligible, forfeited,
    depositOnClaims: onClaims, depositRate, quality, cumBudget,
    profile: [...model.profile],
    profileSmall: model.profileSmall ? { w: [...model.profileSmall.w], sum: model.profileSmall.sum } : null,
    surplus: model.surplus ? byPointsExact(tierPieces(model.surplus.table, target), pointsPool) : null,
    overspend: model.overspend ? byPointsExact(tierPieces(model.overspend.table, target), pointsPool) : null,
    reasonable: fraction(model.overspend?.reasonableShare ?? RATE_ONE),
    threshold: fraction(parseRate(params.overspendThreshold)),
    adjustmentFund: st.region.adjustmentFund,
    topUpCap: f.topUpCap ?? -1,
    carveOuts: st.region.carveOuts,
    opening: f.opening,
    revenue: f.revenue,
    forfeitedTotal,
    pointsPools, pointsPool, rawPoints, pointsRatio, pointsCoef,
    rewardCapRate: model.surplus?.cap != null ? fraction(model.surplus.cap) : null,
    fundShareCapRate: model.overspend?.cap != null ? fraction(model.overspend.cap) : null,
  };
  const meta: RiskMeta = {
    ids: s.hospitals.map((h) => h.id),
    names: s.hospitals.map((h) => h.name),
    categories: s.hospitals.map((h) => h.category),
    targets: Array.from(y.target),
    adjustmentFund: st.region.adjustmentFund,
    ...(pointsPools.length > 0 ? { byPoints: true } : {}),
  };
  return { input, meta };
}

/** Tiers against an entitlement that differs in every draw: the engine's bigint path (the pieces are per target). */
function byPointsExact(p: TierPieces, pool: Int32Array): TierPieces {
  for (let i = 0; i < pool.length; i++) if (pool[i]! >= 0) p.exact[i] = 1;
  return p;
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
