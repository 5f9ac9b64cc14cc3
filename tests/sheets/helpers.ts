/** Shared by the spreadsheet tests: a scenario using every hospital field, and fixture bytes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Scenario } from '../../src/format/types.ts';

export const FIXTURES = join(import.meta.dirname, '../fixtures/sheets');

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** A valid scenario whose hospitals use every field the import layout carries. */
export function fullScenario(): Scenario {
  const months = (base: number) => Array.from({ length: 12 }, (_, i) => (base + i * 1000 + 0.25).toFixed(2));
  return {
    format: 'gbsim-scenario',
    version: 2,
    meta: { name: '导入测试', region: '测试市', year: 2025 },
    fund: { budget: '20000000.00', revenue: '21000000.00', openingBalance: '5000000.00', riskReserveRate: '0.01', adjustmentFundRate: '0.03', carveOuts: [{ id: 'offsite', name: '异地就医', amount: '800000.00' }] },
    policy: {
      historyWeights: ['0.2', '0.3', '0.5'],
      levelCoefficients: { tertiary: '1.05', secondary: '1' },
      deposit: { base: 'target', rates: { hospital: '0.1', chronic: '0.05', primary: '0.02' } },
      volumeFloor: true,
      quality: { mode: 'step', points: [{ score: 0, ratio: '0' }, { score: 60, ratio: '0.8' }, { score: 90, ratio: '1' }], indicators: [{ id: 'timeliness', name: '及时性', weight: '1' }, { id: 'accuracy', name: '准确性', weight: '1' }] },
      advance: { months: '1' },
      sources: {
        'policy.deposit.rates.hospital': { document: '关于开展基本医疗保险付费总额控制的意见', number: '人社部发〔2012〕70号', article: '三、4', date: '2012-11-14', status: 'official', note: '预留10%左右的质量保证金' },
        'policy.historyWeights': { document: '本地测算口径', status: 'assumption' },
        'hospitals[1].lockedTarget': { document: '协商谈判纪要', date: '2025-01-10', status: 'official' },
      },
    },
    hospitals: [
      { id: 'H001', name: '市第一人民医院', level: 'tertiary', category: 'general', class: 'hospital', history: ['6000000.00', '6300000.50', '6615000.25'], growth: '0.05', volume: 12000, volumeFloor: 11000, claims: months(540000), deductions: '12345.67', indicators: { timeliness: 92, accuracy: 88.5 }, fields: { cases: 12000, costPerCase: 551.25 }, advanceEligible: true },
      { id: 'H002', name: '市中医院（东院）', level: 'secondary', category: 'tcm', class: 'hospital', history: ['3000000.00', '3100000.00', '3200000.00'], lockedTarget: '3300000.00', growth: '-0.015', indicators: { timeliness: 75, accuracy: 80 }, advanceEligible: false },
      { id: '0301', name: '慢病防治院', level: 'secondary', category: 'specialty', class: 'chronic', history: ['900000.00', '950000.00', '1000000.00'], claims: months(80000), deductions: '0.00', indicators: { timeliness: 60, accuracy: 70 } },
      { id: 'C001', name: '东街社区卫生服务中心', level: 'primary', category: 'community', class: 'primary', history: ['500000.00', '520000.00', '560000.00'], volume: 3000, indicators: { timeliness: 95, accuracy: 99 } },
    ],
  };
}

export async function xlsxOf(rows: unknown[][], sheetName = 'Sheet1'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

export const csvBytes = (text: string, bom = false): Uint8Array => new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
