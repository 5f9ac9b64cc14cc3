/**
 * The result contract (DESIGN §6): what `gbsim run --json` prints, what workers send and what
 * views render. Amounts are decimal strings with two decimals; ratios strings with 4 decimals
 * (null where the denominator is 0). Extra fields beyond the contract are marked "extra".
 */
export type Amount = string;
export type RatioStr = string | null;

export interface FundResult {
  base: Amount;
  riskReserve: Amount;
  carveOuts: Amount;
  globalTarget: Amount;
  adjustmentFund: Amount;
  allocatable: Amount;
  hospitalsOwed: Amount;
  adjustmentFundUsed: Amount;
  expenditure: Amount;
  closingBalance: Amount;
  monthsOfCoverage: RatioStr;
  currentSurplusRate: RatioStr;
  // extra
  revenue: Amount;
  openingBalance: Amount;
  cumulativeSurplusRate: RatioStr;
  /** Part of the fund's shares paid from the balance beyond the adjustment fund. */
  adjustmentFundTopUp: Amount;
  adjustmentFundUnused: Amount;
  /** Fund shares claimed by the tiers before any cut. */
  fundSharesClaimed: Amount;
  /** What the fund keeps of hospitals' targets: volume cuts, unrewarded surplus, forfeited deposits. */
  retainedFromTargets: Amount;
  volumeCuts: Amount;
  totalTargets: Amount;
  totalDeposit: Amount;
  totalPaid: Amount;
  totalDeferred: Amount;
  totalAdvance: Amount;
  totalBalance: Amount;
  carveOutItems: { id: string; name: string; amount: Amount }[];
  /** Σ of what point-value caps kept of the entitlements (pools settled by points). */
  pointCapCuts: Amount;
  pools: ({ id: string; name: string; amount: Amount; locked: Amount; members: number } & Partial<PoolPointsResult>)[];
}

/** A pool settled by points (DESIGN §7): points to 4 decimals, point values in 元/分 to 4 decimals. */
export interface PoolPointsResult {
  settlement: 'points';
  /** Σ Pts_h and Σ Proj_h of its members. */
  points: string;
  projectedPoints: string;
  /** 预算点值 pv0 = P_k / Σ Proj (null without projected points). */
  budgetPointValue: string | null;
  /** 年度清算点值: what the entitlements pay per point, after any cap (null without points). */
  pointValue: string | null;
  /** P_k / Σ Pts, before any cap. */
  uncappedPointValue: string | null;
  /** The point-value cap (点值封顶) bound. */
  pointValueCapped: boolean;
  /** What the entitlements share: P_k, or less when the cap binds; capCut = P_k − entitled stays with the fund. */
  entitled: Amount;
  capCut: Amount;
}

export interface HospitalResult {
  id: string;
  target: Amount;
  deposit: Amount;
  monthlyBudget: Amount[];
  paid: Amount[];
  deferred: Amount;
  actual: Amount;
  surplus: Amount;
  reward: Amount;
  overspend: Amount;
  fundShare: Amount;
  depositReturned: Amount;
  depositForfeited: Amount;
  owed: Amount;
  balance: Amount;
  // extra
  pool: string;
  /** Share of its pool's unlocked remainder by weight, 8 decimals (null if locked). */
  weightShare: RatioStr;
  locked: boolean;
  allocatedTarget: Amount;
  volumeCut: Amount;
  claims: Amount[];
  claimsTotal: Amount;
  projected: boolean;
  deductions: Amount;
  withheld: Amount[];
  reasonableOverspend: Amount;
  fundShareClaimed: Amount;
  surplusRate: RatioStr;
  overspendRate: RatioStr;
  qualityRatio: RatioStr;
  due: Amount;
  advance: Amount;
  paidTotal: Amount;
  /** What a point-value cap kept of its entitlement (0 outside points pools): allocatedTarget − volumeCut − pointCapCut = target. */
  pointCapCut: Amount;
  /** 支付率: target (or entitlement) / actual, 4 decimals; null when actual is 0. */
  paymentRate: RatioStr;
  /** Pools settled by points (else null): Pts_h and Proj_h (4 decimals), share of the pool's points (8 decimals). */
  points: string | null;
  projectedPoints: string | null;
  pointShare: RatioStr;
  /** Its points are a projection (the file gives no points of the year); false outside points pools. */
  pointsProjected: boolean;
}

export interface Result {
  fund: FundResult;
  hospitals: HospitalResult[];
}

/** The per-month arrays of a hospital result: the bulk of a result's size. */
export type MonthlyField = 'monthlyBudget' | 'paid' | 'claims' | 'withheld';
export type HospitalSummary = Omit<HospitalResult, MonthlyField>;

/** A result without the monthly arrays (what tables and comparisons need). */
export interface Summary {
  fund: FundResult;
  hospitals: HospitalSummary[];
}

/** The amounts of an institution's summary (integer fen in the engine's columns), one list for every consumer. */
export const AMOUNT_FIELDS = [
  'target', 'allocatedTarget', 'volumeCut', 'deposit', 'paidTotal', 'deferred', 'claimsTotal', 'deductions', 'actual',
  'surplus', 'overspend', 'reasonableOverspend', 'reward', 'fundShare', 'fundShareClaimed', 'depositReturned',
  'depositForfeited', 'due', 'owed', 'balance', 'advance', 'pointCapCut',
] as const satisfies readonly (keyof HospitalSummary)[];
export type AmountField = (typeof AMOUNT_FIELDS)[number];
