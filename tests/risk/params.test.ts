import { asOfMonth } from '../../src/engine/as-of.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderMessage } from '../../src/format/messages.ts';
import { riskParams, RISK_DEFAULTS, validateRiskParams } from '../../src/engine/risk/params.ts';
import { prepareRisk, RiskError } from '../../src/engine/risk/prepare.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { ScenarioError } from '../../src/format/issues.ts';
import type { Scenario } from '../../src/format/types.ts';

const city = (): Scenario => {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city.json');
  return r.scenario;
};

const paths = (p: unknown) => validateRiskParams(p).map((i) => i.path);

describe('risk parameters', () => {
  it('the defaults are valid and stated', () => {
    expect(validateRiskParams(riskParams())).toEqual([]);
    expect(RISK_DEFAULTS).toMatchObject({ draws: 10_000, sigmaCommon: 0.03, sigma: 0.05, deductions: 'scaled', overspendThreshold: 0.1 });
  });

  it('every bad field is named', () => {
    expect(paths(riskParams({ draws: 0 }))).toEqual(['draws']);
    expect(paths(riskParams({ draws: 2.5 }))).toEqual(['draws']);
    expect(paths(riskParams({ seed: -1 }))).toEqual(['seed']);
    expect(paths(riskParams({ seed: 2 ** 32 }))).toEqual(['seed']);
    expect(paths(riskParams({ sigmaCommon: -0.1, sigma: Number.NaN }))).toEqual(['sigmaCommon', 'sigma']);
    expect(paths(riskParams({ sigmaByCategory: { tcm: 0.08, community: 2 } }))).toEqual(['sigmaByCategory.community']);
    expect(paths({ ...riskParams(), deductions: 'none' })).toEqual(['deductions']);
    expect(paths(riskParams({ overspendThreshold: -0.1 }))).toEqual(['overspendThreshold']);
    expect(paths({ ...riskParams(), extra: 1 })).toEqual(['extra']);
    expect(paths(null)).toEqual(['']);
  });

  it('riskParams copies the category map (no shared state between runs)', () => {
    const a = riskParams();
    a.sigmaByCategory.tcm = 0.2;
    expect(riskParams().sigmaByCategory).toEqual({});
  });
});

describe('what a risk run refuses', () => {
  const refusal = (s: Scenario, p = riskParams()): RiskError => {
    try {
      prepareRisk(s, p);
    } catch (e) {
      if (e instanceof RiskError) return e;
      throw e;
    }
    throw new Error('not refused');
  };

  it('bad parameters, under "risk."', () => {
    expect(refusal(city(), riskParams({ draws: -5 })).issues.map((i) => i.path)).toEqual(['risk.draws']);
  });

  it('a weight formula that reads the year\'s claims: targets would differ per draw', () => {
    const s = city();
    s.policy.weightFormula = 'defaultWeight + claimsTotal * 0';
    const e = refusal(s);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toBe('policy.weightFormula');
    expect(e.issues[0]!.message).toMatch(/claimsTotal.*differ in every Monte Carlo draw/);
  });

  it('an eligibility formula that reads deductions', () => {
    const s = city();
    s.policy.surplus!.eligibility = 'deductions < 1000';
    expect(refusal(s).issues.map((i) => i.path)).toEqual(['policy.surplus.eligibility']);
  });

  it('formulas over fixed fields are fine', () => {
    const s = city();
    s.policy.surplus!.eligibility = 'score >= 80';
    expect(() => prepareRisk(s, riskParams())).not.toThrow();
  });

  it('a scenario the engine cannot settle is the engine\'s error', () => {
    const s = city();
    s.hospitals[0]!.lockedTarget = '999999999999.00';
    expect(() => prepareRisk(s, riskParams())).toThrow(ScenarioError);
  });

  it('a monitored year in progress: the draws would set the months known aside, so the run is refused and says where to run it', () => {
    const june = asOfMonth(city(), 6);
    if (!june.ok) throw new Error('as of June');
    const e = refusal(june.scenario);
    expect(e.issues.map((i) => i.path)).toEqual(['monitoring.asOf']);
    expect(e.issues[0]!.message).toContain('claims known through month 6');
    expect(renderMessage(e.issues[0]!.code!, e.issues[0]!.params, 'zh')).toContain('请在监测前的年度方案上测算');
  });

  it('amounts beyond the exact range of doubles', () => {
    const s = city();
    for (const h of s.hospitals) h.history = h.history.map(() => '9000000000000.00');
    s.fund.budget = '9999999999999.00';
    s.fund.revenue = '9999999999999.00';
    expect(refusal(s).issues[0]!.path).toBe('hospitals');
  });
});
