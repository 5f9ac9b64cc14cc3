/**
 * What an import says about rows that do not match — by kind and column, with counts, the
 * first rows and messages in both languages — and the forms it reads: headers in Chinese or
 * English, months and amounts as bureaus write them, GBK files, missing or doubled columns.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileProblemMessage, problemTitle, rowMessage, summaryMessage } from '../../src/cases/messages.ts';
import { planHeader } from '../../src/cases/columns.ts';
import type { CaseImportResult, RowProblem } from '../../src/cases/types.ts';
import { HEADER, importText, ok, setupOf, tempDir } from './helpers.ts';

const dir = tempDir();
const catalogue = [{ id: 'G1', score: '1000', refCost: '10000.00' }, { id: 'G2', score: '250.5', refCost: '2000.00' }];
const setup = setupOf(catalogue, ['H1', 'H2', 'H3']);
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const problem = (r: CaseImportResult, kind: string, column: string | null): RowProblem | undefined =>
  r.report.problems.find((p) => p.kind === kind && p.column === column);

describe('rows that do not match: counted, shown, never dropped silently', () => {
  it('every kind, with its count, first rows (line numbers) and values', async () => {
    const r = ok(await importText(dir, csv(
      'H1,G1,12000.00,8000.00,2025-03,', // 2 good
      'H9,G1,12000.00,8000.00,2025-03,', // 3 unknown institution
      'H1,G9,12000.00,8000.00,2025-03,', // 4 unknown group
      'H1,G1,-5.00,8000.00,2025-03,', // 5 negative cost
      'H1,G1,12000.00,-1,2025-03,', // 6 negative fund
      'H1,G1,12000.00,8000.00,2025-13,', // 7 month out of range
      'H1,G1,12000.00,8000.00,2024-12,', // 8 another year
      'H1,G1,12 000,8000.00,2025-03,', // 9 unparsable cost
      'H1,G1,12000.005,8000.00,2025-03,', // 10 more than 2 decimals
      ',G1,12000.00,8000.00,2025-03,', // 11 missing institution
      'H2,,12000.00,8000.00,2025-03,', // 12 missing group
      'H2,G1,12000.00,,2025-03,', // 13 missing fund
      'H2,G1,12000.00,8000.00,,', // 14 missing month
      'H2,G1,12000.00,8000.00,三月份,', // 15 unparsable month
      'H2,G1,12000.00,8000.00,2025-03,abc', // 16 unparsable special points
      'H2,G1,12000.00,8000.00,2025-03,-3', // 17 negative special points
      'H2,G1,12000.00,8000.00,2025-03,1.23456', // 18 special points with 5 decimals
      'H2,G1,12000.00,8000.00,2025-03,,surplus', // 19 malformed (7 fields)
      'H9,G9,-1.00,8000.00,2025-03,', // 20 three problems in one row
      'H2,G2,800.00,600.00,3,', // 21 good (low outlier)
    ), setup));
    expect(r.report.rows).toBe(20);
    expect(r.report.accepted).toBe(2);
    expect(r.report.rejected).toBe(18);
    const summary = Object.fromEntries(r.report.problems.map((p) => [`${p.kind}/${p.column}`, [p.count, p.examples.map((e) => e.row)]]));
    expect(summary).toEqual({
      'malformed/null': [1, [19]],
      'missing/institution': [1, [11]],
      'unknownInstitution/institution': [2, [3, 20]],
      'missing/group': [1, [12]],
      'unknownGroup/group': [2, [4, 20]],
      'unparsable/cost': [2, [9, 10]],
      'negative/cost': [2, [5, 20]],
      'missing/fund': [1, [13]],
      'negative/fund': [1, [6]],
      'missing/month': [1, [14]],
      'unparsable/month': [1, [15]],
      'monthRange/month': [1, [7]],
      'otherYear/month': [1, [8]],
      'unparsable/special': [2, [16, 18]],
      'negative/special': [1, [17]],
    });
    // Values as found, and the most frequent unknown codes.
    expect(problem(r, 'unknownInstitution', 'institution')!.examples[0]!.values).toEqual({ institution: 'H9', group: 'G1', cost: '12000.00', fund: '8000.00', month: '2025-03', special: null });
    expect(problem(r, 'unknownInstitution', 'institution')!.values).toEqual([{ value: 'H9', count: 2 }]);
    expect(problem(r, 'unknownGroup', 'group')!.values).toEqual([{ value: 'G9', count: 2 }]);
    expect(problem(r, 'malformed', null)!.examples[0]).toMatchObject({ row: 19, line: 'H2,G1,12000.00,8000.00,2025-03,,surplus' });
    // What the totals miss: the fund-payable of rejected rows whose amount could be read —
    // 8000.00 on rows 3–5, 7–12, 14–18 and 20 (row 6 is negative, 13 blank, 19 malformed).
    const readable = [3, 4, 5, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 20].length;
    expect(r.report.rejectedFundPayable).toBe(`${8000 * readable}.00`);
    // The accepted rows: H1 March 1000 points; H2 month 3, ρ = 800/2000 = 0.4 < 0.5: 250.5 × 0.4 = 100.2.
    expect(r.aggregation.institutions.map((i) => [i.id, i.points, i.months[2]!.cases, i.low])).toEqual([['H1', '1000.0000', 1, 0], ['H2', '100.2000', 1, 1]]);
  });

  it('messages name the row, the column (the file\'s own header) and the institution, in Chinese and English', async () => {
    const r = ok(await importText(dir, csv('H1,G9,12000.00,8000.00,2025-03,', 'H2,G1,12000.00,8000.00,2025-13,', 'H3,G1,1.234,8000.00,2025-03,'), setup));
    const msg = (kind: string, col: string, lang: 'zh' | 'en') => {
      const p = problem(r, kind, col)!;
      return rowMessage(lang, p, p.examples[0]!, r.report, 2025);
    };
    expect(msg('unknownGroup', 'group', 'zh')).toBe('第 2 行：「病组编码」G9 不在病组目录中（机构 H1）');
    expect(msg('unknownGroup', 'group', 'en')).toBe('row 2: 病组编码 G9 is not in the group catalogue (institution H1)');
    expect(msg('monthRange', 'month', 'zh')).toBe('第 3 行：「出院月份」2025-13 不在 1–12 月之间（机构 H2）');
    expect(msg('unparsable', 'cost', 'en')).toBe('row 4: 总费用 is not an amount (yuan, at most 2 decimals): 1.234 (institution H3)');
    expect(problemTitle('zh', problem(r, 'unknownGroup', 'group')!, r.report)).toBe('病组不在目录中（病组编码）：1 行');
    expect(summaryMessage('en', r.report)).toBe('3 rows read, 0 counted, 3 left out (their fund-payable 24000.00 yuan not counted)');
  });

  it('long values are cut to 40 characters', async () => {
    const long = 'X'.repeat(80);
    const r = ok(await importText(dir, csv(`${long},G1,1.00,1.00,3,`, 'H1,G1,1.00,1.00,3,'), setup));
    expect(problem(r, 'unknownInstitution', 'institution')!.examples[0]!.values.institution).toBe(`${'X'.repeat(40)}…`);
  });
});

describe('what a case list may look like', () => {
  it('months: a number, a year and month, a compact form, a date, a date-time, Chinese forms', async () => {
    const forms = ['3', '03', '3月', '2025-03', '2025-3', '2025/03', '202503', '2025年3月', '20250315', '2025-03-15', '2025/3/15', '2025-03-15 10:30:00', '2025年3月15日'];
    const r = ok(await importText(dir, csv(...forms.map((m) => `H1,G1,12000.00,8000.00,${m},`)), setup));
    expect(r.report.rejected).toBe(0);
    expect(r.aggregation.institutions[0]!.months[2]!.cases).toBe(forms.length);
  });

  it('months refused: out of range, not a month, a date that does not exist, another year', async () => {
    const rows = ['13', '0', '2025-13', '202513', '3.5', '2025-02-30', 'March', '2024-03', '20240315'];
    const r = await importText(dir, csv('H1,G1,1.00,1.00,3,', ...rows.map((m) => `H1,G1,12000.00,8000.00,${m},`)), setup);
    const by = Object.fromEntries(r.report.problems.map((p) => [p.kind, p.examples.map((e) => e.values.month)]));
    expect(by).toEqual({ monthRange: ['13', '0', '2025-13', '202513'], unparsable: ['3.5', '2025-02-30', 'March'], otherYear: ['2024-03', '20240315'] });
  });

  it('without meta.year any year is accepted', async () => {
    const r = ok(await importText(dir, csv('H1,G1,12000.00,8000.00,2024-03,', 'H1,G1,12000.00,8000.00,2030-03,'), setupOf(catalogue, ['H1'], null)));
    expect(r.report.rejected).toBe(0);
  });

  it('amounts (below 10^9 yuan a case): trailing zeros and float artefacts are whole fen; a real third decimal, separators and units are refused', async () => {
    const good = ['12000', '12000.5', '12000.50', '12000.5000', '12000.5000000001', ' 12000.50'];
    const bad = ['12000.505', '12,000.50', '¥12000', '12000元', '1.2.3', '--5', 'abc'];
    const r = await importText(dir, csv(...good.map((c) => `H1,G1,${c},1.00,3,`), ...bad.map((c) => `H1,G1,"${c}",1.00,3,`)), setup);
    expect(r.report.accepted).toBe(good.length);
    expect(problem(r, 'unparsable', 'cost')!.count).toBe(bad.length);
    expect(r.ok && r.aggregation.total.cost).toBe('72002.50'); // 12000 + 5 × 12000.50
  });

  it('English headers, units in brackets, columns in any order, extra columns ignored', async () => {
    const text = 'Month,Cost (yuan),Group,Fund payable,Institution,Remark\n2025-03,12000.00,G1,8000.00,H1,x\n';
    const r = ok(await importText(dir, text, setup));
    expect(r.report.file.columns).toEqual({ institution: 'Institution', group: 'Group', cost: 'Cost (yuan)', fund: 'Fund payable', month: 'Month', special: null });
    expect(r.report.file.ignored).toEqual(['Remark']);
    expect(r.aggregation.total.points).toBe('1000.0000');
  });

  it('a GBK file with Windows line ends, as Chinese Excel saves it', async () => {
    const r = ok(await importText(dir, readFileSync('tests/fixtures/cases/gbk.csv'), setup, 'gbk.csv'));
    expect(r.report.file.encoding).toBe('gbk');
    expect(r.report.accepted).toBe(2);
    expect(problem(r, 'unknownInstitution', 'institution')!.examples[0]!.values.institution).toBe('医院X');
  });

  it('tab- or semicolon-separated files', async () => {
    const r = ok(await importText(dir, HEADER.replace(/,/g, '\t') + '\nH1\tG1\t12000.00\t8000.00\t3\t\n', setup, 'tabs.tsv'));
    expect(r.report.file.delimiter).toBe('\t');
    expect(r.aggregation.total.cases).toBe(1);
  });

  it('file problems stop the import: a required column missing, a column twice, 万元, empty files, not a case list', async () => {
    const fatal = async (text: string, name?: string) => {
      const r = await importText(dir, text, setup, name);
      expect(r.ok).toBe(false);
      return r.report.fatal;
    };
    expect(await fatal('机构编码,病组编码,总费用,出院月份\nH1,G1,1,3\n')).toEqual([{ kind: 'missingColumn', column: 'fund' }]);
    expect(await fatal('机构编码,病组编码,总费用,医疗总费用,基金支付,出院月份\n')).toEqual([{ kind: 'duplicateColumn', column: 'cost', detail: '总费用 / 医疗总费用' }]);
    expect(await fatal('机构编码,病组编码,总费用（万元）,基金支付,出院月份\n')).toEqual([{ kind: 'unsupportedUnit', column: 'cost', detail: '总费用（万元）' }]);
    expect(await fatal('')).toEqual([{ kind: 'empty' }]);
    expect(await fatal(`${HEADER}\n`)).toEqual([{ kind: 'empty' }]);
    expect((await fatal('not parquet at all', 'x.parquet'))[0]!.kind).toBe('unreadable');
    const missing = (await fatal('机构编码,病组编码,总费用,出院月份\n'))[0]!;
    expect(fileProblemMessage('zh', missing)).toBe('缺少必需的列「基金支付」（可用的表头：基金支付、fund payable、基金支付金额、统筹基金支付、医保基金支付、基金支付额）');
  });

  it('header matching: every documented spelling maps to its column', () => {
    const p = planHeader(['定点医疗机构编码', 'DIP编码', '医疗总费用(元)', '统筹基金支付', '出院日期', '特例单议分值']);
    expect(p.problems).toEqual([]);
    expect(Object.values(p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
