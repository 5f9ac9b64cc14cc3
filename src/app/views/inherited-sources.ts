/**
 * Sources a variant carries over from the baseline although it changed the value they stand
 * for: the badge would otherwise vouch for a number its document does not contain. Keys as in
 * policy.sources ("policy.deposit.rates.hospital", "policy.surplus", …); a key naming a whole
 * rule counts as changed when anything under it changed.
 */
import type { Scenario } from '../../format/types.ts';
import { parsePath } from '../../sheets/params.ts';
import { valueAt } from '../../workspace/describe.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A value that differs from the baseline's while its source is the baseline's own. */
export function sourceInherited(value: unknown, baseValue: unknown, source: unknown, baseSource: unknown): boolean {
  return source !== undefined && same(source, baseSource) && !same(value, baseValue);
}

export function inheritedChanged(baseline: Scenario, variant: Scenario): ReadonlySet<string> {
  const out = new Set<string>();
  if (variant === baseline) return out;
  const mine = variant.policy.sources ?? {};
  const theirs = baseline.policy.sources ?? {};
  for (const [key, p] of Object.entries(mine)) {
    if (!theirs[key]) continue; // its own source
    const path = parsePath(key);
    if (sourceInherited(valueAt(variant, path), valueAt(baseline, path), p, theirs[key])) out.add(key);
  }
  return out;
}
