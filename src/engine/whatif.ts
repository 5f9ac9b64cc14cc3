/**
 * What if one institution's target moved ±X%: the scenario is run with its target locked at
 * allocated target × (1 ± X%) (rounded half-up to the fen), everything else unchanged, and every
 * member of its pool is reported with its change, exact to the fen. The changes add up to the
 * pool's change (zero unless the pool itself changes).
 */
import { runScenario } from './run.ts';
import { formatMoney, mulRate, parseMoney, parseRate, RATE_ONE, type Rate } from './money.ts';
import type { Result } from './result.ts';
import type { Scenario } from '../format/types.ts';

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

export function whatIfOf(s: Scenario, base: Result, index: number, pct: string): WhatIf {
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


/** This institution's target ±X% (X in percent) and what it does to the others in its pool. */
export function whatIf(s: Scenario, id: string, pct: string): WhatIf {
  const index = s.hospitals.findIndex((h) => h.id === id);
  if (index < 0) throw new Error(`no institution ${id}`);
  return whatIfOf(s, runScenario(s), index, pct);
}
