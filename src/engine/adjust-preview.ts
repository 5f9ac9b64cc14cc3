/**
 * What a mid-year adjustment would do, before it is accepted: the scenario with the adjustment
 * appended is compiled and allocated, the adjustments applied (engine/adjust.ts), and the last
 * one's effect returned — every institution whose target moves, its target and 12 months
 * before and after, and the pool's total before and after (equal: the pool adds up).
 */
import { allocate } from './allocate.ts';
import { applyAdjustments } from './adjust.ts';
import { compile } from './compile.ts';
import { formatMoney as m, sum } from './money.ts';
import { ScenarioError, type Issue } from '../format/issues.ts';
import type { Adjustment, Scenario } from '../format/types.ts';

export interface PreviewMember {
  id: string;
  name: string;
  targetBefore: string;
  targetAfter: string;
  change: string;
  monthsBefore: string[];
  monthsAfter: string[];
}

export type AdjustmentPreview =
  | {
    ok: true; adjustment: Adjustment;
    /** The pool's code, and its name ('' for the one pool of everyone, when the scenario has no pools). */
    pool: string; poolName: string;
    poolBefore: string; poolAfter: string; members: PreviewMember[];
  }
  | { ok: false; adjustment: Adjustment; issues: Issue[] };

export function previewAdjustment(s: Scenario, adjustment: Adjustment): AdjustmentPreview {
  const next: Scenario = { ...s, adjustments: [...(s.adjustments ?? []), adjustment] };
  try {
    const model = compile(next);
    const region = allocate(model);
    const adj = applyAdjustments(model, region);
    const e = adj.effects[adj.effects.length - 1]!;
    const pool = model.pools[e.pool]!;
    const members = pool.members;
    const before = sum(e.members.map((c) => c.targetBefore));
    const after = sum(e.members.map((c) => c.targetAfter));
    // The pool's total: the unmoved members, plus the moved ones before or after.
    let rest = 0;
    const moved = new Set(e.members.map((c) => c.index));
    for (const i of members) if (!moved.has(i)) rest += adj.targets[i]!;
    return {
      ok: true, adjustment, pool: pool.id, poolName: pool.implicit ? '' : pool.name, poolBefore: m(rest + before), poolAfter: m(rest + after),
      members: e.members.map((c) => ({
        id: model.hospitals[c.index]!.id, name: s.hospitals[c.index]!.name,
        targetBefore: m(c.targetBefore), targetAfter: m(c.targetAfter), change: m(c.targetAfter - c.targetBefore),
        monthsBefore: c.monthsBefore.map(m), monthsAfter: c.monthsAfter.map(m),
      })),
    };
  } catch (err) {
    if (err instanceof ScenarioError) return { ok: false, adjustment, issues: err.issues };
    throw err;
  }
}
