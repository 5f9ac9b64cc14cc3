/**
 * The years view model: figures from the run as text, parameters as the file has them, stale
 * marks, the saver and spender, any institution picked, and identity while unchanged.
 */
import { describe, expect, it } from 'vitest';
import { stateOf, twoScenarios } from './fixture.ts';
import { yearsView } from '../../src/app/views/years.ts';
import { yearsRefs, yearsCurrent } from '../../src/app/runs/years.ts';
import { yearsOutcome } from '../../src/engine/years-outcome.ts';
import { refName, scenarioOf } from '../../src/workspace/workspace.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { formatMoney, ratioOfAmounts } from '../../src/engine/money.ts';
import { cumulativeOf } from '../../src/engine/years.ts';
import { matchChoices, type PickChoice } from '../../src/app/views/pick.ts';
import { money, percent, plain } from '../../src/display/number.ts';
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
      const i = out[p.role as 'saver' | 'spender']!.index;
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

  it('the institution picked: its path is the engine\'s years output for that id, every column, in the unit shown', () => {
    const ws = editAt(twoScenarios(), 'baseline', ['analysis', 'years'], { years: 4, baseRule: 'actual' });
    const base = withYears(stateOf(ws, { unit: 'yuan' }));
    const scen = scenarioOf(ws, 'baseline');
    // Straight from the engine, not from the state's run: the view shows what yearsOutcome gives for the scenario.
    const out = yearsOutcome(scen);
    if (!out.ok) throw new Error('run');
    const first = yearsView(base);
    expect(first.choices).toEqual(scen.hospitals.map((h) => ({ id: h.id, name: h.name })));
    expect(first.chosenId).toBe(scen.hospitals[0]!.id); // the institution looked at: the first until another is picked
    let prev = first;
    for (const [i, h] of scen.hospitals.entries()) {
      const v = yearsView({ ...base, hospital: h.id }, prev);
      const c = v.chosen!;
      expect(c).toMatchObject({ role: 'chosen', id: h.id, name: h.name });
      const a = (x: number) => money(formatMoney(x), 'yuan');
      expect(c.rows).toEqual(out.run.years.map((y, k) => {
        const col = y.columns;
        const t = col.target[i]!, act = col.actual[i]!;
        return { label: String(2025 + k), target: a(t), claims: a(col.claimsTotal[i]!), actual: a(act), rate: percent(ratioOfAmounts(t - act, t), 2, true),
          reward: a(col.reward[i]!), fundShare: a(col.fundShare[i]!), owed: a(col.owed[i]!), nextBase: a(col.basis[i]!) };
      }));
      const cum = cumulativeOf(out.run, i)!;
      expect(c.note).toContain(percent(cum.rate.replace(/^-/, '')));
      expect(c.note).toContain(Number(cum.rate) > 0 ? '超支' : '结余');
      // Picking another institution leaves the rest of the view as it was (same objects: nothing else re-renders).
      expect(v.fund).toBe(first.fund);
      expect(v.picks).toBe(first.picks);
      expect(v.choices).toBe(first.choices);
      prev = v;
    }
    // The saver's path as the chosen one is the saver's own.
    const saver = out.saver!;
    const asChosen = yearsView({ ...base, hospital: saver.id }).chosen!;
    expect(asChosen.rows).toEqual(first.picks.find((p) => p.role === 'saver')!.rows);
    // An id the run does not have: no path, the id kept for the picker's note.
    const gone = yearsView({ ...base, hospital: 'NOPE' });
    expect(gone.chosen).toBeNull();
    expect(gone.chosenId).toBe('NOPE');
  });

  it('the picker lists a dozen matches of 3,000 institutions: by name or code, all words, the exact code first', () => {
    const choices: PickChoice[] = Array.from({ length: 3000 }, (_, i) => ({ id: `H${String(i + 1).padStart(6, '0')}`, name: `${i % 3 ? '医院' : '社区卫生服务中心'} ${i + 1}` }));
    const blank = matchChoices(choices, '');
    expect(blank.matches).toHaveLength(12);
    expect(blank.more).toBe(2988);
    const some = matchChoices(choices, '医院');
    expect(some.matches).toHaveLength(12);
    expect(some.more).toBe(2000 - 12);
    expect(some.matches.every((c) => c.name.startsWith('医院'))).toBe(true);
    expect(matchChoices(choices, 'h002999').matches.map((c) => c.id)).toEqual(['H002999']);
    const two = matchChoices(choices, '社区 2998');
    expect(two.matches.map((c) => c.id)).toEqual(['H002998']);
    expect(matchChoices(choices, '医院 2998').matches).toEqual([]); // 2998 is a community centre
    // The exact code first, then names or codes that start with the query, each in file order.
    const mixed: PickChoice[] = [{ id: 'X1', name: 'Clinic X10' }, { id: 'X10', name: 'Other' }, { id: 'A', name: 'x1 hall' }];
    expect(matchChoices(mixed, 'X1').matches.map((c) => c.id)).toEqual(['X1', 'X10', 'A']);
    expect(matchChoices(mixed, 'zz')).toEqual({ matches: [], more: 0 });
  });
});
