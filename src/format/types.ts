/**
 * Scenario file format v2: what we write (every field we own is typed; money as decimal
 * strings, rates as decimal strings). Validation (schema.ts) turns loose input into this.
 * Every field is documented in scenarios/README.md.
 */

export const FORMAT_NAME = 'gbsim-scenario';
/** 2: pools settled by points (DESIGN §7), per-institution reasonable share of overspend (v1 → v2: migrate.ts). */
export const FORMAT_VERSION = 2;

/** Decimal string with at most 2 decimals, yuan. */
export type MoneyStr = string;
/** Decimal string (ratio, share, coefficient); 0.1 means 10%. */
export type RateStr = string;
/** Points (分值/点数) as a decimal string with at most 4 decimals, e.g. "1234.5678". */
export type PointsStr = string;

export type TierMode = 'marginal' | 'step';
export type DepositBase = 'target' | 'claims';
export type QualityMode = 'step' | 'linear';

/** Where a parameter comes from (document, article, date, official or assumption). */
export interface Provenance {
  document: string;
  number?: string;
  article?: string;
  date?: string;
  status: 'official' | 'assumption';
  note?: string;
}

export interface CarveOut {
  id: string;
  name: string;
  amount: MoneyStr;
}

export interface Fund {
  /** 基金支出预算: the year's fund expenditure budget (the base). */
  budget: MoneyStr;
  /** 当年基金收入. */
  revenue: MoneyStr;
  /** 上年末累计结存. */
  openingBalance: MoneyStr;
  /** Risk reserve as a rate of the base. */
  riskReserveRate: RateStr;
  /** 年终清算调剂金 as a rate of the global target. */
  adjustmentFundRate: RateStr;
  /** If set, fund shares beyond the adjustment fund may be topped up from the balance up to this. */
  adjustmentTopUpCap?: MoneyStr;
  carveOuts: CarveOut[];
}

export interface Pool {
  id: string;
  name: string;
  share: RateStr;
  /** Institution classes whose members belong to this pool. */
  classes: string[];
  /**
   * How the pool is paid: "target" (default; per-institution targets, DESIGN §6) or "points"
   * (regional point method, DESIGN §7: entitlements from points at a floating point value).
   */
  settlement?: PoolSettlement;
}

export type PoolSettlement = 'target' | 'points';

/** Regional point method (区域点数法, DESIGN §7): the rules of every pool settled by points. */
export interface PointsPolicy {
  /** Outlier thresholds on ρ = cost / reference cost (default 0.5 and 2, the national DIP technical specification). */
  thresholds?: { low: RateStr; high: RateStr };
  /** Institution coefficient k_h by level (an institution's own `points.coefficient` comes first; default 1). */
  levelCoefficients?: Record<string, RateStr>;
  /** 点值封顶: the settlement point value at most cap × the budget point value (e.g. "1.1"); the rest stays with the fund. */
  pointValueCap?: RateStr;
  /** Growth of points used for projected points when an institution has none of its own (default 0). */
  growth?: RateStr;
}

/** One group of the catalogue (病种/病组目录). */
export interface CatalogueGroup {
  id: string;
  name?: string;
  /** 分值 s_g, > 0. */
  score: PointsStr;
  /** 该病种次均费用 c_g, > 0. */
  refCost: MoneyStr;
}

/**
 * An institution's points (raw Σ case points before its coefficient k_h, as a case import
 * writes them). The engine applies k_h: Pts_h = round4(k_h × total).
 */
export interface HospitalPoints {
  /** Σ case points of the year. Without it, the Σ of `months`; without both, the projection. */
  total?: PointsStr;
  /** Σ case points by month of discharge (12, January first); must add up to `total` when both are given. */
  months?: PointsStr[];
  /** Cases behind the points (counts, as imported; shown, not used in the arithmetic). */
  cases?: number;
  /** Its own coefficient k_h (else policy.points.levelCoefficients by level, else 1). */
  coefficient?: RateStr;
  /** Planning: last year's points (raw, before k_h). */
  lastYear?: PointsStr;
  /** Planning: growth of its points (else policy.points.growth, else 0). */
  growth?: RateStr;
  /** Planning: projected points given outright (raw, before k_h), instead of lastYear × (1 + growth). */
  projected?: PointsStr;
  /** Points by group as imported (top groups), for the brief; not used in the arithmetic. */
  groups?: HospitalGroupPoints[];
}

export interface HospitalGroupPoints {
  group: string;
  cases: number;
  points: PointsStr;
  /** Cases below / above the outlier thresholds, and special-review cases. */
  low?: number;
  high?: number;
  special?: number;
}

export interface Tier {
  /** Upper bound as a rate of the hospital's target; null = open (last tier only). */
  upTo: RateStr | null;
  share: RateStr;
}

export interface TierTable {
  mode: TierMode;
  tiers: Tier[];
}

export interface SurplusRule extends TierTable {
  /** Reward at most cap × target. */
  cap?: RateStr;
  /** Formula over hospital fields; reward only where it evaluates true (non-zero). */
  eligibility?: string;
}

export interface OverspendRule extends TierTable {
  /** Share of the overspend judged reasonable, where an institution has no finding of its own (default 1). */
  reasonableShare?: RateStr;
  /** Fund share at most cap × target. */
  cap?: RateStr;
}

export interface QualityPoint {
  score: number;
  ratio: RateStr;
}

export interface QualityIndicator {
  id: string;
  name: string;
  weight: RateStr;
}

export interface QualityRule {
  mode: QualityMode;
  points: QualityPoint[];
  /** When set, a hospital's score is Σ weight × indicator / Σ weight of its indicator scores. */
  indicators?: QualityIndicator[];
}

export interface Policy {
  pools?: Pool[];
  /** Weights of the history years, oldest first; as many as each hospital's history. */
  historyWeights: RateStr[];
  levelCoefficients?: Record<string, RateStr>;
  categoryCoefficients?: Record<string, RateStr>;
  /** mathjs-style expression over hospital fields replacing the default weight. */
  weightFormula?: string;
  deposit: {
    base: DepositBase;
    /** Deposit rate by institution class; every class used by a hospital must be listed. */
    rates: Record<string, RateStr>;
  };
  /**
   * How monthly amounts are paid: "capped" (default) pays audited claims up to the cumulative
   * monthly amount and defers the rest; "prepaid" pays each month's amount in advance whatever
   * the claims (community-centre prepayment), settling the difference at year-end.
   */
  monthlyPayment?: 'capped' | 'prepaid';
  /** 12 non-negative weights for the monthly split; default even. */
  monthlyProfile?: RateStr[];
  surplus?: SurplusRule;
  overspend?: OverspendRule;
  /** Apply hospitals' minimum service volume (临沂 dual control). */
  volumeFloor?: boolean;
  quality?: QualityRule;
  /** Regional point method: the rules of pools with settlement "points" (DESIGN §7). */
  points?: PointsPolicy;
  /** Growth used to project claims when a hospital has none. */
  growth?: { region?: RateStr; byCategory?: Record<string, RateStr> };
  /** Working-capital advance, in months of the monthly budget, to eligible hospitals. */
  advance?: { months: RateStr };
  /** Provenance of parameters, keyed by a JSON path such as "policy.deposit.rates.hospital". */
  sources?: Record<string, Provenance>;
}

export interface Hospital {
  id: string;
  name: string;
  /** e.g. tertiary / secondary / primary (key into levelCoefficients). */
  level: string;
  /** e.g. general / tcm / specialty / community (key into categoryCoefficients). */
  category: string;
  /** Institution class for deposit rates and pools, e.g. hospital / chronic / primary. */
  class: string;
  /** Fund-payable spending of past years, oldest first. */
  history: MoneyStr[];
  lockedTarget?: MoneyStr;
  growth?: RateStr;
  volume?: number;
  volumeFloor?: number;
  /** Audited monthly claims of the settlement year (12). */
  claims?: MoneyStr[];
  deductions?: MoneyStr;
  score?: number;
  indicators?: Record<string, number>;
  /** Extra numeric fields usable in formulas (cost per case, cases, ...). */
  fields?: Record<string, number>;
  /** Receives the working-capital advance. */
  advanceEligible?: boolean;
  /** During the year (DESIGN §10): audited claims of months 1…monitoring.asOf, one per month known. */
  claimsToDate?: MoneyStr[];
  /** Last year's 12 monthly claims: the pattern the rest of the year is projected by, where given. */
  lastYearClaims?: MoneyStr[];
  /** During the year, in a pool settled by points: raw case points of months 1…monitoring.asOf (before k_h), one per month known. */
  pointsToDate?: PointsStr[];
  /** 合理超支认定: the share of this institution's overspend the bureau's review judged reasonable (else policy.overspend.reasonableShare). */
  reasonableShare?: RateStr;
  /** Its points, when its pool is settled by points (DESIGN §7). */
  points?: HospitalPoints;
}

export interface Meta {
  name: string;
  description?: string;
  region?: string;
  year?: number;
  currency?: 'CNY';
}

/** How next year's newest history year is formed from this year's settlement (DESIGN §8). */
export type BaseRule = 'actual' | 'target' | 'actualPlusRetained';

/** A run of several years from this scenario (DESIGN §8); every field has a default. */
export interface YearsAnalysis {
  /** Years in the run, the scenario's own year included: 2–10 (default 5). */
  years?: number;
  /** Default "actual". */
  baseRule?: BaseRule;
  /** Yearly growth of the fund's revenue (default 0). */
  revenueGrowth?: RateStr;
  /** Yearly growth of the budget; carve-outs and the top-up cap follow it (default 0). */
  budgetGrowth?: RateStr;
  /** Locked targets in later years: kept as negotiated (default) or released to the weights. */
  lockedTargets?: 'keep' | 'release';
  /** Months of coverage below which a year is flagged (default 6). */
  warningMonths?: RateStr;
}

/** One swept parameter: a path such as "policy.deposit.rates.hospital" and a range. */
export interface SweepAxis {
  path: string;
  from: RateStr;
  to: RateStr;
  /** Positive; the values run from `from` towards `to`. */
  step: RateStr;
}

export interface SweepAnalysis {
  kind: 'sweep';
  name?: string;
  param: SweepAxis;
  /** A second parameter: a grid of param × param2. */
  param2?: SweepAxis;
  /** Output names: fund figures ("closingBalance") or "ID.field" of an institution. */
  outputs?: string[];
}

export interface TornadoAnalysis {
  kind: 'tornado';
  name?: string;
  params: string[];
  /** The relative change x of each parameter (value × (1 ± x)); "0.1" = ±10%. */
  change: RateStr;
  /** The output the parameters are ranked by (default "closingBalance"). */
  output?: string;
}

/** A Monte Carlo run's parameters (DESIGN §9; defaults and meaning in engine/risk/params.ts). */
export interface RiskAnalysis {
  draws?: number;
  seed?: number;
  /** σ_c of the region-wide growth shock, e.g. 0.03. */
  sigmaCommon?: number;
  /** σ_h of each institution's own growth deviation. */
  sigma?: number;
  sigmaByCategory?: Record<string, number>;
  deductions?: 'scaled' | 'fixed';
  overspendThreshold?: number;
}

/** Multi-year and sensitivity parameters kept with the scenario, so a receiver runs the same. */
export interface Analysis {
  years?: YearsAnalysis;
  sweeps?: (SweepAnalysis | TornadoAnalysis)[];
  risk?: RiskAnalysis;
}

// ---- During the year (DESIGN §10, issue 13): monitoring and mid-year adjustment ----

/** Early-warning thresholds (每月通报); each may have a source in policy.sources["monitoring.thresholds.<name>"]. */
export interface MonitoringThresholds {
  /** Warn when the projected year-end overspend rate (A − T) / T is above this (default 0.1). */
  overspendRate?: RateStr;
  /** Warn when claims deferred so far are above this share of the monthly budget to date (default 0.05). */
  deferredRate?: RateStr;
  /** Warn when the fund's projected months of coverage are below this (default 6). */
  coverageMonths?: RateStr;
}

/** Claims are known through month asOf (1–12; 0: none known yet); later months are projected. */
export interface Monitoring {
  asOf: number;
  thresholds?: MonitoringThresholds;
}

/**
 * A mid-year adjustment (年中调整): an institution's annual target changed from month `from` on,
 * either to `target` or by `change` (signed amount, e.g. "-5000000.00"); the other unlocked
 * members of its pool absorb the difference by weight. Applied in file order.
 */
export interface Adjustment {
  hospital: string;
  from: number;
  target?: MoneyStr;
  change?: string;
  reason: string;
  /** When it was decided (free text, e.g. "2025-07-03"). */
  date?: string;
}

export interface Scenario {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  meta: Meta;
  fund: Fund;
  policy: Policy;
  hospitals: Hospital[];
  /** The group catalogue (病种/病组目录) of the pools settled by points. */
  catalogue?: CatalogueGroup[];
  analysis?: Analysis;
  monitoring?: Monitoring;
  adjustments?: Adjustment[];
}
