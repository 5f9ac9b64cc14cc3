import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { hospitalsCsv, resultsWorkbook } from '../../src/sheets/export.ts';
import { shiftPoint } from '../../src/display/number.ts';
import { runScenario } from '../../src/engine/run.ts';
import { fingerprint } from '../../src/engine/fingerprint.ts';
import type { Scenario } from '../../src/format/types.ts';
import { fullScenario, readBack } from './helpers.ts';

const num = (s: string) => Number(s);
function variant(): Scenario {
  const s = fullScenario();
  s.meta.name = '方案B';
  s.policy.deposit.rates.hospital = '0.08';
  s.policy.sources!['policy.deposit.rates.hospital'] = { document: '本地协商方案', status: 'assumption' };
  s.hospitals[0]!.history[2] = '7000000.00';
  return s;
}

/** Rows of a sheet as arrays (1-based columns → 0-based). */
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
};
const findRow = (ws: ExcelJS.Worksheet, col: number, v: unknown) => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => { if (!found && r.getCell(col).value === v) found = r; });
  if (!found) throw new Error(`no row with ${String(v)} in column ${col} of ${ws.name}`);
  return found;
};

describe('the results workbook', async () => {
  const base = fullScenario();
  const b = variant();
  const rb = runScenario(base);
  const rv = runScenario(b);
  const bytes = await resultsWorkbook({ lang: 'zh', scenarios: [{ name: '基线', scenario: base, result: rb, fingerprint: 'sha256:given' }, { name: '方案B', scenario: b, result: rv }] });
  const wb = await readBack(bytes);

  it('has the sheets, with frozen header rows', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['基金汇总', '机构结果-基线', '机构结果-方案B', '月度拨付', '方案对比', '参数与出处', '机构数据-基线', '机构数据-方案B']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(8);
    }
  });

  it('fund summary: a number per scenario and the exact difference against the first', () => {
    const ws = wb.getWorksheet('基金汇总')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['项目（元）', '基线', '方案B', '差额 方案B']);
    const g = findRow(ws, 1, '年度总额控制目标');
    expect(g.getCell(2).value).toBe(num(rb.fund.globalTarget));
    expect(g.getCell(2).numFmt).toBe('#,##0.00');
    const owed = findRow(ws, 1, '应付医疗机构');
    expect(owed.getCell(3).value).toBe(num(rv.fund.hospitalsOwed));
    expect(owed.getCell(4).value).toBe((Math.round(num(rv.fund.hospitalsOwed) * 100) - Math.round(num(rb.fund.hospitalsOwed) * 100)) / 100);
    const months = findRow(ws, 1, '可支付月数');
    expect(months.getCell(2).value).toBe(num(rb.fund.monthsOfCoverage!));
    expect(months.getCell(2).numFmt).toBe('0.00');
    expect(findRow(ws, 1, '当年结存率').getCell(2).numFmt).toBe('0.00%');
    expect(findRow(ws, 1, '  异地就医').getCell(2).value).toBe(800000);
  });

  it('hospitals: every result field, amounts as numbers with #,##0.00', () => {
    const ws = wb.getWorksheet('机构结果-基线')!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(0, 5)).toEqual(['机构编码', '机构名称', '级别', '类别', '机构类型']);
    expect(head).toEqual(expect.arrayContaining(['总额控制指标（元）', '质量保证金（元）', '暂缓拨付（元）', '结余留用（元）', '基金分担（元）', '返还保证金（元）', '扣除保证金（元）', '年终应付（元）', '清算补（扣）（元）']));
    expect(ws.rowCount).toBe(1 + base.hospitals.length);
    const col = (h: string) => head.indexOf(h) + 1;
    rb.hospitals.forEach((h, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(h.id);
      for (const [label, v] of [['总额控制指标（元）', h.target], ['质量保证金（元）', h.deposit], ['年终应付（元）', h.owed], ['清算补（扣）（元）', h.balance]] as const) {
        const cell = row.getCell(col(label));
        expect(typeof cell.value).toBe('number');
        expect(cell.value).toBe(num(v));
        expect(cell.numFmt).toBe('#,##0.00');
      }
    });
    expect(ws.getRow(2).getCell(3).value).toBe('三级');
    expect(ws.views[0]).toMatchObject({ xSplit: 2 });
  });

  it('monthly: totals and per hospital; cumulative deferred ends at the year\'s deferred', () => {
    const ws = wb.getWorksheet('月度拨付')!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['方案', '机构编码', '机构名称', '项目（元）', '1月']);
    const rows = rowsOf(ws);
    const paidAll = rows.find((r) => r[0] === '基线' && r[2] === '全部机构' && r[3] === '拨付')!;
    expect(paidAll[16]).toBe(num(rb.fund.totalPaid));
    for (const h of rb.hospitals) {
      const paid = rows.find((r) => r[0] === '基线' && r[1] === h.id && r[3] === '拨付')!;
      expect(paid.slice(4, 16)).toEqual(h.paid.map(num));
      const deferred = rows.find((r) => r[0] === '基线' && r[1] === h.id && r[3] === '累计暂缓拨付')!;
      expect(deferred[15]).toBe(num(h.deferred));
      expect(deferred[16]).toBe(num(h.deferred));
    }
  });

  it('comparison: target, owed and balance per scenario with deltas against the baseline', () => {
    const ws = wb.getWorksheet('方案对比')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['机构编码', '机构名称', '基线 指标', '基线 年终应付', '基线 清算补（扣）', '方案B 指标', '方案B 年终应付', '方案B 清算补（扣）', '差额 方案B 指标', '差额 方案B 年终应付', '差额 方案B 清算补（扣）']);
    const r = findRow(ws, 1, 'H001');
    const fen = (s: string) => Math.round(num(s) * 100);
    expect(r.getCell(3).value).toBe(num(rb.hospitals[0]!.target));
    expect(r.getCell(9).value).toBe((fen(rv.hospitals[0]!.target) - fen(rb.hospitals[0]!.target)) / 100);
    expect(r.getCell(9).numFmt).toBe('#,##0.00');
  });

  it('parameters: every value per scenario with its provenance, and the fingerprints', () => {
    const ws = wb.getWorksheet('参数与出处')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['参数', '路径', '基线', '方案B', '依据文件', '文号', '条款', '日期', '性质', '说明', '其他方案的来源']);
    const fp = findRow(ws, 2, 'fingerprint');
    expect(fp.getCell(3).value).toBe('sha256:given');
    expect(fp.getCell(4).value).toBe(fingerprint(rv));
    const dep = findRow(ws, 2, 'policy.deposit.rates.hospital');
    expect((dep.values as unknown[]).slice(1, 11)).toEqual(['保证金比例（医院）', 'policy.deposit.rates.hospital', 0.1, 0.08, '关于开展基本医疗保险付费总额控制的意见', '人社部发〔2012〕70号', '三、4', '2012-11-14', '官方文件', '预留10%左右的质量保证金']);
    expect(dep.getCell(11).value).toBe('方案B: 本地协商方案 假设');
    const hw = findRow(ws, 2, 'policy.historyWeights');
    expect(hw.getCell(3).value).toBe('0.2, 0.3, 0.5');
    expect(hw.getCell(9).value).toBe('假设');
    const budget = findRow(ws, 2, 'fund.budget');
    expect(budget.getCell(3).value).toBe(20000000);
    expect(budget.getCell(3).numFmt).toBe('#,##0.00');
    const locked = findRow(ws, 2, 'hospitals[1].lockedTarget');
    expect(locked.getCell(3).value).toBe(3300000);
    expect(locked.getCell(5).value).toBe('协商谈判纪要');
    expect(findRow(ws, 2, 'fund.carveOuts[id=offsite].amount').getCell(1).value).toBe('单列金额（异地就医）');
    expect(findRow(ws, 2, 'policy.quality.indicators[id=timeliness].weight').getCell(3).value).toBe(1);
  });
});

describe('one scenario, English, in 万元', async () => {
  const s = fullScenario();
  const r = runScenario(s);
  const wb = await readBack(await resultsWorkbook({ lang: 'en', unit: 'wan', scenarios: [{ name: 'Base', scenario: s, result: r }] }));

  it('English sheet names and headers; amounts divided by 10,000', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Fund summary', 'Hospitals', 'Monthly', 'Comparison', 'Parameters and sources', 'Institution data']);
    const fund = wb.getWorksheet('Fund summary')!;
    expect(fund.getCell('A1').value).toBe('Item (10k yuan)');
    expect(findRow(fund, 1, 'Global target').getCell(2).value).toBe(num(r.fund.globalTarget) / 10000);
    const hs = wb.getWorksheet('Hospitals')!;
    expect(hs.getCell('A1').value).toBe('Institution code');
    expect(findRow(wb.getWorksheet('Parameters and sources')!, 2, 'policy.deposit.rates.hospital').getCell(8).value).toBe('official');
  });
});

describe('hospitals CSV', () => {
  it('UTF-8 with BOM, exact decimal text, Chinese headers', () => {
    const s = fullScenario();
    const r = runScenario(s);
    const csv = hospitalsCsv(r, s, 'zh');
    expect(csv.startsWith('\uFEFF机构编码,机构名称,级别,类别,机构类型,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + s.hospitals.length);
    const head = lines[0]!.split(',');
    const first = lines[1]!.split(',');
    expect(first[0]).toBe('H001');
    expect(first[head.indexOf('总额控制指标（元）')]).toBe(r.hospitals[0]!.target);
    expect(first[head.indexOf('年终应付（元）')]).toBe(r.hospitals[0]!.owed);
    // Pools by name, rates as percentages, amounts in the unit chosen with every digit kept.
    expect(first[head.indexOf('分配池')]).toBe(s.policy.pools?.find((p) => p.id === r.hospitals[0]!.pool)?.name ?? r.hospitals[0]!.pool);
    expect(head).toContain('权重占比（%）');
    const wan = hospitalsCsv(r, s, 'zh', 'wan').slice(1).split('\r\n');
    const wanHead = wan[0]!.split(',');
    expect(wanHead).toContain('总额控制指标（万元）');
    expect(wan[1]!.split(',')[wanHead.indexOf('总额控制指标（万元）')]).toBe(shiftPoint(r.hospitals[0]!.target, -4));
    expect(hospitalsCsv(r, s, 'en').split('\r\n')[0]).toMatch(/^\uFEFFInstitution code,Name,Level/);
    s.hospitals[0]!.name = '=HYPERLINK("http://x")';
    expect(hospitalsCsv(r, s, 'zh').split('\r\n')[1]).toMatch(/^H001,"'=HYPERLINK\(""http:\/\/x""\)",/);
    // Every payload OWASP lists is neutralised, `-digit` included; amounts (negative too) stay numbers.
    for (const name of ["-2+3+cmd|' /C calc'!A0", '+1', '@SUM(A1)', '\t=1', '\r=1', '-A1']) {
      s.hospitals[0]!.name = name;
      const cell = Papa.parse<string[]>(hospitalsCsv(r, s, 'zh').slice(1)).data[1]![1]!;
      expect(cell).toBe(`'${name}`);
    }
    const balanceCol = hospitalsCsv(r, s, 'zh').slice(1).split('\r\n')[0]!.split(',').findIndex((h) => h.startsWith('清算补'));
    const negatives = Papa.parse<string[]>(hospitalsCsv(r, s, 'zh').slice(1)).data.slice(1).map((row) => row[balanceCol]).filter((v) => v?.startsWith('-'));
    expect(negatives.length).toBeGreaterThan(0);
    for (const v of negatives) expect(v).toMatch(/^-\d+(\.\d+)?$/);
  });
});
