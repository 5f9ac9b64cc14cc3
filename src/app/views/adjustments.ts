/**
 * Mid-year adjustment records (engine/adjust-records.ts) per scenario object, computed once per
 * scenario (a scenario is replaced, never changed, on every edit), for the brief and the comparison.
 */
import { adjustmentRecords, type AdjustmentRecord } from '../../engine/adjust-records.ts';
import type { Scenario } from '../../format/types.ts';

const cache = new WeakMap<Scenario, readonly AdjustmentRecord[]>();

export function recordsOfScenario(s: Scenario): readonly AdjustmentRecord[] {
  let r = cache.get(s);
  if (!r) cache.set(s, (r = adjustmentRecords(s)));
  return r;
}

/** One adjustment across compared scenarios: who, from when, why, and the amount in each (null: not in it). */
export interface CompareAdjustment { hospital: string; name: string; from: number; reason: string; changes: (string | null)[] }

/** The union of the compared scenarios' adjustments, in first-seen order; null when none has any. */
export function compareAdjustments(scenarios: readonly (Scenario | null)[]): CompareAdjustment[] | null {
  const rows = new Map<string, CompareAdjustment>();
  scenarios.forEach((s, k) => {
    for (const r of s ? recordsOfScenario(s) : []) {
      const key = JSON.stringify([r.hospital, r.from, r.reason, s!.adjustments![r.index]!.target ?? null, s!.adjustments![r.index]!.change ?? null]);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { hospital: r.hospital, name: r.name, from: r.from, reason: r.reason, changes: scenarios.map(() => null) }));
      row.changes[k] = r.change;
    }
  });
  return rows.size ? [...rows.values()] : null;
}
