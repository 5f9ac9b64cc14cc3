/**
 * The DuckDB import checked against an independent aggregation: plain TypeScript over the
 * same generated rows (its own CSV split, its own checks, the rule in bigint), for CSV and for
 * Parquet, clean and with deliberately bad rows. Every total, month, top group and problem
 * count must be equal — exactly.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCaseFile } from '../../src/cases/node.ts';
import { synthCatalogue } from '../../scripts/cases/catalogue.ts';
import { caseLines, institutionsOf, writeCaseList, type CaseListOptions } from '../../scripts/cases/caselist.ts';
import type { CaseAggregation, CaseSetup, CaseTotals, RowProblemKind, CaseColumn } from '../../src/cases/types.ts';
import { ok, tempDir } from './helpers.ts';

const dir = tempDir();
const city = JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
const catalogue = synthCatalogue();
const setup: CaseSetup = { hospitalIds: city.hospitals.map((h: { id: string }) => h.id), year: 2025, catalogue, thresholds: { low: '0.5', high: '2' } };

// ---- the independent side -------------------------------------------------------------

/** Split one CSV line (the generator quotes only a field with a comma). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

const fen = (s: string): bigint | null => (/^-?\d+(\.\d{1,2})?$/.test(s) ? BigInt(s.replace(/^(-?\d+)(?:\.(\d*))?$/, (_, i, f = '') => i + f.padEnd(2, '0'))) : null);
const units4 = (s: string): bigint | null => (/^-?\d+(\.\d{1,4})?$/.test(s) ? BigInt(s.replace(/^(-?\d+)(?:\.(\d*))?$/, (_, i, f = '') => i + f.padEnd(4, '0'))) : null);
const half = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
const dec = (v: bigint, dp: number) => { const s = v.toString().padStart(dp + 1, '0'); return `${s.slice(0, -dp)}.${s.slice(-dp)}`; };

/** Month forms the generator writes: "3", "2025-03", "202503", "2025-03-15". */
function month(s: string): { y: number | null; m: number } | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})$/.exec(s))) return { y: null, m: Number(m[1]) };
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s)) || (m = /^(\d{4})(\d{2})$/.exec(s))) return { y: Number(m[1]), m: Number(m[2]) };
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return { y: Number(m[1]), m: Number(m[2]) };
  return null;
}

interface Expected {
  agg: CaseAggregation;
  problems: Map<string, { count: number; rows: number[] }>;
  rows: number;
  accepted: number;
}

function independent(lines: string[], parquet: boolean): Expected {
  const hosp = new Map<string, number>(setup.hospitalIds.map((id, i) => [id, i]));
  const groups = new Map(catalogue.map((g, i) => [g.id, { i, s: units4(g.score)!, c: fen(g.refCost)! }]));
  type Acc = { cases: number; points: bigint; fund: bigint; cost: bigint; low: number; high: number; special: number };
  const acc = (): Acc => ({ cases: 0, points: 0n, fund: 0n, cost: 0n, low: 0, high: 0, special: 0 });
  const months = new Map<number, Acc[]>();
  const byGroup = new Map<number, Map<number, Acc>>();
  const problems = new Map<string, { count: number; rows: number[] }>();
  const flag = (kind: RowProblemKind, column: CaseColumn | null, row: number) => {
    const k = `${kind}/${column}`;
    const p = problems.get(k) ?? { count: 0, rows: [] };
    p.count++;
    if (p.rows.length < 5) p.rows.push(row);
    problems.set(k, p);
  };
  let rows = 0, accepted = 0, record = 0;
  lines.slice(1).forEach((line, i) => {
    const f = fields(line);
    if (f.length !== 6) { if (!parquet) { rows++; flag('malformed', null, i + 2); } return; }
    rows++;
    record++;
    const row = parquet ? record : i + 2;
    const [h, g, x, fu, mo, sp] = f as [string, string, string, string, string, string];
    let bad = false;
    const problem = (kind: RowProblemKind, column: CaseColumn) => { flag(kind, column, row); bad = true; };
    if (h === '') problem('missing', 'institution'); else if (!hosp.has(h)) problem('unknownInstitution', 'institution');
    if (g === '') problem('missing', 'group'); else if (!groups.has(g)) problem('unknownGroup', 'group');
    const cost = fen(x), fund = fen(fu), special = sp === '' ? null : units4(sp);
    if (x === '') problem('missing', 'cost'); else if (cost === null) problem('unparsable', 'cost'); else if (cost < 0n) problem('negative', 'cost');
    if (fu === '') problem('missing', 'fund'); else if (fund === null) problem('unparsable', 'fund'); else if (fund < 0n) problem('negative', 'fund');
    const mm = mo === '' ? null : month(mo);
    if (mo === '') problem('missing', 'month');
    else if (mm === null) problem('unparsable', 'month');
    else if (mm.m < 1 || mm.m > 12) problem('monthRange', 'month');
    else if (mm.y !== null && mm.y !== 2025) problem('otherYear', 'month');
    if (sp !== '' && special === null) problem('unparsable', 'special'); else if (special !== null && special < 0n) problem('negative', 'special');
    if (bad) return;
    accepted++;
    const gr = groups.get(g)!;
    const hi = hosp.get(h)!;
    // The rule, written out: ρ = cost / c; low 0.5, high 2.
    let p: bigint; let cls: 'low' | 'high' | 'special' | 'normal';
    if (special !== null) { p = special; cls = 'special'; }
    else if (cost! * 2n < gr.c) { p = half(gr.s * cost!, gr.c); cls = 'low'; }
    else if (cost! > 2n * gr.c) { p = half(gr.s * (cost! - gr.c), gr.c); cls = 'high'; }
    else { p = gr.s; cls = 'normal'; }
    const add = (a: Acc) => { a.cases++; a.points += p; a.fund += fund!; a.cost += cost!; if (cls === 'low') a.low++; if (cls === 'high') a.high++; if (cls === 'special') a.special++; };
    if (!months.has(hi)) months.set(hi, Array.from({ length: 12 }, acc));
    add(months.get(hi)![mm!.m - 1]!);
    if (!byGroup.has(hi)) byGroup.set(hi, new Map());
    const gm = byGroup.get(hi)!;
    if (!gm.has(gr.i)) gm.set(gr.i, acc());
    add(gm.get(gr.i)!);
  });
  const totals = (a: Acc): CaseTotals => ({ cases: a.cases, points: dec(a.points, 4), fundPayable: dec(a.fund, 2), cost: dec(a.cost, 2), low: a.low, high: a.high, special: a.special });
  const sumAcc = (xs: Acc[]) => xs.reduce((t, a) => ({ cases: t.cases + a.cases, points: t.points + a.points, fund: t.fund + a.fund, cost: t.cost + a.cost, low: t.low + a.low, high: t.high + a.high, special: t.special + a.special }), acc());
  const institutions = setup.hospitalIds.flatMap((id, hi) => {
    const ms = months.get(hi);
    if (!ms) return [];
    const gm = [...byGroup.get(hi)!.entries()].sort((a, b) => (a[1].points === b[1].points ? a[0] - b[0] : a[1].points > b[1].points ? -1 : 1));
    return [{ id, ...totals(sumAcc(ms)), months: ms.map(totals), groups: gm.length, topGroups: gm.slice(0, 20).map(([gi, a]) => ({ group: catalogue[gi]!.id, ...totals(a) })) }];
  });
  const region = Array.from({ length: 12 }, (_, m) => sumAcc([...months.values()].map((ms) => ms[m]!)));
  return {
    agg: { institutions, withoutCases: setup.hospitalIds.filter((_, hi) => !months.has(hi)), months: region.map(totals), total: totals(sumAcc(region)) },
    problems, rows, accepted,
  };
}

// ---- the comparison ---------------------------------------------------------------------

async function check(o: CaseListOptions, file: string) {
  const path = join(dir, file);
  await writeCaseList(path, o);
  const want = independent([...caseLines(o)], file.endsWith('.parquet'));
  const got = ok(await importCaseFile(path, setup));
  expect(got.aggregation).toEqual(want.agg);
  expect(got.report.rows).toBe(want.rows);
  expect(got.report.accepted).toBe(want.accepted);
  expect(got.report.rejected).toBe(want.rows - want.accepted);
  const problems = new Map(got.report.problems.map((p) => [`${p.kind}/${p.column}`, { count: p.count, rows: p.examples.map((e) => e.row) }]));
  expect(problems).toEqual(want.problems);
  return { got, want };
}

const base = (over: Partial<CaseListOptions>): CaseListOptions => ({
  institutions: institutionsOf(city), catalogue, year: 2025, cases: 20_000, seed: 11, bad: 0, month: 'ym', ...over,
});

describe('case import = independent aggregation (city, 20,000 generated cases)', () => {
  it('CSV, months written in every form, with 36 bad rows of every kind', async () => {
    const { got } = await check(base({ month: 'mixed', bad: 36 }), 'mixed-bad.csv');
    // Every kind the generator can spoil is reported (each 3 times).
    expect(got.report.problems.length).toBe(11);
    expect(got.aggregation.total.low + got.aggregation.total.high).toBeGreaterThan(500);
    expect(got.aggregation.total.special).toBeGreaterThan(0);
  });

  it('CSV, clean, English headers', async () => {
    const { got } = await check(base({ headers: 'en', seed: 5 }), 'clean-en.csv');
    expect(got.report.rejected).toBe(0);
    expect(got.aggregation.withoutCases).toEqual(['C01', 'C02', 'C03', 'C04']);
  });

  it('Parquet, typed (DECIMAL amounts, DATE discharge dates)', async () => {
    const { got } = await check(base({ month: 'date', seed: 7 }), 'typed.parquet');
    expect(got.report.file.format).toBe('parquet');
  });

  it('Parquet with bad rows (text columns): the same problems, row numbers counted in records', async () => {
    const { got } = await check(base({ bad: 24, seed: 9 }), 'bad.parquet');
    expect(got.report.problems.some((p) => p.kind === 'malformed')).toBe(false);
  });
});
