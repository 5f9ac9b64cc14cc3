import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importHospitals } from '../../src/sheets/import.ts';
import { formatCellError } from '../../src/sheets/report.ts';
import { csvBytes, fixture, xlsxOf } from './helpers.ts';

describe('a workbook saved by LibreOffice Calc (Chinese headers, merged title rows)', () => {
  it('finds the header below the merged titles and reads every hospital exactly', async () => {
    const r = await importHospitals(fixture('libreoffice-zh.xlsx'), 'libreoffice-zh.xlsx');
    expect(r).toMatchObject({ kind: 'xlsx', sheet: '定点机构数据', headerRow: 3, totalRows: 7, validRows: 6, errorCount: 0, fileError: false });
    expect(r.historyYears).toEqual([2022, 2023, 2024]);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.message.zh)).toEqual(['未识别的列「序号」（A 列），已忽略', '第 10 行是合计行，已跳过']);
    const claims = ['4150000.50', '3980000.00', '4210000.00', '4075000.00', '4190000.00', '4020000.00', '4330000.00', '4260000.00', '4120000.00', '4010000.00', '4230000.00', '4520000.25'];
    expect(r.hospitals).toEqual([
      { id: 'H001', name: '示例市第一人民医院', level: 'tertiary', category: 'general', class: 'hospital', history: ['40123456.78', '42500000.00', '45250000.10'], growth: '0.05', claims, deductions: '120000.00', score: 96.5, indicators: { timeliness: 88 }, advanceEligible: true },
      // 2023 typed as text "¥19,234,567.80"; 2024 a formula (=G5*1.1) read from its cached value.
      { id: 'H002', name: '示例市中医院', level: 'secondary', category: 'tcm', class: 'hospital', history: ['18000000.00', '19234567.80', '19800000.00'], growth: '0.035', score: 91, indicators: { timeliness: 92.5 }, advanceEligible: false },
      // A code with a leading zero stored as text keeps it.
      { id: '0103', name: '示例市妇幼保健院', level: 'secondary', category: 'maternal', class: 'inpatient', history: ['9500000.00', '9800000.00', '10100000.00'] },
      { id: 'C001', name: '城东社区卫生服务中心', level: 'primary', category: 'community', class: 'primary', history: ['2100000.00', '2200000.00', '2350000.55'], growth: '0.06', score: 85, advanceEligible: true },
      { id: 'C002', name: '河西乡镇卫生院', level: 'primary', category: 'township', class: 'primary', history: ['1500000.00', '1580000.00', '1620000.00'], score: 78.5 },
      { id: 'M001', name: '示例市慢病防治院', level: 'unrated', category: 'specialty', class: 'chronic', history: ['3000000.00', '3100000.00', '3300000.00'], growth: '-0.02', deductions: '5000.50' },
    ]);
    expect(r.rows.map((x) => `${x.row}:${x.state}`)).toEqual(['4:valid', '5:valid', '6:valid', '7:valid', '8:valid', '9:valid', '10:skipped']);
  });
});

describe('CSV', () => {
  const expected = [
    { id: 'G001', name: '示例市人民医院', level: 'tertiary', category: 'general', class: 'hospital', history: ['12345678.90', '13000000.00', '13500000.00'] },
    { id: 'G002', name: '示例市中西医结合医院', level: 'secondary', category: 'tcm', class: 'hospital', history: ['5600000.00', '5800000.50', '6000000.00'] },
    { id: 'G003', name: '镇卫生院（东）', level: 'primary', category: 'township', class: 'primary', history: ['800000.00', '820000.00', '850000.00'] },
  ];

  it('GBK, as Chinese Excel saves "CSV (逗号分隔)", with a title line', async () => {
    const r = await importHospitals(fixture('gbk.csv'), 'gbk.csv');
    expect(r).toMatchObject({ kind: 'csv', encoding: 'gbk', sheet: 'gbk', headerRow: 2, validRows: 3, errorCount: 0 });
    expect(r.hospitals).toEqual(expected);
  });

  it('UTF-8 with and without BOM, UTF-16 with BOM and tabs give the same hospitals', async () => {
    const text = new TextDecoder('gbk').decode(fixture('gbk.csv'));
    for (const [bytes, enc] of [[csvBytes(text), 'utf-8'], [csvBytes(text, true), 'utf-8']] as const) {
      const r = await importHospitals(bytes, 'x.csv');
      expect(r.encoding).toBe(enc);
      expect(r.hospitals).toEqual(expected);
    }
    // Excel's "Unicode text": UTF-16LE with BOM, tab-separated.
    const tsv = ['机构编码\t机构名称\t级别\t类别\t机构类型\t2022年基金支出\t2023年基金支出\t2024年基金支出',
      'G001\t示例市人民医院\t三级\t综合\t医院\t12,345,678.90\t13000000\t13500000',
      'G002\t示例市中西医结合医院\t二级\t中医\t医院\t5600000\t5800000.5\t6000000',
      'G003\t镇卫生院（东）\t一级\t乡镇卫生院\t基层\t800000\t820000\t850000'].join('\r\n');
    const u16 = new Uint8Array(2 + tsv.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < tsv.length; i++) { u16[2 + 2 * i] = tsv.charCodeAt(i) & 0xff; u16[3 + 2 * i] = tsv.charCodeAt(i) >> 8; }
    const r = await importHospitals(u16, 'unicode.txt');
    expect(r.encoding).toBe('utf-16le');
    expect(r.hospitals.map((h) => h.id)).toEqual(['G001', 'G002', 'G003']);
  });
});

describe('bad rows', () => {
  it('every bad cell with sheet, row, column, header and reason in both languages', async () => {
    const r = await importHospitals(fixture('bad-rows.xlsx'), 'bad-rows.xlsx');
    expect(r).toMatchObject({ sheet: '数据', headerRow: 2, totalRows: 8, validRows: 1, errorCount: 11, fileError: false });
    expect(r.errors.map((e) => [e.sheet, e.row, e.column, e.header, e.field, e.value])).toEqual([
      ['数据', 3, 'A', '机构编码', 'id', 'B01'],
      ['数据', 4, 'H', '2024年支出', 'history', 'abc'],
      ['数据', 5, 'B', '机构名称', 'name', ''],
      ['数据', 5, 'C', '级别', 'level', ''],
      ['数据', 6, 'G', '2023年支出', 'history', '312.345'],
      ['数据', 6, 'K', '考核得分', 'score', '120'],
      ['数据', 7, 'I', '增长率', 'growth', '五成'],
      ['数据', 7, 'J', '服务量', 'volume', '12.5'],
      ['数据', 8, 'F', '2022年支出', 'history', '-100'],
      ['数据', 8, 'L', '预付资金', 'advanceEligible', 'maybe'],
      ['数据', 10, 'A', '机构编码', 'id', 'B01'],
    ]);
    expect(r.errors.map((e) => e.message.zh)).toEqual([
      '第 3 行「机构编码」: 机构编码「B01」重复：第 3、10 行都是这个编码；每家机构只能有一行，请删去或改正其中一行',
      '第 4 行「2024年支出」（B02 乙医院）: 不是金额',
      '第 5 行「机构名称」（B03）: 必填，不能为空',
      '第 5 行「级别」（B03）: 必填，不能为空',
      '第 6 行「2023年支出」（B04 丁医院）: 金额最多两位小数（到分）',
      '第 6 行「考核得分」（B04 丁医院）: 不是 0–100 之间的分数',
      '第 7 行「增长率」（B05 戊医院）: 不是比率（如 5% 或 0.05）',
      '第 7 行「服务量」（B05 戊医院）: 不是非负整数',
      '第 8 行「2022年支出」（B06 己医院）: 不能为负数',
      '第 8 行「预付资金」（B06 己医院）: 应为「是」或「否」',
      '第 10 行「机构编码」: 机构编码「B01」重复：第 3、10 行都是这个编码；每家机构只能有一行，请删去或改正其中一行',
    ]);
    expect(r.errors.map((e) => e.message.en)).toEqual([
      'row 3 "Institution code": institution code "B01" is repeated: rows 3, 10 all carry it; each institution has one row — delete or correct all but one',
      'row 4 "History 2024" (B02 乙医院): not an amount',
      'row 5 "Name" (B03): required, must not be empty',
      'row 5 "Level" (B03): required, must not be empty',
      'row 6 "History 2023" (B04 丁医院): an amount has at most 2 decimals (fen)',
      'row 6 "Score" (B04 丁医院): not a score between 0 and 100',
      'row 7 "Growth" (B05 戊医院): not a rate (like 5% or 0.05)',
      'row 7 "Volume" (B05 戊医院): not a whole number ≥ 0',
      'row 8 "History 2022" (B06 己医院): must not be negative',
      'row 8 "Advance eligible" (B06 己医院): must be yes or no',
      'row 10 "Institution code": institution code "B01" is repeated: rows 3, 10 all carry it; each institution has one row — delete or correct all but one',
    ]);
    expect(formatCellError(r.errors[1]!, 'zh')).toBe('数据!H4 第 4 行「2024年支出」（B02 乙医院）: 不是金额（“abc”）');
    expect(formatCellError(r.errors[1]!, 'en')).toBe('数据!H4 row 4 "History 2024" (B02 乙医院): not an amount ("abc")');
    expect(r.rows.map((x) => `${x.row}:${x.id}:${x.state}:${x.errors}`)).toEqual([
      '3:B01:invalid:1', '4:B02:invalid:1', '5:B03:invalid:2', '6:B04:invalid:2', '7:B05:invalid:2', '8:B06:invalid:2', '9:B07:valid:0', '10:B01:invalid:1',
    ]);
    // A repeated code is an error on both its rows; neither is offered (issue 8).
    expect(r.hospitals.map((h) => `${h.id} ${h.name}`)).toEqual(['B07 庚医院']);
    expect(r.warnings.map((w) => [w.kind, w.message.en])).toEqual([
      ['unknown-column', 'unknown column "备注" (column M), ignored'],
    ]);
  });

  it('an English header is named as written in English messages and by its Chinese name in Chinese ones', async () => {
    const bytes = await xlsxOf([
      ['Institution code', 'Name', 'Level', 'Category', 'Class', 'history 2024'],
      ['X1', 'A', 'tertiary', 'general', 'hospital', 'n/a'],
    ]);
    const r = await importHospitals(bytes, 'en.xlsx');
    expect(r.errors[0]!.message).toEqual({ zh: '第 2 行「2024年基金支出」（X1 A）: 不是金额', en: 'row 2 "history 2024" (X1 A): not an amount' });
  });

  it('monthly claims: all twelve or none', async () => {
    const head = ['机构编码', '机构名称', '级别', '类别', '机构类型', '历史支出1', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月申报`)];
    const bytes = await xlsxOf([head, ['A', 'a', '二级', '综合', '医院', 100, ...new Array(12).fill(10)], ['B', 'b', '二级', '综合', '医院', 100], ['C', 'c', '二级', '综合', '医院', 100, 1, 2]]);
    const r = await importHospitals(bytes, 'm.xlsx');
    expect(r.hospitals.map((h) => [h.id, h.claims?.length ?? 0])).toEqual([['A', 12], ['B', 0]]);
    expect(r.errors.map((e) => `${e.column}${e.row}`)).toEqual(['I4', 'J4', 'K4', 'L4', 'M4', 'N4', 'O4', 'P4', 'Q4', 'R4']);
  });
});

describe('problems with the whole file', () => {
  it('no header row', async () => {
    const r = await importHospitals(await xlsxOf([['a', 'b'], [1, 2]]), 'x.xlsx');
    expect(r.fileError).toBe(true);
    expect(r.errors[0]!.message).toEqual({
      zh: '未找到表头行：第 1–2 行中没有「机构编码」列；表头须含「机构编码」和至少两个其他已知列名（如「机构名称」「级别」「2024年基金支出」）',
      en: 'no header row found: rows 1–2 have no "Institution code" column; the header names "Institution code" and at least two other known columns (like "Name", "Level", "History 2024")',
    });
    const few = await importHospitals(await xlsxOf([['标题'], ['机构编码', '备注'], ['A', 'x']]), 'few.xlsx');
    expect(few.errors[0]!.message.zh).toBe('未找到表头行：第 2 行有「机构编码」，但只认出 1 个已知列名；表头须含「机构编码」和至少两个其他已知列名（如「机构名称」「级别」「2024年基金支出」）');
    expect(few.errors[0]!.message.en).toMatch(/^no header row found: row 2 names "Institution code" but only 1 known column;/);
    expect(r.hospitals).toEqual([]);
  });

  it('a missing required column, a column given twice, too few history years', async () => {
    const r = await importHospitals(await xlsxOf([['机构编码', '机构名称', '级别', '名称', '2023年支出', '2024年支出'], ['A', 'a', '二级', 'b', 1, 2]]), 'x.xlsx', { historyYears: 3 });
    expect(r.fileError).toBe(true);
    expect(r.errors.map((e) => e.message.zh)).toEqual([
      '表头第 1 行: 「名称」与 B 列「机构名称」是同一列',
      '表头第 1 行: 缺少必填列「类别」',
      '表头第 1 行: 缺少必填列「机构类型」',
      '表头第 1 行: 方案需要 3 年历史支出，文件只有 2 列',
    ]);
  });

  it('more history years than the scenario uses: the latest are taken, with a warning', async () => {
    const r = await importHospitals(await xlsxOf([['机构编码', '机构名称', '级别', '类别', '机构类型', '2024年支出', '2021年支出', '2022年支出', '2023年支出'], ['A', 'a', '二级', '综合', '医院', 4, 1, 2, 3]]), 'x.xlsx', { historyYears: 3 });
    expect(r.hospitals[0]!.history).toEqual(['2.00', '3.00', '4.00']);
    expect(r.historyYears).toEqual([2022, 2023, 2024]);
    expect(r.warnings.map((w) => w.kind)).toEqual(['extra-history']);
  });

  it('reads the first sheet that has a header; refuses .xls; formulas without a value', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['这是说明']);
    const ws = wb.addWorksheet('机构');
    ws.addRow(['机构编码', '机构名称', '级别', '类别', '机构类型', '历史支出1']);
    ws.addRow(['A', 'a', '二级', '综合', '医院', { formula: '1+1' }]);
    const r = await importHospitals(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'x.xlsx');
    expect(r.sheet).toBe('机构');
    expect(r.errors[0]!.message.zh).toBe('第 2 行「历史支出1」（A a）: 公式没有计算结果（请在表格程序中重新计算并保存）');
    const xls = await importHospitals(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls');
    expect(xls.errors[0]!.message.zh).toMatch(/不支持旧版 \.xls/);
  });
});

describe('50,000 rows', () => {
  const head = ['机构编码', '机构名称', '级别', '类别', '机构类型', '2022年基金支出', '2023年基金支出', '2024年基金支出', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月申报`), '考核得分'];
  const N = 50_000;

  it('an .xlsx completes, counts every row and reports progress', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('机构');
    ws.addRow(['机构编码', '机构名称', '级别', '类别', '机构类型', '2022年基金支出', '2023年基金支出', '2024年基金支出', '考核得分']);
    for (let i = 0; i < N; i++) ws.addRow([`H${i}`, `医院${i}`, '二级', '综合', '医院', 1_000_000 + i, 1_100_000.5, 1_200_000.25, i === 777 ? 'x' : 90]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const progress: number[] = [];
    const r = await importHospitals(bytes, 'big.xlsx', { onProgress: (done, total) => { expect(total).toBe(N); progress.push(done); } });
    expect(r.totalRows).toBe(N);
    expect(r.validRows).toBe(N - 1);
    expect(r.errors.map((e) => e.message.en)).toEqual(['row 779 "Score" (H777 医院777): not a score between 0 and 100']);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(N);
    expect(progress.length).toBeGreaterThan(10);
    expect(r.hospitals[N - 2]!.history).toEqual([`${1_000_000 + N - 1}.00`, '1100000.50', '1200000.25']);
  }, 120_000);

  it('a CSV completes and counts every row', async () => {
    const lines = [head.join(',')];
    for (let i = 0; i < N; i++) lines.push([`H${i}`, `医院${i}`, '二级', '综合', '医院', 1_000_000 + i, '1100000.5', '"1,200,000.25"', ...new Array(12).fill('100000.12'), 90].join(','));
    const r = await importHospitals(csvBytes(lines.join('\r\n'), true), 'big.csv');
    expect(r.totalRows).toBe(N);
    expect(r.validRows).toBe(N);
  }, 60_000);
});
