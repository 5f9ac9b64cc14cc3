/**
 * Region and allocation: budget → global target G → adjustment fund AF and allocatable P →
 * pools → hospital targets (locked ones first, the rest by weight), or, in a pool settled by
 * points (DESIGN §7), entitlements by points.
 */
import { mulRate, sum, formatMoney, type Fen } from './money.ts';
import { apportion, apportionColumn, ApportionError } from './apportion.ts';
import { Issues } from '../format/issues.ts';
import { settlePointsPool, type PointsPool } from './points.ts';
import type { Model, PoolModel } from './model.ts';

export interface Region {
  riskReserve: Fen;
  carveOuts: Fen;
  globalTarget: Fen;
  adjustmentFund: Fen;
  allocatable: Fen;
  /** `points`: the pool's point settlement (pools settled by points only). */
  pools: { id: string; name: string; amount: Fen; locked: Fen; weightSum: bigint; points?: PointsPool }[];
  /** Per hospital, file order: its target, or in a points pool its entitlement before any point-value cap. */
  targets: Float64Array;
  poolOf: Int32Array;
  /** Per pool: its point settlement, or null for a pool settled by targets. */
  points: (PointsPool | null)[];
  /** Per hospital: a points pool's entitlements after the cap (= targets elsewhere). */
  entitlements: Float64Array;
}

export function allocate(m: Model): Region {
  const f = m.fund;
  const riskReserve = mulRate(f.budget, f.riskReserveRate);
  const carveOuts = sum(f.carveOuts.map((c) => c.amount));
  const globalTarget = (f.budget - carveOuts - riskReserve) as Fen;
  const adjustmentFund = mulRate(globalTarget, f.adjustmentFundRate);
  const allocatable = (globalTarget - adjustmentFund) as Fen;
  const poolAmounts = apportion(allocatable, m.pools.map((p) => p.share));
  // Typed columns: JS arrays of 100,000 numbers cost more to build than the split itself.
  const hs = m.hospitals;
  const targets = new Float64Array(hs.length);
  const poolOf = new Int32Array(hs.length).fill(-1);
  const issues = new Issues();
  const points: (PointsPool | null)[] = m.pools.map(() => null);
  let entitlements: Float64Array | null = null;
  const pools = m.pools.map((p, k) => {
    const amount = poolAmounts[k]!;
    const members = p.members;
    if (p.byPoints) {
      for (const i of members) poolOf[i] = k;
      const settled = pointsPool(m, p, k, amount, issues);
      points[k] = settled;
      if (settled) {
        entitlements ??= targets.slice();
        members.forEach((i, j) => { targets[i] = settled.allocated[j]!; entitlements![i] = settled.entitlements[j]!; });
      }
      return { id: p.id, name: p.name, amount, locked: 0 as Fen, weightSum: 0n, ...(settled ? { points: settled } : {}) };
    }
    let locked = 0;
    let unlocked = 0;
    for (let j = 0; j < members.length; j++) {
      const i = members[j]!;
      poolOf[i] = k;
      const h = hs[i]!;
      if (h.locked !== null) {
        targets[i] = h.locked;
        locked += h.locked;
      } else unlocked++;
    }
    const rest = amount - locked;
    const free = new Int32Array(unlocked);
    const weights = new Array<bigint>(unlocked);
    let weightSum = 0n;
    for (let j = 0, f = 0; j < members.length; j++) {
      const i = members[j]!;
      const h = hs[i]!;
      if (h.locked !== null) continue;
      const w = h.weight;
      if (w < 0n) throw new ApportionError('negative weight');
      free[f] = i;
      weights[f++] = w;
      weightSum += w;
    }
    // Without policy.pools there is no pool field to point at: the institutions are the cause.
    const where = p.implicit ? 'hospitals' : `policy.pools[${k}]`;
    const pool = p.implicit ? 'the amount to allocate' : `pool "${p.id}"`;
    if (rest < 0) {
      if (p.implicit) issues.code(where, 'lockedExceed', { locked: formatMoney(locked), amount: formatMoney(amount) });
      else issues.code(where, 'lockedExceedPool', { pool: p.id, poolName: p.name, locked: formatMoney(locked), amount: formatMoney(amount) });
    } else if (rest > 0 && weightSum === 0n) {
      const code = free.length === 0 ? (p.members.length === 0 ? 'poolNoMembers' : 'poolAllLocked') : 'poolZeroWeights';
      issues.code(where, code, p.implicit ? { pool: '', rest: formatMoney(rest) } : { pool: p.id, poolName: p.name, rest: formatMoney(rest) });
    } else if (rest > 0) {
      const parts = apportionColumn(rest, weights, weightSum);
      for (let j = 0; j < free.length; j++) targets[free[j]!] = parts[j]!;
    }
    return { id: p.id, name: p.name, amount, locked: locked as Fen, weightSum };
  });
  issues.throwIfAny();
  return { riskReserve, carveOuts, globalTarget, adjustmentFund, allocatable, pools, targets, poolOf, points, entitlements: entitlements ?? targets };
}

/**
 * A pool settled by points; null (with an issue) when it has money and no points to share it by —
 * unless the model says such a pool is left unpaid (model.noPoints, Monte Carlo draws): then every
 * entitlement is 0 and the whole amount stays with the fund.
 */
function pointsPool(m: Model, p: PoolModel, k: number, amount: Fen, issues: Issues): ReturnType<typeof settlePointsPool> | null {
  const pts = p.members.map((i) => m.hospitals[i]!.points?.pts ?? 0n);
  const proj = p.members.map((i) => m.hospitals[i]!.points?.proj ?? 0n);
  const settled = settlePointsPool(amount, pts, proj, m.pointValueCap);
  if (amount > 0 && settled.points === 0n && m.noPoints !== 'unpaid') {
    issues.code(`policy.pools[${k}]`, p.members.length === 0 ? 'pointsPoolNoMembers' : 'pointsPoolNoPoints',
      { pool: p.id, poolName: p.name, amount: formatMoney(amount) });
    return null;
  }
  if (amount > 0 && settled.projected === 0n) {
    issues.code(`policy.pools[${k}]`, 'pointsPoolNoProjected', { pool: p.id, poolName: p.name });
    return null;
  }
  return settled;
}
