/**
 * Synthetic case lists (one row per discharged case), deterministic for a seed: a realistic
 * year for a scenario's institutions — cases by institution size and level (tertiary
 * hospitals treat heavier groups), seasonal months (winter peak, Spring Festival dip), costs
 * around each group's reference cost with low and high outliers about the 0.5 / 2 thresholds
 * (some exactly at them), a few special reviews (特例单议), and, when asked, deliberately bad
 * rows of every kind the import reports. CSV, or Parquet (via DuckDB).
 *
 * The command line is scripts/cases/caselist.ts (apart, so scripts/examples/city-points.ts can
 * use the generator without importing the command's top-level await back).
 */
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { mulberry32 } from '../../src/engine/random.ts';
import type { CatalogueGroup } from '../../src/cases/types.ts';
import { normal, synthCatalogue } from './catalogue.ts';

export interface GenInstitution {
  id: string;
  level: string;
  /** Relative size (last year's spending will do). */
  weight: number;
}

export type MonthForm = 'ym' | 'number' | 'date' | 'compact' | 'mixed';

export interface CaseListOptions {
  institutions: GenInstitution[];
  catalogue: CatalogueGroup[];
  year: number;
  cases: number;
  seed: number;
  /** How many deliberately bad rows (spread evenly, cycling through BAD_KINDS). */
  bad?: number;
  /** How the month is written (default 'ym': "2025-03"). */
  month?: MonthForm;
  headers?: 'zh' | 'en';
}

export const CITY_CASES = 250_000;

/** Seasonal profile of discharges, January first. */
export const SEASON = [1.05, 0.8, 1.0, 0.98, 0.99, 0.97, 1.01, 1.02, 0.98, 0.96, 1.04, 1.2];

export const BAD_KINDS = [
  'unknownInstitution', 'unknownGroup', 'negativeCost', 'monthRange', 'otherYear', 'unparsableCost',
  'missingFund', 'moreDecimals', 'malformed', 'negativeSpecial', 'missingInstitution', 'unparsableMonth',
] as const;
export type BadKind = (typeof BAD_KINDS)[number];

/** The institutions of a scenario that discharge inpatients: everyone but outpatient chronic-disease institutions. */
export function institutionsOf(scenario: { hospitals: { id: string; level: string; class: string; history: string[] }[] }): GenInstitution[] {
  return scenario.hospitals
    .filter((h) => h.class !== 'chronic')
    .map((h) => ({ id: h.id, level: h.level, weight: Number(h.history[h.history.length - 1] ?? '0') }));
}

const HEADERS = {
  zh: ['机构编码', '病组编码', '总费用', '基金支付', '出院月份', '特例单议点数'],
  en: ['institution', 'group', 'cost', 'fund payable', 'month', 'special points'],
};

function cdf(weights: number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => { s += w; c[i] = s; });
  for (let i = 0; i < c.length; i++) c[i]! /= s;
  return c;
}

function pick(c: Float64Array, u: number): number {
  let lo = 0, hi = c.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (c[mid]! < u) lo = mid + 1; else hi = mid; }
  return lo;
}

const yuan = (fen: number): string => {
  const a = Math.abs(fen);
  const f = a % 100;
  return `${fen < 0 ? '-' : ''}${(a - f) / 100}.${f < 10 ? '0' : ''}${f}`;
};
const pts = (units: number): string => `${Math.floor(units / 10000)}.${String(units % 10000).padStart(4, '0')}`;
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const LEVEL = {
  tertiary: { tilt: 0.45, cost: 1.1, fund: 0.68 },
  secondary: { tilt: 0, cost: 1.0, fund: 0.74 },
  primary: { tilt: -0.8, cost: 0.85, fund: 0.82 },
} as const;
const levelOf = (l: string) => LEVEL[l as keyof typeof LEVEL] ?? LEVEL.secondary;

function monthText(form: MonthForm, year: number, m: number, day: number, r: () => number): string {
  const f = form === 'mixed' ? (['ym', 'number', 'date', 'compact'] as const)[Math.floor(r() * 4)]! : form;
  switch (f) {
    case 'number': return String(m);
    case 'date': return `${year}-${pad2(m)}-${pad2(day)}`;
    case 'compact': return `${year}${pad2(m)}`;
    default: return `${year}-${pad2(m)}`;
  }
}

/** The header, then one CSV line per case (no line ends). */
export function* caseLines(o: CaseListOptions): Generator<string> {
  const r = mulberry32(o.seed);
  const form = o.month ?? 'ym';
  const header = [...HEADERS[o.headers ?? 'zh']];
  if (form === 'date' && (o.headers ?? 'zh') === 'zh') header[4] = '出院日期';
  yield header.join(',');

  const cat = o.catalogue.map((g) => ({ id: g.id, units: Math.round(Number(g.score) * 10000), refFen: Math.round(Number(g.refCost) * 100) }));
  // Group popularity: Zipf-like over a seeded order, tilted by level toward heavier or lighter groups.
  const order = cat.map((_, i) => ({ i, k: r() })).sort((a, b) => a.k - b.k);
  const popularity = new Array<number>(cat.length);
  order.forEach(({ i }, rank) => { popularity[i] = 1 / Math.pow(rank + 1, 0.9); });
  const median = [...cat.map((g) => g.units)].sort((a, b) => a - b)[cat.length >> 1]!;
  const byLevel = new Map<string, Float64Array>();
  for (const level of new Set(o.institutions.map((h) => levelOf(h.level)))) {
    byLevel.set(String(level.tilt), cdf(cat.map((g, i) => popularity[i]! * Math.pow(g.units / median, level.tilt))));
  }
  const instCdf = cdf(o.institutions.map((h) => h.weight));
  const monthCdf = cdf(SEASON);

  const bad = Math.min(o.bad ?? 0, o.cases);
  let nextBad = bad > 0 ? Math.floor((0.5 * o.cases) / bad) : -1;
  let badDone = 0;

  for (let i = 0; i < o.cases; i++) {
    const h = o.institutions[pick(instCdf, r())]!;
    const lv = levelOf(h.level);
    const g = cat[pick(byLevel.get(String(lv.tilt))!, r())]!;
    const m = pick(monthCdf, r()) + 1;
    const day = 1 + Math.floor(r() * DAYS[m - 1]!);
    // ρ = cost / reference cost: a body around 1, and outlier tails past 0.5 and 2.
    const u = r();
    let rho: number;
    if (u < 0.03) rho = 0.08 + r() * 0.42;
    else if (u < 0.055) rho = 2 + -Math.log(1 - r()) * 0.9;
    else rho = Math.min(1.98, Math.max(0.52, lv.cost * Math.exp(0.22 * normal(r))));
    let cost = Math.max(0, Math.round(g.refFen * rho));
    const v = r();
    if (v < 0.0005) cost = Math.ceil(g.refFen / 2); // exactly at the low threshold (or the fen above it)
    else if (v < 0.001) cost = g.refFen * 2; // exactly at the high threshold
    const fund = Math.min(cost, Math.round(cost * (lv.fund + (r() - 0.5) * 0.1)));
    let special = '';
    if (cost > g.refFen * 3 && r() < 0.08) special = pts(Math.round((g.units * cost * 0.9) / g.refFen));

    const cells = [h.id, g.id, yuan(cost), yuan(fund), monthText(form, o.year, m, day, r), special];
    if (i === nextBad) {
      const kind = BAD_KINDS[badDone % BAD_KINDS.length]!;
      badDone++;
      nextBad = badDone < bad ? Math.floor(((badDone + 0.5) * o.cases) / bad) : -1;
      yield spoil(cells, kind, o.year, m);
      continue;
    }
    yield cells.join(',');
  }
}

/** A case row made bad in one way. */
function spoil(cells: string[], kind: BadKind, year: number, m: number): string {
  const c = [...cells];
  switch (kind) {
    case 'unknownInstitution': c[0] = `X${c[0]}`; break;
    case 'unknownGroup': c[1] = `ZZ${c[1]}`; break;
    case 'negativeCost': c[2] = `-${c[2]}`; break;
    case 'monthRange': c[4] = `${year}-13`; break;
    case 'otherYear': c[4] = `${year - 1}-${pad2(m)}`; break;
    case 'unparsableCost': c[2] = `"1,${c[2]}"`; break;
    case 'missingFund': c[3] = ''; break;
    case 'moreDecimals': c[2] = `${c[2]}7`; break;
    case 'malformed': return [...c, 'extra'].join(',');
    case 'negativeSpecial': c[5] = '-12.5'; break;
    case 'missingInstitution': c[0] = ''; break;
    case 'unparsableMonth': c[4] = 'N/A'; break;
  }
  return c.join(',');
}

/** Write a case list as CSV (UTF-8, no BOM). */
export async function writeCsv(path: string, o: CaseListOptions): Promise<void> {
  const out = createWriteStream(path);
  let buf = '';
  for (const line of caseLines(o)) {
    buf += line + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((ok) => out.once('drain', ok));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
}

/**
 * Write a case list as Parquet: typed columns (DECIMAL amounts and points, the month as DATE
 * or text as written) for a clean list; all text when it has bad rows (they stay readable).
 */
export async function writeParquet(path: string, o: CaseListOptions): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const csv = `${path}.tmp.csv`;
  await writeCsv(csv, o);
  const header = (await readFile(csv, 'utf8')).slice(0, 200).split('\n')[0]!.split(',');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const id = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const typed = (o.bad ?? 0) === 0;
  const cols = header.map((h, i) => {
    if (!typed || i < 2) return `c${i} AS ${id(h)}`;
    if (i === 4) return (o.month ?? 'ym') === 'date' ? `CAST(c${i} AS DATE) AS ${id(h)}` : `c${i} AS ${id(h)}`;
    return `CAST(c${i} AS DECIMAL(12, ${i === 5 ? 4 : 2})) AS ${id(h)}`;
  });
  const columns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  try {
    await conn.run(`COPY (SELECT ${cols.join(', ')} FROM read_csv(${q(csv)}, header = false, skip = 1, auto_detect = false, delim = ',', `
      + `quote = '"', escape = '"', columns = {${columns}}, ignore_errors = true))
      TO ${q(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
  } finally {
    conn.closeSync();
    db.closeSync();
    await rm(csv, { force: true });
  }
}

export async function writeCaseList(path: string, o: CaseListOptions): Promise<void> {
  return /\.parq(uet)?$/i.test(path) ? writeParquet(path, o) : writeCsv(path, o);
}
