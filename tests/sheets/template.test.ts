import { describe, expect, it } from 'vitest';
import { hospitalTemplate, VALIDATED_ROWS } from '../../src/sheets/template.ts';
import { importHospitals } from '../../src/sheets/import.ts';
import { readBack } from './helpers.ts';

describe('the import template', () => {
  it('zh: header, an example row, drop-down lists, a notes sheet', async () => {
    const bytes = await hospitalTemplate('zh', [2022, 2023, 2024], 'xlsx');
    const wb = await readBack(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['机构数据', '说明']);
    const ws = wb.worksheets[0]!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual([
      '机构编码', '机构名称', '级别', '类别', '机构类型', '2022年基金支出', '2023年基金支出', '2024年基金支出', '锁定指标', '增长率', '服务量', '最低服务量',
      '1月申报', '2月申报', '3月申报', '4月申报', '5月申报', '6月申报', '7月申报', '8月申报', '9月申报', '10月申报', '11月申报', '12月申报',
      '核减金额', '考核得分', '预付资金',
    ]);
    expect(ws.getCell('A2').value).toBe('H001');
    expect(ws.getCell('C2').value).toBe('三级');
    expect(ws.getCell('F2').value).toBe(40000000);
    expect(ws.getCell('F2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('J2').numFmt).toBe('0.00%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const [col, list] of [['C', '"三级,二级,一级,社区,未定级"'], ['E', '"医院,住院,门诊,门诊慢特病,基层,定点药店"']] as const) {
      for (const row of [2, 500, VALIDATED_ROWS]) expect(ws.getCell(`${col}${row}`).dataValidation).toMatchObject({ type: 'list', formulae: [list] });
    }
    const notes = wb.getWorksheet('说明')!;
    expect(notes.getRow(1).values).toEqual([undefined, '列名', '英文列名', '必填', '类型', '说明']);
    expect((notes.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['机构编码', 'Institution code', '是']);
    expect(notes.getCell('E7').value).toMatch(/2022 年医保基金支付的费用/);
    // Importing the untouched template gives its example hospital.
    const r = await importHospitals(bytes, 'template.xlsx');
    expect(r.errors).toEqual([]);
    expect(r.hospitals).toHaveLength(1);
    expect(r.hospitals[0]).toMatchObject({ id: 'H001', level: 'tertiary', history: ['40000000.00', '42500000.00', '45000000.00'], growth: '0.05', advanceEligible: true });
  });

  it('en headers; generic history columns when no years are given', async () => {
    const wb = await readBack(await hospitalTemplate('en', [], 'xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hospitals', 'Notes']);
    const head = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 9);
    expect(head).toEqual(['Institution code', 'Name', 'Level', 'Category', 'Class', 'History 1', 'History 2', 'History 3']);
  });

  it('CSV: UTF-8 with BOM, header and example, importable', async () => {
    const bytes = await hospitalTemplate('zh', [2023, 2024], 'csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFF?机构编码,机构名称,级别,类别,机构类型,2023年基金支出,2024年基金支出,/);
    const r = await importHospitals(bytes, 'template.csv');
    expect(r.errors).toEqual([]);
    expect(r.hospitals[0]).toMatchObject({ id: 'H001', history: ['42500000.00', '45000000.00'], volume: 33000, score: 92.5 });
  });
});
