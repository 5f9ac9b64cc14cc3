/** The compiled, checked scenario the engine runs on: exact amounts and rates only. */
import type { Fen, Rate } from './money.ts';
import type { CompiledTierTable } from './tiers.ts';
import type { CompiledQuality, Ratio } from './quality.ts';
import type { PointsModel } from './points.ts';

export interface FundModel {
  budget: Fen;
  revenue: Fen;
  opening: Fen;
  riskReserveRate: Rate;
  adjustmentFundRate: Rate;
  /** null: no top-up from the fund balance is allowed. */
  topUpCap: Fen | null;
  carveOuts: readonly { id: string; name: string; amount: Fen }[];
}

export interface PoolModel {
  id: string;
  name: string;
  share: Rate;
  /** Indices into hospitals, file order. */
  members: readonly number[];
  /** The one pool of everyone when policy.pools is absent (issues then point at "hospitals"). */
  implicit?: boolean;
  /** Settled by points (DESIGN §7): entitlements from points in the place of targets. */
  byPoints: boolean;
}

export interface HospitalModel {
  id: string;
  /** Allocation weight (exact, common scale across hospitals). */
  weight: bigint;
  locked: Fen | null;
  depositRate: Rate;
  /** Volume and floor, when the floor applies. */
  volume: number | null;
  floor: number | null;
  claims: readonly Fen[];
  projected: boolean;
  deductions: Fen;
  /** null: no score given (full deposit returned). */
  score: Rate | null;
  /** Share of the deposit returned, from the score and the quality table (1 without either). */
  quality: Ratio;
  rewardEligible: boolean;
  /** 合理超支认定: this institution's own reasonable share of overspend (null: the policy's). */
  reasonableShare: Rate | null;
  /** Its points (after its coefficient), null when the file gives none; read only in a pool settled by points. */
  points: PointsModel | null;
  advanceEligible: boolean;
}

export interface SurplusModel {
  table: CompiledTierTable;
  cap: Rate | null;
}

export interface OverspendModel {
  table: CompiledTierTable;
  reasonableShare: Rate;
  cap: Rate | null;
}

export interface Model {
  fund: FundModel;
  pools: readonly PoolModel[];
  hospitals: readonly HospitalModel[];
  depositBase: 'target' | 'claims';
  /** Pay each month's amount in advance whatever the claims (else: claims capped by it). */
  prepaid: boolean;
  /** 12 month weights, reduced by their gcd. */
  profile: readonly bigint[];
  /** The same as doubles with their sum, when small enough for the exact fast path (else null). */
  profileSmall: { w: readonly number[]; sum: number } | null;
  surplus: SurplusModel | null;
  overspend: OverspendModel | null;
  volumeFloor: boolean;
  quality: CompiledQuality | null;
  advanceMonths: Rate | null;
  /** Claims are known through this month (DESIGN §10); 12 when the file is not monitoring a year. */
  asOf: number;
  /** Mid-year adjustments, file order (DESIGN §10); applied after allocation (engine/adjust.ts). */
  adjustments: readonly CompiledAdjustment[];
  /** 点值封顶: settlement point value at most cap × budget point value (pools settled by points). */
  pointValueCap: Rate | null;
  /**
   * A pool settled by points whose institutions have no points in the year has no point value
   * (P_k / 0). A file saying so is refused ('refuse', the default: points almost always not
   * imported yet). In a Monte Carlo draw it is an outcome — every member's drawn points rounded
   * to nothing — and is settled ('unpaid'): every entitlement 0, the pool's amount unpaid, staying
   * with the fund (as a point-value cap keeps what it cuts); the draw is counted (risk/summary.ts).
   */
  noPoints?: 'refuse' | 'unpaid';
}

export interface CompiledAdjustment {
  /** The institution's index (file order). */
  index: number;
  /** First month (1–12) of the new budget. */
  from: number;
  /** The new annual target, or null when given as a change. */
  target: Fen | null;
  /** The signed change, or null when given as a new target. */
  change: Fen | null;
  reason: string;
}
