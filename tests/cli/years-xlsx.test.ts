/**
 * `gbsim years WORKSPACE --xlsx OUT.xlsx`: the page's years workbook (sheets/years-book.ts) of
 * every scenario of the workspace, each under its own analysis.years: their fund paths side by
 * side a row per year, their run parameters, and each one's sheets. In process (src/cli/main.ts)
 * and as installed (bin/gbsim.mjs from the source, a child process).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { addVariant, newWorkspace, scenarioOf, setVariantChanges } from '../../src/workspace/workspace.ts';
import { saveWorkspace } from '../../src/workspace/file.ts';
import { yearsOutcome } from '../../src/engine/years-outcome.ts';
import { parseMoney } from '../../src/engine/money.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function book(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The city (3 years, base rule actual) and a variant under base rule target over 4 years: a workspace file. */
function workspaceFile(): { path: string; ws: ReturnType<typeof setVariantChanges>; id: string } {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city invalid');
  const a = addVariant(newWorkspace({ ...r.scenario, analysis: { years: { years: 3, baseRule: 'actual' } } }), '按总额控制指标');
  const ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['analysis', 'years'], value: { years: 4, baseRule: 'target' } }]);
  const path = join(mkdtempSync(join(tmpdir(), 'gbsim-years-xlsx-')), 'ws.json');
  writeFileSync(path, saveWorkspace(ws));
  return { path, ws, id: a.id };
}

const FIGURES_EN = ['Fund path', 'target', 'claims', 'actual', 'reward', 'fund share', 'owed', 'next base'];

describe('gbsim years WORKSPACE --xlsx', () => {
  it('writes every scenario under its own analysis.years, their fund paths side by side, as the page exports them', async () => {
    const { path, ws, id } = workspaceFile();
    const out = join(mkdtempSync(join(tmpdir(), 'gbsim-years-xlsx-')), 'years.xlsx');
    const r = await cli('years', path, '--xlsx', out, '--lang', 'en', '--unit', 'wan');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${out}`);
    expect(r.out).toContain('2 scenarios, each under its own analysis.years'); // the text report as before
    const base = ws.baseline.meta.name;
    const wb = await book(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scenarios compared', 'Run parameters',
      ...[base, '按总额控制指标'].flatMap((n) => FIGURES_EN.map((f) => `${n} ${f}`.slice(0, 31)))]);
    const runs = [yearsOutcome(scenarioOf(ws, 'baseline')), yearsOutcome(scenarioOf(ws, id))].map((o) => {
      if (!o.ok) throw new Error('years');
      return o.run;
    });
    expect(runs.map((x) => x.years.length)).toEqual([3, 4]);
    const cmp = wb.getWorksheet('Scenarios compared')!;
    expect(cmp.rowCount).toBe(5); // a header and a row per year of the longest run
    expect(cmp.getRow(1).getCell(2).value).toBe(`${base} closing balance`);
    for (let k = 0; k < 4; k++) {
      const row = cmp.getRow(k + 2);
      expect(row.getCell(1).value).toBe(String(2025 + k));
      const a = runs[0]!.years[k];
      expect(row.getCell(2).value).toBe(a ? parseMoney(a.fund.closingBalance) / 1e6 : null);
      expect(row.getCell(5).value).toBe(parseMoney(runs[1]!.years[k]!.fund.closingBalance) / 1e6);
      expect(row.getCell(5).numFmt).toBe('#,##0.00');
    }
    const params = wb.getWorksheet('Run parameters')!;
    expect([2, 3].map((r) => params.getRow(r).getCell(3).value)).toEqual(['actual', 'target']);
    expect([2, 3].map((r) => params.getRow(r).getCell(2).value)).toEqual([3, 4]);
    // Each scenario's own sheets: its fingerprints and institution figures.
    const vf = wb.getWorksheet(`按总额控制指标 Fund path`)!;
    const fp = yearsOutcome(scenarioOf(ws, id));
    if (!fp.ok) throw new Error('years');
    expect([2, 3, 4, 5].map((r) => vf.getRow(r).getCell(14).value)).toEqual(fp.fingerprints);
    const owed = wb.getWorksheet(`${base} owed`.slice(0, 31))!;
    expect(owed.getRow(2).getCell(5).value).toBe(runs[0]!.years[2]!.columns.owed[0]! / 1e6);
  });

  it('flags given override every scenario\'s parameters in the workbook too; a scenario file keeps its one-scenario workbook', async () => {
    const { path } = workspaceFile();
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-years-xlsx-'));
    expect((await cli('years', path, '--years', '2', '--base-rule', 'actual', '--xlsx', join(dir, 'a.xlsx'), '--lang', 'zh')).code).toBe(0);
    const wb = await book(join(dir, 'a.xlsx'));
    const params = wb.getWorksheet('测算参数')!;
    expect([2, 3].map((r) => [params.getRow(r).getCell(2).value, params.getRow(r).getCell(3).value])).toEqual([[2, '按实际发生'], [2, '按实际发生']]);
    expect(wb.getWorksheet('方案对比')!.rowCount).toBe(3);
    expect((await cli('years', 'scenarios/city.json', '--years', '2', '--xlsx', join(dir, 'one.xlsx'))).code).toBe(0);
    expect((await book(join(dir, 'one.xlsx'))).worksheets).toHaveLength(8);
  });

  it('as installed: bin/gbsim.mjs in a child process writes the same cells', async () => {
    const { path } = workspaceFile();
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-years-xlsx-'));
    const child = spawnSync(process.execPath, ['bin/gbsim.mjs', 'years', path, '--xlsx', join(dir, 'child.xlsx'), '--lang', 'en', '--json'],
      { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, GBSIM_FROM_SOURCE: '1' } });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout).scenarios).toHaveLength(2);
    expect((await cli('years', path, '--xlsx', join(dir, 'here.xlsx'), '--lang', 'en', '--json')).code).toBe(0);
    const [a, b] = [await book(join(dir, 'child.xlsx')), await book(join(dir, 'here.xlsx'))];
    const cells = (wb: ExcelJS.Workbook) => wb.worksheets.slice(0, 3).map((w) => w.getSheetValues().map((r) => JSON.stringify(r)));
    expect(cells(a)).toEqual(cells(b));
  }, 60_000);
});
