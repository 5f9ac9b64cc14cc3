/**
 * The optional `analysis` section of a scenario file: its shape is checked on opening (field
 * paths in the messages), unknown fields survive, and checkAnalysis finds what only the
 * scenario can tell (a path that is not a parameter, too many values, an unknown output).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario, saveScenario, loadScenario } from '../../src/scenario/open.ts';
import { checkAnalysis } from '../../src/engine/analysis-params.ts';

const doc = () => JSON.parse(readFileSync('scenarios/city.json', 'utf8'));

const analysis = {
  years: { years: 5, baseRule: 'actualPlusRetained', revenueGrowth: '0.03', budgetGrowth: 0.04, lockedTargets: 'release', warningMonths: '6' },
  sweeps: [
    { kind: 'sweep', name: '保证金比例', param: { path: 'policy.deposit.rates.hospital', from: '0.05', to: '0.15', step: '0.01' }, outputs: ['closingBalance', 'T01.owed'] },
    { kind: 'sweep', param: { path: 'fund.adjustmentFundRate', from: 0.01, to: '0.05', step: '0.01' }, param2: { path: 'policy.overspend.reasonableShare', from: '0.6', to: '1', step: '0.1' } },
    { kind: 'tornado', params: ['fund.budget', 'fund.adjustmentFundRate'], change: '0.1', output: 'monthsOfCoverage', note: 'kept' },
  ],
};

describe('the analysis section', () => {
  it('is optional, validates, round-trips (numbers become strings, unknown fields kept) and checks clean', () => {
    expect(validateScenario(doc()).ok).toBe(true);
    const v = validateScenario({ ...doc(), analysis });
    if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(v.scenario.analysis?.years?.budgetGrowth).toBe('0.04');
    expect(checkAnalysis(v.scenario)).toEqual([]);
    const again = loadScenario(saveScenario(v.scenario));
    expect(again.ok && (again.scenario.analysis?.sweeps?.[2] as unknown as Record<string, unknown>).note).toBe('kept');
  });

  it('names the field of every shape problem', () => {
    const bad = {
      years: { years: 12, baseRule: 'ratchet', revenueGrowth: '-1.5' },
      sweeps: [
        { kind: 'sweep', param: { path: '', from: 'x', to: '1', step: '0' } },
        { kind: 'tornado', params: [], change: '0' },
        { kind: 'monte-carlo' },
      ],
    };
    const v = validateScenario({ ...doc(), analysis: bad });
    expect(v.ok).toBe(false);
    const paths = !v.ok ? v.issues.map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining([
      'analysis.years.years', 'analysis.years.baseRule', 'analysis.years.revenueGrowth',
      'analysis.sweeps[0].param.path', 'analysis.sweeps[0].param.from', 'analysis.sweeps[0].param.step',
      'analysis.sweeps[1].params', 'analysis.sweeps[1].change', 'analysis.sweeps[2].kind',
    ]));
  });

  it('checkAnalysis reports what only the scenario can tell, by field', () => {
    const v = validateScenario({
      ...doc(),
      analysis: { sweeps: [
        { kind: 'sweep', param: { path: 'policy.weightFormula', from: '0', to: '1', step: '1' } },
        { kind: 'sweep', param: { path: 'fund.adjustmentFundRate', from: '0', to: '1', step: '0.01' }, outputs: ['NOBODY.owed'] },
        { kind: 'tornado', params: ['fund.budget', 'hospitals[id=XX].score'], change: '0.1' },
      ] },
    });
    if (!v.ok) throw new Error('shape refused');
    expect(checkAnalysis(v.scenario).map((i) => i.path)).toEqual([
      'analysis.sweeps[0].param.path', 'analysis.sweeps[1].param.step', 'analysis.sweeps[1].outputs[0]', 'analysis.sweeps[2].params[1]',
    ]);
  });
});

describe('the documented example (scenarios/README.md)', () => {
  it('is a valid analysis section for the city', () => {
    const md = readFileSync('scenarios/README.md', 'utf8');
    const at = md.indexOf('## `analysis`');
    const block = /```json\n([\s\S]*?)```/.exec(md.slice(at))![1]!;
    const parsed = JSON.parse(`{${block}}`) as { analysis: unknown };
    const v = validateScenario({ ...doc(), analysis: parsed.analysis });
    if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(checkAnalysis(v.scenario)).toEqual([]);
  });
});
