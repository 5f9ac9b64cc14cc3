/**
 * The packed result reads amounts straight from the settled year as fen; the page must show
 * exactly what the engine's own summary says, cell for cell, for every example and a synthetic city.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/open.ts';
import { compile } from '../engine/compile.ts';
import { settle, summaryColumn } from '../engine/run.ts';
import type { Scenario } from '../format/types.ts';
import { synthCity } from '../../bench/synth.ts';
import { packSettlement, ResultView, ROW_FIELDS } from './packed.ts';

const DIR = join(import.meta.dirname, '../../scenarios');
const cases: [string, Scenario][] = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => {
  const r = loadScenario(readFileSync(join(DIR, f), 'utf8'));
  if (!r.ok) throw new Error(`${f}: ${r.issues[0]?.message}`);
  return [f, r.scenario];
});
cases.push(['synthetic 400', synthCity(400, 7)]);
// Pools settled by points (DESIGN §7): the golden cases' scenarios carry the points columns.
for (const f of ['28-points-settlement.json', '29-points-value-cap.json']) {
  cases.push([f, (JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/golden', f), 'utf8')) as { scenario: Scenario }).scenario]);
}
// A rate past the exact range of a double: a target of one fen against claims of billions.
{
  const s = structuredClone(cases.find(([f]) => f === 'city.json')![1]);
  s.hospitals[0] = { ...s.hospitals[0]!, lockedTarget: '0.01', claims: new Array(12).fill('1000000000.00') };
  cases.push(['city with an astronomical rate', s]);
}

describe('packed results', () => {
  it.each(cases)('%s: every cell equals the engine summary', (_, s) => {
    const model = compile(s);
    const st = settle(model);
    const view = new ResultView(packSettlement(model, st));
    expect(view.n).toBe(s.hospitals.length);
    for (const f of ROW_FIELDS) {
      const want = summaryColumn(model, st, f);
      const got = Array.from({ length: view.n }, (_, i) => view.get(f, i));
      expect(got, f).toEqual(want.map((v) => v ?? null));
      expect(view.col(f).map((v) => (v === '' ? null : v)), f).toEqual(want.map((v) => v ?? null));
    }
    const locked = summaryColumn(model, st, 'locked');
    const projected = summaryColumn(model, st, 'projected');
    for (let i = 0; i < view.n; i++) expect(view.flags(i)).toBe((locked[i] ? 'L' : '') + (projected[i] ? 'P' : ''));
    const pointsProjected = summaryColumn(model, st, 'pointsProjected');
    for (let i = 0; i < view.n; i++) expect(view.pointsProjected(i), `pointsProjected ${i}`).toBe(pointsProjected[i]);
    expect(view.byPoints).toBe(st.region.pools.some((p) => p.points));
    s.hospitals.forEach((h, i) => expect(view.indexOf(h.id)).toBe(i));
  });
});
