/** The monitoring tab's view model: what it shows from the engine's report and the adjustment considered. */
import { describe, expect, it } from 'vitest';
import { monitorView } from '../../src/app/views/monitor.ts';
import { monitor } from '../../src/engine/monitor.ts';
import { shownMonitor } from '../../src/transport/engine-session.ts';
import { previewAdjustment } from '../../src/engine/adjust-preview.ts';
import { newWorkspace } from '../../src/workspace/workspace.ts';
import { stateOf } from './fixture.ts';
import { threeHospitals } from '../monitor/fixture.ts';
import { asOfMonth } from '../../src/engine/as-of.ts';
import { smallScenario } from '../workspace/fixture.ts';

describe('monitorView', () => {
  const s = threeHospitals();
  const ws = newWorkspace(s);
  const report = shownMonitor(monitor(s));

  it('says which months are actual and which projected, and lists the warned institutions in the unit', () => {
    const st = stateOf(ws, { tab: 'monitor', unit: 'yuan', monitor: { ref: 'baseline', key: 1, report, stale: false } });
    const v = monitorView(st);
    expect(v.state).toBe('ready');
    expect(v.asOfLine).toBe('申报数据截至 6 月；7–12 月为预测');
    expect(v.months.map((m) => m.actual)).toEqual([...new Array(6).fill(true), ...new Array(6).fill(false)]);
    expect(v.nextMonth).toBe(7);
    expect(v.canStart).toBe(false);
    const lines = Array.from({ length: v.warnings.length }, (_, k) => v.warnings.at(k));
    expect(lines.map((w) => [w.id, w.projectedRate, w.flags])).toEqual([['A', '+15.00%', '预计超支、暂缓拨付累积']]);
    // Formatted when asked for, once: the table takes a line at a time.
    expect(v.warnings.at(0)).toBe(lines[0]);
    expect(() => v.warnings.at(1)).toThrow(RangeError);
    expect(v.coverage).toEqual({ value: '3.00', line: '6', below: true, text: '低于预警线' });
    expect(monitorView(st)).toBe(v); // the same object while nothing changed
    const en = monitorView({ ...st, lang: 'en' });
    expect(en.asOfLine).toBe('Claims known through month 6; months 7–12 projected');
  });

  it('as of 0 (the start of the year): every month projected, January the next to import', () => {
    const r = asOfMonth(threeHospitals(), 0);
    if (!r.ok) throw new Error(r.issues[0]!.message);
    const st = stateOf(newWorkspace(r.scenario), { tab: 'monitor', monitor: { ref: 'baseline', key: 1, report: shownMonitor(monitor(r.scenario)), stale: false } });
    const v = monitorView(st);
    expect(v.asOfLine).toBe('尚无月度申报数据：1–12 月均为预测');
    expect(v.months.map((m) => m.actual)).toEqual(new Array(12).fill(false));
    expect(v.nextMonth).toBe(1);
    expect(v.canStart).toBe(false);
    expect(v.warnings.length).toBe(0);
    expect(monitorView({ ...st, lang: 'en' }).asOfLine).toBe('No month’s claims known yet: months 1–12 projected');
  });

  it('before the report arrives: loading; a year-end file may start monitoring', () => {
    expect(monitorView(stateOf(ws, { tab: 'monitor' })).state).toBe('loading');
    const y = threeHospitals();
    delete y.monitoring;
    for (const h of y.hospitals) { h.claims = [...h.claimsToDate!, ...h.claimsToDate!]; delete h.claimsToDate; }
    expect(monitorView(stateOf(newWorkspace(y), { tab: 'monitor' })).canStart).toBe(true);
  });

  it("shows an adjustment's effects as the engine gave them, or why it is refused", () => {
    const p = previewAdjustment(s, { hospital: 'A', from: 7, change: '-100000.01', reason: 'x' });
    const v = monitorView(stateOf(ws, { tab: 'monitor', unit: 'yuan', adjusting: { preview: p, busy: false } }));
    expect(v.preview!.lines.map((l) => [l.id, l.after, l.change])).toEqual([['A', '1,099,999.99', '−100,000.01'], ['B', '1,250,000.01', '+50,000.01'], ['C', '1,250,000.00', '+50,000.00']]);
    expect(v.preview!.lines[0]!.months[0]).toEqual({ before: '100,000.00', after: '83,333.34' });
    // A scenario without pools: the one pool of everyone, in words (never its code "all").
    expect(v.preview!.pool).toBe('全部机构：调整前合计 3,600,000.00，调整后合计 3,600,000.00');
    expect(monitorView(stateOf(ws, { tab: 'monitor', unit: 'wan', lang: 'en', adjusting: { preview: p, busy: false } })).preview!.pool)
      .toBe('All institutions: 360.00 before, 360.00 after');
    const bad = previewAdjustment(s, { hospital: 'A', from: 7, change: '-700000.00', reason: 'x' });
    const w = monitorView(stateOf(ws, { tab: 'monitor', adjusting: { preview: bad, busy: false } }));
    expect(w.preview!.ok).toBe(false);
    expect(w.preview!.issues[0]).toContain('1–6 月已安排月度额度 600,000.00 元'); // in the user's language (zh by default)
  });

  it('names the pool of an adjustment by its name, never its code', () => {
    const sc = smallScenario();
    const p = previewAdjustment(sc, { hospital: 'H001', from: 7, change: '-1000.00', reason: 'x' });
    expect(p.ok).toBe(true);
    const st = stateOf(newWorkspace(sc), { tab: 'monitor', unit: 'yuan', adjusting: { preview: p, busy: false } });
    expect(monitorView(st).preview!.pool).toMatch(/^分配池「医院」：调整前合计 [\d,]+\.\d\d，调整后合计 [\d,]+\.\d\d$/);
    expect(monitorView({ ...st, lang: 'en' }).preview!.pool).toMatch(/^Pool “医院”: [\d,.]+ before, [\d,.]+ after$/);
  });
});
