/**
 * The shape check of a scenario (current version; older files are migrated first), with messages a finance officer can act on.
 * Objects are loose: unknown fields pass through untouched so they survive a save.
 * Cross-field rules (pools cover every class, tiers in order, …) live in the engine's compile (src/engine/compile.ts, policy-checks.ts).
 */
import { z } from 'zod';
import { FORMAT_NAME, FORMAT_VERSION } from './types.ts';
import { isMoneyString, isPointsString, isRateLike } from './numbers.ts';

const amountMsg = 'must be a non-negative amount with at most 2 decimals, written as a string like "1234.56"';

export const money = z.string({ error: amountMsg }).refine((s) => isMoneyString(s) && !s.startsWith('-'), { error: amountMsg });

const pointsMsg = 'must be a non-negative number of points with at most 4 decimals, written as a string like "1234.5678"';
/** Points (分值/点数), a decimal string. */
export const points = z.string({ error: pointsMsg }).refine(isPointsString, { error: pointsMsg });

const rateBase = z.union([z.string(), z.number()], { error: 'must be a decimal number' })
  .refine(isRateLike, { error: 'must be a decimal number with at most 12 decimals' })
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()));

/** A rate in [0, 1]. */
export const share = rateBase.refine((s) => Number(s) >= 0 && Number(s) <= 1, { error: 'must be between 0 and 1' });
/** A non-negative rate (coefficients, weights). */
export const nonNeg = rateBase.refine((s) => Number(s) >= 0, { error: 'must not be negative' });
/** Any rate (growth may be negative, but not below -100%). */
export const growth = rateBase.refine((s) => Number(s) > -1, { error: 'must be greater than -1 (−100%)' });

const id = z.string({ error: 'must be a text id' }).min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' });
const name = z.string({ error: 'must be text' }).max(200, { error: 'must be at most 200 characters' });
const count = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).nonnegative({ error: 'must not be negative' });
const score = z.number({ error: 'must be a number' }).min(0, { error: 'must be between 0 and 100' }).max(100, { error: 'must be between 0 and 100' });
const finite = z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be a finite number' });
const formula = z.string({ error: 'must be a formula (text)' }).max(2000, { error: 'must be at most 2000 characters' });

/** Regional point method (DESIGN §7); cross-field rules in the engine's compile. */
const pointsPolicy = z.looseObject({
  thresholds: z.looseObject({
    low: nonNeg.refine((s) => Number(s) > 0 && Number(s) <= 1, { error: 'must be greater than 0 and at most 1' }),
    high: nonNeg.refine((s) => Number(s) >= 1 && Number(s) <= 100, { error: 'must be from 1 to 100' }),
  }).optional(),
  levelCoefficients: z.record(z.string(), nonNeg, { error: 'must map levels to coefficients' }).optional(),
  pointValueCap: nonNeg.refine((s) => Number(s) > 0, { error: 'must be greater than 0' }).optional(),
  growth: growth.optional(),
});

const catalogueGroup = z.looseObject({
  id,
  name: name.optional(),
  score: points.refine((s) => Number(s) > 0, { error: 'must be greater than 0' }),
  refCost: money.refine((s) => Number(s) > 0, { error: 'must be greater than 0' }),
});

const hospitalPoints = z.looseObject({
  total: points.optional(),
  months: z.array(points, { error: 'must be a list of 12 monthly points' }).length(12, { error: 'must have exactly 12 monthly points' }).optional(),
  cases: count.optional(),
  coefficient: nonNeg.optional(),
  lastYear: points.optional(),
  growth: growth.optional(),
  projected: points.optional(),
  groups: z.array(z.looseObject({
    group: id,
    cases: count,
    points,
    low: count.optional(),
    high: count.optional(),
    special: count.optional(),
  }), { error: 'must be a list of groups' }).max(10000, { error: 'must have at most 10,000 groups' }).optional(),
});

const tier = z.looseObject({
  upTo: z.union([nonNeg, z.null()], { error: 'must be a rate of the target, or null for the open last tier' }),
  share,
});
const tierTable = {
  mode: z.enum(['marginal', 'step'], { error: 'must be "marginal" or "step"' }),
  tiers: z.array(tier, { error: 'must be a list of tiers' }).min(1, { error: 'must have at least one tier' }),
};

const provenance = z.looseObject({
  document: z.string({ error: 'must name the document' }).min(1, { error: 'must name the document' }),
  number: z.string().optional(),
  article: z.string().optional(),
  date: z.string().optional(),
  status: z.enum(['official', 'assumption'], { error: 'must be "official" or "assumption"' }),
  note: z.string().optional(),
});

/** A sweep bound or step: any decimal (amounts have up to 13 digits before the point). */
const decimal = z.union([z.string(), z.number()], { error: 'must be a decimal number' })
  .refine((v) => /^-?\d{1,13}(\.\d{1,12})?$/.test(typeof v === 'number' ? String(v) : v.trim()), { error: 'must be a decimal number with at most 13 digits before the point and 12 after' })
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()));
const paramPath = z.string({ error: 'must be a parameter path like "fund.adjustmentFundRate"' }).min(1, { error: 'must not be empty' }).max(300, { error: 'must be at most 300 characters' });
const outputName = z.string({ error: 'must be an output name like "closingBalance"' }).min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' });
const sweepAxis = z.looseObject({
  path: paramPath,
  from: decimal,
  to: decimal,
  step: decimal.refine((s) => Number(s) > 0, { error: 'must be greater than 0' }),
});

/** A standard deviation of growth: 0 … 1 (100 percentage points). */
const sigmaNumber = z.number({ error: 'must be a number like 0.05 (5 percentage points)' }).min(0, { error: 'must not be negative' }).max(1, { error: 'must be at most 1' });

/** Optional multi-year and sweep parameters (DESIGN §8, §9); semantics in engine/analysis-params.ts. */
const analysis = z.looseObject({
  years: z.looseObject({
    years: z.number({ error: 'must be a whole number of years' }).int({ error: 'must be a whole number of years' }).min(2, { error: 'must be from 2 to 10' }).max(10, { error: 'must be from 2 to 10' }).optional(),
    baseRule: z.enum(['actual', 'target', 'actualPlusRetained'], { error: 'must be "actual", "target" or "actualPlusRetained"' }).optional(),
    revenueGrowth: growth.optional(),
    budgetGrowth: growth.optional(),
    lockedTargets: z.enum(['keep', 'release'], { error: 'must be "keep" or "release"' }).optional(),
    warningMonths: nonNeg.optional(),
  }).optional(),
  sweeps: z.array(z.discriminatedUnion('kind', [
    z.looseObject({
      kind: z.literal('sweep'),
      name: name.optional(),
      param: sweepAxis,
      param2: sweepAxis.optional(),
      outputs: z.array(outputName, { error: 'must be a list of output names' }).min(1, { error: 'must name at least one output' }).max(20, { error: 'must name at most 20 outputs' }).optional(),
    }),
    z.looseObject({
      kind: z.literal('tornado'),
      name: name.optional(),
      params: z.array(paramPath, { error: 'must be a list of parameter paths' }).min(1, { error: 'must name at least one parameter' }).max(50, { error: 'must name at most 50 parameters' }),
      change: share.refine((s) => Number(s) > 0, { error: 'must be greater than 0' }),
      output: outputName.optional(),
    }),
  ], { error: 'must be a sweep ("kind": "sweep") or a tornado ("kind": "tornado")' }), { error: 'must be a list of sweeps' }).max(20, { error: 'must have at most 20 sweeps' }).optional(),
  // Monte Carlo parameters (issue 12); ranges as engine/risk/params.ts checks them.
  risk: z.looseObject({
    draws: z.number({ error: 'must be a whole number of draws' }).int({ error: 'must be a whole number of draws' }).min(1, { error: 'must be from 1 to 1,000,000' }).max(1_000_000, { error: 'must be from 1 to 1,000,000' }).optional(),
    seed: z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be from 0 to 4294967295' }).max(4294967295, { error: 'must be from 0 to 4294967295' }).optional(),
    sigmaCommon: sigmaNumber.optional(),
    sigma: sigmaNumber.optional(),
    sigmaByCategory: z.record(z.string(), sigmaNumber, { error: 'must map a category to a standard deviation' }).optional(),
    deductions: z.enum(['scaled', 'fixed'], { error: 'must be "scaled" or "fixed"' }).optional(),
    overspendThreshold: z.number({ error: 'must be a number' }).min(0, { error: 'must be from 0 to 10' }).max(10, { error: 'must be from 0 to 10' }).optional(),
  }).optional(),
});

// ---- During the year (DESIGN §10, issue 13); cross-field checks in engine/monitor-checks.ts ----
const month = z.number({ error: 'must be a month from 1 to 12' }).int({ error: 'must be a month from 1 to 12' })
  .min(1, { error: 'must be a month from 1 to 12' }).max(12, { error: 'must be a month from 1 to 12' });
const signedAmountMsg = 'must be a signed amount with at most 2 decimals, written as a string like "-5000000.00"';
const signedMoney = z.string({ error: signedAmountMsg }).refine(isMoneyString, { error: signedAmountMsg });
const monitoring = z.looseObject({
  asOf: month,
  thresholds: z.looseObject({ overspendRate: nonNeg.optional(), deferredRate: nonNeg.optional(), coverageMonths: nonNeg.optional() }).optional(),
});
const adjustment = z.looseObject({
  hospital: id,
  from: month,
  target: money.optional(),
  change: signedMoney.optional(),
  reason: z.string({ error: 'must say why (text)' }).trim().min(1, { error: 'must say why the target is adjusted' }).max(500, { error: 'must be at most 500 characters' }),
  date: z.string({ error: 'must be text' }).max(40, { error: 'must be at most 40 characters' }).optional(),
});

export const scenarioSchema = z.looseObject({
  format: z.literal(FORMAT_NAME, { error: `must be "${FORMAT_NAME}"` }),
  version: z.literal(FORMAT_VERSION, { error: `must be ${FORMAT_VERSION}` }),
  meta: z.looseObject({
    name: name.min(1, { error: 'must not be empty' }),
    description: z.string({ error: 'must be text' }).optional(),
    region: z.string({ error: 'must be text' }).optional(),
    year: z.number({ error: 'must be a year' }).int({ error: 'must be a year' }).min(1990, { error: 'must be a year after 1990' }).max(2200, { error: 'must be a year before 2200' }).optional(),
    currency: z.literal('CNY', { error: 'must be "CNY"' }).optional(),
  }),
  fund: z.looseObject({
    budget: money,
    revenue: money,
    openingBalance: money,
    riskReserveRate: share,
    adjustmentFundRate: share,
    adjustmentTopUpCap: money.optional(),
    carveOuts: z.array(z.looseObject({ id, name, amount: money }), { error: 'must be a list' }),
  }),
  policy: z.looseObject({
    pools: z.array(z.looseObject({
      id, name, share,
      classes: z.array(id, { error: 'must be a list of institution classes' }).min(1, { error: 'must name at least one institution class' }),
      settlement: z.enum(['target', 'points'], { error: 'must be "target" or "points"' }).optional(),
    }), { error: 'must be a list' }).optional(),
    historyWeights: z.array(nonNeg, { error: 'must be a list of weights, oldest year first' }).min(1, { error: 'must have at least one year' }).max(10, { error: 'must have at most 10 years' }),
    levelCoefficients: z.record(z.string(), nonNeg, { error: 'must map levels to coefficients' }).optional(),
    categoryCoefficients: z.record(z.string(), nonNeg, { error: 'must map categories to coefficients' }).optional(),
    weightFormula: formula.optional(),
    deposit: z.looseObject({
      base: z.enum(['target', 'claims'], { error: 'must be "target" or "claims"' }),
      rates: z.record(z.string(), share, { error: 'must map institution classes to deposit rates' }),
    }),
    monthlyPayment: z.enum(['capped', 'prepaid'], { error: 'must be "capped" or "prepaid"' }).optional(),
    monthlyProfile: z.array(nonNeg, { error: 'must be a list of 12 monthly weights' }).length(12, { error: 'must have exactly 12 monthly weights' }).optional(),
    surplus: z.looseObject({ ...tierTable, cap: nonNeg.optional(), eligibility: formula.optional() }).optional(),
    overspend: z.looseObject({ ...tierTable, reasonableShare: share.optional(), cap: nonNeg.optional() }).optional(),
    volumeFloor: z.boolean({ error: 'must be true or false' }).optional(),
    quality: z.looseObject({
      mode: z.enum(['step', 'linear'], { error: 'must be "step" or "linear"' }),
      points: z.array(z.looseObject({ score, ratio: share }), { error: 'must be a list of (score, ratio) points' }).min(1, { error: 'must have at least one point' }),
      indicators: z.array(z.looseObject({ id, name, weight: nonNeg }), { error: 'must be a list' }).optional(),
    }).optional(),
    points: pointsPolicy.optional(),
    growth: z.looseObject({
      region: growth.optional(),
      byCategory: z.record(z.string(), growth, { error: 'must map categories to growth rates' }).optional(),
    }).optional(),
    advance: z.looseObject({ months: nonNeg.refine((s) => Number(s) <= 12, { error: 'must be at most 12 months' }) }).optional(),
    sources: z.record(z.string(), provenance, { error: 'must map parameter paths to sources' }).optional(),
  }),
  hospitals: z.array(z.looseObject({
    id,
    name,
    level: id,
    category: id,
    class: id,
    history: z.array(money, { error: 'must be a list of yearly amounts, oldest first' }),
    lockedTarget: money.optional(),
    growth: growth.optional(),
    volume: count.optional(),
    volumeFloor: count.optional(),
    claims: z.array(money, { error: 'must be a list of 12 monthly amounts' }).length(12, { error: 'must have exactly 12 monthly amounts' }).optional(),
    deductions: money.optional(),
    score: score.optional(),
    indicators: z.record(z.string(), score, { error: 'must map indicator ids to scores' }).optional(),
    fields: z.record(z.string(), finite, { error: 'must map field names to numbers' }).optional(),
    advanceEligible: z.boolean({ error: 'must be true or false' }).optional(),
    claimsToDate: z.array(money, { error: 'must be a list of monthly amounts from January' }).max(12, { error: 'must have at most 12 monthly amounts' }).optional(),
    lastYearClaims: z.array(money, { error: 'must be a list of 12 monthly amounts' }).length(12, { error: 'must have exactly 12 monthly amounts' }).optional(),
    reasonableShare: share.optional(),
    points: hospitalPoints.optional(),
  }), { error: 'must be a list of hospitals' }).min(1, { error: 'must list at least one institution' }).max(200000, { error: 'must have at most 200,000 institutions' }),
  catalogue: z.array(catalogueGroup, { error: 'must be a list of groups' }).max(100000, { error: 'must have at most 100,000 groups' }).optional(),
  analysis: analysis.optional(),
  monitoring: monitoring.optional(),
  adjustments: z.array(adjustment, { error: 'must be a list of adjustments' }).max(1000, { error: 'must have at most 1000 adjustments' }).optional(),
});
