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
  pools: { id: string; name: string; amount: Amount; locked: Amount; members: number }[];
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
  'depositForfeited', 'due', 'owed', 'balance', 'advance',
] as const satisfies readonly (keyof HospitalSummary)[];
export type AmountField = (typeof AMOUNT_FIELDS)[number];
