/**
 * The browser reads Parquet through hyparquet (DuckDB-wasm would fetch its parquet extension
 * from the network): the decoded CSV, imported with the same SQL, must give exactly what
 * DuckDB's own Parquet reader gives in Node — typed files (DECIMAL, DATE) and text files with
 * bad rows alike.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decimalText, parquetToCsv } from '../../src/cases/parquet-csv.ts';
import { importCases } from '../../src/cases/import.ts';
import { fileSource, importCaseFile, NodeDuckDB } from '../../src/cases/node.ts';
import { synthCatalogue } from '../../scripts/cases/catalogue.ts';
import { institutionsOf, writeCaseList } from '../../scripts/cases/caselist.ts';
import type { CaseImportResult, CaseSetup } from '../../src/cases/types.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir();
const city = JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
const catalogue = synthCatalogue();
const setup: CaseSetup = { hospitalIds: city.hospitals.map((h: { id: string }) => h.id), year: 2025, catalogue, thresholds: { low: '0.5', high: '2' } };
const strip = (r: CaseImportResult) => ({ ...r, report: { ...r.report, timings: undefined, file: { ...r.report.file, name: '', ignored: [] } } });

async function viaHyparquet(path: string): Promise<CaseImportResult> {
  const buf = readFileSync(path);
  const file = { byteLength: buf.length, slice: async (s: number, e?: number) => buf.buffer.slice(buf.byteOffset + s, buf.byteOffset + (e ?? buf.length)) as ArrayBuffer };
  const t = await parquetToCsv(file);
  if (!t.ok) throw new Error(JSON.stringify(t.problems));
  const csv = `${path}.csv`;
  writeFileSync(csv, t.csv);
  const db = await NodeDuckDB.open();
  try {
    return await importCases(db, await fileSource(csv), setup, undefined, { fromParquet: true });
  } finally {
    db.close();
  }
}

describe('Parquet in the browser: hyparquet → CSV → the same SQL', () => {
  it('decimal values come back as their exact decimal text', () => {
    expect(decimalText(1234.56, 2)).toBe('1234.56');
    expect(decimalText(0.1 + 0.2, 2)).toBe('0.30');
    expect(decimalText(-7.5, 4)).toBe('-7.5000');
    expect(decimalText(99999999.99, 2)).toBe('99999999.99');
    expect(decimalText(12, 0)).toBe('12');
  });

  for (const [name, over] of [['typed.parquet', { month: 'date' as const, bad: 0 }], ['text-bad.parquet', { month: 'mixed' as const, bad: 24 }]] as const) {
    it(`${name}: equal to DuckDB's own Parquet reader`, async () => {
      const path = join(dir, name);
      await writeCaseList(path, { institutions: institutionsOf(city), catalogue, year: 2025, cases: 8000, seed: 21, ...over });
      const direct = await importCaseFile(path, setup);
      const browser = await viaHyparquet(path);
      expect(browser.ok).toBe(true);
      expect(strip(browser)).toEqual(strip(direct));
    });
  }
});
