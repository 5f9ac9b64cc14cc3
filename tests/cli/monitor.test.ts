/** `gbsim monitor`: the warning list and the fund's projection, as text, JSON and a workbook. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { threeHospitals } from '../monitor/fixture.ts';
import type { MonitorReport } from '../../src/engine/monitor.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const dir = mkdtempSync(join(tmpdir(), 'gbsim-monitor-'));
const file = (name: string, doc: unknown) => { const p = join(dir, name); writeFileSync(p, JSON.stringify(doc)); return p; };

describe('gbsim monitor', () => {
  it('prints the warning list and the fund against its line (the three-hospital pool, hand-derived in tests/monitor)', async () => {
    const r = await cli('monitor', file('three.json', threeHospitals()), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Monthly report on the global budget, claims known through month 6; months 7–12 projected');
    expect(r.out).toContain('Warning list: 1 of 3 institutions');
    // English through and through: no Chinese word but the institutions' own names.
    expect(r.out.replace(/医院[ABC]/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(r.out).toMatch(/A\s+医院A\s+1,200,000\.00\s+600,000\.00\s+690,000\.00\s+115\.00%\s+90,000\.00\s+1,380,000\.00\s+\+15\.00%\s+projected overspend, deferred claims piling up/);
    expect(r.out).toContain('Months of coverage: 3.0000 — BELOW the warning line of 6 months');
  });

  it('--as-of K reports a year-end file as of month K, and --json gives the report', async () => {
    const j = JSON.parse((await cli('monitor', 'scenarios/city.json', '--as-of', '6', '--json')).out) as MonitorReport;
    expect(j.asOf).toBe(6);
    expect(j.months.filter((m) => m === 'actual')).toHaveLength(6);
    expect(j.rows).toHaveLength(80);
    const city = JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
    const firstHalf = (h: { claims: string[] }) => h.claims.slice(0, 6).reduce((a, s) => a + BigInt(s.replace('.', '')), 0n);
    expect(BigInt(j.rows[0]!.claimsToDate.replace('.', ''))).toBe(firstHalf(city.hospitals[0]));
    const dec = JSON.parse((await cli('monitor', 'scenarios/city.json', '--json')).out) as MonitorReport;
    const run = JSON.parse((await cli('run', 'scenarios/city.json', '--json')).out);
    // As of December the projected year is the settlement itself.
    expect(dec.fund.projectedClosingBalance).toBe(run.fund.closingBalance);
    expect(dec.fund.projectedMonthsOfCoverage).toBe(run.fund.monthsOfCoverage);
  });

  it('--as-of 0: the start of the year, nothing known, all twelve months projected', async () => {
    const r = await cli('monitor', 'scenarios/city.json', '--as-of', '0');
    expect(r.out.split('\n')[0]).toContain('no month’s claims known yet; months 1–12 projected');
    const j = JSON.parse((await cli('monitor', 'scenarios/city.json', '--as-of', '0', '--json')).out) as MonitorReport;
    expect(j.asOf).toBe(0);
    expect(j.months).toEqual(new Array(12).fill('projected'));
    expect(j.fund.claimsToDate).toBe('0.00');
  });

  it('--xlsx writes the monthly report: 执行进度, 预警, 基金预测, 年中调整', async () => {
    const s = threeHospitals();
    s.adjustments = [{ hospital: 'A', from: 7, change: '-100000.01', reason: '重点专科停诊整改' }];
    const out = join(dir, 'report.xlsx');
    const r = await cli('monitor', file('adj.json', s), '--xlsx', out, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toContain('A 自 7 月起：1,200,000.00 → 1,099,999.99（−100,000.01，由分配池内 2 家机构分担）— 重点专科停诊整改');
    expect(r.out).toContain('预警名单：3 家机构中 1 家');
    expect(r.out).toContain('可支付月数：3.4317，低于 6 个月的预警线');
    const en = await cli('monitor', file('adj-en.json', s), '--lang', 'en');
    expect(en.out).toContain('A from month 7: 1,200,000.00 → 1,099,999.99 (−100,000.01, absorbed by 2 pool members) — 重点专科停诊整改');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['执行进度', '预警', '基金预测', '年中调整']);
    const progress = wb.getWorksheet('执行进度')!;
    expect(progress.getRow(1).getCell(1).value).toBe('机构编码');
    expect(progress.getRow(2).getCell(4).value).toBe(1099999.99);
    expect(progress.getRow(2).getCell(14).value).toBe('预计超支、暂缓拨付累积');
    expect(wb.getWorksheet('预警')!.rowCount).toBe(2);
    expect(wb.getWorksheet('年中调整')!.getRow(2).values).toEqual([undefined, 'A', 7, -100000.01, 1200000, 1099999.99, 2, '重点专科停诊整改']);
  });

  it('refuses, naming the field: a month not known yet, and a bad --as-of', async () => {
    const r = await cli('monitor', file('three2.json', threeHospitals()), '--as-of', '7');
    expect(r.code).toBe(1);
    expect(r.err).toContain('"A 医院A", claims to date: institution "A": claims are known through month 6 only, not month 7 (hospitals[0].claimsToDate)');
    expect((await cli('monitor', 'scenarios/city.json', '--as-of', '13')).code).toBe(2);
    expect((await cli('monitor', 'scenarios/planning-2026.json', '--as-of', '3')).err).toMatch(/monthly claims: institution "[^"]+": no claims are known.*\(hospitals\[0\]\.claims\)/);
  });
});
