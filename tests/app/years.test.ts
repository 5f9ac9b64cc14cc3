/** The years view model: figures from the run as text, parameters as the file has them, stale marks, the saver and spender, and identity while unchanged. */
import { describe, expect, it } from 'vitest';
import { stateOf, twoScenarios } from './fixture.ts';
import { yearsView } from '../../src/app/views/years.ts';
import { yearsRefs, yearsCurrent } from '../../src/app/runs/years.ts';
import { yearsOutcome } from '../../src/engine/years-outcome.ts';
import { refName, scenarioOf } from '../../src/workspace/workspace.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { formatMoney } from '../../src/engine/money.ts';
import { money, plain } from '../../src/display/number.ts';
import type { AppState, YearsState } from '../../src/app/state/app-state.ts';

function withYears(s: AppState, running = false): AppState {
  const refs = yearsRefs(s);
  const years: YearsState = { ws: s.ws, refs, running, runs: refs.map((ref) => ({ ref, name: refName(s.ws, ref), outcome: yearsOutcome(scenarioOf(s.ws, ref)) })) };
  return { ...s, tab: 'years', years };
}

describe('years view', () => {
  it('shows the fund path, the picks and every compared scenario from the run, in the unit chosen', () => {
    const ws = editAt(twoScenarios(), 'baseline', ['analysis', 'years'], { years: 3, baseRule: 'actual' });
    const s = withYears(stateOf(ws, { unit: 'yuan' }));
    const v = yearsView(s);
    const out = s.years!.runs![0]!.outcome;
    if (!out.ok) throw new Error('run');
    expect(v.params).toMatchObject({ years: 3, baseRule: 'actual', warningMonths: '6' });
    expect(v.given).toEqual({ years: 3, baseRule: 'actual' });
    expect(v.fund.map((r) => r.closing)).toEqual(out.run.years.map((y) => money(y.fund.closingBalance, 'yuan')));
    expect(v.fund.map((r) => r.months)).toEqual(out.run.years.map((y) => plain(y.fund.monthsOfCoverage, 2)));
    expect(v.fund[0]!.fingerprint).toBe(out.fingerprints[0]);
    expect(v.stale).toBe(false);
    expect(v.variants.map((r) => r.ref)).toEqual(['baseline', s.compare[1]]);
    for (const p of v.picks) {
      const i = out[p.role]!.index;
      expect(p.rows.map((r) => r.target)).toEqual(out.run.years.map((y) => money(formatMoney(y.columns.target[i]!), 'yuan')));
      expect(p.rows.map((r) => r.owed)).toEqual(out.run.years.map((y) => money(formatMoney(y.columns.owed[i]!), 'yuan')));
    }
    expect(v.picks.length + (v.noSaver ? 1 : 0) + (v.noSpender ? 1 : 0)).toBe(2);
    // The same object while nothing it shows changed.
    expect(yearsView({ ...s, notice: null, revision: s.revision + 1 }, v)).toBe(v);
  });

  it('marks the figures stale after an edit, and names a bad parameter by its field', () => {
    const s = withYears(stateOf(twoScenarios()));
    const ws2 = editAt(s.ws, 'baseline', ['analysis', 'years', 'years'], 12);
    const s2 = { ...s, ws: ws2 };
    expect(yearsCurrent(s2, s2.years)).toBe(false);
    const v = yearsView(s2);
    expect(v.stale).toBe(true);
    expect(v.paramIssues.years).toBe('须为 2 到 10 之间的整数');
    expect(v.fund.length).toBe(5); // the previous run still shown
  });
});
