/**
 * Mid-year adjustment (年中调整, DESIGN §10): an institution's annual target is changed from
 * month f on. Its months ≥ f are re-split from what is left of its new monthly budget; the
 * change is absorbed by the other unlocked members of its pool by weight (apportioned to the
 * fen), their months ≥ f re-split the same way, so the pool still adds up exactly and months
 * before f — already budgeted and paid — never change. Adjustments apply in file order, each
 * on the targets and months the ones before it left.
 *
 * Where §10 is silent:
 * - the new monthly budget of a target-based deposit is T' − round(T' × rate) (the deposit is
 *   taken from the new target); with a volume floor, the cut applies to the adjusted target;
 * - months ≥ f are re-split by the policy's monthly profile over those months; if the profile
 *   gives them no weight at all, evenly;
 * - an adjusted institution may be locked (its negotiated target is renegotiated); the others
 *   that absorb the change are the unlocked members with a positive weight;
 * - refused (with the reason, nothing applied): a target below zero, no member left to absorb,
 *   or months before f already budgeted beyond an institution's new monthly budget.
 */
import { apportion, apportionEven } from './apportion.ts';
import { formatMoney, type Fen } from './money.ts';
import { budgetOf } from './settle.ts';
import { Issues } from '../format/issues.ts';
import type { Region } from './allocate.ts';
import type { Model } from './model.ts';

/** One institution's target and months before and after one adjustment. */
export interface MemberChange {
  index: number;
  targetBefore: Fen;
  targetAfter: Fen;
  monthsBefore: Fen[];
  monthsAfter: Fen[];
}

export interface AdjustmentEffect {
  /** Index in model.adjustments (= the file's adjustments list). */
  adjustment: number;
  /** The adjusted institution's index. */
  index: number;
  pool: number;
  from: number;
  /** New target − old target of the adjusted institution. */
  change: Fen;
  /** The adjusted institution first, then the members whose target moved, in file order. */
  members: MemberChange[];
}

export interface Adjusted {
  /** Every institution's target after all adjustments (before any volume cut), file order. */
  targets: Float64Array;
  /** The monthly budgets of institutions an adjustment touched. */
  schedules: Map<number, Fen[]>;
  effects: AdjustmentEffect[];
}

export function applyAdjustments(m: Model, region: Region): Adjusted {
  const hs = m.hospitals;
  const targets = Float64Array.from(region.targets);
  const schedules = new Map<number, Fen[]>();
  const effects: AdjustmentEffect[] = [];
  const issues = new Issues();
  const scheduleOf = (i: number): Fen[] => schedules.get(i) ?? apportion(budgetOf(hs[i]!, targets[i]! as Fen, m).budget, m.profile);

  m.adjustments.forEach((a, j) => {
    const path = `adjustments[${j}]`;
    const i = a.index;
    const id = hs[i]!.id;
    const k = region.poolOf[i]!;
    const before = targets[i]! as Fen;
    const after = (a.target ?? before + a.change!) as Fen;
    if (after < 0) {
      issues.code(`${path}.change`, 'adjustBelowZero', { id, before: formatMoney(before) });
      return;
    }
    const delta = after - before;
    const effect: AdjustmentEffect = { adjustment: j, index: i, pool: k, from: a.from, change: delta as Fen, members: [] };
    effects.push(effect);
    if (delta === 0) return;

    const others: number[] = [];
    const weights: bigint[] = [];
    for (const o of m.pools[k]!.members) {
      if (o === i || hs[o]!.locked !== null || hs[o]!.weight <= 0n) continue;
      others.push(o);
      weights.push(hs[o]!.weight);
    }
    const pool: Record<string, string> = m.pools[k]!.implicit ? { pool: '' } : { pool: m.pools[k]!.id, poolName: m.pools[k]!.name };
    if (others.length === 0) {
      issues.code(`${path}.hospital`, 'adjustNoAbsorber', { id, ...pool });
      return;
    }
    const shares = apportion(Math.abs(delta), weights);
    const moved: [number, Fen][] = [[i, after]];
    others.forEach((o, n) => {
      if (shares[n]! !== 0) moved.push([o, (targets[o]! - Math.sign(delta) * shares[n]!) as Fen]);
    });

    const changes: MemberChange[] = [];
    let refused = false;
    for (const [x, t] of moved) {
      const xid = hs[x]!.id;
      if (t < 0) {
        issues.code(path, 'adjustAbsorberBelowZero', { id: xid, ...pool, target: formatMoney(targets[x]!) });
        refused = true;
        continue;
      }
      const old = scheduleOf(x);
      const head = old.slice(0, a.from - 1);
      let headSum = 0;
      for (const v of head) headSum += v;
      const rest = budgetOf(hs[x]!, t, m).budget - headSum;
      if (rest < 0) {
        issues.code(path, 'adjustHeadExceeds', { id: xid, last: a.from - 1, head: formatMoney(headSum), year: formatMoney(headSum + rest) });
        refused = true;
        continue;
      }
      changes.push({ index: x, targetBefore: targets[x]! as Fen, targetAfter: t, monthsBefore: old,
        monthsAfter: [...head, ...splitRest(rest as Fen, m.profile.slice(a.from - 1))] });
    }
    if (refused) return;
    for (const c of changes) {
      targets[c.index] = c.targetAfter;
      schedules.set(c.index, c.monthsAfter);
    }
    // Members in file order after the adjusted institution itself.
    effect.members = [changes[0]!, ...changes.slice(1).sort((x, y) => x.index - y.index)];
  });
  issues.throwIfAny();
  return { targets, schedules, effects };
}

/** The months from f on: by the profile over them, evenly if it gives them no weight. */
function splitRest(rest: Fen, weights: readonly bigint[]): Fen[] {
  if (rest === 0) return new Array<Fen>(weights.length).fill(0 as Fen);
  return weights.some((w) => w > 0n) ? apportion(rest, weights) : apportionEven(rest, weights.length);
}
