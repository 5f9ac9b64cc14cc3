/**
 * The mid-year adjustments of a scenario as records (年中调整记录): for each, its month, the
 * institution adjusted, the amount its target moved and why, and what every other member of
 * its pool took of it — exact, from the engine's effects (engine/adjust.ts). The brief, the
 * comparison and the monthly report show these.
 */
import { allocate } from './allocate.ts';
import { applyAdjustments, type Adjusted } from './adjust.ts';
import { compile } from './compile.ts';
import { formatMoney as m } from './money.ts';
import { ScenarioError } from '../format/issues.ts';
import type { Model } from './model.ts';
import type { Scenario } from '../format/types.ts';

export interface AdjustmentRecord {
  /** Index in the file's adjustments list. */
  index: number;
  from: number;
  hospital: string;
  name: string;
  reason: string;
  date: string | null;
  /** The adjusted institution's new target − old target (yuan). */
  change: string;
  targetBefore: string;
  targetAfter: string;
  /** The other members whose target moved, file order: each one's change (yuan, opposite sign). */
  members: { id: string; name: string; change: string }[];
}

/** The records from a compile and the adjustments' effects already made (the settlement's). */
export function recordsOf(s: Scenario, model: Model, adjusted: Adjusted | null): AdjustmentRecord[] {
  return (adjusted?.effects ?? []).map((e) => {
    const a = s.adjustments![e.adjustment]!;
    const self = e.members[0];
    const before = self?.targetBefore ?? (adjusted!.targets[e.index]! as number);
    return {
      index: e.adjustment, from: a.from, hospital: a.hospital, name: s.hospitals[e.index]?.name ?? '', reason: a.reason, date: a.date ?? null,
      change: m(e.change), targetBefore: m(before), targetAfter: m(self?.targetAfter ?? before),
      members: e.members.slice(1).map((c) => ({ id: model.hospitals[c.index]!.id, name: s.hospitals[c.index]!.name,
        change: m(c.targetAfter - c.targetBefore) })),
    };
  });
}

/** A scenario's adjustment records ([] without adjustments, or when the scenario cannot be settled: it says why elsewhere). */
export function adjustmentRecords(s: Scenario): AdjustmentRecord[] {
  if (!s.adjustments?.length) return [];
  try {
    const model = compile(s);
    return recordsOf(s, model, applyAdjustments(model, allocate(model)));
  } catch (e) {
    if (e instanceof ScenarioError) return [];
    throw e;
  }
}

/** What one adjustment did to institution `id`: its own change, or its share of another's (null: not touched). */
export function changeFor(r: AdjustmentRecord, id: string): string | null {
  if (r.hospital === id) return r.change;
  return r.members.find((x) => x.id === id)?.change ?? null;
}
