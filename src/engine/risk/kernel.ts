/**
 * The Monte Carlo kernel: settles draws of next year's claims on typed arrays. Pure (no
 * workers, no I/O); the runners split draws over workers and call `runDraws` on ranges.
 *
 * Every amount is a whole number of fen held in a double, and every operation on amounts is
 * exact: sums stay below 2^51 (prepareRisk refuses larger cities), products with rates go
 * through exact small fractions or bigint, tiers through the engine's own `applyTiers`. So a
 * draw's figures are those of the exact engine on the same claims (tests/risk check it draw by
 * draw); only the drawing of growth uses floating point, in IEEE-exact operations.
 *
 * A draw (DESIGN §9): z = σ_c·N₀, and for each institution h in file order
 * g = (μ_h + z) + σ_h·N_h, annual claims = round(last_h × (1 + g)) (0 when g ≤ −1), then §6:
 * A = claims − deductions; surplus → reward by tiers (cap, eligibility); overspend → the
 * reasonable part's fund share by tiers (cap), cut pro rata when the shares exceed the
 * adjustment fund (plus any top-up); deposit return; owed; the fund's expenditure and
 * closing balance.
 */
import { apportion, apportionSmallInto, apportionWholeInto } from '../apportion.ts';
import { divRoundHalfUp, mulDivSmall, RATE_ONE } from '../money.ts';
import { applyTiers, type CompiledTierTable } from '../tiers.ts';
import { FAST_LIMIT, roundDiv, roundDivFast, type TierPieces } from './tier-pieces.ts';
import { applyRatio } from '../quality.ts';
import type { Fen } from '../money.ts';
import { drawStream } from './rng.ts';
import { apportionUnits, preSettlement, preSettlementUnits, settlePointsPool } from '../points.ts';
import type { Fraction, PointsPoolInput, RiskInput } from './prepare.ts';

/** A range of draws' outputs, indexed by draw − from; counts over the range. */
export interface DrawBlock {
  from: number;
  to: number;
  closing: Float64Array;
  months: Float64Array;
  afUsed: Float64Array;
  /** 1 when the requested fund shares exceeded the adjustment fund plus any top-up. */
  exhausted: Uint8Array;
  /** Per institution: draws with overspend rate above the threshold, and with a reward > 0. */
  overCount: Uint32Array;
  rewardCount: Uint32Array;
  /** Draws of the range in which a pool settled by points had no points: no point value, its amount unpaid (kept by the fund). */
  noPointValue: number;
}

/** One draw in full, per institution: what the exact check compares. */
export interface DrawDetail {
  d: number;
  annual: Float64Array;
  deductions: Float64Array;
  actual: Float64Array;
  reward: Float64Array;
  fundShareClaimed: Float64Array;
  fundShare: Float64Array;
  deposit: Float64Array;
  forfeited: Float64Array;
  /** T of the draw: the target, or in a pool settled by points the entitlement E_h of the draw's points. */
  target: Float64Array;
  /** Raw points of the draw (before k_h), whole 10^-4 points; 0 outside points pools. */
  rawPoints: Float64Array;
  owed: Float64Array;
  over: Uint8Array;
  rewarded: Uint8Array;
  claimed: number;
  available: number;
  used: number;
  exhausted: boolean;
  /** A pool settled by points had no points in this draw (no point value; every entitlement 0, its amount kept by the fund). */
  noPointValue: boolean;
  owedTotal: number;
  expenditure: number;
  closing: number;
  months: number;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const TWO_M50 = 8.881784197001252e-16; // 2^-50
const LIM52 = 4503599627370496; // 2^52

/** round(a × rate) half-up, a ≥ 0: in doubles when exact, else in bigint. */
function mulFraction(a: number, f: Fraction): number {
  if (f.q !== 0 && a * (f.p < 0 ? -f.p : f.p) <= SAFE) return mulDivSmall(a, f.p, f.q);
  return Number(divRoundHalfUp(BigInt(a) * f.rate, RATE_ONE));
}

/** o / t > threshold, exactly (t = 0 with o > 0: an infinite rate, above any threshold). */
function aboveExact(o: number, t: number, f: Fraction): boolean {
  if (t <= 0) return o > 0;
  return BigInt(o) * RATE_ONE > BigInt(t) * f.rate;
}

/**
 * The scaled deduction round(ded × annual / base) half-up, exactly. The estimate e = annual ×
 * ratio, ratio = fl(ded / base), is within e·2^-51 of the quotient (two correctly rounded
 * operations), so unless e lies within 2^-50·e of a half fen, rounding e gives the exact
 * result; otherwise bigint decides.
 */
export function scaledDeduction(ded: number, annual: number, base: number, ratio: number): number {
  const e = annual * ratio;
  const fl = Math.floor(e);
  const gap = e - fl - 0.5;
  const tol = e * TWO_M50;
  return gap > tol ? fl + 1 : gap < -tol ? fl : Number(divRoundHalfUp(BigInt(ded) * BigInt(annual), BigInt(base)));
}

/**
 * Tiers outside the pieces (a target beyond them, or an entitlement that changes every draw): the
 * engine's own applyTiers — its small form in doubles when x and T are in range, else bigint.
 */
const tiersExact = (table: CompiledTierTable, x: number, t: number): number => applyTiers(table, x as Fen, t as Fen);

/** Stands in for an absent tier table (never evaluated: the kernel checks for null first). */
const NO_TIERS: TierPieces = {
  table: { mode: 'marginal', tiers: [] }, k: 1, du: 1, d: 1, invD: 1, half: 0.5, quarter: 0.25, xMax: -1,
  bound: new Float64Array(0), alpha: new Float64Array(0), beta: new Float64Array(0), exact: new Uint8Array(0),
};

/** Scratch space for a draw's normals (one per institution). */
let normals = new Float64Array(0);

/** Scratch space for the monthly split under a claims-based deposit. */
const months = new Float64Array(12);

/**
 * Deposit withheld month by month from payable claims (claims base, capped months): the
 * engine's monthly path on the drawn claims split by the profile.
 */
function depositOnClaims(inp: RiskInput, h: number, annual: number): number {
  const ps = inp.profileSmall;
  if (ps) apportionSmallInto(annual, ps.w, ps.sum, months, 0);
  else months.set(apportion(annual, inp.profile));
  const rate = inp.depositRate[h]!;
  const cb = inp.cumBudget;
  let cumC = 0, prev = 0, dep = 0;
  for (let k = 0; k < 12; k++) {
    cumC += months[k]!;
    const cm = cb[12 * h + k]!;
    const x = cm < cumC ? cm : cumC;
    dep += mulFraction(x - prev, rate);
    prev = x;
  }
  return dep;
}

/** Pools settled by points that had no points in the draw just settled by drawPoints. */
let pointless = 0;

/** Scratch space for a draw with pools settled by points: annual claims, raw points, T and the points deposit forfeited, per institution. */
let annuals = new Float64Array(0), raws = new Float64Array(0), targets = new Float64Array(0);
let pDeposit = new Float64Array(0), pLost = new Float64Array(0);

/**
 * An institution's annual claims in a draw (DESIGN §9): growth evaluated in this order,
 * (μ_h + z) + σ_h·N; claims rounded half-up to the fen (⌊x + ½⌋ is exact for ½ ≤ x < 2^51:
 * x + ½ is then computed without rounding); 0 when g ≤ −1.
 */
function annualOf(inp: RiskInput, h: number, z: number, e: number): number {
  const g = inp.mu[h]! + z + inp.sigma[h]! * e;
  if (!(g > -1)) return 0;
  const x = inp.last[h]! * (1 + g);
  return x < 0.5 ? 0 : Math.floor(x + 0.5);
}

/**
 * The raw points of a draw. DESIGN §9 draws claims and §7 is silent on how points vary, so the
 * uncertainty model of claims is applied to points as a finance officer reads it: points are
 * the volume and case mix that claims are the cost of, so an institution's points move in
 * proportion to its drawn claims — raw points = round4(file's raw points × drawn claims /
 * the file's claims), half-up to 10^-4 points, exactly as the scaled deductions do (the same
 * growth shock moves both; the case mix is the file's). Without claims in the file to scale by,
 * the file's points. The projected points, and so the budget point value pv0, are the plan's:
 * fixed before the year, the same in every draw.
 */
export function pointsOf(inp: RiskInput, h: number, annual: number): number {
  const raw = inp.rawPoints[h]!, base = inp.claimsBase[h]!;
  if (raw <= 0 || base <= 0) return raw;
  return scaledDeduction(raw, annual, base, inp.pointsRatio[h]!);
}

/**
 * Pools settled by points, for draw (z, eps): every institution's annual claims (into
 * `annuals`), and for points institutions their raw points, their points after k_h, the
 * pool's entitlements by the engine's own settlePointsPool (the point value floats: the pool
 * is paid out exactly, or its capped amount), and the deposit withheld from the monthly
 * pre-settlement at the budget point value (the engine's settle-points.ts on the points split
 * over the months by the profile) with what of it is forfeited. T of others: their target.
 * A pool whose members' points all come to 0 has no point value (P_k / 0): every entitlement is
 * 0 and its amount is left unpaid, with the fund (the engine's model.noPoints 'unpaid'); counted.
 */
function drawPoints(inp: RiskInput, z: number, eps: Float64Array): void {
  const n = inp.n;
  if (annuals.length < n) {
    annuals = new Float64Array(n); raws = new Float64Array(n); targets = new Float64Array(n);
    pDeposit = new Float64Array(n); pLost = new Float64Array(n);
  }
  for (let h = 0; h < n; h++) annuals[h] = annualOf(inp, h, z, eps[h]!);
  targets.set(inp.target);
  pointless = 0;
  for (const pool of inp.pointsPools) {
    const members = pool.members;
    const m = members.length;
    if (weights.length < m) { weights = new Float64Array(m); ents = new Float64Array(m); }
    let sum = 0; // Σ Pts, exact while at most 2^53 − 1 (the points are whole 10^-4 points)
    for (let j = 0; j < m; j++) {
      const h = members[j]!;
      const raw = pointsOf(inp, h, annuals[h]!);
      raws[h] = raw;
      const p = mulFraction(raw, inp.pointsCoef[h]!);
      weights[j] = p;
      sum += p;
    }
    const fast = sum <= SAFE;
    if (fast) settlePoolFast(pool, sum);
    else {
      // Points beyond 2^53 units: the engine's settlement in bigint (the same figures).
      const settled = settlePointsPool(pool.amount as Fen, Array.from(weights.subarray(0, m), BigInt), [pool.projected], pool.cap);
      ents.set(settled.entitlements);
    }
    if (sum === 0) pointless++;
    const ps = inp.profileSmall;
    const dv = derivedOf(inp);
    const table = dv.months;
    const amount = pool.amount;
    const d = Number(pool.projected);
    // pv0 = P / Σ Proj as a double: the pre-settlement's estimate is one product (preSettlementUnits' bound holds for it).
    const pv0 = amount / d;
    const noFast = !(amount >= 0 && amount <= SAFE && d <= SAFE && pool.projected > 0n);
    for (let j = 0; j < m; j++) {
      const h = members[j]!;
      targets[h] = ents[j]!;
      const rate = inp.depositRate[h]!;
      const p = weights[j]!;
      let dep = 0;
      if (ps !== null && p <= SAFE) {
        // The months' points by the profile (largest remainder, exact in doubles): split(a·W + b) = a·w + split(b),
        // split(b) from the table when the profile's weights sum to at most MONTH_TABLE.
        const W = ps.sum;
        if (table !== null) {
          const a = Math.floor(p / W);
          const b = p - a * W;
          for (let k = 0, at = b * 12; k < 12; k++) months[k] = a * ps.w[k]! + table[at + k]!;
        } else apportionSmallInto(p, ps.w, W, months, 0);
        for (let k = 0; k < 12; k++) {
          const x = months[k]!;
          let pre: number;
          const e = x * pv0;
          const frac = e - Math.floor(e);
          if (!noFast && e < 2 ** 52 && Math.abs(frac - 0.5) > e * 2 ** -48 + 2 ** -52) pre = Math.round(e);
          else pre = preSettlementUnits(x, amount as Fen, d, pool.projected);
          dep += mulFraction(pre, rate);
        }
      } else {
        for (const x of apportionUnits(BigInt(p), inp.profile)) dep += mulFraction(preSettlement(x, amount as Fen, pool.projected), rate);
      }
      pDeposit[h] = dep;
      const qp = dv.qp[h]!;
      const kept = qp >= 0 && dep * qp <= SAFE ? mulDivSmall(dep, qp, dv.qq[h]!) : applyRatio(dep as Fen, inp.quality[h]!);
      pLost[h] = dep - kept;
    }
  }
}

/** Profiles whose weights sum to at most this have their month splits tabled (12 × W small integers). */
const MONTH_TABLE = 4096;

/** What the points draws derive once from an input: the month-split table, and the quality ratios as doubles. */
interface Derived {
  /** months[12·b + k]: month k's part of b points split by the profile (largest remainder), b < W; null: no table. */
  months: Int32Array | null;
  /** Quality ratio num/den as doubles (qp = −1: too large, the engine's applyRatio). */
  qp: Float64Array;
  qq: Float64Array;
}

const derived = new WeakMap<RiskInput, Derived>();

function derivedOf(inp: RiskInput): Derived {
  let dv = derived.get(inp);
  if (dv) return dv;
  const ps = inp.profileSmall;
  let table: Int32Array | null = null;
  if (ps !== null && ps.sum <= MONTH_TABLE) {
    table = new Int32Array(ps.sum * 12);
    const part = new Float64Array(12);
    for (let b = 0; b < ps.sum; b++) {
      apportionSmallInto(b, ps.w, ps.sum, part, 0);
      table.set(part, b * 12);
    }
  }
  const n = inp.n, qp = new Float64Array(n), qq = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    const r = inp.quality[h];
    const small = r !== undefined && r.num >= 0n && r.num < QUALITY_SMALL && r.den < QUALITY_SMALL;
    qp[h] = small ? Number(r.num) : -1;
    qq[h] = small ? Number(r.den) : 1;
  }
  dv = { months: table, qp, qq };
  derived.set(inp, dv);
  return dv;
}

/** quality.ts applyRatio's exact double path: num and den below 2^21. */
const QUALITY_SMALL = 1n << 21n;

/** A pool's points (weights) and entitlements (ents) of the draw, in pool order. */
let weights = new Float64Array(0), ents = new Float64Array(0);

/**
 * The engine's settlePointsPool on points held as doubles (whole 10^-4 points, Σ at most 2^53 − 1):
 * the entitlements into `ents` — the pool's amount, or round(cap × pv0 × Σ Pts) when the
 * point-value cap binds, apportioned by largest remainder (apportionWholeInto: apportionColumn's
 * parts, without bigint unless a quota or remainder is too close to call). No points: all 0.
 */
function settlePoolFast(pool: PointsPoolInput, sum: number): void {
  const m = pool.members.length;
  if (sum === 0) { ents.fill(0, 0, m); return; }
  const amount = pool.amount;
  // pv > cap × pv0  ⇔  Σ Proj > cap × Σ Pts (for P > 0), exactly (points.ts).
  const capped = pool.cap !== null && amount > 0 && pool.projected > 0n && pool.projected * RATE_ONE > pool.cap * BigInt(sum);
  const entitled = capped ? Number(divRoundHalfUp(pool.cap! * BigInt(amount) * BigInt(sum), RATE_ONE * pool.projected)) : amount;
  apportionWholeInto(entitled, weights, m, sum, ents);
}

/** The fund's figures of the draw just settled. */
interface FundOut {
  closing: number;
  months: number;
  used: number;
  exhausted: boolean;
  noPointValue: boolean;
}

/**
 * Settle draw d. Counts go to overCount / rewardCount; with `detail`, every institution's
 * figures are recorded (and the pro-rata cut applied per institution, as the engine does).
 */
function settleDraw(inp: RiskInput, d: number, overCount: Uint32Array, rewardCount: Uint32Array, out: FundOut, detail: DrawDetail | null): void {
  const n = inp.n;
  const stream = drawStream(inp.seed, d);
  const z = inp.sigmaCommon * stream.normal();
  if (normals.length < n) normals = new Float64Array(n);
  const eps = normals;
  stream.normals(eps, n);
  const { last, mu, sigma, target, deductions, claimsBase, deductionRatio, rewardCap, fundShareCap, eligible, forfeited } = inp;
  const scaled = inp.deductionsScaled;
  const onClaims = inp.depositOnClaims;
  const sur = inp.surplus, ovr = inp.overspend;
  // The tier pieces' fields in locals: loaded once per draw, not once per institution.
  const sp = sur ?? NO_TIERS, op = ovr ?? NO_TIERS;
  const sBound = sp.bound, sAlpha = sp.alpha, sBeta = sp.beta, sExact = sp.exact, sK = sp.k, sDu = sp.du, sMax = sp.xMax;
  const sD = sp.d, sInv = sp.invD, sHalf = sp.half, sQuarter = sp.quarter;
  const oBound = op.bound, oAlpha = op.alpha, oBeta = op.beta, oExact = op.exact, oK = op.k, oDu = op.du, oMax = op.xMax;
  const oD = op.d, oInv = op.invD, oHalf = op.half, oQuarter = op.quarter;
  const reasonable = inp.reasonable, threshold = inp.threshold;
  // Exact double paths when the fractions are small (else bigint, per institution).
  const rp = reasonable.p, rq = reasonable.q, rInv = rq !== 0 ? 1 / rq : 0, rHalf = rq / 2, rQuarter = rq !== 0 ? 0.25 / rq : 0;
  const tp = threshold.p, tq = threshold.q;
  let due = 0; // Σ due, the fund's shares of overspend left out (added once they are final)
  let claimed = 0;
  let forfeit = onClaims ? 0 : inp.forfeitedTotal;
  const byPoints = inp.pointsPools.length > 0;
  if (byPoints) drawPoints(inp, z, eps);
  out.noPointValue = byPoints && pointless > 0;
  const pool = inp.pointsPool;
  for (let h = 0; h < n; h++) {
    // Growth, evaluated in this order: (μ_h + z) + σ_h·N; claims rounded half-up to the fen
    // (⌊x + ½⌋ is exact for ½ ≤ x < 2^51: x + ½ is then computed without rounding).
    let annual = 0;
    if (byPoints) annual = annuals[h]!;
    else {
      const g = mu[h]! + z + sigma[h]! * eps[h]!;
      if (g > -1) {
        const x = last[h]! * (1 + g);
        annual = x < 0.5 ? 0 : Math.floor(x + 0.5);
      }
    }
    let ded = 0;
    const fd = deductions[h]!;
    if (fd > 0) ded = scaled ? scaledDeduction(fd, annual, claimsBase[h]!, deductionRatio[h]!) : fd < annual ? fd : annual;
    const a = annual - ded;
    const inPoints = byPoints && pool[h]! >= 0;
    const t = byPoints ? targets[h]! : target[h]!;
    let dep = 0, lost = 0;
    if (inPoints) {
      dep = pDeposit[h]!;
      lost = pLost[h]!;
      forfeit += lost;
    } else if (onClaims) {
      dep = depositOnClaims(inp, h, annual);
      lost = dep - applyRatio(dep as Fen, inp.quality[h]!);
      forfeit += lost;
    }
    let reward = 0, share = 0, over = false;
    if (a < t) {
      if (sur !== null && eligible[h] === 1) {
        const x = t - a;
        if (x <= sMax && sExact[h] === 0) {
          // The piece x falls on: how many of the institution's finite bounds lie below x·du.
          const X = x * sDu;
          const at = h * sK;
          let j = 0;
          for (let i = sK - 2; i >= 0; i--) j += X > sBound[at + i]! ? 1 : 0;
          const v = sAlpha[at + j]! + sBeta[j]! * x;
          reward = v <= FAST_LIMIT ? roundDivFast(v, sHalf, sInv, sQuarter) : roundDiv(v, sD, sInv);
        } else reward = tiersExact(sur.table, x, t);
        const cap = inPoints ? (inp.rewardCapRate ? mulFraction(t, inp.rewardCapRate) : Infinity) : rewardCap[h]!;
        if (cap < reward) reward = cap;
        if (reward > 0) rewardCount[h]!++;
      }
      due += a + reward;
    } else if (a > t) {
      const o = a - t;
      if (ovr !== null) {
        const or = o * rp;
        const x = rq !== 0 && or <= FAST_LIMIT ? roundDivFast(or, rHalf, rInv, rQuarter) : mulFraction(o, reasonable);
        if (x > 0) {
          if (x <= oMax && oExact[h] === 0) {
            const X = x * oDu;
            const at = h * oK;
            let j = 0;
            for (let i = oK - 2; i >= 0; i--) j += X > oBound[at + i]! ? 1 : 0;
            const v = oAlpha[at + j]! + oBeta[j]! * x;
            share = v <= FAST_LIMIT ? roundDivFast(v, oHalf, oInv, oQuarter) : roundDiv(v, oD, oInv);
          } else share = tiersExact(ovr.table, x, t);
        }
        const cap = inPoints ? (inp.fundShareCapRate ? mulFraction(t, inp.fundShareCapRate) : Infinity) : fundShareCap[h]!;
        if (cap < share) share = cap;
        claimed += share;
      }
      due += t;
      // Overspend rate o/t above the threshold p/q: o·q > t·p, exactly.
      const l = o * tq, r = t * tp;
      over = t > 0 && tq !== 0 && l <= SAFE && r <= SAFE ? l > r : aboveExact(o, t, threshold);
      if (over) overCount[h]!++;
    } else due += a;
    if (detail !== null) {
      detail.annual[h] = annual;
      detail.deductions[h] = ded;
      detail.actual[h] = a;
      detail.reward[h] = reward;
      detail.fundShareClaimed[h] = share;
      detail.deposit[h] = dep; // withheld from claims (claims base) or from pre-settlement (points); 0 when the deposit is fixed
      detail.forfeited[h] = onClaims || inPoints ? lost : forfeited[h]!;
      detail.target[h] = t;
      detail.rawPoints[h] = inPoints ? raws[h]! : 0;
      detail.over[h] = over ? 1 : 0;
      detail.rewarded[h] = reward > 0 ? 1 : 0;
    }
  }
  const af = inp.adjustmentFund;
  const topUp = claimed > af && inp.topUpCap >= 0 ? Math.min(inp.topUpCap, claimed - af) : 0;
  const available = af + topUp;
  const exhausted = claimed > available;
  const used = exhausted ? available : claimed;
  const owed = due + used - forfeit;
  const expenditure = owed + inp.carveOuts;
  const closing = inp.opening + inp.revenue - expenditure;
  out.closing = closing;
  out.months = expenditure !== 0 ? (closing * 12) / expenditure : closing > 0 ? Infinity : closing < 0 ? -Infinity : 0;
  out.used = used;
  out.exhausted = exhausted;
  if (detail !== null) finishDetail(inp, detail, claimed, available, used, exhausted, owed, expenditure, out);
}

/** Per-institution shares after any cut (largest remainder, as the engine), owed and the fund's figures. */
function finishDetail(
  inp: RiskInput, det: DrawDetail, claimed: number, available: number, used: number, exhausted: boolean, owed: number, expenditure: number, out: FundOut,
): void {
  const cut = exhausted ? apportion(available, Array.from(det.fundShareClaimed, BigInt)) : det.fundShareClaimed;
  for (let h = 0; h < inp.n; h++) {
    const a = det.actual[h]!, t = det.target[h]!;
    const share = cut[h]!;
    det.fundShare[h] = share;
    const due = a < t ? a + det.reward[h]! : a > t ? t + share : a;
    det.owed[h] = due - det.forfeited[h]!;
  }
  det.claimed = claimed;
  det.available = available;
  det.used = used;
  det.exhausted = exhausted;
  det.noPointValue = out.noPointValue;
  det.owedTotal = owed;
  det.expenditure = expenditure;
  det.closing = out.closing;
  det.months = out.months;
}

/**
 * Where runDrawsInto writes: the draws' figures at draw − offset (one range of a run, or the whole
 * run's arrays when a thread settles several ranges into them), and per-institution counts added to.
 */
export interface DrawsOut {
  offset: number;
  closing: Float64Array;
  months: Float64Array;
  afUsed: Float64Array;
  exhausted: Uint8Array;
  overCount: Uint32Array;
  rewardCount: Uint32Array;
  noPointValue: number;
}

/**
 * Draws [from, to) into `o` (figures at d − o.offset, counts added). `onProgress(done)` is called
 * every `every` draws and at the end (a runner reports it; cancelling is the runner's: it stops
 * the worker).
 */
export function runDrawsInto(inp: RiskInput, from: number, to: number, o: DrawsOut, onProgress?: (done: number) => void, every = 100): void {
  const out: FundOut = { closing: 0, months: 0, used: 0, exhausted: false, noPointValue: false };
  const { closing, months, afUsed, exhausted, overCount, rewardCount } = o;
  let npv = 0;
  for (let d = from; d < to; d++) {
    settleDraw(inp, d, overCount, rewardCount, out, null);
    const j = d - o.offset;
    closing[j] = out.closing;
    months[j] = out.months;
    afUsed[j] = out.used;
    exhausted[j] = out.exhausted ? 1 : 0;
    if (out.noPointValue) npv++;
    if (onProgress && ((d - from + 1) % every === 0 || d === to - 1)) onProgress(d - from + 1);
  }
  o.noPointValue += npv;
}

/** Draws [from, to) as a block of their own (runDrawsInto on fresh arrays). */
export function runDraws(inp: RiskInput, from: number, to: number, onProgress?: (done: number) => void, every = 100): DrawBlock {
  const m = to - from;
  const block: DrawBlock = {
    from, to,
    closing: new Float64Array(m), months: new Float64Array(m), afUsed: new Float64Array(m), exhausted: new Uint8Array(m),
    overCount: new Uint32Array(inp.n), rewardCount: new Uint32Array(inp.n), noPointValue: 0,
  };
  const o: DrawsOut = { ...block, offset: from };
  runDrawsInto(inp, from, to, o, onProgress, every);
  block.noPointValue = o.noPointValue;
  return block;
}

/** Draw d in full (the same code as runDraws, recording every institution's figures). */
export function drawDetail(inp: RiskInput, d: number): DrawDetail {
  const n = inp.n;
  const f = () => new Float64Array(n);
  const det: DrawDetail = {
    d, annual: f(), deductions: f(), actual: f(), reward: f(), fundShareClaimed: f(), fundShare: f(), deposit: f(), forfeited: f(), owed: f(), target: f(),
      rawPoints: f(),
    over: new Uint8Array(n), rewarded: new Uint8Array(n),
    claimed: 0, available: 0, used: 0, exhausted: false, noPointValue: false, owedTotal: 0, expenditure: 0, closing: 0, months: 0,
  };
  const out: FundOut = { closing: 0, months: 0, used: 0, exhausted: false, noPointValue: false };
  settleDraw(inp, d, new Uint32Array(n), new Uint32Array(n), out, det);
  return det;
}

/** A block's buffers, to transfer (not copy) it to another thread. */
export function blockBuffers(b: DrawBlock): ArrayBuffer[] {
  return [b.closing.buffer, b.months.buffer, b.afUsed.buffer, b.exhausted.buffer, b.overCount.buffer, b.rewardCount.buffer] as ArrayBuffer[];
}
