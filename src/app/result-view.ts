/**
 * What a worker sends the page after a run: the fund figures and, per hospital, the table's
 * columns packed as one newline-joined string each. 3,000 hospitals cross the thread boundary
 * as a few dozen strings instead of 150,000, so receiving a result never blocks the page.
 * Monthly arrays stay in the worker and are fetched for the one hospital being looked at.
 */
import type { FundResult, HospitalResult, Result } from '../engine/result.ts';
import { fundResult, summaryColumn, type Settlement } from '../engine/run.ts';
import type { Model } from '../engine/model.ts';

export const ROW_FIELDS = [
  'id', 'pool', 'target', 'allocatedTarget', 'weightShare', 'volumeCut', 'deposit', 'paidTotal', 'deferred',
  'claimsTotal', 'deductions', 'actual', 'surplus', 'overspend', 'surplusRate', 'overspendRate', 'reward',
  'fundShare', 'fundShareClaimed', 'qualityRatio', 'depositReturned', 'depositForfeited', 'due', 'owed', 'balance', 'advance',
] as const satisfies readonly (keyof HospitalResult)[];
export type RowField = (typeof ROW_FIELDS)[number];

export interface PackedResult {
  fund: FundResult;
  n: number;
  cols: Record<RowField, string>;
  /** Per hospital: "L" locked, "P" projected claims, "LP" both, "" neither. */
  flags: string;
}

/** Pack straight from a settled year: one column at a time, no per-hospital objects. */
export function packSettlement(model: Model, st: Settlement): PackedResult {
  const cols = {} as Record<RowField, string>;
  for (const f of ROW_FIELDS) cols[f] = summaryColumn(model, st, f).map((v) => v ?? '').join('\n');
  const locked = summaryColumn(model, st, 'locked');
  const projected = summaryColumn(model, st, 'projected');
  const flags = locked.map((l, i) => (l ? 'L' : '') + (projected[i] ? 'P' : '')).join('\n');
  return { fund: fundResult(model, st), n: st.hospitals.length, cols, flags };
}

export function pack(r: Result): PackedResult {
  const cols = {} as Record<RowField, string>;
  for (const f of ROW_FIELDS) cols[f] = r.hospitals.map((h) => h[f] ?? '').join('\n');
  const flags = r.hospitals.map((h) => (h.locked ? 'L' : '') + (h.projected ? 'P' : '')).join('\n');
  return { fund: r.fund, n: r.hospitals.length, cols, flags };
}

/** The page's view of a packed result: columns split on first use. */
export class ResultView {
  readonly fund: FundResult;
  readonly n: number;
  private readonly split = new Map<string, string[]>();
  constructor(private readonly packed: PackedResult, readonly fingerprint: string | null = null) {
    this.fund = packed.fund;
    this.n = packed.n;
  }
  col(f: RowField): string[] {
    let c = this.split.get(f);
    if (!c) {
      c = this.n === 0 ? [] : this.packed.cols[f].split('\n');
      this.split.set(f, c);
    }
    return c;
  }
  /** A cell; ratios that were null come back as null. */
  get(f: RowField, i: number): string | null {
    const v = this.col(f)[i];
    return v === undefined || v === '' ? null : v;
  }
  /** Row of a hospital id (map built once per result). */
  indexOf(id: string): number | undefined {
    if (!this.byId) {
      this.byId = new Map();
      this.col('id').forEach((x, i) => this.byId!.set(x, i));
    }
    return this.byId.get(id);
  }
  private byId: Map<string, number> | null = null;
  flags(i: number): string {
    let c = this.split.get('__flags');
    if (!c) {
      c = this.packed.flags.split('\n');
      this.split.set('__flags', c);
    }
    return c[i] ?? '';
  }
  withFingerprint(fp: string): ResultView {
    return new ResultView(this.packed, fp);
  }
}
