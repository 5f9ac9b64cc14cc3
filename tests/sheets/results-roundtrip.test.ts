/**
 * The results workbook imports back (issue 8): `gbsim run --xlsx` and the page's results export
 * (resultsWorkbook, as workers/export.worker.ts builds it) carry the institutions' data in the
 * import layout (sheet 机构数据 / Institution data), and the import reads that sheet rather than
 * 机构结果 (findHeader prefers a header with every required column). Export → edit one value in
 * a spreadsheet program (exceljs here) → import merge: the edited value comes back, every other
 * institution and the policy are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { resultsWorkbook } from '../../src/sheets/export.ts';
import { applyImport, importHospitals } from '../../src/sheets/import.ts';
import { runScenario } from '../../src/engine/run.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import type { Scenario } from '../../src/format/types.ts';

const cityText = readFileSync('scenarios/city.json', 'utf8');
const city = (): Scenario => {
  const r = loadScenario(cityText);
  if (!r.ok) throw new Error('city.json does not load');
  return r.scenario;
};

/** The workbook with T01's latest history year set to `value` in the data sheet `sheet`, saved again. */
async function edited(bytes: Uint8Array, sheet: string, header: string, value: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const col = (ws.getRow(1).values as unknown[]).indexOf(header);
  expect(col, `column ${header} in ${sheet}`).toBeGreaterThan(0);
  let done = false;
  ws.eachRow((row) => { if (row.getCell(1).value === 'T01') { row.getCell(col).value = value; done = true; } });
  expect(done).toBe(true);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Only T01's last history year differs from city.json; everything else is the same. */
function expectOnlyEdit(out: Scenario, value: string): void {
  const base = city();
  expect(out.hospitals.find((h) => h.id === 'T01')!.history[2]).toBe(value);
  const back = structuredClone(out);
  back.hospitals.find((h) => h.id === 'T01')!.history[2] = base.hospitals.find((h) => h.id === 'T01')!.history[2]!;
  expect(back).toEqual(base);
}

describe('the results workbook imports back', () => {
  it('gbsim run --xlsx → edit in a spreadsheet → gbsim import --mode merge: the edit comes back, nothing else changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-rt-'));
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await main(['run', 'scenarios/city.json', '--xlsx', join(dir, 'r.xlsx'), '--lang', 'zh'], quiet)).toBe(0);
    // Unedited, it imports to the very same scenario.
    const err: string[] = [];
    expect(await main(['import', join(dir, 'r.xlsx'), '--base', 'scenarios/city.json', '--mode', 'merge', '-o', join(dir, 'same.json'), '--lang', 'zh'],
      { out: () => undefined, err: (s) => err.push(s) })).toBe(0);
    expect(err.join('\n')).toContain('r.xlsx [机构数据]: 表头在第 1 行，数据 80 行，有效 80 行，错误 0 个');
    expect(JSON.parse(readFileSync(join(dir, 'same.json'), 'utf8'))).toEqual(JSON.parse(cityText));
    // Edited in a spreadsheet program.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'e.xlsx'), await edited(readFileSync(join(dir, 'r.xlsx')), '机构数据', '2024年基金支出', 500000000.12));
    expect(await main(['import', join(dir, 'e.xlsx'), '--base', 'scenarios/city.json', '--mode', 'merge', '-o', join(dir, 'o.json'), '--lang', 'en'], quiet)).toBe(0);
    const r = loadScenario(readFileSync(join(dir, 'o.json'), 'utf8'));
    if (!r.ok) throw new Error('the import does not load');
    expectOnlyEdit(r.scenario, '500000000.12');
  }, 60_000);

  it('the page\'s results export (resultsWorkbook) → edit → the page\'s import (importHospitals, applyImport merge)', async () => {
    const s = city();
    const bytes = await resultsWorkbook({ lang: 'en', unit: 'wan', scenarios: [{ name: s.meta.name, scenario: s, result: runScenario(s) }] });
    const report = await importHospitals(await edited(bytes, 'Institution data', 'History 2024', 123456789.5), 'results.xlsx',
      { historyYears: s.policy.historyWeights.length });
    expect(report.sheet).toBe('Institution data');
    expect(report.errorCount).toBe(0);
    expect(report.validRows).toBe(80);
    expectOnlyEdit(applyImport(s, report, 'merge', false), '123456789.50');
  }, 60_000);
});
