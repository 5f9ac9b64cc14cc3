/**
 * A case import's totals written into a scenario (DESIGN §7): each institution's raw points of
 * the year (Σ case points before its coefficient), by month, its cases and top groups. The same
 * step for `gbsim cases` and the app; the result still passes the one gate (open.ts) before use.
 *
 * The input is the plain data of src/cases (CaseAggregation), described here by shape so this
 * floor does not depend on the case reader.
 *
 * Where DESIGN §7 is silent:
 * - an institution with cases gets them whatever its pool (a pool switched to points later —
 *   a variant, a sweep, a what-if — finds them, and the list is the institution's record of the
 *   year); those whose pool is not settled by points are named in `outside`, with their cases, so
 *   the import says that the engine does not read their points (it settles them by targets);
 * - an institution of a pool settled by points *without* cases in the list gets zero points of
 *   the year — the list is the year's record — and is named in `zeroed`;
 * - what the file already had for planning (coefficient, lastYear, growth, projected) is kept;
 *   the year's total, months, cases and groups are replaced;
 * - a catalogue given with the import replaces the scenario's (the points were computed with it).
 */
import type { CatalogueGroup, Hospital, HospitalGroupPoints, HospitalPoints, Scenario } from '../format/types.ts';

interface Totals {
  cases: number;
  points: string;
  low: number;
  high: number;
  special: number;
}

/** The part of src/cases' CaseAggregation this step reads. */
export interface ImportedPoints {
  institutions: (Totals & { id: string; months: { points: string }[]; topGroups: (Totals & { group: string })[] })[];
}

export interface WithPoints {
  scenario: Scenario;
  /** Institutions given points from the import. */
  written: string[];
  /** Institutions of pools settled by points without any case: their points of the year set to 0. */
  zeroed: string[];
  /**
   * Institutions with cases whose pool is not settled by points (file order): their points are
   * written, but the engine settles them by targets and never reads them — the import says so.
   */
  outside: { id: string; name: string; cases: number }[];
}

const ZERO = '0.0000';

function group(g: Totals & { group: string }): HospitalGroupPoints {
  return { group: g.group, cases: g.cases, points: g.points, ...(g.low ? { low: g.low } : {}), ...(g.high ? { high: g.high } : {}),
    ...(g.special ? { special: g.special } : {}) };
}

/** Planning fields kept from the file (the year's figures are the import's). */
function planning(p: HospitalPoints | undefined): HospitalPoints {
  if (!p) return {};
  const { total: _t, months: _m, cases: _c, groups: _g, ...rest } = p;
  return rest;
}

export function withImportedPoints(s: Scenario, agg: ImportedPoints, catalogue?: CatalogueGroup[]): WithPoints {
  const byId = new Map(agg.institutions.map((x) => [x.id, x]));
  const pools = (s.policy.pools ?? []).filter((p) => p.settlement === 'points');
  const inPointsPool = (h: Hospital) => pools.some((p) => p.classes.includes(h.class));
  const written: string[] = [];
  const zeroed: string[] = [];
  const outside: WithPoints['outside'] = [];
  const hospitals = s.hospitals.map((h): Hospital => {
    const x = byId.get(h.id);
    if (x) {
      written.push(h.id);
      if (x.cases > 0 && !inPointsPool(h)) outside.push({ id: h.id, name: h.name, cases: x.cases });
      return { ...h, points: { total: x.points, months: x.months.map((m) => m.points), cases: x.cases, ...planning(h.points),
        groups: x.topGroups.map(group) } };
    }
    if (!inPointsPool(h)) return h;
    zeroed.push(h.id);
    return { ...h, points: { total: ZERO, months: Array.from({ length: 12 }, () => ZERO), cases: 0, ...planning(h.points) } };
  });
  return { scenario: { ...s, hospitals, ...(catalogue ? { catalogue } : {}) }, written, zeroed, outside };
}
