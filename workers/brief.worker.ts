/**
 * The brief worker: what a negotiator's page needs beyond the column's result. The what-if
 * runs the engine on a modified scenario (one institution's target locked at target × (1 ± X%),
 * rounded half-up to the fen; everything else unchanged) and reports every member of its pool
 * with exact decimal strings. "Print all briefs" explains many institutions in one call.
 */
import '../src/format/csp.ts';
import { expose } from 'comlink';
import { runScenario } from '../src/engine/run.ts';
import { explain, type Explanation } from '../src/engine/explain.ts';
import { formatMoney, mulRate, parseMoney, parseRate, RATE_ONE, type Rate } from '../src/engine/money.ts';
import type { Result } from '../src/engine/result.ts';
import type { Scenario } from '../src/format/types.ts';

export interface WhatIfMember {
  id: string;
  name: string;
  /** Allocated target now, and with this institution at +X% / −X%. */
  before: string;
  plus: string;
  minus: string;
  dPlus: string;
  dMinus: string;
}

export interface WhatIf {
  id: string;
  /** X as typed (percent, e.g. "5"). */
  pct: string;
  pool: { id: string; name: string } | null;
  members: WhatIfMember[];
  /** Σ of the changes over the pool (0.00 when the pool's amount is unchanged). */
  total: { dPlus: string; dMinus: string };
  /** The members beyond the first `shown` (largest changes first), summed. */
  rest: { count: number; dPlus: string; dMinus: string };
  shown: number;
}

const PRINT_ROWS = 8;

/** "5" or "2.5" (percent) → 1 ± X% as a rate. Throws on anything else. */
function factors(pct: string): [bigint, bigint] {
  if (!/^\d{1,2}(\.\d{1,4})?$/.test(pct.trim())) throw new Error(`not a percentage between 0 and 99.9999: ${pct}`);
  const x = parseRate(pct.trim()) / 100n;
  return [RATE_ONE + x, RATE_ONE - x];
}

function lockAt(s: Scenario, index: number, target: string): Scenario {
  const hospitals = s.hospitals.slice();
  hospitals[index] = { ...hospitals[index]!, lockedTarget: target };
  return { ...s, hospitals };
}

function whatIfOf(s: Scenario, base: Result, index: number, pct: string): WhatIf {
  const [up, down] = factors(pct);
  const me = base.hospitals[index]!;
  const allocated = parseMoney(me.allocatedTarget);
  const plusR = runScenario(lockAt(s, index, formatMoney(mulRate(allocated, up as Rate))));
  const minusR = runScenario(lockAt(s, index, formatMoney(mulRate(allocated, down as Rate))));
  const rows: (WhatIfMember & { key: number })[] = [];
  let tp = 0;
  let tm = 0;
  base.hospitals.forEach((h, i) => {
    if (h.pool !== me.pool) return;
    const b = parseMoney(h.allocatedTarget);
    const p = parseMoney(plusR.hospitals[i]!.allocatedTarget);
    const m = parseMoney(minusR.hospitals[i]!.allocatedTarget);
    tp += p - b;
    tm += m - b;
    rows.push({ id: h.id, name: s.hospitals[i]!.name, before: formatMoney(b), plus: formatMoney(p), minus: formatMoney(m), dPlus: formatMoney(p - b), dMinus: formatMoney(m - b), key: i === index ? Infinity : Math.abs(p - b) });
  });
  rows.sort((a, b) => b.key - a.key);
  const rest = rows.slice(PRINT_ROWS);
  const pool = base.fund.pools.find((p) => p.id === me.pool);
  return {
    id: me.id, pct: pct.trim(), pool: pool ? { id: pool.id, name: pool.name } : null,
    members: rows.map(({ key: _k, ...r }) => r),
    total: { dPlus: formatMoney(tp), dMinus: formatMoney(tm) },
    rest: { count: rest.length, dPlus: formatMoney(rest.reduce((a, r) => a + parseMoney(r.dPlus), 0)), dMinus: formatMoney(rest.reduce((a, r) => a + parseMoney(r.dMinus), 0)) },
    shown: PRINT_ROWS,
  };
}

const api = {
  /** This institution's target ±X% and what it does to the others in its pool. */
  whatIf(s: Scenario, id: string, pct: string): WhatIf {
    const index = s.hospitals.findIndex((h) => h.id === id);
    if (index < 0) throw new Error(`no institution ${id}`);
    return whatIfOf(s, runScenario(s), index, pct);
  },
  /** Explanations (and, when `pct` is given, what-ifs) of many institutions: one run of the base. */
  briefs(s: Scenario, ids: string[], pct: string | null): { id: string; explanation: Explanation | null; whatIf: WhatIf | null }[] {
    const base = runScenario(s);
    const at = new Map(s.hospitals.map((h, i) => [h.id, i]));
    return ids.map((id) => {
      const i = at.get(id);
      if (i === undefined) return { id, explanation: null, whatIf: null };
      return { id, explanation: explain(s, base, i), whatIf: pct ? whatIfOf(s, base, i, pct) : null };
    });
  },
};

export type BriefApi = typeof api;
expose(api);
