/**
 * The downloadable import template: the hospitals sheet (header, one example row, drop-down
 * lists for level, category and class) and a "说明 / Notes" sheet explaining every column.
 * CSV: the header and the example row only, UTF-8 with BOM so Excel shows Chinese.
 */
import Papa from 'papaparse';
import type { Hospital } from '../format/types.ts';
import type ExcelJS from 'exceljs';
import { columnLetter, headerOf, type ColumnType } from './columns.ts';
import { cellValue, hospitalLayout, writeHospitalSheet, type LayoutColumn } from './hospital-data.ts';
import { csvSafe, newWorkbook, styleHeader, toBytes } from './style.ts';
import { labelsOf } from './vocab.ts';
import type { Lang } from '../display/lang.ts';

/** Rows that get the drop-down lists (the header is row 1). */
export const VALIDATED_ROWS = 2000;

const EXAMPLE: Hospital = {
  id: 'H001', name: '示例市第一人民医院', level: 'tertiary', category: 'general', class: 'hospital',
  history: [], growth: '0.05', volume: 33000, volumeFloor: 32000,
  claims: ['4200000.00', '3900000.00', '4100000.00', '4050000.00', '4150000.00', '4000000.00', '4300000.00', '4250000.00', '4100000.00', '4000000.00',
    '4200000.00', '4500000.00'],
  deductions: '120000.00', score: 92.5, advanceEligible: true,
};
const EXAMPLE_EN_NAME = 'Example City No. 1 People\'s Hospital';

function exampleFor(lang: Lang, years: number): Hospital {
  const h = { ...EXAMPLE, name: lang === 'zh' ? EXAMPLE.name : EXAMPLE_EN_NAME };
  // Growing history, about 45 million a year by the last year.
  h.history = Array.from({ length: years }, (_, i) => (45_000_000 - (years - 1 - i) * 2_500_000).toFixed(2));
  return h;
}

const TYPE_TEXT: Record<ColumnType, { zh: string; en: string }> = {
  id: { zh: '文本', en: 'text' },
  text: { zh: '文本', en: 'text' },
  amount: { zh: '金额（元，最多两位小数）', en: 'amount (yuan, ≤ 2 decimals)' },
  count: { zh: '整数', en: 'whole number' },
  score: { zh: '分数 0–100', en: 'score 0–100' },
  rate: { zh: '比率（5% 或 0.05）', en: 'rate (5% or 0.05)' },
  bool: { zh: '是 / 否', en: 'yes / no' },
  number: { zh: '数值', en: 'number' },
};

const RULES: Record<Lang, string[]> = {
  zh: [
    '填写说明',
    '1. 每行一家定点医疗机构；请先删除示例行（第 2 行）。橙色表头为必填列。',
    '2. 列的顺序可以调整，列名可用中文或英文；表头上方可以有标题行（合并单元格也可以）。',
    '3. 金额以元为单位，最多两位小数，可带千分位和 ¥；列名写「（万元）」时按万元读取（最多六位小数）。',
    '4. 历史支出列可按年份命名（如「2024年基金支出」）或按序号命名（「历史支出1」为最早一年）。',
    '5. 月度申报：12 个月都填（没有申报填 0），或都不填（按增长率预测）。',
    '6. 考核指标得分可另加列「指标:指标编码」，公式字段可另加列「字段:名称」（如「字段:costPerCase」）。',
    '7. 也可以另存为 CSV（UTF-8 或 GBK 编码均可）后导入。导入时会逐格检查并列出问题，确认后才会修改方案。',
  ],
  en: [
    'How to fill in',
    '1. One designated institution per row; delete the example row (row 2) first. Orange headers are required.',
    '2. Columns may be in any order, with Chinese or English names; title rows (merged cells too) may sit above the header.',
    '3. Amounts in yuan with at most 2 decimals, thousands separators and ¥ allowed; a header ending in "(万元)" is read in 10k yuan (≤ 6 decimals).',
    '4. History columns are named by year ("History 2024") or numbered ("History 1" is the oldest year).',
    '5. Monthly claims: fill all 12 months (0 for none) or none (then claims are projected by growth).',
    '6. Add quality indicator scores as "Indicator: ID" columns and formula fields as "Field: name" columns (e.g. "Field: costPerCase").',
    '7. You may also save as CSV (UTF-8 or GBK) and import that. The import checks every cell and lists the problems; nothing changes until you accept.',
  ],
};

export async function hospitalTemplate(lang: Lang, historyYears: number[], format: 'xlsx' | 'csv'): Promise<Uint8Array> {
  const layout = hospitalLayout(lang, {
    history: historyYears.length ? { years: historyYears } : { count: 3 },
    claims: true,
    optional: ['lockedTarget', 'growth', 'volume', 'volumeFloor', 'deductions', 'score', 'advanceEligible'],
  });
  const example = exampleFor(lang, historyYears.length || 3);
  if (format === 'csv') return csvTemplate(layout, example, lang);

  const wb = newWorkbook();
  const ws = writeHospitalSheet(wb, lang === 'zh' ? '机构数据' : 'Hospitals', layout, [example], lang);
  ws.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
  // One range per column (exceljs' per-cell validations get merged into overlapping ranges).
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  layout.forEach((c, i) => {
    if (c.key !== 'level' && c.key !== 'category' && c.key !== 'class') return;
    const col = columnLetter(i + 1);
    validations.add(`${col}2:${col}${VALIDATED_ROWS}`, {
      type: 'list', allowBlank: true, formulae: [`"${labelsOf(c.key, lang).join(',')}"`],
      // A warning, not a stop: a bureau may use its own levels or classes.
      showErrorMessage: true, errorStyle: 'warning',
      errorTitle: lang === 'zh' ? '不在列表中' : 'Not in the list',
      error: lang === 'zh' ? '不是常用值；如方案使用自定义值，可以继续。' : 'Not a usual value; continue if your scenario uses its own values.',
    });
  });
  notesSheet(wb, layout, lang);
  return toBytes(wb);
}

function notesSheet(wb: ReturnType<typeof newWorkbook>, layout: LayoutColumn[], lang: Lang): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(zh ? '说明' : 'Notes', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: zh ? '列名' : 'Column', width: 22 },
    { header: zh ? '英文列名' : 'Chinese name', width: 22 },
    { header: zh ? '必填' : 'Required', width: 8 },
    { header: zh ? '类型' : 'Type', width: 24 },
    { header: zh ? '说明' : 'Meaning', width: 80 },
  ];
  styleHeader(ws.getRow(1));
  for (const c of layout) {
    ws.addRow([c.header, headerOf(c, zh ? 'en' : 'zh'), c.required ? (zh ? '是' : 'yes') : '', TYPE_TEXT[c.type][lang], c.note[lang]]);
  }
  ws.addRow([]);
  for (const line of RULES[lang]) ws.addRow([line]);
  ws.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
}

function csvTemplate(layout: LayoutColumn[], example: Hospital, lang: Lang): Uint8Array {
  const pos = new Map(layout.filter((c) => c.key === 'history').map((c, i) => [c, i] as const));
  const row = layout.map((c) => {
    if (c.type === 'amount') {
      const v = c.key === 'history' ? example.history[pos.get(c)!] : c.key === 'claims' ? example.claims?.[c.index! - 1] :
        (example as unknown as Record<string, string | undefined>)[c.key];
      return v ?? '';
    }
    if (c.type === 'rate') return example.growth ?? '';
    const v = cellValue(example, c, lang, pos);
    return v === null ? '' : String(v);
  });
  const text = '\uFEFF' + Papa.unparse([layout.map((c) => c.header), row].map((r) => r.map(csvSafe)), { newline: '\r\n' }) + '\r\n';
  return new TextEncoder().encode(text);
}
