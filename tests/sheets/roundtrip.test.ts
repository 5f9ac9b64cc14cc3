import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportHospitalData } from '../../src/sheets/export.ts';
import { applyImport, importHospitals } from '../../src/sheets/import.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { fullScenario, readBack } from './helpers.ts';

describe('export → import round trip', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`gives back the same hospitals (${lang} headers, every field)`, async () => {
      const s = fullScenario();
      const bytes = await exportHospitalData(s, lang);
      const r = await importHospitals(bytes, 'data.xlsx', { historyYears: 3 });
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.historyYears).toEqual([2022, 2023, 2024]);
      expect(r.hospitals).toEqual(s.hospitals);
      expect(applyImport(s, r, 'replace', false)).toEqual(s);
      expect(applyImport(s, r, 'merge', false)).toEqual(s);
    });
  }

  it('writes amounts as numbers in the import layout, with Chinese labels for levels', async () => {
    const wb = await readBack(await exportHospitalData(fullScenario(), 'zh'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('机构数据');
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(0, 8)).toEqual(['机构编码', '机构名称', '级别', '类别', '机构类型', '2022年基金支出', '2023年基金支出', '2024年基金支出']);
    expect(head).toContain('指标:timeliness');
    expect(head).toContain('字段:costPerCase');
    expect(ws.getCell('C2').value).toBe('三级');
    expect(ws.getCell('G2').value).toBe(6300000.5);
    expect(ws.getCell('G2').numFmt).toBe('#,##0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('a scenario keyed in Chinese comes back in its own vocabulary', async () => {
    const s = fullScenario();
    s.policy.levelCoefficients = { 三级: '1.05', 二级: '1' };
    s.hospitals = s.hospitals.map((h) => ({ ...h, level: ({ tertiary: '三级', secondary: '二级', primary: '一级' } as Record<string, string>)[h.level]! }));
    const r = await importHospitals(await exportHospitalData(s, 'en'), 'data.xlsx');
    expect(applyImport(s, r, 'replace', false).hospitals).toEqual(s.hospitals);
  });

  it('every example scenario round-trips', async () => {
    const dir = join(import.meta.dirname, '../../scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    for (const f of files) {
      const loaded = loadScenario(readFileSync(join(dir, f), 'utf8'));
      if (!loaded.ok) continue; // scenario files are other tests' business
      const s = loaded.scenario;
      const r = await importHospitals(await exportHospitalData(s, 'zh'), `${f}.xlsx`, { historyYears: s.policy.historyWeights.length });
      expect(r.errors, f).toEqual([]);
      expect(applyImport(s, r, 'replace', false).hospitals, f).toEqual(s.hospitals);
    }
  });
});
