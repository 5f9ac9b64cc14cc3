/**
 * Formula injection (issue 8): every CSV cell a spreadsheet would read as a formula (OWASP's list:
 * = + - @, tab, CR) is prefixed with ', with no exemption — `-2+3+cmd|' /C calc'!A0` included —
 * in every column and header, in the page's CSV and `gbsim run --csv`; only a cell that is wholly
 * a decimal number (an overspend of -5.00) stays a number. In the .xlsx exports (page and
 * `gbsim run --xlsx`, streamed) the same names are text cells, never formulas, and come back
 * exactly when imported.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { csvSafe } from '../../src/sheets/style.ts';
import { hospitalsCsv, resultsWorkbook, exportHospitalData } from '../../src/sheets/export.ts';
import { importHospitals } from '../../src/sheets/import.ts';
import { runScenario } from '../../src/engine/run.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { main } from '../../src/cli/main.ts';
import type { Scenario } from '../../src/format/types.ts';

const PAYLOADS = ["-2+3+cmd|' /C calc'!A0", '=1+1', '+1', '@SUM(A1)', '\t=1', '\r=1', '-A1', '-1+1', '=HYPERLINK("http://x","y")', "+cmd|' /C notepad'!A0"];
const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** city.json with hostile text in every text a reader sees: codes, names, pool names, a level label. */
function hostile(): Scenario {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city.json');
  const s = r.scenario;
  s.hospitals.forEach((h, i) => {
    h.name = PAYLOADS[i % PAYLOADS.length]!;
    if (i < PAYLOADS.length) h.id = PAYLOADS[i]!.trim() === PAYLOADS[i] ? PAYLOADS[i]! : `${PAYLOADS[i]!.trim()}${i}`;
  });
  s.hospitals[0]!.level = '@level';
  for (const p of s.policy.pools ?? []) p.name = `=pool ${p.id}`;
  return s;
}

/** No cell of the CSV text starts a formula unless it is wholly a decimal number. */
function expectNeutral(csv: string): number {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n' }).data;
  let prefixed = 0;
  for (const row of rows) for (const cell of row) {
    expect(FORMULA_START.test(cell) && !DECIMAL.test(cell), JSON.stringify(cell)).toBe(false);
    if (cell.startsWith("'")) prefixed++;
  }
  return prefixed;
}

/** Every worksheet's XML of a workbook: no formula anywhere. */
async function expectNoFormulas(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.+\.xml$/.test(n));
  expect(sheets.length).toBeGreaterThan(0);
  for (const n of sheets) expect(await zip.file(n)!.async('string'), n).not.toMatch(/<f[ >]/);
}

describe('formula injection', () => {
  it('csvSafe prefixes every OWASP payload, -digit included, and leaves whole decimal numbers', () => {
    for (const p of PAYLOADS) expect(csvSafe(p)).toBe(`'${p}`);
    for (const n of ['-5', '-5.00', '-1655.69', '0', '12.5']) expect(csvSafe(n)).toBe(n);
    for (const t of ['示例市第一人民医院', 'N001', "'=1"]) expect(csvSafe(t)).toBe(t);
  });

  it('the hospitals CSV (page and gbsim run --csv): no cell in any column starts a formula; negative amounts stay numbers', async () => {
    const s = hostile();
    const csv = hospitalsCsv(runScenario(s), s, 'zh', 'wan');
    expect(expectNeutral(csv)).toBeGreaterThanOrEqual(80 + PAYLOADS.length); // every name, the hostile codes, the pool names…
    const data = Papa.parse<string[]>(csv.slice(1)).data;
    const balance = data[0]!.findIndex((h) => h.startsWith('清算补'));
    expect(data.slice(1).some((r) => r[balance]?.startsWith('-') && DECIMAL.test(r[balance]!))).toBe(true);
    expect(data[1]![1]).toBe(`'${PAYLOADS[0]}`);
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-inj-'));
    writeFileSync(join(dir, 's.json'), JSON.stringify(s));
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await main(['run', join(dir, 's.json'), '--csv', join(dir, 'h.csv'), '--xlsx', join(dir, 'r.xlsx'), '--lang', 'en'], quiet)).toBe(0);
    expectNeutral(readFileSync(join(dir, 'h.csv'), 'utf8'));
    await expectNoFormulas(new Uint8Array(readFileSync(join(dir, 'r.xlsx'))));
  }, 60_000);

  it('the .xlsx exports hold the names as text, never formulas, and the data sheet imports them back exactly', async () => {
    const s = hostile();
    const results = await resultsWorkbook({ lang: 'zh', scenarios: [{ name: s.meta.name, scenario: s, result: runScenario(s) }] });
    await expectNoFormulas(results);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(results.buffer.slice(results.byteOffset, results.byteOffset + results.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet('机构结果')!.getRow(2).getCell(2).value).toBe(PAYLOADS[0]);
    const data = await exportHospitalData(s, 'zh');
    await expectNoFormulas(data);
    const back = await importHospitals(data, 'data.xlsx', { historyYears: 3 });
    // The import trims a cell's surrounding blanks (tab, CR) as it does for every cell; the rest comes back as written.
    expect(back.hospitals.map((h) => [h.id, h.name])).toEqual(s.hospitals.map((h) => [h.id, h.name.trim()]));
  }, 60_000);
});
