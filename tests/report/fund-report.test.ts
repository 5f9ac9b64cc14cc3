/** The fund report (issue 10): its figures add up (to the fen) and its text is in one language. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
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
    // Numbered in order, with no gap where a scenario has no pool settled by points.
    expect(v.sections.map((x) => x.title)).toEqual(['一、基金收支与预算', '二、清算结果汇总', '三、超支与结余较大的机构', '四、适用规则与说明']);
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
    expect(v.sections.map((x) => x.title)).toEqual(['1. Fund revenue, expenditure and budget', '2. Settlement summary',
      '3. Institutions with the largest overspend and surplus', '4. Rules applied and notes']);
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
    const code = await main(['report', 'scenarios/city-points.json', '--lang', 'zh'], { out: (x) => out.push(x), err: () => {} });
    expect(code).toBe(0);
    expect(out.join('')).toContain('四、点数法分配池');
    expect(out.join('')).toContain('五、适用规则与说明');
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

  it('gbsim report follows the system language as the other commands do; --lang overrides it', async () => {
    const report = async (env: Record<string, string>, ...args: string[]) => {
      vi.stubEnv('LC_ALL', env.LC_ALL ?? '');
      vi.stubEnv('LC_MESSAGES', env.LC_MESSAGES ?? '');
      vi.stubEnv('LANG', env.LANG ?? '');
      try {
        const out: string[] = [];
        expect(await main(['report', 'scenarios/city.json', ...args], { out: (x) => out.push(x), err: () => {} })).toBe(0);
        return out.join('');
      } finally {
        vi.unstubAllEnvs();
      }
    };
    const zh = await report({ LANG: 'zh_CN.UTF-8' });
    expect(zh).toMatch(/^<!doctype html><html lang="zh/);
    expect(zh).toContain('基金预算执行与清算报告');
    const en = await report({ LANG: 'en_US.UTF-8' });
    expect(en).toMatch(/^<!doctype html><html lang="en">/);
    expect(en).toContain('Fund budget execution and settlement report');
    expect(await report({ LANG: 'C.UTF-8' })).toMatch(/^<!doctype html><html lang="en">/);
    expect(await report({ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toMatch(/^<!doctype html><html lang="zh/);
    expect(await report({ LANG: 'en_US.UTF-8' }, '--lang', 'zh')).toContain('基金预算执行与清算报告');
    expect(await report({ LANG: 'zh_CN.UTF-8' }, '--lang', 'en')).toContain('Fund budget execution and settlement report');
  });

  it('the rules table gives every parameter its setting, lists and tables in words (zh / en)', () => {
    const rules = (lang: 'zh' | 'en', unit: 'yuan' | 'wan') => Object.fromEntries(fundReportView(rep, s, meta, lang, unit).sections.find((x) => x.id === 'rules')!
      .tables[0]!.rows.map((r) => [r.cells[0], r.cells[1]]));
    const zh = rules('zh', 'wan');
    expect(zh['结余留用规则']).toBe('≤5%：70%；5%–10%：50%；>10%：30%（超额累进）');
    expect(zh['超支分担规则']).toBe('≤5%：50%；5%–10%：30%；>10%：0%（超额累进）');
    expect(zh['单列项目']).toBe('一次性预缴 4,260.00 万元；异地就医 23,800.00 万元；离休人员 3,150.00 万元；定点零售药店 24,600.00 万元');
    expect(zh['分配池']).toBe('医院（含门诊慢特病机构） 82%；基层医疗机构 18%');
    expect(zh['历史年度权重']).toBe('2022年 0.2；2023年 0.3；2024年 0.5');
    expect(zh['级别系数']).toBe('三级 0.98；二级 1；一级 1');
    expect(zh['年终考核规则']).toBe('线性插值：0 分 → 0%；60 分 → 0%；90 分 → 100%');
    expect(zh['保证金比例（医院）']).toBe('10%');
    expect(zh['基金支出预算']).toBe('320,000.00 万元');
    expect(zh['预付周转金']).toBe('1 个月');
    // Every parameter cited has a setting, and no code or English word reaches the Chinese table.
    expect(Object.entries(zh).filter(([, v]) => v === '')).toEqual([]);
    expect(Object.values(zh).join('')).not.toMatch(/[A-Za-z]/);
    const en = rules('en', 'yuan');
    expect(en['Surplus retention rule']).toBe('≤5%: 70%; 5%–10%: 50%; >10%: 30% (Marginal)');
    expect(en['Deposit rates'] ?? en['Deposit rate (hospital)']).toBe('10%');
    expect(en['Carve-outs']).toBe('一次性预缴 42,600,000.00 yuan; 异地就医 238,000,000.00 yuan; 离休人员 31,500,000.00 yuan; 定点零售药店 246,000,000.00 yuan');
    expect(en['Level coefficients']).toBe('tertiary 0.98; secondary 1; primary 1');
    expect(en['Quality assessment rule']).toBe('Linear: 0 points → 0%; 60 points → 0%; 90 points → 100%');
    expect(en['Working-capital advance']).toBe('1 month');
    // The points city's own rules too.
    const p = file('city-points.json');
    const pv = fundReportView(fundReport(p, reportInputOf(runScenario(p))), p, meta, 'zh', 'wan').sections.find((x) => x.id === 'rules')!.tables[0]!.rows;
    const pz = Object.fromEntries(pv.map((r) => [r.cells[0], r.cells[1]]));
    expect(pz['高低倍率界值']).toBe('费用极低病例 <0.5 倍；费用极高病例 >2 倍（次均费用之比）');
    expect(pz['病种目录']).toBe('3,000 个病种');
    expect(Object.entries(pz).filter(([, v]) => v === '')).toEqual([]);
  });
});
