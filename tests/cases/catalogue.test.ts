/**
 * Catalogue import (.csv and .xlsx through the repository's spreadsheet readers): valid rows
 * kept, every bad row reported by row, column and reason; and the committed synthetic DIP
 * catalogue is what its generator makes, with the spread the example promises.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { catalogueErrorMessage, importCatalogue, parseScore } from '../../src/cases/catalogue.ts';
import { prepareSetup } from '../../src/cases/setup.ts';
import { CITY_CATALOGUE, catalogueCsv, synthCatalogue } from '../../scripts/cases/catalogue.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('catalogue import', () => {
  it('reports duplicate codes, bad scores and non-positive reference costs row by row; keeps the rest', async () => {
    const text = [
      '目录（2025 版）', // a title row above the header
      '病组编码,病组名称,分值,次均费用（元）',
      'A01,阑尾炎,523.4817,6012.50', // 3 ok
      'A02,胆囊炎,1200,14000', // 4 ok
      'A01,重复,10,100', // 5 duplicate of row 3
      'A03,,abc,100', // 6 score not a number
      'A04,,0,100', // 7 score 0
      'A05,,1.23456,100', // 8 five decimals
      'A06,,-5,100', // 9 negative score
      'A07,,10,0', // 10 reference cost 0
      'A08,,10,-3', // 11 negative
      'A09,,10,12.345', // 12 three decimals
      ',,10,100', // 13 no code
      'A10,,,', // 14 score and cost missing
    ].join('\n');
    const r = await importCatalogue(enc(text), 'catalogue.csv');
    expect(r.ok).toBe(true);
    expect(r.rows).toBe(12);
    expect(r.groups).toEqual([
      { id: 'A01', name: '阑尾炎', score: '523.4817', refCost: '6012.50' },
      { id: 'A02', name: '胆囊炎', score: '1200', refCost: '14000.00' },
    ]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [5, 'id'], [6, 'score'], [7, 'score'], [8, 'score'], [9, 'score'], [10, 'refCost'], [11, 'refCost'], [12, 'refCost'], [13, 'id'], [14, 'score'], [14, 'refCost'],
    ]);
    expect(catalogueErrorMessage('zh', r.errors[0]!)).toBe('第 5 行「病组编码」「A01」：病组编码重复（与第 3 行相同）');
    expect(catalogueErrorMessage('en', r.errors[5]!)).toBe('row 10, 次均费用（元） "0": the reference cost must be greater than 0');
    expect(catalogueErrorMessage('en', r.errors[7]!)).toBe('row 12, 次均费用（元） "12.345": an amount has at most 2 decimals (fen)');
    // What is kept is a valid setup for an import.
    expect(() => prepareSetup({ hospitalIds: ['H'], catalogue: r.groups, thresholds: { low: '0.5', high: '2' } })).not.toThrow();
  });

  it('reads .xlsx with number cells and English headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DIP');
    ws.addRow(['Group code', 'Name', 'Score', 'Reference cost']);
    ws.addRow(['K35.8', 'appendicitis', 523.4817, 6012.5]);
    ws.addRow(['K80.1', 'cholecystitis', 1200.00001, 14000]);
    ws.addRow(['K81.0', 'x', 12, 1e-3]);
    const r = await importCatalogue(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer), 'dip.xlsx');
    expect(r.sheet).toBe('DIP');
    expect(r.groups).toEqual([{ id: 'K35.8', name: 'appendicitis', score: '523.4817', refCost: '6012.50' }]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[3, 'score'], [4, 'refCost']]);
  });

  it('refuses a file without the needed columns, and says which', async () => {
    const r = await importCatalogue(enc('病组编码,病组名称,分值\nA,b,1\n'), 'c.csv');
    expect(r.ok).toBe(false);
    expect(r.fatal?.zh).toBe('缺少必需的列：次均费用');
    expect((await importCatalogue(enc('a,b\n1,2\n'), 'c.csv')).fatal?.en).toMatch(/^no header found/);
  });
});

describe('the synthetic DIP catalogue of the city example', () => {
  const groups = synthCatalogue();

  it('is the committed scenarios/city-dip-catalogue.csv, and imports without errors', async () => {
    const file = readFileSync(CITY_CATALOGUE);
    expect(file.toString('utf8')).toBe(catalogueCsv(groups));
    const r = await importCatalogue(file, CITY_CATALOGUE);
    expect(r.errors).toEqual([]);
    // The import writes scores in their shortest form ("731.1500" → "731.15").
    expect(r.groups).toEqual(groups.map((g) => ({ ...g, score: parseScore(g.score) })));
  });

  it('has a long-tailed spread of scores and reference costs at 8–15 元 a point', () => {
    const scores = groups.map((g) => Number(g.score));
    const within = scores.filter((s) => s >= 100 && s <= 3000).length / scores.length;
    expect(groups.length).toBe(3000);
    expect(new Set(groups.map((g) => g.id)).size).toBe(3000);
    expect(within).toBeGreaterThan(0.85);
    expect(scores.filter((s) => s > 10000).length).toBeGreaterThan(5);
    for (const g of groups) {
      const pv = Number(g.refCost) / Number(g.score);
      expect(pv).toBeGreaterThan(7.99);
      expect(pv).toBeLessThan(15.01);
    }
  });
});
