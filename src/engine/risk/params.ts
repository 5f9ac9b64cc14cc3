/**
 * Monte Carlo risk parameters (DESIGN §9): the spread of next year's spending growth, how many
 * draws, the seed. A plain object with stated defaults; the scenario file (format v2) and the
 * command line's flags fill it. `validateRiskParams` names every field that is wrong.
 */
import { issueOf, type Issue } from '../../format/issues.ts';
import type { MsgCode, MsgParams } from '../../format/messages.ts';

export interface RiskParams {
  /** Number of draws. */
  draws: number;
  /** Seed of the generator: a whole number in [0, 2^32). The same seed, the same draws. */
  seed: number;
  /** σ_c: standard deviation of the region-wide growth shock z_d (0.03 = 3 percentage points). */
  sigmaCommon: number;
  /** σ_h: standard deviation of each institution's own growth deviation ε_{h,d}. */
  sigma: number;
  /** σ_h by institution category (hospitals[i].category), overriding `sigma`. */
  sigmaByCategory: Record<string, number>;
  /**
   * What happens to an institution's deductions (核减) in a draw: "scaled" — the file's
   * deductions scaled with the drawn claims (the same share of claims is disallowed), rounded
   * half-up to the fen; "fixed" — the file's amount, at most the drawn claims.
   */
  deductions: 'scaled' | 'fixed';
  /** An institution "overspends more than" this overspend rate (A − T)/T, e.g. 0.1 = 10%. */
  overspendThreshold: number;
}

/**
 * Defaults (assumptions, not official figures): a common shock of 3 percentage points and an
 * institution's own spread of 5 points around its projected growth — of the order of the
 * year-to-year variation of fund-payable spending growth in the seeds' reports — 10,000 draws.
 */
export const RISK_DEFAULTS: Readonly<RiskParams> = Object.freeze({
  draws: 10_000,
  seed: 1,
  sigmaCommon: 0.03,
  sigma: 0.05,
  sigmaByCategory: Object.freeze({}) as Record<string, number>,
  deductions: 'scaled',
  overspendThreshold: 0.1,
});

export const MAX_DRAWS = 1_000_000;
/** A spread above 100 percentage points is not a growth spread any more. */
export const MAX_SIGMA = 1;

/** The defaults with `p`'s fields over them (a fresh object; sigmaByCategory copied). */
export function riskParams(p: Partial<RiskParams> = {}): RiskParams {
  return { ...RISK_DEFAULTS, ...p, sigmaByCategory: { ...(p.sigmaByCategory ?? RISK_DEFAULTS.sigmaByCategory) } };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sigmaProblem(v: unknown): [MsgCode, MsgParams?] | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return ['number'];
  if (v < 0) return ['notNegative'];
  if (v > MAX_SIGMA) return ['sigmaMax', { max: MAX_SIGMA }];
  return null;
}

/** Every problem of `p`, each under the name of its field ("sigmaByCategory.tcm"). */
export function validateRiskParams(p: unknown): Issue[] {
  const out: Issue[] = [];
  const add = (path: string, code: MsgCode, params?: MsgParams) => out.push(issueOf(path, code, params));
  if (!isObject(p)) return [issueOf('', 'riskNotObject')];
  const known = new Set(Object.keys(RISK_DEFAULTS));
  for (const k of Object.keys(p)) if (!known.has(k)) add(k, 'unknownField');
  const { draws, seed, deductions, overspendThreshold: thr } = p;
  if (typeof draws !== 'number' || !Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) add('draws', 'wholeFromTo',
    { min: 1, max: MAX_DRAWS.toLocaleString('en') });
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) add('seed', 'wholeFromTo', { min: 0, max: 4294967295 });
  for (const k of ['sigmaCommon', 'sigma'] as const) {
    const m = sigmaProblem(p[k]);
    if (m) add(k, ...m);
  }
  if (!isObject(p.sigmaByCategory)) add('sigmaByCategory', 'sigmaByCategoryObject');
  else for (const [c, v] of Object.entries(p.sigmaByCategory)) {
    const m = sigmaProblem(v);
    if (m) add(`sigmaByCategory.${c}`, ...m);
  }
  if (deductions !== 'scaled' && deductions !== 'fixed') add('deductions', 'oneOf', { options: 'scaled|fixed' });
  if (typeof thr !== 'number' || !Number.isFinite(thr) || thr < 0 || thr > 10) add('overspendThreshold', 'overspendThreshold');
  else if (!/^\d+(\.\d{1,12})?$/.test(String(thr))) add('overspendThreshold', 'atMostDecimals', { dp: 12 });
  return out;
}

/** The parameters a scenario keeps (`analysis.risk`) under `over` (e.g. flags), over the defaults; unknown fields are left out. */
export function riskParamsOf(kept: Partial<RiskParams> | undefined, over: Partial<RiskParams> = {}): RiskParams {
  const known = Object.keys(RISK_DEFAULTS) as (keyof RiskParams)[];
  const p: Partial<RiskParams> = {};
  for (const k of known) if (kept?.[k] !== undefined) (p as Record<string, unknown>)[k] = kept[k];
  return riskParams({ ...p, ...over });
}
