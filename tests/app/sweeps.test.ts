/** The sweeps view model: the offered specs when the file keeps none, the file's own when it does, problems by field, results as text with the current value marked. */
import { describe, expect, it } from 'vitest';
import { stateOf, twoScenarios } from './fixture.ts';
import { sweepsView, specWith } from '../../src/app/views/sweeps.ts';
import { typedValue, editedText } from '../../src/app/views/field-text.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { runSweep } from '../../src/engine/sweep.ts';
import { scenarioOf } from '../../src/workspace/workspace.ts';
import { money, percentExact } from '../../src/display/number.ts';
import type { SweepAnalysis } from '../../src/format/types.ts';
import type { SweepResult } from '../../src/engine/sweep.ts';
import type { AppState } from '../../src/app/state/app-state.ts';

const v2s = (s: AppState, result: SweepResult, spec: SweepAnalysis): AppState =>
  ({ ...s, sweeps: { sweep: { ref: 'baseline', name: 'x', scenario: scenarioOf(s.ws, 'baseline'), spec, status: 'done', done: 12, total: 12, result, issues: [], workers: 2, ms: 10 } } });

describe('sweeps view', () => {
  it('offers a sweep and a tornado when the file keeps none, to be written at the end of analysis.sweeps', () => {
    const v = sweepsView(stateOf(twoScenarios(), { tab: 'sweeps' }));
    expect(v.sweep.inFile).toBe(false);
    expect(v.sweep.editPath).toEqual(['analysis', 'sweeps', 0]);
    expect(v.sweep.spec.param.path).toBe('fund.adjustmentFundRate');
    expect(v.sweep.runs).toBe(14);
    expect(v.tornado.spec.params.length).toBeGreaterThan(0);
    expect(v.params.some((p) => p.path === 'policy.deposit.rates.hospital')).toBe(true);
    // An edit of one field of an offered spec becomes the whole spec.
    expect(specWith(v.sweep.spec, ['param', 'step'], '0.01').param).toEqual({ ...v.sweep.spec.param, step: '0.01' });
  });

  it('shows the file’s spec with its problems by field, and a run’s table with the current value marked', () => {
    const bad: SweepAnalysis = { kind: 'sweep', param: { path: 'policy.deposit.rates.hospital', from: '0', to: '0.1', step: '0.001' } };
    const s1 = stateOf(editAt(twoScenarios(), 'baseline', ['analysis', 'sweeps'], [bad]), { tab: 'sweeps' });
    const v1 = sweepsView(s1);
    expect(v1.sweep.inFile).toBe(true);
    expect(v1.sweep.runs).toBeNull();
    expect(v1.sweep.problems.join('\n')).toMatch(/analysis\.sweeps\[0\]\.param\.step.*共 101 个取值，最多 50 个/);

    const good: SweepAnalysis = { ...bad, param: { ...bad.param, step: '0.01' }, outputs: ['closingBalance'] };
    const ws = editAt(twoScenarios(), 'baseline', ['analysis', 'sweeps'], [good]);
    const r = runSweep(scenarioOf(ws, 'baseline'), good);
    if (!r.ok) throw new Error('sweep');
    const s2 = stateOf(ws, { tab: 'sweeps', unit: 'yuan' });
    const v2 = sweepsView(v2s(s2, r.result, good));
    const t = v2.sweepResult!;
    expect(t.rows.map((x) => x.cells[0])).toEqual(r.result.points.map((p) => money(p.values![0]!, 'yuan')));
    const cur = scenarioOf(ws, 'baseline').policy.deposit.rates['hospital'];
    expect(t.rows.filter((x) => x.current).map((x) => x.values[0])).toEqual([percentExact(cur)]);
    // As gbsim sweep prints it (src/display/analysis.ts): 0.02 → 2.00%, 0.1 → 10.00%.
    expect(t.axes[0]!.values.slice(0, 3)).toEqual(['0.00%', '1.00%', '2.00%']);
    expect(v2.runs.sweep?.outdated).toBe(false);
    // The file's spec edited since the run: the table is marked as of the earlier spec.
    const s3 = { ...v2s(s2, r.result, good), ws: editAt(ws, 'baseline', ['analysis', 'sweeps', 0, 'param', 'to'], '0.09') };
    expect(sweepsView(s3).runs.sweep?.outdated).toBe(true);
  });

  it('the heat map legend: the lowest and highest figure run, exact, with its unit (the display module)', () => {
    const spec: SweepAnalysis = {
      kind: 'sweep', param: { path: 'policy.deposit.rates.hospital', from: '0.02', to: '0.06', step: '0.02' },
      param2: { path: 'fund.adjustmentFundRate', from: '0.01', to: '0.03', step: '0.01' }, outputs: ['closingBalance', 'currentSurplusRate', 'monthsOfCoverage'],
    };
    const ws = editAt(twoScenarios(), 'baseline', ['analysis', 'sweeps'], [spec]);
    const r = runSweep(scenarioOf(ws, 'baseline'), spec);
    if (!r.ok) throw new Error('sweep');
    const closing = r.result.points.map((p) => p.values![0]!);
    const byValue = [...closing].sort((a, b) => Number(a) - Number(b));
    for (const [unit, name] of [['wan', '万元'], ['yuan', '元']] as const) {
      const t = sweepsView(v2s(stateOf(ws, { tab: 'sweeps', unit, lang: 'zh' }), r.result, spec)).sweepResult!;
      expect(t.legend[0]).toEqual({ low: `${money(byValue[0]!, unit)} ${name}`, high: `${money(byValue.at(-1)!, unit)} ${name}` });
      expect(t.legend[1]!.low).toMatch(/^−?\d+\.\d\d%$/);
      expect(t.legend[2]!.high).toMatch(/ 个月$/);
    }
    const en = sweepsView(v2s(stateOf(ws, { tab: 'sweeps', unit: 'wan', lang: 'en' }), r.result, spec)).sweepResult!;
    expect(en.legend[0]!.high).toMatch(/ 10k yuan$/);
    expect(en.legend[2]!.high).toMatch(/ months$/);
  });

  it('an axis of a ratio is typed and shown as percentages, the file keeping the fraction; coefficients stay numbers', () => {
    const v = sweepsView(stateOf(twoScenarios(), { tab: 'sweeps' }));
    const by = (path: string) => v.params.find((p) => p.path === path)!;
    const dep = by('policy.deposit.rates.hospital');
    expect(dep.kinds).toEqual({ from: 'pct', to: 'pct', step: 'pctOpen' });
    expect(dep.currentText).toMatch(/^\d+\.\d{2,}%$/);
    expect(typedValue(dep.kinds.from, '5', false)).toEqual({ ok: true, value: '0.05' });
    expect(typedValue(dep.kinds.step, '0.25%', false)).toEqual({ ok: true, value: '0.0025' });
    expect(typedValue(dep.kinds.to, '150', false).ok).toBe(false);
    expect(editedText(dep.kinds.from, dep.axis.from)).toBe(String(Number(dep.axis.from) * 100));
    const growth = v.params.find((p) => p.path.endsWith('.growth') || p.path === 'policy.growth.region');
    if (growth) {
      expect(growth.kinds.from).toBe('growthPct');
      expect(typedValue(growth.kinds.from, '-5%', false)).toEqual({ ok: true, value: '-0.05' });
    }
    const coef = v.params.find((p) => p.path.startsWith('policy.levelCoefficients'));
    if (coef) {
      expect(coef.kinds.from).toBe('rate');
      expect(coef.currentText).not.toMatch(/%$/);
    }
  });
});

describe('institution outputs are named, not coded', () => {
  it('a sweep output or the tornado ranked by an institution\'s owed reads with its name (zh and en)', () => {
    const sweep: SweepAnalysis = { kind: 'sweep', param: { path: 'policy.deposit.rates.hospital', from: '0', to: '0.1', step: '0.05' },
      outputs: ['closingBalance', 'H002.owed'] };
    const ws = editAt(twoScenarios(), 'baseline', ['analysis', 'sweeps'], [sweep, { kind: 'tornado', params: ['fund.adjustmentFundRate'], change: '0.1',
      output: 'H001.owed' }]);
    const zh = sweepsView(stateOf(ws));
    expect(zh.extraOutputs.sweep).toEqual([{ name: 'H002.owed', label: '市中医院（H002）年终应付' }]);
    expect(zh.extraOutputs.tornado).toEqual({ name: 'H001.owed', label: '市第一人民医院（H001）年终应付' });
    const en = sweepsView(stateOf(ws, { lang: 'en' }));
    expect(en.extraOutputs.sweep[0]!.label).toBe('市中医院 (H002) owed');
    const r = runSweep(scenarioOf(ws, 'baseline'), sweep);
    if (!r.ok) throw new Error('sweep');
    const shown = sweepsView(v2s(stateOf(ws), r.result, sweep));
    expect(shown.sweepResult?.outputs.map((o) => o.label)).toEqual(['年末累计结存', '市中医院（H002）年终应付']);
  });
});
