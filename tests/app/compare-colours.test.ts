/**
 * Issue 10, the comparison leads with its differences: every difference is coloured good or bad
 * for the fund by one rule (views/tone.ts), in the fund's table, its difference chart, the
 * institutions' table and the gains and losses above it; a difference shown as 0.00 has no
 * colour; the chart plots the amounts that changed, largest first. A notice of an undoable step
 * goes once the step is undone.
 */
import { describe, expect, it } from 'vitest';
import { BETTER, CompareViews, FUND_ROWS } from '../../src/app/views/compare.ts';
import { compareInstitutions, gainsOf, institutionTone, METRIC_BETTER } from '../../src/app/views/comparison.ts';
import { shownSign, toneOf } from '../../src/app/views/tone.ts';
import { parseMoney } from '../../src/engine/money.ts';
import { shiftPoint } from '../../src/display/number.ts';
import { Store } from '../../src/app/state/store.ts';
import { addVariant, newWorkspace, scenarioOf } from '../../src/workspace/workspace.ts';
import { withoutInstitution } from '../../src/app/views/institutions.ts';
import { smallScenario } from '../workspace/fixture.ts';
import { stateOf, twoScenarios } from './fixture.ts';
import { pointsWorkspace } from './points-fixture.ts';

describe('one rule colours a difference: good or bad for the fund, none when it shows as zero', () => {
  it('a difference shown as 0.00 in its unit gets no colour', () => {
    expect(toneOf('0.00', 'money', 'yuan', -1)).toBe('');
    expect(toneOf('-0.0012', 'months', 'yuan', 1)).toBe(''); // months of coverage −0.0012: shown 0.00
    expect(toneOf('-0.0100', 'months', 'yuan', 1)).toBe('bad');
    expect(toneOf('-30.00', 'money', 'wan', -1)).toBe(''); // 30 元 = 0.00 万元
    expect(toneOf('-30.00', 'money', 'yuan', -1)).toBe('good');
    expect(toneOf('-50.00', 'money', 'wan', -1)).toBe('good'); // 0.01 万元, rounded half-up
    expect(toneOf('0.00004', 'pct', 'wan', 1)).toBe(''); // 0.004 个百分点
    expect(toneOf('0.0001', 'pct', 'wan', 1)).toBe('good');
    expect(toneOf(null, 'money', 'yuan', -1)).toBe('');
    expect(toneOf('1200.00', 'money', 'yuan', 0)).toBe(''); // how the budget is divided: neither
    expect(shownSign('-0.004', 'money', 'yuan')).toBe(0);
  });

  it('the fund table: each difference coloured by the figure’s better way; changed figures first', () => {
    for (const unit of ['yuan', 'wan'] as const) {
      const v = new CompareViews().of(stateOf(twoScenarios(), { tab: 'compare', unit }));
      expect([...v.fund.map((r) => r.field)].sort()).toEqual(FUND_ROWS.map(([f]) => f).sort());
      for (const r of v.fund) {
        expect(r.better).toBe(BETTER[r.field] ?? 0);
        expect(r.tones).toEqual(r.deltas.map((d) => toneOf(d, r.kind, unit, r.better)));
        expect(r.changed).toBe(r.deltas.some((d) => shownSign(d, r.kind, unit) !== 0));
        if (!r.changed) expect(r.tones).toEqual(['']);
      }
      const changed = v.fund.map((r) => r.changed);
      expect(changed).toEqual([...changed].sort((a, b) => Number(b) - Number(a)));
      const f = (field: string) => v.fund.find((r) => r.field === field)!;
      // A lower deposit rate: less kept back, more paid out to institutions — bad; a lower retained balance — good.
      expect(f('hospitalsOwed').tones).toEqual(['bad']);
      expect(f('closingBalance').tones).toEqual(['bad']);
      expect(f('totalBalance').tones).toEqual(['good']);
      expect(f('totalDeposit').tones).toEqual(['']);
      expect(f('globalTarget')).toMatchObject({ changed: false, tones: [''] });
    }
  });

  it('the chart: the amounts that changed, largest absolute change first, zeros dropped, in the table’s colours and the unit', () => {
    const v = new CompareViews().of(stateOf(twoScenarios(), { tab: 'compare', unit: 'wan' }));
    const c = v.chart!;
    const rows = c.fields.map((f) => v.fund.find((r) => r.field === f)!);
    expect(rows.every((r) => r.kind === 'money' && r.changed)).toBe(true);
    const money = v.fund.filter((r) => r.kind === 'money' && r.changed).map((r) => r.field);
    expect([...c.fields].sort()).toEqual([...money].sort());
    expect(c.fields).not.toContain('globalTarget');
    const size = rows.map((r) => Math.abs(parseMoney(r.deltas[0]!)));
    expect(size).toEqual([...size].sort((a, b) => b - a));
    expect(c.series).toHaveLength(1);
    expect(c.series[0]!.name).toBe('保证金 8% − 测试基线');
    expect(c.series[0]!.tones).toEqual(rows.map((r) => r.tones[0]));
    // In 万元: −141,360.00 元 plots as −14.136.
    expect(c.series[0]!.values).toEqual(rows.map((r) => Number(shiftPoint(r.deltas[0]!, -4))));
    expect(c.series[0]!.values.every((x) => x !== 0)).toBe(true);
  });

  it('nothing changed: no chart (the view says so), every row unchanged and uncoloured', () => {
    const a = addVariant(newWorkspace(smallScenario()), '相同');
    const v = new CompareViews().of(stateOf(a.ws, { tab: 'compare' }));
    expect(v.chart).toBeNull();
    expect(v.fund.every((r) => !r.changed && r.tones.every((t) => t === ''))).toBe(true);
  });

  it('institutions: the gains and losses are coloured as the table’s cells, from one rule', () => {
    expect(METRIC_BETTER).toEqual({ target: -1, owed: BETTER.hospitalsOwed, balance: BETTER.totalBalance });
    const s = stateOf(twoScenarios(), { tab: 'compare' });
    const views = [s.cols.baseline!.view!, s.cols.v1!.view!];
    const model = compareInstitutions(views, 'owed', true);
    const [g] = gainsOf(views, 'owed', 'yuan');
    expect(g!.gainers).toBeGreaterThan(0);
    // Owed more: more the fund pays — bad for the fund, in the summary, the list and the table alike.
    expect(g!.gainedTone).toBe('bad');
    for (const x of g!.topGains) {
      expect(x.tone).toBe('bad');
      expect(institutionTone('owed', model.delta(0, views[0]!.indexOf(x.id)!), 'yuan')).toBe(x.tone);
    }
    for (const x of g!.topLosses) expect(x.tone).toBe('good');
    // Points move targets between institutions: a gainer's target reads as the table reads it.
    const p = pointsWorkspace();
    const ps = stateOf(p.ws, { active: p.id, compare: ['baseline', p.id] });
    const pv = [ps.cols.baseline!.view!, ps.cols[p.id]!.view!];
    const [pg] = gainsOf(pv, 'target', 'wan');
    const pm = compareInstitutions(pv, 'target', true);
    expect(pg!.gainedTone).toBe('bad');
    expect(pg!.lostTone).toBe('good');
    for (const x of [...pg!.topGains, ...pg!.topLosses]) expect(x.tone).toBe(institutionTone('target', pm.delta(0, pv[0]!.indexOf(x.id)!), 'wan'));
    expect(institutionTone('owed', '0.00', 'yuan')).toBe('');
    expect(institutionTone('owed', '40.00', 'wan')).toBe(''); // 0.00 万元
  });
});

describe('a notice of an undoable step', () => {
  it('goes once the step is undone; another notice stays', () => {
    const store = new Store(newWorkspace(smallScenario()));
    const shown = scenarioOf(store.state.ws, 'baseline');
    store.replace(withoutInstitution(shown, shown.hospitals[0]!.id));
    store.notify({ kind: 'info', says: { key: 'institutionRemoved', vars: { name: 'H001' } }, step: store.state.ws });
    store.undo();
    expect(store.state.notice).toBeNull();
    expect(store.state.ws.baseline.hospitals[0]!.id).toBe(shown.hospitals[0]!.id);
    store.redo();
    expect(store.state.notice).toBeNull();
    store.notify({ kind: 'info', says: { key: 'fileOpened', vars: { name: 'x.json' } } });
    store.undo();
    expect(store.state.notice?.says).toEqual({ key: 'fileOpened', vars: { name: 'x.json' } });
  });
});
