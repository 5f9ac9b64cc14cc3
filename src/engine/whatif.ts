/**
 * What if one institution's target moved ±X%: the scenario is run with its target locked at
 * allocated target × (1 ± X%) (rounded half-up to the fen), everything else unchanged, and every
 * member of its pool is reported with its change, exact to the fen. The changes add up to the
 * pool's change (zero unless the pool itself changes).
 */
import { compile } from './compile.ts';
import { allocate, type Region } from './allocate.ts';
import { formatMoney, mulRate, parseRate, RATE_ONE, type Fen, type Rate } from './money.ts';
import type { Model } from './model.ts';
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

/**
 * The allocation with institution `index` locked at `target`: only allocated targets are asked
 * for, and they depend on nothing after allocation, so the year is not settled.
 */
function lockedAt(model: Model, index: number, target: Fen): Region {
  const hospitals = model.hospitals.slice();
  hospitals[index] = { ...hospitals[index]!, locked: target };
  return allocate({ ...model, hospitals });
}

/** The what-if from a compiled scenario and its allocation (no scenario is compiled again). */
export function whatIfOf(s: Scenario, model: Model, base: Region, index: number, pct: string): WhatIf {
  const [up, down] = factors(pct);
  const allocated = base.targets[index]!;
  const plus = lockedAt(model, index, mulRate(allocated, up as Rate)).targets;
  const minus = lockedAt(model, index, mulRate(allocated, down as Rate)).targets;
  const k = base.poolOf[index]!;
  const rows: (WhatIfMember & { key: number; i: number })[] = [];
  let tp = 0;
  let tm = 0;
  base.targets.forEach((b, i) => {
    if (base.poolOf[i] !== k) return;
    const p = plus[i]!;
    const m = minus[i]!;
    tp += p - b;
    tm += m - b;
    rows.push({ i, id: s.hospitals[i]!.id, name: s.hospitals[i]!.name, before: formatMoney(b), plus: formatMoney(p), minus: formatMoney(m),
      dPlus: formatMoney(p - b), dMinus: formatMoney(m - b), key: i === index ? Infinity : Math.abs(p - b) });
  });
  rows.sort((a, b) => b.key - a.key);
  const rest = rows.slice(PRINT_ROWS);
  const pool = base.pools[k];
  return {
    id: s.hospitals[index]!.id, pct: pct.trim(), pool: pool ? { id: pool.id, name: pool.name } : null,
    members: rows.map(({ key: _k, i: _i, ...r }) => r),
    total: { dPlus: formatMoney(tp), dMinus: formatMoney(tm) },
    rest: { count: rest.length, dPlus: formatMoney(rest.reduce((a, r) => a + (plus[r.i]! - base.targets[r.i]!), 0)),
      dMinus: formatMoney(rest.reduce((a, r) => a + (minus[r.i]! - base.targets[r.i]!), 0)) },
    shown: PRINT_ROWS,
  };
}


/** This institution's target ±X% (X in percent) and what it does to the others in its pool. */
export function whatIf(s: Scenario, id: string, pct: string): WhatIf {
  const index = s.hospitals.findIndex((h) => h.id === id);
  if (index < 0) throw new Error(`no institution ${id}`);
  const model = compile(s);
  return whatIfOf(s, model, allocate(model), index, pct);
}
