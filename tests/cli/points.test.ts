/**
 * `gbsim run` on a scenario with a pool settled by points (DESIGN §7): the text report shows
 * the pool's point values (元/分, 4 decimals) and each member's points, share, entitlement and
 * payment rate; --json, --csv and --xlsx carry the same figures; the fingerprint is the app's.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { fingerprint } from '../../src/engine/fingerprint.ts';
import type { Result } from '../../src/engine/result.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FILE = 'scenarios/city-points.json';
const loaded = loadScenario(readFileSync(FILE, 'utf8'));
if (!loaded.ok) throw new Error('city-points.json does not load');
const result = runScenario(loaded.scenario);
const pool = result.fund.pools.find((p) => p.settlement === 'points')!;
const t01 = result.hospitals.find((h) => h.id === 'T01')!;
const grouped = (s: string) => {
  const [i = '', f] = s.split('.');
  return `${i.replace(/\B(?=(\d{3})+$)/g, ',')}${f === undefined ? '' : `.${f}`}`;
};

describe('gbsim run on a points scenario', () => {
  it('prints the point values, the members\' points and payment rates, and the app\'s fingerprint (zh)', async () => {
    const r = await cli('run', FILE, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`点数法结算池：${pool.name}`);
    expect(r.out).toMatch(new RegExp(`预算点值（元/分）\\s+${pool.budgetPointValue!.replace('.', '\\.')}`));
    expect(r.out).toMatch(new RegExp(`年度清算点值（元/分）\\s+${pool.pointValue!.replace('.', '\\.')}`));
    expect(pool.pointValue).toMatch(/^\d+\.\d{4}$/);
    for (const w of ['点数占比', '点数法应得额', '支付率']) expect(r.out).toContain(w);
    // T01's row: its points (4 decimals, grouped), its entitlement and payment rate as a percentage.
    const row = r.out.split('\n').find((l) => l.startsWith('T01') && l.includes(grouped(t01.points!)))!;
    expect(row).toBeDefined();
    expect(row).toContain(grouped(t01.target));
    expect(row).toContain(`${(Number(t01.paymentRate) * 100).toFixed(2)}%`);
    expect(r.out).toContain(`结果指纹：${fingerprint(result)}`);
    expect(fingerprint(result)).toBe('sha256:9c2456ca838a1d43');
  });

  it('in English, in the glossary\'s words; a scenario of targets has no points block', async () => {
    const r = await cli('run', FILE, '--lang', 'en');
    expect(r.out).toContain(`Pool settled by points: ${pool.name}`);
    for (const w of ['Budget point value (yuan/point)', 'Settlement point value (yuan/point)', 'Share of points', 'Payment rate', 'Entitlement by points']) expect(r.out).toContain(w);
    const plain = await cli('run', 'scenarios/city.json', '--lang', 'en');
    expect(plain.out).not.toContain('Pool settled by points');
  });

  it('--json carries the pool\'s point values and each member\'s points', async () => {
    const r = await cli('run', FILE, '--json');
    const j = JSON.parse(r.out) as Result;
    expect(j.fund.pools.find((p) => p.id === pool.id)).toEqual(pool);
    expect(j.hospitals.find((h) => h.id === 'T01')).toMatchObject({ points: t01.points, pointShare: t01.pointShare, paymentRate: t01.paymentRate, target: t01.target });
  });

  it('--csv has the points columns; --xlsx has them and the pool\'s point values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-points-'));
    const csv = join(dir, 'h.csv');
    const xlsx = join(dir, 'r.xlsx');
    expect((await cli('run', FILE, '--csv', csv, '--xlsx', xlsx, '--lang', 'zh')).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    const head = lines[0]!.split(',');
    for (const h of ['点数', '点数占比（%）', '支付率（%）']) expect(head).toContain(h);
    const t = lines.find((l) => l.startsWith('T01,'))!.split(',');
    expect(t[head.indexOf('点数')]).toBe(t01.points);
    const plainCsv = join(dir, 'plain.csv');
    await cli('run', 'scenarios/city.json', '--csv', plainCsv, '--lang', 'zh');
    expect(readFileSync(plainCsv, 'utf8').split('\r\n')[0]).not.toContain('点数');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const hs = wb.worksheets.find((w) => w.name === '机构结果')!;
    const header = (hs.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf('点数');
    expect(col).toBeGreaterThan(0);
    const rowT01 = hs.getRows(2, hs.rowCount - 1)!.find((r) => r.getCell(1).value === 'T01')!;
    expect(rowT01.getCell(col).value).toBe(Number(t01.points));
    const fund = wb.worksheets.find((w) => w.name === '基金汇总')!;
    const labels = Array.from(fund.getColumn(1).values, (v) => String(v));
    const at = labels.findIndex((l) => l.includes('年度清算点值'));
    expect(at).toBeGreaterThan(0);
    expect(fund.getRow(at).getCell(2).value).toBe(Number(pool.pointValue));
  });

  it('compare city.json city-points.json: who gains and who loses, exactly, with the point values and payment rates', async () => {
    const base = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
    if (!base.ok) throw new Error('city.json does not load');
    const ra = runScenario(base.scenario);
    const fen = (x: string) => BigInt(x.replace('.', ''));
    const deltas = result.hospitals.map((h, i) => fen(h.owed) - fen(ra.hospitals[i]!.owed));
    const up = deltas.filter((d) => d > 0n), down = deltas.filter((d) => d < 0n);
    const j = await cli('compare', 'scenarios/city.json', FILE, '--json');
    const c = JSON.parse(j.out);
    expect(c.gains.gainers).toBe(up.length);
    expect(c.gains.losers).toBe(down.length);
    expect(fen(c.gains.gained)).toBe(up.reduce((a, b) => a + b, 0n));
    expect(fen(c.gains.lost)).toBe(down.reduce((a, b) => a + b, 0n));
    // The largest loss is the hospital whose owed falls most.
    const worst = deltas.indexOf(down.reduce((a, b) => (b < a ? b : a)));
    expect(c.gains.topLosses[0].id).toBe(result.hospitals[worst]!.id);
    expect(c.pointsPools).toEqual([{ id: pool.id, name: pool.name, a: null, b: { points: pool.points, budgetPointValue: pool.budgetPointValue, pointValue: pool.pointValue } }]);
    const zh = await cli('compare', 'scenarios/city.json', FILE, '--lang', 'zh');
    expect(zh.out).toContain(`B 较 A（按年终应付）：${up.length} 家多得`);
    expect(zh.out).toContain(`减少最多：${result.hospitals[worst]!.id} `);
    expect(zh.out).toMatch(new RegExp(`年度清算点值（元/分）\\s+—\\s+${pool.pointValue!.replace('.', '\\.')}`));
    expect(zh.out).toContain('支付率A');
    const en = await cli('compare', 'scenarios/af-shortfall.json', 'scenarios/af-shortfall-topup.json', '--lang', 'en');
    expect(en.out).not.toContain('Pool settled by points');
    expect(en.out).not.toContain('Payment rate');
  });
});
