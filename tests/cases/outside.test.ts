/**
 * Cases of institutions whose pool is settled by targets (not by points): the import writes their
 * points but the engine never reads them, so the report says how many institutions and cases, with
 * the first few names, in both languages (src/cases/messages.ts, src/scenario/with-points.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { OUTSIDE_NAMES, outsidePointsMessage } from '../../src/cases/messages.ts';
import { withImportedPoints } from '../../src/scenario/with-points.ts';
import type { Scenario } from '../../src/format/types.ts';

const city = JSON.parse(readFileSync('scenarios/city-points.json', 'utf8')) as Scenario;
const months = Array.from({ length: 12 }, () => ({ points: '1.0000' }));
const one = (id: string, cases: number) => ({ id, cases, points: '12.0000', low: 0, high: 0, special: 0, months, topGroups: [] });

describe('cases outside the pools settled by points', () => {
  it('are written, named in `outside` with their cases; the report line counts them with the first names', () => {
    const primary = city.hospitals.filter((h) => h.class === 'primary');
    const hospital = city.hospitals.find((h) => h.class === 'hospital')!;
    expect(primary.length).toBeGreaterThan(OUTSIDE_NAMES);
    const agg = { institutions: [one(hospital.id, 100), ...primary.map((h, i) => one(h.id, i + 1))] };
    const r = withImportedPoints(city, agg);
    expect(r.written).toHaveLength(1 + primary.length);
    expect(r.outside.map((x) => x.id)).toEqual(primary.map((h) => h.id));
    expect(r.scenario.hospitals.find((h) => h.id === primary[0]!.id)!.points!.total).toBe('12.0000'); // still written
    const n = primary.length;
    const cases = (n * (n + 1)) / 2;
    const zh = outsidePointsMessage('zh', r.outside)!;
    expect(zh).toContain(`${n} 家机构（${cases} 条病例）属于按总额指标结算的分配池，其点数不参与结算`);
    expect(zh).toContain(`${primary.slice(0, OUTSIDE_NAMES).map((h) => h.name).join('、')} 等 ${n} 家`);
    expect(zh).not.toContain(primary[OUTSIDE_NAMES]!.name);
    const en = outsidePointsMessage('en', r.outside)!;
    expect(en).toContain(`${n} institutions (${cases} cases) belong to pools settled by targets: their points do not count in the settlement`);
    expect(en).toContain(`${primary.slice(0, OUTSIDE_NAMES).map((h) => h.name).join(', ')} and ${n - OUTSIDE_NAMES} more`);
  });

  it('says nothing when every case is of a points pool; one institution is singular', () => {
    const hospital = city.hospitals.find((h) => h.class === 'hospital')!;
    const primary = city.hospitals.find((h) => h.class === 'primary')!;
    expect(withImportedPoints(city, { institutions: [one(hospital.id, 3)] }).outside).toEqual([]);
    expect(outsidePointsMessage('zh', [])).toBeNull();
    const r = withImportedPoints(city, { institutions: [one(primary.id, 7)] });
    expect(outsidePointsMessage('en', r.outside)).toMatch(new RegExp(`^1 institution \\(7 cases\\) belongs to a pool settled by targets.*: ${primary.name}$`));
    expect(outsidePointsMessage('zh', r.outside)).toMatch(/^1 家机构（7 条病例）/);
  });
});
