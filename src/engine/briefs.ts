/**
 * "Print all briefs": explanations (and, when `pct` is given, what-ifs of their targets) of many institutions from one run of
 * the scenario; members of a pool settled by points get no target what-if.
 */
import { compile } from './compile.ts';
import { fundResult, hospitalResultAt, settle } from './run.ts';
import { explainAt, type Explanation } from './explain.ts';
import { whatIfOf, type WhatIf } from './whatif.ts';
import type { Scenario } from '../format/types.ts';

export interface BriefData {
  id: string;
  explanation: Explanation | null;
  whatIf: WhatIf | null;
}

export function briefs(s: Scenario, ids: readonly string[], pct: string | null): BriefData[] {
  const model = compile(s);
  const st = settle(model);
  const fund = fundResult(model, st);
  const at = new Map(s.hospitals.map((h, i) => [h.id, i]));
  // One set of point-inflation what-ifs per pool (and level), shared by its members' briefs.
  const alloc = { model, region: st.region, memo: new Map() };
  return ids.map((id) => {
    const i = at.get(id);
    if (i === undefined) return { id, explanation: null, whatIf: null };
    const explanation = explainAt(s, fund, hospitalResultAt(model, st, i), i, alloc);
    // A member of a pool settled by points has no target to move (DESIGN §7): its brief shows point inflation instead.
    return { id, explanation, whatIf: pct && !explanation?.points ? whatIfOf(s, model, st.region, i, pct) : null };
  });
}
