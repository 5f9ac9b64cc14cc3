/**
 * What a worker sends the page after a run: the fund figures and, per hospital, the table's
 * columns. Amounts travel as integer fen in one Float64Array (transferred, not copied: no
 * formatting in the worker, nothing to parse on the page), rates as whole 10^-4 units the
 * engine rounded, ids and pools as newline-joined strings. The page formats only the cells it
 * shows, with the engine's own formatters (display only, nothing is computed from them).
 * Monthly arrays stay in the worker and are fetched for the one hospital being looked at.
 */
import { AMOUNT_FIELDS, type AmountField, type FundResult } from '../engine/result.ts';
import { fundResult, summaryColumn, type Settlement } from '../engine/run.ts';
import type { Model } from '../engine/model.ts';
import type { InstitutionColumns } from '../engine/compare.ts';
import { formatMoney, formatRatio4, ratio4Units, ratioOfAmounts } from '../engine/money.ts';

/** Money columns, in the order they sit in the packed buffer. */
export const FEN_FIELDS = AMOUNT_FIELDS;
export type FenField = AmountField;
/**
 * Text columns, joined by newlines. The points columns (DESIGN §7: Pts_h and Proj_h to 4
 * decimals, share of the pool's points to 8) are blank outside pools settled by points, and
 * not built at all when no pool is (a per-target city pays nothing for them).
 */
export const TEXT_FIELDS = ['id', 'pool', 'points', 'projectedPoints', 'pointShare'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
const POINTS_TEXT: ReadonlySet<TextField> = new Set(['points', 'projectedPoints', 'pointShare']);
/**
 * Rates, in the order they sit in the packed rates buffer: surplus and overspend of the target,
 * and the payment rate (支付率) target (or entitlement) / actual claims.
 */
export const RATE_FIELDS = ['surplusRate', 'overspendRate', 'paymentRate'] as const;
export type RateField = (typeof RATE_FIELDS)[number];
export const ROW_FIELDS = [...TEXT_FIELDS, ...RATE_FIELDS, ...FEN_FIELDS] as const;
export type RowField = FenField | TextField | RateField;

const FEN_INDEX = new Map<string, number>(FEN_FIELDS.map((f, k) => [f, k]));
const RATE_INDEX = new Map<string, number>(RATE_FIELDS.map((f, k) => [f, k]));
const LOCKED = 1;
const PROJECTED = 2;
const POINTS_PROJECTED = 4;

export interface PackedResult {
  fund: FundResult;
  n: number;
  /** Integer fen, FEN_FIELDS.length columns of n, one after the other. */
  fen: Float64Array;
  text: Record<TextField, string>;
  /**
   * Surplus and overspend as rates of the target, n each: whole 10^-4 units rounded half-up
   * (the summary's 4 decimals); NaN where the target is 0 (no rate); ±Infinity past the exact
   * range of a double, the exact text then in `rateText` by position.
   */
  rates: Float64Array;
  rateText: Record<number, string>;
  /** Per hospital: bit 1 locked target, bit 2 projected claims, bit 4 projected points (points pools). */
  flags: Uint8Array;
}

/** Pack straight from a settled year's columns: no per-hospital objects, no amount formatted. */
export function packSettlement(model: Model, st: Settlement): PackedResult {
  const n = st.year.n;
  const fen = new Float64Array(FEN_FIELDS.length * n);
  FEN_FIELDS.forEach((f, k) => {
    if (f !== 'deductions') fen.set(st.year[f], k * n);
    else for (let i = 0; i < n; i++) fen[k * n + i] = model.hospitals[i]!.deductions;
  });
  const text = {} as Record<TextField, string>;
  const byPoints = st.region.pools.some((p) => p.points);
  for (const f of TEXT_FIELDS) {
    if (POINTS_TEXT.has(f) && !byPoints) text[f] = '';
    else text[f] = f === 'id' ? idText(model) : f === 'pool' ? poolText(model, st) : joined(summaryColumn(model, st, f));
  }
  const rates = new Float64Array(RATE_FIELDS.length * n);
  const rateText: Record<number, string> = {};
  const y = st.year;
  RATE_FIELDS.forEach((f, k) => {
    // Surplus and overspend are rates of the target; the payment rate is the target over the claims.
    const [num, den] = f === 'surplusRate' ? [y.surplus, y.target] : f === 'overspendRate' ? [y.overspend, y.target] : [y.target, y.actual];
    for (let i = 0; i < n; i++) {
      const q = ratio4Units(num[i]!, den[i]!);
      rates[k * n + i] = q === null ? NaN : q;
      if (q !== null && !Number.isSafeInteger(q)) rateText[k * n + i] = ratioOfAmounts(num[i]!, den[i]!)!;
    }
  });
  const flags = new Uint8Array(n);
  const pointsProjected = byPoints ? summaryColumn(model, st, 'pointsProjected') : null;
  for (let i = 0; i < n; i++) {
    const hm = model.hospitals[i]!;
    flags[i] = (hm.locked !== null ? LOCKED : 0) | (hm.projected ? PROJECTED : 0) | (pointsProjected?.[i] ? POINTS_PROJECTED : 0);
  }
  return { fund: fundResult(model, st), n, fen, text, rates, rateText, flags };
}

const joined = (xs: readonly (string | null)[]): string => xs.map((v) => v ?? '').join('\n');

/** Ids change only with the institutions (a policy edit reuses the compiled list): joined once. */
const idTexts = new WeakMap<Model['hospitals'], string>();
function idText(model: Model): string {
  let t = idTexts.get(model.hospitals);
  if (t === undefined) idTexts.set(model.hospitals, (t = model.hospitals.map((h) => h.id).join('\n')));
  return t;
}

/** Pools change with pool edits only: the last column is kept while every member stays put. */
let lastPools: { poolOf: number[]; names: string; text: string } | null = null;
function poolText(model: Model, st: Settlement): string {
  const { poolOf, pools } = st.region;
  const names = pools.map((p) => p.id).join('\n');
  const same = lastPools !== null && lastPools.names === names && lastPools.poolOf.length === poolOf.length &&
    lastPools.poolOf.every((k, i) => k === poolOf[i]);
  if (!same) lastPools = { poolOf: [...poolOf], names, text: joined(summaryColumn(model, st, 'pool')) };
  return lastPools!.text;
}

/** What `transfer` should move rather than copy. */
export const transferables = (p: PackedResult): ArrayBuffer[] => [p.fen.buffer as ArrayBuffer, p.rates.buffer as ArrayBuffer, p.flags.buffer as ArrayBuffer];

/** Ids split and indexed once for as long as the list of hospitals is the same. */
let idIndex: { text: string; ids: string[]; byId: Map<string, number> } | null = null;
function ids(text: string, n: number): { ids: string[]; byId: Map<string, number> } {
  if (idIndex?.text !== text) {
    const list = n === 0 ? [] : text.split('\n');
    idIndex = { text, ids: list, byId: new Map(list.map((x, i) => [x, i])) };
  }
  return idIndex;
}

/** The page's view of a packed result: cells formatted on demand; columns for engine/compare.ts. */
export class ResultView implements InstitutionColumns {
  readonly fund: FundResult;
  readonly n: number;
  private readonly split = new Map<string, string[]>();
  constructor(private readonly packed: PackedResult, readonly fingerprint: string | null = null) {
    this.fund = packed.fund;
    this.n = packed.n;
  }
  /** Institution ids, file order (split once). */
  get ids(): string[] {
    return this.index().ids;
  }
  static isFen(f: string): f is FenField {
    return FEN_INDEX.has(f);
  }
  /** A money column as integer fen (for ordering; shown only through `get`). */
  fen(f: FenField): Float64Array {
    const k = FEN_INDEX.get(f)!;
    return this.packed.fen.subarray(k * this.n, (k + 1) * this.n);
  }
  /** A whole column as strings (formatted once per view). */
  col(f: RowField): string[] {
    if (f === 'id') return this.index().ids;
    let c = this.split.get(f);
    if (!c) {
      if (ResultView.isFen(f)) c = Array.from(this.fen(f), formatMoney);
      else if (RATE_INDEX.has(f)) c = Array.from({ length: this.n }, (_, i) => this.rate(f as RateField, i) ?? '');
      else {
        const t = this.packed.text[f as TextField];
        // A column not built (points without a points pool) is blank in every row.
        c = this.n === 0 ? [] : t === '' ? new Array<string>(this.n).fill('') : t.split('\n');
      }
      this.split.set(f, c);
    }
    return c;
  }
  /** A cell; ratios that were null come back as null. */
  get(f: RowField, i: number): string | null {
    if (ResultView.isFen(f) && !this.split.has(f)) {
      if (i < 0 || i >= this.n) return null;
      return formatMoney(this.packed.fen[FEN_INDEX.get(f)! * this.n + i]!);
    }
    if (RATE_INDEX.has(f)) return i < 0 || i >= this.n ? null : this.rate(f as RateField, i);
    const v = this.col(f)[i];
    return v === undefined || v === '' ? null : v;
  }
  /** A rate cell as the summary prints it, null where there is no rate. */
  private rate(f: RateField, i: number): string | null {
    const at = RATE_INDEX.get(f)! * this.n + i;
    const q = this.packed.rates[at]!;
    if (Number.isNaN(q)) return null;
    return Number.isFinite(q) ? formatRatio4(q) : this.packed.rateText[at]!;
  }
  /** Row of a hospital id. */
  indexOf(id: string): number | undefined {
    return this.index().byId.get(id);
  }
  private idx: { ids: string[]; byId: Map<string, number> } | null = null;
  private index(): { ids: string[]; byId: Map<string, number> } {
    return (this.idx ??= ids(this.packed.text.id, this.n));
  }
  flags(i: number): string {
    const b = this.packed.flags[i] ?? 0;
    return (b & LOCKED ? 'L' : '') + (b & PROJECTED ? 'P' : '');
  }
  /** Its points are a projection (a points pool without the year's points). */
  pointsProjected(i: number): boolean {
    return ((this.packed.flags[i] ?? 0) & POINTS_PROJECTED) !== 0;
  }
  /** Some pool of this result is settled by points (the views then show points and point values). */
  get byPoints(): boolean {
    return this.fund.pools.some((p) => p.settlement === 'points');
  }
  withFingerprint(fp: string): ResultView {
    return new ResultView(this.packed, fp);
  }
}
