import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { runScenario } from '../../src/engine/run.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { paramValue } from '../../src/display/analysis.ts';

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
    expect(r.out).toContain('(share): 5.00% … 15.00%, 11 values; current 10.00%');
    // A rate is shown as a percentage (the file's 0.08 is 8.00%).
    const rows = r.out.split('\n').filter((l) => /^\s*\d+\.\d\d%\s/.test(l));
    expect(rows).toHaveLength(11);
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['5.00%', '6.00%', '7.00%', '8.00%', '9.00%', '10.00%', '11.00%', '12.00%', '13.00%', '14.00%',
      '15.00%']);
    expect(r.out).not.toMatch(/^\s*0\.08\s/m);
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
    expect(r.out).toContain('82.00%*');
    expect(r.out).toMatch(/^3\.00%\*/m);
    expect(r.out).toContain('6 invalid points:');
    expect(r.out).toContain('Adjustment fund rate = 2.00%, Pool share (医院（含门诊慢特病机构）) = 81.00%: Pools: pool shares must add up to 100%; they add up to 99% (policy.pools)');
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
    // A rate's current, low and high values as percentages; an amount's grouped.
    expect(text.out).toMatch(/^\s+2\s+Adjustment fund rate\s+fund\.adjustmentFundRate\s+3\.00%\s+2\.70%\s+3\.30%\s/m);
    expect(text.out).toMatch(/fund\.budget\s+3,200,000,000\.00\s+2,880,000,000\.00\s+3,520,000,000\.00\s/);
  });

  it('--lang zh prints the sweep and the tornado in Chinese (glossary names, the sweeps tab\'s words); --lang en keeps English; the JSON is the same', async () => {
    const sweep = ['sweep', 'scenarios/city.json', '--param', 'policy.deposit.rates.hospital', '--from', '0', '--to', '0.1', '--step', '0.02', '--workers', '0'];
    const zh = await cli(...sweep, '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('参数扫描：保证金比例（医院） policy.deposit.rates.hospital（比例）：0.00% … 10.00%，共 6 个取值；当前值 10.00%');
    expect(zh.out).toContain('金额单位：元；每个点均为一次精确测算。');
    expect(zh.out).toMatch(/^ *取值 +年末累计结存 +调剂金使用 +可支付月数 +应付医疗机构 +说明$/m);
    expect(zh.out).toMatch(/^ *8\.00% .*\d$/m);
    expect(zh.out).toMatch(/^10\.00% .*◀ 当前值$/m);
    expect(zh.out).not.toMatch(/\b(value|note|current|Sweep|Amounts|every point|closing balance|months of coverage|owed|share)\b/);
    expect(zh.err).toContain('参数扫描：6 个点及原方案，各为一次精确测算，在本线程中运行');
    const en = await cli(...sweep, '--lang', 'en');
    expect(en.out).toContain('Sweep of Deposit rate (hospital) policy.deposit.rates.hospital (share): 0.00% … 10.00%, 6 values; current 10.00%');
    expect(en.out).toMatch(/^ *value +closing balance +adjustment fund used +months of coverage +owed to institutions +note$/m);
    expect(en.out).toMatch(/^10\.00% .*◀ current$/m);
    expect(en.out).not.toMatch(/参数扫描|取值|当前值/);

    const tornado = ['sweep', 'scenarios/city.json', '--tornado', 'policy.deposit.rates.hospital,fund.adjustmentFundRate', '--pct', '10', '--workers', '0'];
    const tz = await cli(...tornado, '--lang', 'zh');
    expect(tz.code).toBe(0);
    expect(tz.out).toContain('龙卷风图：年末累计结存，各参数分别下调 10%、上调 10%');
    expect(tz.out).toMatch(/^排名 +参数 +路径 +当前值 +−10% +\+10% +−10% 时结果 +\+10% 时结果 +影响幅度$/m);
    expect(tz.out).toMatch(/^ +1 +年终清算调剂金比例 +fund\.adjustmentFundRate +3\.00% +2\.70% +3\.30% /m);
    expect(tz.out).toMatch(/policy\.deposit\.rates\.hospital +10\.00% +9\.00% +11\.00% /);
    expect(tz.out).not.toMatch(/\b(Tornado|rank|parameter|path|current|output|spread|Ranked)\b/);
    const te = await cli(...tornado, '--lang', 'en');
    expect(te.out).toMatch(/^rank +parameter +path +current +−10% +\+10% +output at −10% +output at \+10% +spread$/m);
    expect(te.out).toMatch(/fund\.adjustmentFundRate +3\.00% +2\.70% +3\.30% /);

    for (const args of [sweep, tornado]) {
      const j = (await cli(...args, '--json', '--lang', 'zh')).out;
      expect(j).toBe((await cli(...args, '--json', '--lang', 'en')).out);
      expect(j).not.toMatch(/%/);
    }
    const grid = await cli('sweep', 'scenarios/city.json', '--param', 'fund.adjustmentFundRate', '--from', '0.02', '--to', '0.04', '--step', '0.01',
      '--param2', 'policy.pools[0].share', '--from2', '0.81', '--to2', '0.83', '--step2', '0.01', '--output', 'adjustmentFundUsed', '--workers', '0', '--lang', 'zh');
    expect(grid.out).toContain('调剂金使用（行：fund.adjustmentFundRate；列：policy.pools[0].share；* = 当前值）：');
    expect(grid.out).toContain('6 个无效点：');
    expect(grid.out).toContain('年终清算调剂金比例 = 2.00%，分配池份额（医院（含门诊慢特病机构）） = 81.00%：「分配池」：各分配池份额合计须为 100%，现为 99%（policy.pools）');
    expect(grid.out).not.toMatch(/invalid|rows|columns/);
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
    expect(text.out).toMatch(/^路径 +参数 +类型 +取值范围 +当前值$/m);
    expect(text.out).toMatch(/^fund\.adjustmentFundRate +年终清算调剂金比例 +比例 +\[0\.00%, 100\.00%\] +3\.00%$/m);
    const en = await cli('sweep', 'scenarios/city.json', '--list', '--lang', 'en');
    expect(en.out).toMatch(/^path +parameter +kind +range +current$/m);
    expect(en.out).toMatch(/^fund\.adjustmentFundRate +Adjustment fund rate +share +\[0\.00%, 100\.00%\] +3\.00%$/m);
  });

  it('a rate\'s --from/--to/--step as percentages: the same run as the decimals, converted exactly; the app shows the values alike', async () => {
    const pct = await cli('sweep', 'scenarios/city.json', '--param', 'policy.deposit.rates.hospital', '--from', '5%', '--to', '15%', '--step', '1%', '--workers', '0',
      '--json');
    const dec = await cli('sweep', 'scenarios/city.json', ...DEPOSIT, '--workers', '0', '--json');
    expect(pct.code).toBe(0);
    expect(pct.out).toBe(dec.out);
    const fine = await cli('sweep', 'scenarios/city.json', '--param', 'fund.adjustmentFundRate', '--from', '2.5%', '--to', '0.03', '--step', '0.25%', '--workers', '0',
      '--json');
    expect(JSON.parse(fine.out).axes[0].values).toEqual(['0.025', '0.0275', '0.03']);
    const zh = await cli('sweep', 'scenarios/city.json', '--param', 'fund.adjustmentFundRate', '--from', '2.5%', '--to', '3%', '--step', '0.25%', '--workers', '0',
      '--lang', 'zh');
    const values = zh.out.split('\n').filter((l) => /^\s*\d+\.\d+%\s/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(values).toEqual(['2.50%', '2.75%', '3.00%']);
    // The sweeps tab shows a swept value by the same function (src/display/analysis.ts).
    const param = { kind: 'share', percent: true };
    expect(['0.025', '0.0275', '0.03'].map((v) => paramValue(v, param, 'yuan'))).toEqual(values);
    const amount = await cli('sweep', 'scenarios/city.json', '--param', 'fund.budget', '--from', '5%', '--to', '10%', '--step', '1%', '--workers', '0');
    expect(amount.code).toBe(2);
    expect(amount.err).toContain('--from: fund.budget is not a rate');
    const typo = await cli('sweep', 'scenarios/city.json', '--param', 'fund.adjustmentFundRate', '--from', '2%', '--to', '3%', '--step', 'x%', '--workers', '0');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('--step must be a number or a percentage, not "x%"');
    const t = await cli('sweep', 'scenarios/city.json', '--tornado', 'fund.adjustmentFundRate', '--pct', '10%', '--workers', '0', '--json');
    expect(t.out).toBe((await cli('sweep', 'scenarios/city.json', '--tornado', 'fund.adjustmentFundRate', '--pct', '10', '--workers', '0', '--json')).out);
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
