/**
 * How an institution's entitlement in a pool settled by points was derived (DESIGN §7), as the
 * figures a negotiator checks step by step: its raw case points, its coefficient and where it
 * comes from, its points, the pool's points and point values, its share, the entitlement
 * apportioned to the fen, the pre-settlement paid during the year and the payment rate.
 * The words for these steps are display/points-steps.ts's. Pure, exact.
 */
import { formatPoints } from './points.ts';
import { compilePoints } from './points-compile.ts';
import { formatMoney, parseMoney } from './money.ts';
import { Issues } from '../format/issues.ts';
import type { FundResult, HospitalResult } from './result.ts';
import type { Hospital, Scenario } from '../format/types.ts';

export interface PointsExplanation {
  /** Where the year's raw points come from: the file's total, its months, or a projection. */
  source: 'total' | 'months' | 'projection';
  /** Σ case points before the coefficient (4 decimals). */
  raw: string;
  /** k_h and whether it is the institution's own, its level's, or the default 1. */
  coefficient: string;
  coefficientFrom: 'own' | 'level' | 'default';
  level: string;
  /** Pts_h = round4(k_h × raw). */
  points: string;
  projectedPoints: string;
  cases: number | null;
  pool: {
    id: string; name: string; amount: string; points: string; projectedPoints: string;
    budgetPointValue: string | null; pointValue: string | null; capped: boolean; entitled: string; capCut: string;
  };
  /** Pts_h / Σ Pts (8 decimals). */
  share: string | null;
  /** E_h: its part of what the pool's entitlements share, apportioned to the fen (largest remainder). */
  entitlement: string;
  /** Σ monthly pre-settlement (Σ round(Pts_{h,m} × pv0)) and the deposit withheld from it. */
  preSettled: string;
  withheld: string;
  actual: string;
  /** 支付率 E / A. */
  paymentRate: string | null;
  /** Top groups as imported (for the brief), at most 5. */
  topGroups: NonNullable<NonNullable<Hospital['points']>['groups']>;
}

const ONES = Array.from({ length: 12 }, () => 1n);

/** The explanation of a member of a pool settled by points; null for anyone else. */
export function explainPoints(s: Scenario, fund: FundResult, hr: HospitalResult, index: number): PointsExplanation | null {
  const h = s.hospitals[index];
  const pool = fund.pools.find((p) => p.id === hr.pool && p.settlement === 'points');
  if (!h || !pool) return null;
  const pp = s.policy.points;
  const m = compilePoints(h, pp, ONES, `hospitals[${index}]`, new Issues());
  const own = h.points?.coefficient !== undefined;
  const byLevel = !own && pp?.levelCoefficients?.[h.level] !== undefined;
  const sum = (xs: readonly string[]) => xs.reduce((a, x) => a + parseMoney(x), 0);
  return {
    source: h.points?.total !== undefined ? 'total' : h.points?.months !== undefined ? 'months' : 'projection',
    raw: formatPoints(m?.raw ?? 0n),
    coefficient: own ? h.points!.coefficient! : byLevel ? pp!.levelCoefficients![h.level]! : '1',
    coefficientFrom: own ? 'own' : byLevel ? 'level' : 'default',
    level: h.level,
    points: formatPoints(m?.pts ?? 0n),
    projectedPoints: formatPoints(m?.proj ?? 0n),
    cases: h.points?.cases ?? null,
    pool: {
      id: pool.id, name: pool.name, amount: pool.amount, points: pool.points ?? formatPoints(0n), projectedPoints: pool.projectedPoints ?? formatPoints(0n),
      budgetPointValue: pool.budgetPointValue ?? null, pointValue: pool.pointValue ?? null, capped: pool.pointValueCapped ?? false,
      entitled: pool.entitled ?? pool.amount, capCut: pool.capCut ?? '0.00',
    },
    share: hr.pointShare,
    entitlement: hr.target,
    preSettled: formatMoney(sum(hr.monthlyBudget)),
    withheld: formatMoney(sum(hr.withheld)),
    actual: hr.actual,
    paymentRate: hr.paymentRate,
    topGroups: (h.points?.groups ?? []).slice(0, 5),
  };
}
