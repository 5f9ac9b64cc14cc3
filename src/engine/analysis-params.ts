/**
 * The parameters of a multi-year run and of sweeps, as kept in a scenario's optional
 * `analysis` section: plain typed objects with their defaults, and the checks that need the
 * scenario (a swept path exists, a range gives at most 50 values, outputs are known), each
 * problem named by its field (`analysis.years.years`, `analysis.sweeps[1].param.step`).
 */
import { parseDecimal } from './decimal.ts';
import { planSweep } from './sweep.ts';
import { planTornado } from './tornado.ts';
import { DEFAULT_OUTPUTS, DEFAULT_TORNADO_OUTPUT } from './sweep-outputs.ts';
import { issueOf, type Issue } from '../format/issues.ts';
import type { MsgCode, MsgParams } from '../format/messages.ts';
import type { BaseRule, Scenario, SweepAnalysis, TornadoAnalysis, YearsAnalysis } from '../format/types.ts';

export const BASE_RULES = ['actual', 'target', 'actualPlusRetained'] as const satisfies readonly BaseRule[];
export const MIN_YEARS = 2;
export const MAX_YEARS = 10;

/** A multi-year run's parameters, every one set. */
export interface YearsParams {
  years: number;
  baseRule: BaseRule;
  revenueGrowth: string;
  budgetGrowth: string;
  lockedTargets: 'keep' | 'release';
  warningMonths: string;
}

export const YEARS_DEFAULTS: Readonly<YearsParams> = Object.freeze({
  years: 5,
  baseRule: 'actual',
  revenueGrowth: '0',
  budgetGrowth: '0',
  lockedTargets: 'keep',
  warningMonths: '6',
});

/** The given fields over the defaults, checked; problems are named under `at`. */
export function resolveYears(given: YearsAnalysis | Partial<YearsParams> | undefined, at = 'analysis.years'): { params: YearsParams; issues: Issue[] } {
  const p: YearsParams = { ...YEARS_DEFAULTS };
  for (const [k, v] of Object.entries(given ?? {})) if (v !== undefined && k in p) (p as unknown as Record<string, unknown>)[k] = v;
  const issues: Issue[] = [];
  const bad = (field: keyof YearsParams, code: MsgCode, params?: MsgParams) => issues.push(issueOf(`${at}.${field}`, code, params));
  if (!Number.isInteger(p.years) || p.years < MIN_YEARS || p.years > MAX_YEARS) bad('years', 'wholeFromTo', { min: MIN_YEARS, max: MAX_YEARS });
  if (!(BASE_RULES as readonly string[]).includes(p.baseRule)) bad('baseRule', 'oneOfList', { options: BASE_RULES.join('|') });
  for (const f of ['revenueGrowth', 'budgetGrowth'] as const) {
    const x = parseDecimal(String(p[f]));
    if (x === null) bad(f, 'growthDecimal');
    else if (x <= parseDecimal('-1')!) bad(f, 'aboveMinus1');
    else p[f] = String(p[f]).trim();
  }
  if (p.lockedTargets !== 'keep' && p.lockedTargets !== 'release') bad('lockedTargets', 'oneOf', { options: 'keep|release' });
  const w = parseDecimal(String(p.warningMonths));
  if (w === null || w < 0n) bad('warningMonths', 'monthsNotNegative');
  return { params: p, issues };
}

/** Every problem of a scenario's `analysis` section that only the scenario itself can reveal. */
export function checkAnalysis(s: Scenario): Issue[] {
  const a = s.analysis;
  if (!a) return [];
  const issues: Issue[] = [];
  if (a.years) issues.push(...resolveYears(a.years).issues);
  (a.sweeps ?? []).forEach((sw, k) => {
    const at = `analysis.sweeps[${k}]`;
    const r = sw.kind === 'tornado' ? planTornado(s, tornadoSpec(sw), at) : planSweep(s, sweepSpec(sw), at);
    if (!r.ok) issues.push(...r.issues);
  });
  return issues;
}

export const sweepSpec = (sw: SweepAnalysis) => ({ param: sw.param, param2: sw.param2, outputs: sw.outputs ?? DEFAULT_OUTPUTS });
export const tornadoSpec = (t: TornadoAnalysis) => ({ params: t.params, change: t.change, output: t.output ?? DEFAULT_TORNADO_OUTPUT });
