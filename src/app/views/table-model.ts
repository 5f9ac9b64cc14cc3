/**
 * Which rows a hospital table shows, in which order: filters and sorting over a result view.
 * Sorting orders by the decimal strings' values (a Number is used only to order, never shown
 * or summed: amounts below 10^13 yuan with 2 decimals keep their order exactly as doubles).
 */
import type { Scenario } from '../../format/types.ts';
import { ResultView, type RowField } from '../../transport/packed.ts';

export interface Filters {
  level: string;
  category: string;
  pool: string;
  overspendOnly: boolean;
  text: string;
}
export const NO_FILTERS: Filters = { level: '', category: '', pool: '', overspendOnly: false, text: '' };

export type SortKey = RowField | 'name' | 'level' | 'category' | 'net' | 'netRate' | 'rewardShare' | `delta:${string}`;
export interface Sort {
  key: SortKey | null;
  desc: boolean;
}

/** Distinct values of a hospital attribute, in first-seen order. */
export function distinct(s: Scenario, attr: 'level' | 'category' | 'class'): string[] {
  return [...new Set(s.hospitals.map((h) => h[attr]))];
}

/** Surplus as positive, overspend as negative: picks the non-zero one of two strings. */
export function netOf(v: ResultView, i: number): string {
  const o = v.get('overspend', i);
  return o && !/^0(\.0+)?$/.test(o) ? `-${o}` : (v.get('surplus', i) ?? '0');
}
export function netRateOf(v: ResultView, i: number): string | null {
  const o = v.get('overspend', i);
  return o && !/^0(\.0+)?$/.test(o) ? `-${v.get('overspendRate', i) ?? '0'}` : v.get('surplusRate', i);
}
/** Reward (surplus) or fund share (overspend). */
export function rewardShareOf(v: ResultView, i: number): string {
  const o = v.get('overspend', i);
  return o && !/^0(\.0+)?$/.test(o) ? (v.get('fundShare', i) ?? '0') : (v.get('reward', i) ?? '0');
}

export function rowOrder(v: ResultView, s: Scenario, f: Filters, sort: Sort, extra?: (key: string, i: number) => string | null): number[] {
  const text = f.text.trim().toLowerCase();
  const out: number[] = [];
  const n = Math.min(v.n, s.hospitals.length);
  for (let i = 0; i < n; i++) {
    const h = s.hospitals[i]!;
    if (f.level && h.level !== f.level) continue;
    if (f.category && h.category !== f.category) continue;
    if (f.pool && v.get('pool', i) !== f.pool) continue;
    if (f.overspendOnly && /^0(\.0+)?$/.test(v.get('overspend', i) ?? '0')) continue;
    if (text && !h.name.toLowerCase().includes(text) && !h.id.toLowerCase().includes(text)) continue;
    out.push(i);
  }
  const key = sort.key;
  if (!key) return out;
  let val: (i: number) => number | string;
  if (key === 'name' || key === 'level' || key === 'category') val = (i) => s.hospitals[i]![key];
  else if (key === 'net') val = (i) => Number(netOf(v, i));
  else if (key === 'netRate') val = (i) => Number(netRateOf(v, i) ?? 0);
  else if (key === 'rewardShare') val = (i) => Number(rewardShareOf(v, i));
  else if (key.startsWith('delta:')) val = (i) => Math.abs(Number(extra?.(key, i) ?? 0));
  else if (ResultView.isFen(key)) { const fen = v.fen(key); val = (i) => fen[i]!; }
  else val = (i) => Number(v.get(key as RowField, i) ?? 0);
  const keyed = out.map((i) => ({ i, k: val(i) }));
  const dir = sort.desc ? -1 : 1;
  keyed.sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : a.i - b.i));
  return keyed.map((x) => x.i);
}
