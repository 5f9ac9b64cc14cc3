import { describe, expect, it } from 'vitest';
import { applyImport, ImportRefused, importHospitals } from '../../src/sheets/import.ts';
import { validateScenario } from '../../src/scenario/open.ts';
import { fixture, fullScenario, xlsxOf } from './helpers.ts';

const HEAD = ['机构编码', '机构名称', '级别', '类别', '机构类型', '2022年支出', '2023年支出', '2024年支出', '考核得分', '指标:timeliness'];

async function report(rows: unknown[][]) {
  return importHospitals(await xlsxOf([HEAD, ...rows]), 'update.xlsx', { historyYears: 3 });
}

describe('applyImport', () => {
  it('replace: the hospitals become the imported ones', async () => {
    const base = fullScenario();
    const r = await report([['N1', '新医院', '二级', '综合', '医院', 1, 2, 3, 80, 70]]);
    const s = applyImport(base, r, 'replace', false);
    expect(s.hospitals).toEqual([{ id: 'N1', name: '新医院', level: 'secondary', category: 'general', class: 'hospital', history: ['1.00', '2.00', '3.00'], score: 80, indicators: { timeliness: 70 } }]);
    expect(s.policy).toEqual(base.policy);
    expect(base.hospitals).toHaveLength(4); // the given scenario is not touched
  });

  it('merge: matching ids are updated keeping their other and unknown fields; new ids are added', async () => {
    const base = fullScenario();
    (base.hospitals[0] as unknown as Record<string, unknown>).note = '保留的未知字段';
    const r = await report([
      ['H001', '市第一人民医院（新名）', '三级', '综合', '医院', '6000000', '6300000.5', '7000000', null, 99],
      ['N1', '新医院', '二级', '综合', '医院', 1, 2, 3, null, null],
    ]);
    const s = applyImport(base, r, 'merge', false);
    expect(s.hospitals.map((h) => h.id)).toEqual(['H001', 'H002', '0301', 'C001', 'N1']);
    const h = s.hospitals[0]! as unknown as Record<string, unknown>;
    expect(h).toEqual({
      ...base.hospitals[0],
      name: '市第一人民医院（新名）',
      history: ['6000000.00', '6300000.50', '7000000.00'],
      indicators: { timeliness: 99, accuracy: 88.5 }, // key by key
      note: '保留的未知字段',
    });
    expect(s.hospitals.slice(1, 4)).toEqual(base.hospitals.slice(1, 4));
    expect(validateScenario(s).ok).toBe(true);
  });

  it('refuses to apply all rows when there are errors; only the valid rows when asked', async () => {
    const base = fullScenario();
    const r = await report([['N1', '新医院', '二级', '综合', '医院', 1, 2, 3], ['N2', '坏', '二级', '综合', '医院', 'abc', 2, 3]]);
    expect(r.errorCount).toBe(1);
    let refused: unknown;
    try {
      applyImport(base, r, 'merge', false);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).reason).toEqual({
      zh: '文件有 1 个错误，不能导入全部行；请修正后重新导入，或选择只导入 1 行有效数据',
      en: 'the file has 1 errors, so not all rows can be imported; fix them and import again, or import only the 1 valid rows',
    });
    const s = applyImport(base, r, 'merge', true);
    expect(s.hospitals.map((h) => h.id)).toEqual(['H001', 'H002', '0301', 'C001', 'N1']);
  });

  it('refuses a file that could not be read at all, or one without valid rows', async () => {
    const base = fullScenario();
    const bad = await importHospitals(fixture('gbk.csv'), 'gbk.csv', { historyYears: 4 });
    expect(bad.fileError).toBe(true);
    expect(() => applyImport(base, bad, 'replace', true)).toThrow(ImportRefused);
    const none = await report([['X', null, '二级', '综合', '医院', 1, 2, 3]]);
    expect(() => applyImport(base, none, 'replace', true)).toThrow('there are no valid rows to import');
  });

  it('puts level, category and class in the scenario\'s own vocabulary', async () => {
    const base = fullScenario();
    base.policy.levelCoefficients = { 三级: '1.05', 二级: '1' };
    base.policy.deposit.rates = { 医院: '0.1', chronic: '0.05', primary: '0.02' };
    base.hospitals = base.hospitals.map((h) => ({ ...h, level: h.level === 'tertiary' ? '三级' : h.level === 'secondary' ? '二级' : h.level, class: h.class === 'hospital' ? '医院' : h.class }));
    const r = await report([['N1', '新医院', 'tertiary', '综合', 'hospital', 1, 2, 3, null, null]]);
    expect(r.hospitals[0]).toMatchObject({ level: 'tertiary', class: 'hospital' });
    const s = applyImport(base, r, 'merge', false);
    expect(s.hospitals.at(-1)).toMatchObject({ level: '三级', category: 'general', class: '医院' });
    expect(validateScenario(s).ok).toBe(true);
  });
});
