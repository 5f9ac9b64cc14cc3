import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { runScenario } from '../../src/engine/run.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { fingerprint } from '../../src/engine/fingerprint.ts';
import { addVariant, newWorkspace, scenarioOf, setVariantChanges } from '../../src/workspace/workspace.ts';
import { saveWorkspace } from '../../src/workspace/file.ts';
import { runYears } from '../../src/engine/years.ts';
import { yearsOutcome } from '../../src/engine/years-outcome.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const city = () => {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city invalid');
  return r.scenario;
};

describe('gbsim years', () => {
  it('prints the fund path per year, the saver and the spender, and each year\'s fingerprint', async () => {
    const r = await cli('years', 'scenarios/city.json', '--years', '4', '--budget-growth', '0.03', '--revenue-growth', '0.03', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('4 years from 2025');
    expect(r.out).toContain('base rule (基数规则): actual');
    for (const y of ['2025', '2026', '2027', '2028']) expect(r.out).toMatch(new RegExp(`^${y}  `, 'm'));
    expect(r.out).toMatch(/Saver \(结余最多\): \S+ .+ cumulative surplus rate/);
    expect(r.out).toMatch(/Spender \(超支最多\): /);
    // Year one is the plain run: its fingerprint is the one `gbsim run` shows.
    expect(r.out).toContain(fingerprint(runScenario(city())));
  });

  it('--lang zh prints every heading, column and line in Chinese, in the glossary\'s and the years tab\'s words; --lang en keeps English', async () => {
    const args = ['years', 'scenarios/city.json', '--years', '3', '--budget-growth', '0.03'];
    const zh = await cli(...args, '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('多年度测算 3 年（自 2025 年起），80 家机构，金额单位：元');
    expect(zh.out).toContain('下一年基数：按实际发生（结余机构下年基数下降，即“鞭打快牛”）；基金支出预算年增长率 3.00%，基金收入年增长率 0.00%；协商锁定指标：以后各年保持');
    expect(zh.out).toContain('基金运行：');
    for (const w of ['年度', '基金支出预算', '当年基金收入', '年度总额控制目标', '年终清算调剂金', '调剂金使用', '应付医疗机构', '基金支出合计', '上年末累计结存',
      '年末累计结存', '可支付月数', '当年结存率', '累计结存率', '结果指纹']) expect(zh.out).toMatch(new RegExp(`^年度 .*${w}`, 'm'));
    expect(zh.out).toMatch(/^结余最多的机构：\S+ .+ — 累计结余率 \d+\.\d\d%（Σ实际发生 − Σ总额控制指标 = /m);
    expect(zh.out).toMatch(/^超支最多的机构：\S+ .+ — 累计超支率 \d+\.\d\d%/m);
    expect(zh.out).toMatch(/^年度 +总额控制指标 +全年申报 +实际发生 +结余\(\+\)\/超支\(−\)率 +结余留用\/奖励 +基金分担超支 +年终应付 +下年基数$/m);
    for (const y of ['2025', '2026', '2027']) expect(zh.out).toMatch(new RegExp(`^${y}  `, 'm'));
    // No English word of the headings, columns or sentences is left (the scenario's own name aside).
    expect(zh.out).not.toMatch(/\b(years?|institutions|amounts|base rule|budget|revenue|global target|adj\. fund|owed|expenditure|opening|closing|months|surplus|fingerprint|Saver|Spender|target|claims|actual|reward|fund share|next base|none)\b/i);
    const en = await cli(...args, '--lang', 'en');
    expect(en.out).toContain('3 years from 2025, 80 institutions, amounts in 元');
    expect(en.out).toContain('budget growth 3.00%, revenue growth 0.00%');
    expect(en.out).toMatch(/^year +budget +revenue +global target .+closing balance +months of coverage +current surplus rate +cumulative surplus rate +fingerprint$/m);
    expect(en.out).toMatch(/^year +target +claims +actual +surplus\/-over rate +reward +fund share +owed +next base$/m);
    expect(en.out).not.toMatch(/基金运行：|年末累计结存|结余最多的机构/);
    // The same figures in both languages; the JSON does not depend on the language.
    expect(zh.out.match(/sha256:[0-9a-f]{16}/g)).toEqual(en.out.match(/sha256:[0-9a-f]{16}/g));
    const jzh = await cli(...args, '--json', '--lang', 'zh');
    expect(jzh.out).toBe((await cli(...args, '--json', '--lang', 'en')).out);
    expect(JSON.parse(jzh.out).params.budgetGrowth).toBe('0.03');
  });

  it('--json carries the parameters, fund figures, columns and fingerprints; the same twice', async () => {
    const a = await cli('years', 'scenarios/city.json', '--years', '3', '--base-rule', 'target', '--json');
    const b = await cli('years', 'scenarios/city.json', '--years', '3', '--base-rule', 'target', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const j = JSON.parse(a.out);
    expect(j.params).toMatchObject({ years: 3, baseRule: 'target', budgetGrowth: '0', revenueGrowth: '0' });
    expect(j.years).toHaveLength(3);
    expect(j.years[0].fund).toEqual(runScenario(city()).fund);
    expect(j.years[1].fund.openingBalance).toBe(j.years[0].fund.closingBalance);
    expect(j.years[1].hospitals.target).toHaveLength(80);
    expect(j.years[0].hospitals.basis).toEqual(j.years[0].hospitals.target); // rule target
    const fen = (s: string) => BigInt(s.replace('.', ''));
    for (const y of j.years) expect(y.hospitals.owed.reduce((s: bigint, x: string) => s + fen(x), 0n)).toBe(fen(y.fund.hospitalsOwed));
    expect(j.years[2].fingerprint).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('takes the file\'s analysis.years, flags override it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-years-'));
    const file = join(dir, 'with-years.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync('scenarios/city.json', 'utf8')), analysis: { years: { years: 2, baseRule: 'actualPlusRetained' } } }));
    const fromFile = JSON.parse((await cli('years', file, '--json')).out);
    expect(fromFile.params).toMatchObject({ years: 2, baseRule: 'actualPlusRetained' });
    const flagged = JSON.parse((await cli('years', file, '--json', '--years', '3')).out);
    expect(flagged.params).toMatchObject({ years: 3, baseRule: 'actualPlusRetained' });
  });

  it('--xlsx writes the fund path and one sheet per institution figure, numbers with formats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-years-'));
    const out = join(dir, 'years.xlsx');
    const r = await cli('years', 'scenarios/city.json', '--years', '3', '--xlsx', out, '--lang', 'en');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Fund path', 'target', 'claims', 'actual', 'reward', 'fund share', 'owed', 'next base']);
    const fund = wb.getWorksheet('Fund path')!;
    expect(fund.rowCount).toBe(4);
    const closing = fund.getRow(2).getCell(10);
    expect(fund.getRow(1).getCell(10).value).toBe('closing balance');
    expect(typeof closing.value).toBe('number');
    expect(closing.numFmt).toBe('#,##0.00');
    const j = JSON.parse((await cli('years', 'scenarios/city.json', '--years', '3', '--json')).out);
    expect(closing.value).toBe(Number(j.years[0].fund.closingBalance));
    const owed = wb.getWorksheet('owed')!;
    expect(owed.rowCount).toBe(81);
    expect(owed.getRow(2).getCell(3).value).toBe(Number(j.years[0].hospitals.owed[0]));
  });

  it('usage errors exit 2, a bad file exits 1', async () => {
    expect((await cli('years', 'scenarios/city.json', '--years', '11')).code).toBe(2);
    expect((await cli('years', 'scenarios/city.json', '--base-rule', 'ratchet')).code).toBe(2);
    expect((await cli('years', 'scenarios/city.json', '--budget-growth', '3%')).code).toBe(2);
    expect((await cli('years')).code).toBe(2);
    const missing = await cli('years', 'no/such.json');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no/such.json');
  });

  it('a workspace file: every scenario under the flags given, side by side and each in full (its workbook: tests/cli/years-xlsx.test.ts)', async () => {
    const a = addVariant(newWorkspace(city()), '保证金 8%');
    const ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' }]);
    const path = join(mkdtempSync(join(tmpdir(), 'gbsim-years-ws-')), 'ws.json');
    writeFileSync(path, saveWorkspace(ws));
    const j = JSON.parse((await cli('years', path, '--years', '3', '--base-rule', 'target', '--json')).out);
    expect(j.scenarios.map((x: { name: string }) => x.name)).toEqual([ws.baseline.meta.name, '保证金 8%']);
    for (const [k, ref] of [[0, 'baseline'], [1, a.id]] as const) {
      const run = runYears(scenarioOf(ws, ref), { years: 3, baseRule: 'target' });
      expect(j.scenarios[k].years.map((y: { fund: { closingBalance: string } }) => y.fund.closingBalance)).toEqual(run.years.map((y) => y.fund.closingBalance));
      expect(j.scenarios[k].params.years).toBe(3);
    }
    expect(j.scenarios[0].years[2].fund.closingBalance).not.toBe(j.scenarios[1].years[2].fund.closingBalance);
    const t = await cli('years', path, '--years', '3', '--lang', 'en');
    expect(t.code).toBe(0);
    expect(t.out).toContain('2 scenarios over the same 3 years');
    expect(t.out).toContain('== 保证金 8% ==');
    const zh = await cli('years', path, '--years', '3', '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('2 个方案同期比较：3 年，下一年基数按实际发生；金额单位：元');
    expect(zh.out).toMatch(new RegExp(`^年度 +${ws.baseline.meta.name.replace(/[()（）]/g, '.')}：年末累计结存 .+保证金 8%：当年结存率$`, 'm'));
    expect(zh.out).toContain('== 保证金 8% ==');
    expect(zh.out).not.toMatch(/scenarios|closing balance|months of coverage|amounts in/);
    expect((await cli('years', path, '--years', '3', '--json', '--lang', 'zh')).out).toBe((await cli('years', path, '--years', '3', '--json', '--lang', 'en')).out);
  });

  it('a workspace file: each scenario under its own analysis.years, the paths the app computes (the flags given override them for all)', async () => {
    const base = { ...city(), analysis: { years: { years: 3, baseRule: 'actual' as const } } };
    const a = addVariant(newWorkspace(base), '按总额控制指标');
    const ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['analysis', 'years', 'baseRule'], value: 'target' }]);
    const path = join(mkdtempSync(join(tmpdir(), 'gbsim-years-own-')), 'ws.json');
    writeFileSync(path, saveWorkspace(ws));
    const j = JSON.parse((await cli('years', path, '--json')).out);
    expect(j.scenarios.map((x: { params: { baseRule: string } }) => x.params.baseRule)).toEqual(['actual', 'target']);
    type Year = { fingerprint: string; fund: unknown; hospitals: { target: string[]; basis: string[] } };
    for (const [k, ref] of [[0, 'baseline'], [1, a.id]] as const) {
      // What the page's analysis worker computes for the scenario (workers/analysis.worker.ts: yearsOutcome(s)).
      const app = yearsOutcome(scenarioOf(ws, ref));
      if (!app.ok) throw new Error('years');
      expect(j.scenarios[k].params).toEqual(app.run.params);
      expect(j.scenarios[k].years.map((y: Year) => y.fund)).toEqual(JSON.parse(JSON.stringify(app.run.years.map((y) => y.fund))));
      expect(j.scenarios[k].years.map((y: Year) => y.fingerprint)).toEqual(app.fingerprints);
    }
    // The two rules give different second-year targets.
    expect(j.scenarios[0].years[1].hospitals.target).not.toEqual(j.scenarios[1].years[1].hospitals.target);
    const t = await cli('years', path, '--lang', 'en');
    expect(t.code).toBe(0);
    expect(t.out).toContain('2 scenarios, each under its own analysis.years');
    expect(t.out).toMatch(/== 按总额控制指标 ==\n.*\nbase rule \(基数规则\): target/);
    const tz = await cli('years', path, '--lang', 'zh');
    expect(tz.out).toContain('2 个方案，各按本方案的多年度测算参数（analysis.years）：');
    expect(tz.out).toContain('按总额控制指标 3 年、下一年基数按总额控制指标');
    expect(tz.out).toMatch(/== 按总额控制指标 ==\n.*\n下一年基数：按总额控制指标（结余不降低下年基数）/);
    // A flag given overrides every scenario's own.
    const f = JSON.parse((await cli('years', path, '--json', '--base-rule', 'actual')).out);
    expect(f.scenarios.map((x: { params: { baseRule: string } }) => x.params.baseRule)).toEqual(['actual', 'actual']);
    const forced = runYears(scenarioOf(ws, a.id), { baseRule: 'actual' });
    expect(f.scenarios[1].years.map((y: Year) => y.fingerprint)).toHaveLength(forced.years.length);
    expect(f.scenarios[1].years.map((y: { fund: { closingBalance: string } }) => y.fund.closingBalance)).toEqual(forced.years.map((y) => y.fund.closingBalance));
  });
});
