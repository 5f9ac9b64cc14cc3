/** views/fund-report.ts: the app's report is the engine's report model of the column's result, in the app's language and unit. */
import { describe, expect, it } from 'vitest';
import { reportPageView } from '../../src/app/views/fund-report.ts';
import { fundReport, reportInputOf } from '../../src/engine/fund-report.ts';
import { fundReportView } from '../../src/sheets/fund-report.ts';
import { runScenario } from '../../src/engine/run.ts';
import { scenarioOf } from '../../src/workspace/workspace.ts';
import { stateOf, twoScenarios } from './fixture.ts';
import { pointsWorkspace } from './points-fixture.ts';
import { plain } from '../../src/display/number.ts';

const strip = (v: ReturnType<typeof fundReportView>) => v.sections;

describe('the fund report view', () => {
  it('is null while closed; open, its sections equal the report built from the Node result (zh 万元, en 元)', () => {
    const ws = twoScenarios();
    expect(reportPageView(stateOf(ws))).toBeNull();
    for (const [lang, unit] of [['zh', 'wan'], ['en', 'yuan']] as const) {
      const s = stateOf(ws, { reporting: true, lang, unit });
      const p = reportPageView(s, '2026-12-02')!;
      const sc = scenarioOf(ws, s.active);
      const node = fundReportView(fundReport(sc, reportInputOf(runScenario(sc))), sc, { scenarioName: '', fingerprint: null, printed: '' }, lang, unit);
      expect(p.view).not.toBeNull();
      expect(strip(p.view!)).toEqual(strip(node));
      expect(p.view!.meta.find((m) => m.value === '2026-12-02')).toBeTruthy();
      // The same object while nothing it shows changed.
      expect(reportPageView(s, '2026-12-02')).toBe(p);
    }
  });

  it('a points variant adds the points section with the pool’s point values (元/分, 4 decimals)', () => {
    const { ws, id } = pointsWorkspace();
    const s = stateOf(ws, { reporting: true, active: id, lang: 'zh', unit: 'yuan' });
    const v = reportPageView(s, '2026-12-02')!.view!;
    const pts = v.sections.find((x) => x.id === 'points')!;
    expect(pts.title).toBe('四、点数法分配池');
    const pool = runScenario(scenarioOf(ws, id)).fund.pools.find((p) => p.settlement === 'points')!;
    const row = pts.tables[0]!.rows[0]!.cells;
    expect(row).toContain(plain(pool.pointValue, 4));
    expect(pts.tables[0]!.head).toContain('年度清算点值（元/分）');
    expect(row[pts.tables[0]!.head.indexOf('年度清算点值（元/分）')]).toBe(plain(pool.pointValue, 4));
    expect(row[0]).toBe(pool.name);
    expect(pool.pointValue).toMatch(/^\d+\.\d{4}$/);
  });

  it('a stale column is not reported (the figures would be an older edit’s)', () => {
    const ws = twoScenarios();
    const s0 = stateOf(ws);
    const col = s0.cols[s0.active]!;
    const p = reportPageView({ ...s0, reporting: true, cols: { [s0.active]: { ...col, stale: true } } })!;
    expect(p.view).toBeNull();
  });
});
