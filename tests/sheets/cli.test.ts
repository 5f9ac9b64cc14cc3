import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCommand, templateCommand } from '../../src/cli/import.ts';
import { writeXlsx } from '../../src/cli/xlsx.ts';
import type ExcelJS from 'exceljs';
import { loadScenario, saveScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { exportHospitalData, resultsWorkbook } from '../../src/sheets/export.ts';
import { FIXTURES, fullScenario, readBack } from './helpers.ts';

async function run(cmd: typeof importCommand, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cmd(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'gbsim-sheets-'));

describe('gbsim import', () => {
  it('without --base: a new scenario with the default policy, and says so', async () => {
    const out = join(tmp(), 's.json');
    const r = await run(importCommand, join(FIXTURES, 'libreoffice-zh.xlsx'), '-o', out, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`已写入 ${out}：6 家机构`);
    expect(r.err).toContain('libreoffice-zh.xlsx [定点机构数据]: 表头在第 3 行，数据 7 行，有效 6 行，错误 0 个');
    expect(r.err).toContain('未指定 --base，已按默认政策新建方案');
    expect(r.err).toContain('医院/住院 10%、门诊慢特病 5%、基层 2%');
    const loaded = loadScenario(readFileSync(out, 'utf8'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const s = loaded.scenario;
    expect(s.meta.year).toBe(2025);
    expect(s.policy.deposit.rates).toEqual({ hospital: '0.1', inpatient: '0.1', primary: '0.02', chronic: '0.05' });
    expect(s.policy.historyWeights).toEqual(['0.2', '0.3', '0.5']);
    expect(s.policy.sources!['policy.deposit.rates.hospital']!.status).toBe('official');
    expect(s.policy.sources!['fund.adjustmentFundRate']!.status).toBe('assumption');
    expect(s.fund.budget).toBe('82420000.65');
    expect(runScenario(s).hospitals).toHaveLength(6);
  });

  it('errors: exit 1 with the per-cell report, nothing written; --only-valid imports the rest', async () => {
    const dir = tmp();
    const out = join(dir, 's.json');
    const r = await run(importCommand, join(FIXTURES, 'bad-rows.xlsx'), '-o', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.err).toContain('数据!H4 row 4 "History 2024" (B02 乙医院): not an amount ("abc")');
    expect(r.err).toContain('数据!L8 row 8 "Advance eligible" (B06 己医院): must be yes or no ("maybe")');
    expect(r.err).toContain('数据!A10 row 10 "Institution code": institution code "B01" is repeated: rows 3, 10 all carry it');
    expect(r.err).toContain('add --only-valid to import only the 1 valid row');
    const ok = await run(importCommand, join(FIXTURES, 'bad-rows.xlsx'), '-o', out, '--only-valid', '--lang', 'zh');
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('以下 7 行有错误，未导入：');
    expect(ok.err).toContain('数据!H4 第 4 行「2024年支出」（B02 乙医院）: 不是金额（“abc”）');
    const s = JSON.parse(readFileSync(out, 'utf8'));
    // Neither row of the repeated code B01 is imported.
    expect(s.hospitals.map((h: { id: string }) => h.id)).toEqual(['B07']);
  });

  it('--base with --mode merge and replace', async () => {
    const dir = tmp();
    const base = fullScenario();
    const basePath = join(dir, 'base.json');
    writeFileSync(basePath, saveScenario(base));
    const update = fullScenario();
    update.hospitals = [{ ...update.hospitals[0]!, name: '改名医院', history: ['1.00', '2.00', '3.00'] }];
    const sheet = join(dir, 'update.xlsx');
    writeFileSync(sheet, await exportHospitalData(update, 'zh'));
    const merged = join(dir, 'merged.json');
    expect((await run(importCommand, sheet, '--base', basePath, '--mode', 'merge', '-o', merged)).code).toBe(0);
    const m = JSON.parse(readFileSync(merged, 'utf8'));
    expect(m.hospitals).toHaveLength(4);
    expect(m.hospitals[0].name).toBe('改名医院');
    expect(m.hospitals[1]).toEqual(base.hospitals[1]);
    const replaced = join(dir, 'replaced.json');
    const rr = await run(importCommand, sheet, '--base', basePath, '--mode', 'replace', '-o', replaced, '--lang', 'en');
    expect(rr.code).toBe(0);
    expect(rr.out).toBe(`wrote ${replaced}: 1 institutions (replacing those of ${basePath})`);
    expect(JSON.parse(readFileSync(replaced, 'utf8')).hospitals).toHaveLength(1);
  });

  it('a class without a deposit rate is reported with its sheet row', async () => {
    const dir = tmp();
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, '机构编码,机构名称,级别,类别,机构类型,历史支出1\r\nA,甲,二级,综合,医院,100\r\nB,乙,二级,综合,特殊机构,100\r\n');
    const r = await run(importCommand, csv, '-o', join(dir, 'o.json'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('row 3 "Class" (B 乙): class "特殊机构" has no deposit rate, so the scenario cannot be computed — use a class that has a deposit rate: "hospital"');
    expect(r.err).not.toContain('hospitals[1]');
    const zh = await run(importCommand, csv, '-o', join(dir, 'o.json'), '--lang', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('第 3 行「机构类型」（B 乙）：机构类型「特殊机构」没有保证金比例，方案无法计算 — 请改为已有保证金比例的类型：医院');
    expect(zh.err).not.toMatch(/hospitals\[|policy\.|\bclass\b/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(importCommand, 'a.xlsx')).code).toBe(2);
    expect((await run(importCommand, '-o', 'x.json')).code).toBe(2);
    expect((await run(importCommand, 'a.xlsx', '-o', 'x.json', '--mode', 'merge')).code).toBe(2);
    expect((await run(importCommand, 'a.xlsx', '-o', 'x.json', '--base', 'b.json', '--mode', 'upsert')).code).toBe(2);
    expect((await run(importCommand, 'a.xlsx', '-o', 'x.json', '--bogus')).code).toBe(2);
    expect((await run(importCommand, join(tmp(), 'missing.xlsx'), '-o', 'x.json')).code).toBe(1);
  });

  it('a scenario or workspace file is checked through the gate and refused, naming the command that takes it; other files say what they seem to be', async () => {
    const dir = tmp();
    const out = join(dir, 'out.json');
    const city = readFileSync(join(FIXTURES, '..', '..', '..', 'scenarios', 'city.json'), 'utf8');
    const scen = join(dir, '方案'); // told by its bytes, not its name
    writeFileSync(scen, city);
    let r = await run(importCommand, scen, '-o', out, '--lang', 'zh');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${scen} 是方案文件（已通过检查，80 家机构），不是机构数据表格`);
    expect(r.err).toContain(`gbsim run ${scen}`);
    expect(r.err).toContain(`--base ${scen}`);
    expect(existsSync(out)).toBe(false);
    const ws = join(dir, 'ws.json');
    writeFileSync(ws, JSON.stringify({ format: 'gbsim-workspace', version: 1, baseline: JSON.parse(city), variants: [] }));
    r = await run(importCommand, ws, '-o', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${ws} is a workspace file (it passes the check: the baseline and 0 alternatives, 80 institutions)`);
    expect(r.err).toContain(`gbsim years ${ws}`);
    // A scenario that fails the gate: the gate's own answer, naming the institution and field.
    const bad = JSON.parse(city);
    bad.hospitals[0].class = 'inpatient';
    writeFileSync(scen, JSON.stringify(bad));
    r = await run(importCommand, scen, '-o', out, '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.err).toContain('作为工作区或方案文件未通过检查');
    expect(r.err).toContain('「T01 示例市第一人民医院」的「机构类型」：机构类型「住院」不属于任何分配池');
    const pdf = join(dir, 'r.xlsx');
    writeFileSync(pdf, '%PDF-1.7\n');
    r = await run(importCommand, pdf, '-o', out, '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${pdf}：未导入，它看来是PDF 文档，不是机构数据表格（.xlsx、.csv）；未写入任何文件`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('gbsim template and run --xlsx', () => {
  it('writes the template in the chosen language and format', async () => {
    const dir = tmp();
    const x = join(dir, 't.xlsx');
    const r = await run(templateCommand, '--lang', 'en', '--years', '2024,2022,2023', '-o', x);
    expect(r.code).toBe(0);
    const wb = await readBack(new Uint8Array(readFileSync(x)));
    expect(wb.worksheets[0]!.getCell('F1').value).toBe('History 2022');
    const c = join(dir, 't.csv');
    expect((await run(templateCommand, '-o', c, '--lang', 'zh')).code).toBe(0);
    expect(readFileSync(c, 'utf8').startsWith('\uFEFF机构编码')).toBe(true);
    expect((await run(templateCommand, '--lang', 'fr', '-o', x)).code).toBe(2);
    expect((await run(templateCommand, '--years', '20x4', '-o', x)).code).toBe(2);
    expect((await run(templateCommand)).code).toBe(2);
  });

  it('writeXlsx streams the results workbook: cell for cell the workbook the page exports', async () => {
    const s = fullScenario();
    const b = structuredClone(s);
    b.meta.name = '方案B';
    b.fund.adjustmentFundRate = '0.05';
    const scenarios = [{ name: s.meta.name, scenario: s, result: runScenario(s) }, { name: b.meta.name, scenario: b, result: runScenario(b) }];
    const path = join(tmp(), 'out.xlsx');
    await writeXlsx(path, scenarios, 'zh', 'wan');
    const streamed = await readBack(new Uint8Array(readFileSync(path)));
    const inMemory = await readBack(await resultsWorkbook({ lang: 'zh', unit: 'wan', scenarios }));
    expect(streamed.worksheets.map((w) => w.name)).toEqual(['基金汇总', `机构结果-${s.meta.name}`, '机构结果-方案B', '月度拨付', '方案对比', '参数与出处',
      `机构数据-${s.meta.name}`, '机构数据-方案B']);
    expect(streamed.worksheets.map((w) => w.name)).toEqual(inMemory.worksheets.map((w) => w.name));
    const cells = (ws: ExcelJS.Worksheet) => {
      const out: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: false }, (c, k) => {
        out.push([r, k, c.value, c.numFmt ?? null, c.font?.bold ?? false]);
      }));
      return out;
    };
    streamed.worksheets.forEach((ws, i) => {
      const mem = inMemory.worksheets[i]!;
      expect(ws.rowCount, ws.name).toBe(mem.rowCount);
      expect(ws.rowCount).toBeGreaterThan(1);
      expect(cells(ws), ws.name).toEqual(cells(mem));
      expect(ws.views, ws.name).toEqual(mem.views);
      expect(ws.columns.map((c) => c.width), ws.name).toEqual(mem.columns.map((c) => c.width));
    });
  });

  it('writeXlsx says when the file cannot be written', async () => {
    const s = fullScenario();
    await expect(writeXlsx(join(tmp(), 'no-such-dir', 'out.xlsx'), [{ name: 'x', scenario: s, result: runScenario(s) }])).rejects.toMatchObject({
      message: expect.stringMatching(/out\.xlsx: cannot write the file \(ENOENT\)/),
      code: 1,
    });
  });
});
