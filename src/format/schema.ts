/**
 * The shape check of a scenario (current version; older files are migrated first), with messages a finance officer can act on.
 * Objects are loose: unknown fields pass through untouched so they survive a save.
 * Cross-field rules (pools cover every class, tiers in order, …) live in the engine's compile (src/engine/compile.ts, policy-checks.ts).
 */
import { z } from 'zod';
import { FORMAT_NAME, FORMAT_VERSION } from './types.ts';
import { isMoneyString, isPointsString, isRateLike, numberToPlain } from './numbers.ts';
import { msg } from './messages.ts';

const amountMsg = msg('amount');
const amountDigitsMsg = msg('amountDigits');
/** An amount that would be one if it had fewer digits before the point: told so, not told to write decimals. */
const TOO_MANY_DIGITS = /^\d{14,}(\.\d{1,2})?$/;

export const money = z.string({ error: amountMsg })
  .refine((s) => !TOO_MANY_DIGITS.test(s), { error: amountDigitsMsg, abort: true })
  .refine((s) => isMoneyString(s) && !s.startsWith('-'), { error: amountMsg });

const pointsMsg = msg('pointsAmount');
/** Points (分值/点数), a decimal string. */
export const points = z.string({ error: pointsMsg }).refine(isPointsString, { error: pointsMsg });

const rateBase = z.union([z.string(), z.number()], { error: msg('decimal') })
  .refine(isRateLike, { error: msg('decimalDp') })
  .transform((v) => (typeof v === 'number' ? numberToPlain(v) : v.trim()));

/** A rate in [0, 1]. */
export const share = rateBase.refine((s) => Number(s) >= 0 && Number(s) <= 1, { error: msg('between01') });
/** A non-negative rate (coefficients, weights). */
export const nonNeg = rateBase.refine((s) => Number(s) >= 0, { error: msg('notNegative') });
/** Any rate (growth may be negative, but not below -100%). */
export const growth = rateBase.refine((s) => Number(s) > -1, { error: msg('aboveMinus1') });

const id = z.string({ error: msg('textId') }).min(1, { error: msg('notEmpty') }).max(100, { error: msg('maxChars', { max: 100 }) });
const name = z.string({ error: msg('text') }).max(200, { error: msg('maxChars', { max: 200 }) });
const count = z.number({ error: msg('number') }).int({ error: msg('whole') }).nonnegative({ error: msg('notNegative') });
// A score is read from its decimal text: 0.30000000000000004 or 5e-324 are refused, not rounded.
const score = z.number({ error: msg('number') }).min(0, { error: msg('score') }).max(100, { error: msg('score') }).refine(isRateLike,
  { error: msg('decimalDp') });
const finite = z.number({ error: msg('number') }).refine(Number.isFinite, { error: msg('finite') });
const formula = z.string({ error: msg('formulaText') }).max(2000, { error: msg('maxChars', { max: 2000 }) });

/** Regional point method (DESIGN §7); cross-field rules in the engine's compile. */
const pointsPolicy = z.looseObject({
  thresholds: z.looseObject({
    low: nonNeg.refine((s) => Number(s) > 0 && Number(s) <= 1, { error: msg('thresholdLow') }),
    high: nonNeg.refine((s) => Number(s) >= 1 && Number(s) <= 100, { error: msg('fromTo', { min: 1, max: 100 }) }),
  }).optional(),
  levelCoefficients: z.record(z.string(), nonNeg, { error: msg('mapOf', { what: 'levels' }) }).optional(),
  pointValueCap: nonNeg.refine((s) => Number(s) > 0, { error: msg('greaterThan0') }).optional(),
  growth: growth.optional(),
});

const catalogueGroup = z.looseObject({
  id,
  name: name.optional(),
  score: points.refine((s) => Number(s) > 0, { error: msg('greaterThan0') }),
  refCost: money.refine((s) => Number(s) > 0, { error: msg('greaterThan0') }),
});

const hospitalPoints = z.looseObject({
  total: points.optional(),
  months: z.array(points, { error: msg('listOf', { what: 'monthlyPoints12' }) }).length(12,
    { error: msg('exactItems', { n: 12, what: 'monthlyPoints' }) }).optional(),
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
  }), { error: msg('listOf', { what: 'groups' }) }).max(10000, { error: msg('maxItems', { max: '10,000', what: 'groups' }) }).optional(),
});

const tier = z.looseObject({
  upTo: z.union([nonNeg, z.null()], { error: msg('tierUpTo') }),
  share,
});
const tierTable = {
  mode: z.enum(['marginal', 'step'], { error: msg('oneOf', { options: 'marginal|step' }) }),
  tiers: z.array(tier, { error: msg('listOf', { what: 'tiers' }) }).min(1, { error: msg('minItems', { min: 1, what: 'tier' }) }),
};

const provenance = z.looseObject({
  document: z.string({ error: msg('documentName') }).min(1, { error: msg('documentName') }),
  number: z.string().optional(),
  article: z.string().optional(),
  date: z.string().optional(),
  status: z.enum(['official', 'assumption'], { error: msg('oneOf', { options: 'official|assumption' }) }),
  note: z.string().optional(),
});

/** A sweep bound or step: any decimal (amounts have up to 13 digits before the point). */
const decimal = z.union([z.string(), z.number()], { error: msg('decimal') })
  .refine((v) => /^-?\d{1,13}(\.\d{1,12})?$/.test(typeof v === 'number' ? String(v) : v.trim()), { error: msg('sweepDecimal') })
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()));
const paramPath = z.string({ error: msg('paramPath') }).min(1, { error: msg('notEmpty') }).max(300, { error: msg('maxChars', { max: 300 }) });
const outputName = z.string({ error: msg('outputName') }).min(1, { error: msg('notEmpty') }).max(200, { error: msg('maxChars', { max: 200 }) });
const sweepAxis = z.looseObject({
  path: paramPath,
  from: decimal,
  to: decimal,
  step: decimal.refine((s) => Number(s) > 0, { error: msg('greaterThan0') }),
});

/** A standard deviation of growth: 0 … 1 (100 percentage points). */
const sigmaNumber = z.number({ error: msg('sigmaNumber') }).min(0, { error: msg('notNegative') }).max(1, { error: msg('atMost', { max: 1 }) });

/** Optional multi-year and sweep parameters (DESIGN §8, §9); semantics in engine/analysis-params.ts. */
const analysis = z.looseObject({
  years: z.looseObject({
    years: z.number({ error: msg('wholeYears') }).int({ error: msg('wholeYears') }).min(2, { error: msg('yearsRange') }).max(10,
      { error: msg('yearsRange') }).optional(),
    baseRule: z.enum(['actual', 'target', 'actualPlusRetained'], { error: msg('oneOf', { options: 'actual|target|actualPlusRetained' }) }).optional(),
    revenueGrowth: growth.optional(),
    budgetGrowth: growth.optional(),
    lockedTargets: z.enum(['keep', 'release'], { error: msg('oneOf', { options: 'keep|release' }) }).optional(),
    warningMonths: nonNeg.optional(),
  }).optional(),
  sweeps: z.array(z.discriminatedUnion('kind', [
    z.looseObject({
      kind: z.literal('sweep'),
      name: name.optional(),
      param: sweepAxis,
      param2: sweepAxis.optional(),
      outputs: z.array(outputName, { error: msg('listOf', { what: 'outputNames' }) }).min(1, { error: msg('minItems', { min: 1, what: 'output' }) }).max(20,
        { error: msg('maxItems', { max: 20, what: 'outputs' }) }).optional(),
    }),
    z.looseObject({
      kind: z.literal('tornado'),
      name: name.optional(),
      params: z.array(paramPath, { error: msg('listOf', { what: 'paramPaths' }) }).min(1, { error: msg('minItems', { min: 1, what: 'parameter' }) }).max(50,
        { error: msg('maxItems', { max: 50, what: 'parameters' }) }),
      change: share.refine((s) => Number(s) > 0, { error: msg('greaterThan0') }),
      output: outputName.optional(),
    }),
  ], { error: msg('sweepKind') }), { error: msg('listOf', { what: 'sweeps' }) }).max(20, { error: msg('maxItems', { max: 20, what: 'sweeps' }) }).optional(),
  // Monte Carlo parameters (issue 12); ranges as engine/risk/params.ts checks them.
  risk: z.looseObject({
    draws: z.number({ error: msg('drawsWhole') }).int({ error: msg('drawsWhole') }).min(1,
      { error: msg('fromTo', { min: 1, max: '1,000,000' }) }).max(1_000_000, { error: msg('fromTo', { min: 1, max: '1,000,000' }) }).optional(),
    seed: z.number({ error: msg('whole') }).int({ error: msg('whole') }).min(0, { error: msg('fromTo', { min: 0, max: 4294967295 }) }).max(4294967295,
      { error: msg('fromTo', { min: 0, max: 4294967295 }) }).optional(),
    sigmaCommon: sigmaNumber.optional(),
    sigma: sigmaNumber.optional(),
    sigmaByCategory: z.record(z.string(), sigmaNumber, { error: msg('mapOf', { what: 'sigmaByCategory' }) }).optional(),
    deductions: z.enum(['scaled', 'fixed'], { error: msg('oneOf', { options: 'scaled|fixed' }) }).optional(),
    overspendThreshold: z.number({ error: msg('number') }).min(0, { error: msg('fromTo', { min: 0, max: 10 }) }).max(10,
      { error: msg('fromTo', { min: 0, max: 10 }) }).optional(),
  }).optional(),
});

// ---- During the year (DESIGN §10, issue 13); cross-field checks in engine/monitor-checks.ts ----
const month = z.number({ error: msg('month') }).int({ error: msg('month') })
  .min(1, { error: msg('month') }).max(12, { error: msg('month') });
const signedAmountMsg = msg('signedAmount');
const signedMoney = z.string({ error: signedAmountMsg }).refine(isMoneyString, { error: signedAmountMsg });
// asOf 0: the year has begun but no month's claims are known yet (all twelve projected).
const asOfMsg = msg('asOfMonth');
const asOf = z.number({ error: asOfMsg }).int({ error: asOfMsg }).min(0, { error: asOfMsg }).max(12, { error: asOfMsg });
const monitoring = z.looseObject({
  asOf,
  thresholds: z.looseObject({ overspendRate: nonNeg.optional(), deferredRate: nonNeg.optional(), coverageMonths: nonNeg.optional() }).optional(),
});
const adjustment = z.looseObject({
  hospital: id,
  from: month,
  target: money.optional(),
  change: signedMoney.optional(),
  reason: z.string({ error: msg('reasonText') }).trim().min(1, { error: msg('reasonEmpty') }).max(500, { error: msg('maxChars', { max: 500 }) }),
  date: z.string({ error: msg('text') }).max(40, { error: msg('maxChars', { max: 40 }) }).optional(),
});

/** Most institutions a file may list. */
export const MAX_HOSPITALS = 200_000;

/** One institution (format/hospitals-fast.ts checks the common ones faster, to the same output). */
export const hospitalSchema = z.looseObject({
  id,
  name,
  level: id,
  category: id,
  class: id,
  history: z.array(money, { error: msg('listOf', { what: 'yearly' }) }),
  lockedTarget: money.optional(),
  growth: growth.optional(),
  volume: count.optional(),
  volumeFloor: count.optional(),
  claims: z.array(money, { error: msg('listOf', { what: 'monthly' }) }).length(12, { error: msg('exactItems', { n: 12, what: 'monthly' }) }).optional(),
  deductions: money.optional(),
  score: score.optional(),
  indicators: z.record(z.string(), score, { error: msg('mapOf', { what: 'indicatorScores' }) }).optional(),
  fields: z.record(z.string(), finite, { error: msg('mapOf', { what: 'fieldNumbers' }) }).optional(),
  advanceEligible: z.boolean({ error: msg('trueFalse') }).optional(),
  claimsToDate: z.array(money, { error: msg('listOf', { what: 'monthlyFromJan' }) }).max(12,
    { error: msg('maxItems', { max: 12, what: 'monthly' }) }).optional(),
  lastYearClaims: z.array(money, { error: msg('listOf', { what: 'monthly' }) }).length(12,
    { error: msg('exactItems', { n: 12, what: 'monthly' }) }).optional(),
  reasonableShare: share.optional(),
  points: hospitalPoints.optional(),
  pointsToDate: z.array(points, { error: msg('listOf', { what: 'monthlyFromJan' }) }).max(12,
    { error: msg('maxItems', { max: 12, what: 'monthly' }) }).optional(),
});

export const scenarioSchema = z.looseObject({
  format: z.literal(FORMAT_NAME, { error: msg('literal', { value: `"${FORMAT_NAME}"` }) }),
  version: z.literal(FORMAT_VERSION, { error: msg('literal', { value: FORMAT_VERSION }) }),
  meta: z.looseObject({
    name: name.min(1, { error: msg('notEmpty') }),
    description: z.string({ error: msg('text') }).optional(),
    region: z.string({ error: msg('text') }).optional(),
    year: z.number({ error: msg('year') }).int({ error: msg('year') }).min(1990, { error: msg('yearAfter') }).max(2200,
      { error: msg('yearBefore') }).optional(),
    currency: z.literal('CNY', { error: msg('literal', { value: '"CNY"' }) }).optional(),
  }),
  fund: z.looseObject({
    budget: money,
    revenue: money,
    openingBalance: money,
    riskReserveRate: share,
    adjustmentFundRate: share,
    adjustmentTopUpCap: money.optional(),
    carveOuts: z.array(z.looseObject({ id, name, amount: money }), { error: msg('list') }),
  }),
  policy: z.looseObject({
    pools: z.array(z.looseObject({
      id, name, share,
      classes: z.array(id, { error: msg('listOf', { what: 'classes' }) }).min(1, { error: msg('minItems', { min: 1, what: 'class' }) }),
      settlement: z.enum(['target', 'points'], { error: msg('oneOf', { options: 'target|points' }) }).optional(),
    }), { error: msg('list') }).optional(),
    historyWeights: z.array(nonNeg, { error: msg('listOf', { what: 'weights' }) }).min(1, { error: msg('minItems', { min: 1, what: 'year' }) }).max(10,
      { error: msg('maxItems', { max: 10, what: 'years' }) }),
    levelCoefficients: z.record(z.string(), nonNeg, { error: msg('mapOf', { what: 'levels' }) }).optional(),
    categoryCoefficients: z.record(z.string(), nonNeg, { error: msg('mapOf', { what: 'categories' }) }).optional(),
    weightFormula: formula.optional(),
    deposit: z.looseObject({
      base: z.enum(['target', 'claims'], { error: msg('oneOf', { options: 'target|claims' }) }),
      rates: z.record(z.string(), share, { error: msg('mapOf', { what: 'depositRates' }) }),
    }),
    monthlyPayment: z.enum(['capped', 'prepaid'], { error: msg('oneOf', { options: 'capped|prepaid' }) }).optional(),
    monthlyProfile: z.array(nonNeg, { error: msg('listOf', { what: 'months' }) }).length(12,
      { error: msg('exactItems', { n: 12, what: 'months' }) }).optional(),
    surplus: z.looseObject({ ...tierTable, cap: nonNeg.optional(), eligibility: formula.optional() }).optional(),
    overspend: z.looseObject({ ...tierTable, reasonableShare: share.optional(), cap: nonNeg.optional() }).optional(),
    volumeFloor: z.boolean({ error: msg('trueFalse') }).optional(),
    quality: z.looseObject({
      mode: z.enum(['step', 'linear'], { error: msg('oneOf', { options: 'step|linear' }) }),
      points: z.array(z.looseObject({ score, ratio: share }), { error: msg('listOf', { what: 'points' }) }).min(1,
        { error: msg('minItems', { min: 1, what: 'point' }) }),
      indicators: z.array(z.looseObject({ id, name, weight: nonNeg }), { error: msg('list') }).optional(),
    }).optional(),
    points: pointsPolicy.optional(),
    growth: z.looseObject({
      region: growth.optional(),
      byCategory: z.record(z.string(), growth, { error: msg('mapOf', { what: 'growthRates' }) }).optional(),
    }).optional(),
    advance: z.looseObject({ months: nonNeg.refine((s) => Number(s) <= 12, { error: msg('atMost12Months') }) }).optional(),
    sources: z.record(z.string(), provenance, { error: msg('mapOf', { what: 'sources' }) }).optional(),
  }),
  hospitals: z.array(hospitalSchema, { error: msg('listOf', { what: 'hospitals' }) }).min(1, { error: msg('noInstitutions') }).max(MAX_HOSPITALS,
    { error: msg('maxItems', { max: '200,000', what: 'institutions' }) }),
  catalogue: z.array(catalogueGroup, { error: msg('listOf', { what: 'groups' }) }).max(100000,
    { error: msg('maxItems', { max: '100,000', what: 'groups' }) }).optional(),
  analysis: analysis.optional(),
  monitoring: monitoring.optional(),
  adjustments: z.array(adjustment, { error: msg('listOf', { what: 'adjustments' }) }).max(1000,
    { error: msg('maxItems', { max: 1000, what: 'adjustments' }) }).optional(),
});
