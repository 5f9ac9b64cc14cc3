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
import { apportion, apportionSmallInto } from '../apportion.ts';
import { divRoundHalfUp, mulDivSmall, RATE_ONE } from '../money.ts';
import { applyTiersExact, type CompiledTierTable } from '../tiers.ts';
import { FAST_LIMIT, roundDiv, roundDivFast, type TierPieces } from './tier-pieces.ts';
import { applyRatio } from '../quality.ts';
import type { Fen } from '../money.ts';
import { drawStream } from './rng.ts';
import { apportionUnits, preSettlement, settlePointsPool } from '../points.ts';
import type { Fraction, RiskInput } from './prepare.ts';

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

const tiersExact = (table: CompiledTierTable, x: number, t: number): number => applyTiersExact(table, x as Fen, t as Fen);

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
let annuals = new Float64Array(0), raws = new Float64Array(0), targets = new Float64Array(0), pDeposit = new Float64Array(0), pLost = new Float64Array(0);

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
    const pts: bigint[] = [];
    for (const h of pool.members) {
      const raw = pointsOf(inp, h, annuals[h]!);
      raws[h] = raw;
      pts.push(BigInt(mulFraction(raw, inp.pointsCoef[h]!)));
    }
    const settled = settlePointsPool(pool.amount as Fen, pts, [pool.projected], pool.cap);
    if (settled.points === 0n) pointless++;
    pool.members.forEach((h, j) => {
      targets[h] = settled.entitlements[j]!;
      const rate = inp.depositRate[h]!;
      let dep = 0;
      for (const m of apportionUnits(pts[j]!, inp.profile)) dep += mulFraction(preSettlement(m, pool.amount as Fen, pool.projected), rate);
      pDeposit[h] = dep;
      pLost[h] = dep - applyRatio(dep as Fen, inp.quality[h]!);
    });
  }
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
 * Draws [from, to). `onProgress(done)` is called every `every` draws and at the end (a runner
 * posts it to the page; cancelling is the runner's: it stops the worker).
 */
export function runDraws(inp: RiskInput, from: number, to: number, onProgress?: (done: number) => void, every = 100): DrawBlock {
  const m = to - from;
  const block: DrawBlock = {
    from, to,
    closing: new Float64Array(m), months: new Float64Array(m), afUsed: new Float64Array(m), exhausted: new Uint8Array(m),
    overCount: new Uint32Array(inp.n), rewardCount: new Uint32Array(inp.n), noPointValue: 0,
  };
  const out: FundOut = { closing: 0, months: 0, used: 0, exhausted: false, noPointValue: false };
  for (let d = from; d < to; d++) {
    settleDraw(inp, d, block.overCount, block.rewardCount, out, null);
    const j = d - from;
    block.closing[j] = out.closing;
    block.months[j] = out.months;
    block.afUsed[j] = out.used;
    block.exhausted[j] = out.exhausted ? 1 : 0;
    if (out.noPointValue) block.noPointValue++;
    if (onProgress && ((j + 1) % every === 0 || d === to - 1)) onProgress(j + 1);
  }
  return block;
}

/** Draw d in full (the same code as runDraws, recording every institution's figures). */
export function drawDetail(inp: RiskInput, d: number): DrawDetail {
  const n = inp.n;
  const f = () => new Float64Array(n);
  const det: DrawDetail = {
    d, annual: f(), deductions: f(), actual: f(), reward: f(), fundShareClaimed: f(), fundShare: f(), deposit: f(), forfeited: f(), owed: f(), target: f(), rawPoints: f(),
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
