import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { runScenario } from '../../src/engine/run.ts';
import { loadScenario } from '../../src/scenario/open.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const plain = () => {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city invalid');
  return runScenario(r.scenario);
};

const DEPOSIT = ['--param', 'policy.deposit.rates.hospital', '--from', '0.05', '--to', '0.15', '--step', '0.01'];

describe('gbsim sweep', () => {
  it('prints one row per value, the current value marked, equal to the plain run there', async () => {
    const r = await cli('sweep', 'scenarios/city.json', ...DEPOSIT, '--output', 'closingBalance', '--output', 'T01.owed', '--workers', '0', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Deposit rate (hospital) policy.deposit.rates.hospital (share)');
    const rows = r.out.split('\n').filter((l) => /^\s*0\.\d+\s/.test(l));
    expect(rows).toHaveLength(11);
    const current = rows.filter((l) => l.includes('◀ current'));
    expect(current).toHaveLength(1);
    const p = plain();
    const group = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(current[0]).toContain(group(p.fund.closingBalance.split('.')[0]!));
    expect(r.err).toContain('11 points and the plain run');
  });

  it('--json: axes, outputs, base and points as exact strings', async () => {
    const r = await cli('sweep', 'scenarios/city.json', ...DEPOSIT, '--json', '--workers', '0');
    const j = JSON.parse(r.out);
    expect(j.axes[0].values[5]).toBe('0.1');
    expect(j.axes[0].currentIndex).toBe(5);
    expect(j.outputs.map((o: { name: string }) => o.name)).toEqual(['closingBalance', 'adjustmentFundUsed', 'monthsOfCoverage', 'hospitalsOwed']);
    const f = plain().fund;
    expect(j.points[5].values).toEqual([f.closingBalance, f.adjustmentFundUsed, f.monthsOfCoverage, f.hospitalsOwed]);
  });

  it('a grid prints one matrix per output and lists invalid points with their issues', async () => {
    const r = await cli('sweep', 'scenarios/city.json', '--param', 'fund.adjustmentFundRate', '--from', '0.02', '--to', '0.04', '--step', '0.01',
      '--param2', 'policy.pools[0].share', '--from2', '0.81', '--to2', '0.83', '--step2', '0.01', '--output', 'adjustmentFundUsed', '--output', 'closingBalance', '--workers', '0', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('adjustment fund used (rows: fund.adjustmentFundRate; columns: policy.pools[0].share; * = current):');
    expect(r.out).toContain('closing balance (rows:');
    expect(r.out).toContain('0.82*');
    expect(r.out).toContain('6 invalid points:');
    expect(r.out).toContain('fund.adjustmentFundRate = 0.02, policy.pools[0].share = 0.81: policy.pools: pool shares must add up to 1; they add up to 0.99');
  });

  it('--tornado ranks parameters by the spread of one output', async () => {
    const r = await cli('sweep', 'scenarios/city.json', '--tornado', 'policy.deposit.rates.hospital,fund.budget,fund.adjustmentFundRate', '--pct', '10', '--output', 'closingBalance', '--json', '--workers', '0');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.change).toBe('0.1');
    expect(j.entries.map((e: { param: { path: string } }) => e.param.path)).toEqual(['fund.budget', 'fund.adjustmentFundRate', 'policy.deposit.rates.hospital']);
    expect(j.entries[0].low).toBe('2880000000.00');
    const text = await cli('sweep', 'scenarios/city.json', '--tornado', 'fund.budget,fund.adjustmentFundRate', '--pct', '10', '--workers', '0', '--lang', 'en');
    expect(text.out).toMatch(/^\s+1\s+Fund expenditure budget\s+fund\.budget/m);
  });

  it('runs the sweeps kept in the file (analysis.sweeps)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-sweep-'));
    const file = join(dir, 'with-sweeps.json');
    writeFileSync(file, JSON.stringify({
      ...JSON.parse(readFileSync('scenarios/city.json', 'utf8')),
      analysis: { sweeps: [
        { kind: 'sweep', name: 'deposit', param: { path: 'policy.deposit.rates.hospital', from: '0.08', to: '0.12', step: '0.02' }, outputs: ['closingBalance'] },
        { kind: 'tornado', name: 'tornado', params: ['fund.budget', 'fund.adjustmentFundRate'], change: '0.05' },
      ] },
    }));
    const r = await cli('sweep', file, '--workers', '0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('== deposit ==');
    expect(r.out).toContain('== tornado ==');
    const j = JSON.parse((await cli('sweep', file, '--json', '--workers', '0')).out);
    expect(j.map((d: { name: string; result: { kind: string } }) => [d.name, d.result.kind])).toEqual([['deposit', 'sweep'], ['tornado', 'tornado']]);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync('scenarios/city.json', 'utf8')), analysis: { sweeps: [{ kind: 'sweep', param: { path: 'fund.nothing', from: '0', to: '1', step: '1' } }] } }));
    const bad = await cli('sweep', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${file}: analysis.sweeps[0].param.path:`);
  });

  it('--xlsx writes one sheet per output, numbers with number formats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-sweep-'));
    const out = join(dir, 'sweep.xlsx');
    const r = await cli('sweep', 'scenarios/city.json', ...DEPOSIT, '--output', 'closingBalance', '--output', 'monthsOfCoverage', '--xlsx', out, '--workers', '0', '--lang', 'en');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['closing balance', 'months of coverage']);
    const ws = wb.getWorksheet('closing balance')!;
    expect(ws.rowCount).toBe(12);
    const row = ws.getRow(7);
    expect(row.getCell(1).value).toBe(0.1);
    expect(row.getCell(2).value).toBe(Number(plain().fund.closingBalance));
    expect(row.getCell(2).numFmt).toBe('#,##0.00');
    expect(row.getCell(3).value).toBe('current');
  });

  it('--list shows the sweepable parameters with kind, range and current value', async () => {
    const r = await cli('sweep', 'scenarios/city.json', '--list', '--json');
    const list = JSON.parse(r.out);
    expect(list.find((p: { path: string }) => p.path === 'policy.surplus.tiers[0].share')).toMatchObject({ kind: 'share', min: '0', max: '1', current: '0.7' });
    expect(list.find((p: { path: string }) => p.path === 'fund.budget')).toMatchObject({ kind: 'amount', current: '3200000000.00' });
    const text = await cli('sweep', 'scenarios/city.json', '--list', '--lang', 'zh');
    expect(text.out).toContain('保证金比例（医院）');
  });

  it('usage errors name the flag (exit 2)', async () => {
    const r = await cli('sweep', 'scenarios/city.json', '--param', 'fund.adjustmentFundRate', '--from', '0', '--to', '1', '--step', '0.01', '--output', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--step: the range gives 101 values; at most 50');
    expect(r.err).toContain('--output nope: unknown output "nope"');
    expect((await cli('sweep', 'scenarios/city.json', '--param', 'fund.budget')).code).toBe(2);
    expect((await cli('sweep', 'scenarios/city.json', '--tornado', 'fund.budget')).code).toBe(2);
    expect((await cli('sweep', 'scenarios/city.json', '--tornado', 'fund.budget', '--pct', '0')).code).toBe(2);
    expect((await cli('sweep', 'scenarios/city.json')).code).toBe(2); // no sweep in the file, none given
    expect((await cli('sweep', 'scenarios/city.json', ...DEPOSIT, '--workers', 'many')).code).toBe(2);
  });
});
