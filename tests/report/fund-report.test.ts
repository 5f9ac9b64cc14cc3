/** The fund report (issue 10): its figures add up (to the fen) and its text is in one language. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { fundReport, GROUP_FIELDS, reportInputOf, type FundReport, type GroupRow } from '../../src/engine/fund-report.ts';
import { fundReportView } from '../../src/sheets/fund-report.ts';
import { fundReportHtml } from '../../src/sheets/fund-report-html.ts';
import { main } from '../../src/cli/main.ts';
import { fingerprint } from '../../src/engine/fingerprint.ts';
import type { Result } from '../../src/engine/result.ts';
import type { Scenario } from '../../src/format/types.ts';
import { scenarioDocArb } from '../engine/scenario-arb.ts';

const fen = (s: string): bigint => BigInt(s.replace('.', ''));
const load = (doc: unknown): Scenario => {
  const v = loadScenario(JSON.stringify(doc));
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return v.scenario;
};
const file = (name: string): Scenario => load(JSON.parse(readFileSync(`scenarios/${name}`, 'utf8')));

/** Every total of the report against the result it came from, in integer fen. */
function checkTotals(s: Scenario, r: Result, rep: FundReport): void {
  const parts = rep.budget.reduce((a, b) => a + fen(b.amount), 0n);
  expect(parts).toBe(fen(s.fund.budget));
  expect(rep.budgetTotal).toBe(r.fund.base);
  expect(rep.budget.filter((b) => b.kind === 'pool').reduce((a, b) => a + fen(b.amount), 0n)).toBe(fen(r.fund.allocatable));
  const all = (f: (typeof GROUP_FIELDS)[number]) => r.hospitals.reduce((a, h) => a + fen(h[f]), 0n);
  for (const groups of [rep.byPool, rep.byLevel, rep.byCategory]) {
    expect(groups.reduce((a, g) => a + g.count, 0)).toBe(r.hospitals.length);
    for (const f of GROUP_FIELDS) expect(groups.reduce((a, g: GroupRow) => a + fen(g.sums[f]), 0n)).toBe(all(f));
  }
  expect(fen(rep.total.sums.owed)).toBe(fen(r.fund.hospitalsOwed));
  expect(fen(rep.total.sums.balance)).toBe(fen(r.fund.totalBalance));
  expect(fen(rep.total.sums.target)).toBe(fen(r.fund.totalTargets));
  expect(fen(rep.total.sums.fundShare)).toBe(fen(r.fund.adjustmentFundUsed));
  for (const p of rep.byPool) {
    const idx = r.hospitals.filter((h) => h.pool === p.key);
    expect(p.count).toBe(idx.length);
    expect(fen(p.sums.owed)).toBe(idx.reduce((a, h) => a + fen(h.owed), 0n));
  }
  const over = r.hospitals.filter((h) => fen(h.overspend) > 0n).map((h) => fen(h.overspend)).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  expect(rep.topOverspend.map((h) => fen(h.amount))).toEqual(over.slice(0, 10));
  const sur = r.hospitals.filter((h) => fen(h.surplus) > 0n).map((h) => fen(h.surplus)).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  expect(rep.topSurplus.map((h) => fen(h.amount))).toEqual(sur.slice(0, 10));
}

describe('the fund report model', () => {
  it('city: the budget parts add up to the budget to the fen; every group total equals the result', () => {
    const s = file('city.json');
    const r = runScenario(s);
    const rep = fundReport(s, reportInputOf(r));
    checkTotals(s, r, rep);
    expect(rep.budget.map((b) => b.kind)).toEqual(['carveOut', 'carveOut', 'carveOut', 'carveOut', 'riskReserve', 'adjustmentFund', 'pool', 'pool']);
    expect(rep.budgetTotal).toBe('3200000000.00');
    expect(rep.budgetTotalShare).toBe('1.0000');
    expect(rep.topOverspend).toHaveLength(10);
    expect(rep.topOverspend[0]!.name).toBe(s.hospitals.find((h) => h.id === rep.topOverspend[0]!.id)!.name);
    expect(rep.pointsPools).toEqual([]);
  });

  it('city-points: point values of the points pool and its payment rates are those of the engine', () => {
    const s = file('city-points.json');
    const r = runScenario(s);
    const rep = fundReport(s, reportInputOf(r));
    checkTotals(s, r, rep);
    const pool = r.fund.pools.find((p) => p.settlement === 'points')!;
    expect(rep.pointsPools).toHaveLength(1);
    const pp = rep.pointsPools[0]!;
    expect(pp.pointValue).toBe(pool.pointValue);
    expect(pp.budgetPointValue).toBe(pool.budgetPointValue);
    const members = r.hospitals.filter((h) => h.pool === pool.id);
    const rates = members.map((h) => h.paymentRate!).sort((a, b) => Number(a) - Number(b));
    expect(pp.minPaymentRate).toBe(rates[0]);
    expect(pp.maxPaymentRate).toBe(rates.at(-1));
  });

  it('random valid scenarios: the parts add up to the budget and the groups to the result, to the fen', () => {
    fc.assert(
      fc.property(scenarioDocArb, (doc) => {
        const s = load(doc);
        const r = runScenario(s);
        checkTotals(s, r, fundReport(s, reportInputOf(r)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the fund report text (zh / en)', () => {
  const s = file('city.json');
  const r = runScenario(s);
  const rep = fundReport(s, reportInputOf(r));
  const meta = { scenarioName: s.meta.name, fingerprint: 'sha256:abc', printed: '2026-12-02' };

  it('Chinese: headings, the 合计 row equal to the budget, amounts in 万元 with separators', () => {
    const v = fundReportView(rep, s, meta, 'zh', 'wan');
    expect(v.title).toBe('基金预算执行与清算报告');
    expect(v.meta.map((m) => m.value)).toEqual([s.meta.region, '2025年', s.meta.name, '2026-12-02', '万元']);
    const budget = v.sections.find((x) => x.id === 'budget')!.tables[0]!;
    expect(budget.rows.at(-1)).toEqual({ cells: ['合计（基金支出预算）', '320,000.00', '100.00%'], total: true });
    expect(v.sections.map((x) => x.title)).toEqual(['一、基金收支与预算', '二、清算结果汇总', '三、超支与结余较大的机构', '五、适用规则与说明']);
    const byPool = v.sections.find((x) => x.id === 'settlement')!.tables[0]!;
    expect(byPool.head).toContain('清算补（扣）');
    expect(byPool.rows.at(-1)!.cells[0]).toBe('合计');
    const text = JSON.stringify(v);
    expect(text).not.toMatch(/DESIGN|§|policy\.|fund\.budget/);
    expect(text).not.toMatch(/Total|Budget|Surplus/);
  });

  it('English: the same figures, English words, no Chinese headings', () => {
    const v = fundReportView(rep, s, meta, 'en', 'yuan');
    expect(v.title).toBe('Fund budget execution and settlement report');
    const budget = v.sections.find((x) => x.id === 'budget')!.tables[0]!;
    expect(budget.rows.at(-1)!.cells).toEqual(['Total (fund expenditure budget)', '3,200,000,000.00', '100.00%']);
    const heads = v.sections.flatMap((x) => [x.title, ...x.tables.flatMap((t) => [t.caption ?? '', ...t.head])]).join(' ');
    expect(heads).not.toMatch(/[\u4e00-\u9fff]/);
    const ranking = v.sections.find((x) => x.id === 'ranking')!.tables[0]!;
    expect(ranking.rows[0]!.cells[1]).toBe(rep.topOverspend[0]!.name);
  });

  it('the HTML page escapes text and says its language; gbsim report writes it', async () => {
    const html = fundReportHtml(fundReportView(rep, s, meta, 'en', 'yuan'));
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('break-before: page');
    const out: string[] = [];
    const code = await main(['report', 'scenarios/city-points.json'], { out: (x) => out.push(x), err: () => {} });
    expect(code).toBe(0);
    expect(out.join('')).toContain('四、点数法分配池');
    expect(out.join('')).toContain('元/分');
    // In English, written to a file with -o; the fingerprint is the result's.
    const path = `${await import('node:os').then((o) => o.tmpdir())}/gbsim-report-${process.pid}.html`;
    const err: string[] = [];
    expect(await main(['report', 'scenarios/city.json', '--lang', 'en', '--unit', 'wan', '-o', path], { out: () => {}, err: (x) => err.push(x) })).toBe(0);
    const page = readFileSync(path, 'utf8');
    expect(page).toContain('Fund budget execution and settlement report');
    expect(page).toContain('Amounts in: <b>10k yuan</b>');
    expect(page).toContain(fingerprint(r));
    expect(page).toContain('Withheld from target');
    expect(await main(['report'], { out: () => {}, err: () => {} })).toBe(2);
  });
});
