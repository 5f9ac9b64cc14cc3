/**
 * The one comparison of scenarios, used by the app, the workbook and the command line:
 * institutions matched by id, differences exact to the fen (integer fen, exact as doubles up to
 * 2^53), the fund's figures as exact decimal differences, and "largest change first".
 */
import type { AmountField, FundResult, HospitalSummary } from './result.ts';
import { parseMoney } from './money.ts';

/** A scenario's institutions as columns: a packed result on the page, a full result elsewhere. */
export interface InstitutionColumns {
  readonly ids: readonly string[];
  /** A money column in integer fen, file order. */
  fen(field: AmountField): ArrayLike<number>;
}

export type { AmountField };

/** Columns over summaries or full results (amounts parsed once per column). */
export function columnsOfResult(hospitals: readonly HospitalSummary[]): InstitutionColumns {
  const ids = hospitals.map((h) => h.id);
  const cache = new Map<string, Float64Array>();
  return {
    ids,
    fen(field) {
      let c = cache.get(field);
      if (!c) cache.set(field, (c = Float64Array.from(hospitals, (h) => parseMoney(h[field]))));
      return c;
    },
  };
}

/** For each institution of `a`, its row in `b` (−1 when `b` does not have it). */
export function matchRows(a: readonly string[], b: readonly string[]): Int32Array {
  const out = new Int32Array(a.length);
  if (a === b) {
    for (let i = 0; i < a.length; i++) out[i] = i;
    return out;
  }
  const at = new Map<string, number>();
  b.forEach((id, j) => at.set(id, j));
  for (let i = 0; i < a.length; i++) out[i] = at.get(a[i]!) ?? -1;
  return out;
}

/** Rows of `b` whose institution is not in `a`, in `b`'s order. */
export function onlyIn(b: readonly string[], a: readonly string[]): number[] {
  const inA = new Set(a);
  const out: number[] = [];
  b.forEach((id, j) => { if (!inA.has(id)) out.push(j); });
  return out;
}

/** b − a of one amount for each institution of `a`, in fen; NaN where `b` lacks the institution. */
export function differences(a: InstitutionColumns, b: InstitutionColumns, field: AmountField, rows = matchRows(a.ids, b.ids)): Float64Array {
  const fa = a.fen(field);
  const fb = b.fen(field);
  const out = new Float64Array(a.ids.length);
  for (let i = 0; i < out.length; i++) {
    const j = rows[i]!;
    out[i] = j < 0 ? NaN : fb[j]! - fa[i]!;
  }
  return out;
}

/**
 * Institutions of `ref` ordered by the largest absolute change of `field` against any of
 * `others`, largest first; equal changes (and institutions missing elsewhere) keep file order.
 */
export function largestChangeFirst(ref: InstitutionColumns, others: readonly InstitutionColumns[], field: AmountField): number[] {
  const n = ref.ids.length;
  const change = new Float64Array(n);
  for (const o of others) {
    const d = differences(ref, o, field);
    for (let i = 0; i < n; i++) {
      const x = Math.abs(d[i]!);
      if (x > change[i]!) change[i] = x; // NaN never wins
    }
  }
  const rows = Array.from({ length: n }, (_, i) => i);
  return rows.sort((x, y) => change[y]! - change[x]! || x - y);
}

/** Who gains and who loses between two scenarios on one amount: counts, exact sums, the largest of each side. */
export interface GainsAndLosses {
  /** Institutions of `a` whose amount is higher in `b`, and the Σ of their increases (yuan, 2 decimals). */
  gainers: number;
  gained: string;
  /** Institutions whose amount is lower in `b`, and the Σ of their decreases (negative, yuan). */
  losers: number;
  lost: string;
  unchanged: number;
  /** Institutions of `a` that `b` does not have. */
  missing: number;
  /** Rows of `a` with the largest increases / decreases and their differences (yuan), largest first (ties: file order), at most `top` each. */
  topGains: { row: number; delta: string }[];
  topLosses: { row: number; delta: string }[];
}

/**
 * b − a of `field` per institution (a per-target city against its points variant: who gains,
 * who loses, by how much). Sums are taken in bigint fen, so they are exact whatever the size.
 */
export function gainsAndLosses(a: InstitutionColumns, b: InstitutionColumns, field: AmountField, top = 5): GainsAndLosses {
  const d = differences(a, b, field);
  let gainers = 0, losers = 0, unchanged = 0, missing = 0, gained = 0n, lost = 0n;
  const up: number[] = [];
  const down: number[] = [];
  for (let i = 0; i < d.length; i++) {
    const x = d[i]!;
    if (Number.isNaN(x)) missing++;
    else if (x > 0) { gainers++; gained += BigInt(x); up.push(i); }
    else if (x < 0) { losers++; lost += BigInt(x); down.push(i); }
    else unchanged++;
  }
  up.sort((i, j) => d[j]! - d[i]! || i - j);
  down.sort((i, j) => d[i]! - d[j]! || i - j);
  const rows = (xs: number[]) => xs.slice(0, top).map((row) => ({ row, delta: unscaled(BigInt(d[row]!), 2) }));
  return { gainers, gained: unscaled(gained, 2), losers, lost: unscaled(lost, 2), unchanged, missing, topGains: rows(up), topLosses: rows(down) };
}

/**
 * A change relative to its base, as a 4-decimal ratio string rounded half-up (away from zero):
 * relativeChange(2560, 100000) = "0.0256". Both in integer fen; null when the base is 0 or missing.
 */
export function relativeChange(deltaFen: number, baseFen: number): string | null {
  if (!Number.isFinite(deltaFen) || !Number.isFinite(baseFen) || baseFen === 0) return null;
  const d = BigInt(deltaFen) * 10000n;
  const b = BigInt(Math.abs(baseFen));
  const neg = d < 0n;
  const a = neg ? -d : d;
  const q = (a * 2n + b) / (2n * b);
  return unscaled(neg ? -q : q, 4);
}

// ---- exact differences of decimal strings (fund figures: amounts and 4-decimal ratios) ----

function scaled(s: string, dp: number): bigint {
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(int || '0') * 10n ** BigInt(dp) + BigInt((frac + '0'.repeat(dp)).slice(0, dp) || '0');
  return neg ? -v : v;
}

function unscaled(v: bigint, dp: number): string {
  const neg = v < 0n;
  const a = (neg ? -v : v).toString().padStart(dp + 1, '0');
  return `${neg ? '-' : ''}${a.slice(0, a.length - dp)}${dp ? `.${a.slice(a.length - dp)}` : ''}`;
}

const decimals = (s: string) => (s.split('.')[1] ?? '').length;

/** a − b of two decimal strings, exact, with as many decimals as the longer of the two. */
export function subtractDecimals(a: string, b: string): string {
  const dp = Math.max(decimals(a), decimals(b));
  return unscaled(scaled(a, dp) - scaled(b, dp), dp);
}

/** b − a exactly; null when either is missing (a ratio with no denominator). */
export function difference(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a === null || a === undefined || b === null || b === undefined || a === '' || b === '') return null;
  return subtractDecimals(b, a);
}

export type FundField = { [K in keyof FundResult]: FundResult[K] extends string | null ? K : never }[keyof FundResult];

/** One row of the fund's comparison: each scenario's figure and its difference against the first. */
export interface FundRow {
  field: FundField;
  values: (string | null)[];
  /** values[k] − values[0] for k ≥ 1 (null where either is missing). */
  deltas: (string | null)[];
}

export function compareFund(funds: readonly FundResult[], fields: readonly FundField[]): FundRow[] {
  return fields.map((field) => {
    const values = funds.map((f) => f[field] as string | null);
    return { field, values, deltas: values.slice(1).map((v) => difference(values[0], v)) };
  });
}
