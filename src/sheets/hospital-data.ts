/**
 * The hospitals' input data in the import layout: shared by the template and by
 * exportHospitalData, whose output imports back to the same hospitals (round trip).
 */
import type ExcelJS from 'exceljs';
import type { Hospital, Scenario } from '../format/types.ts';
import { FIXED_COLUMNS, headerOf, type ColumnKey, type ColumnType, type FixedKey } from './columns.ts';
import { amountValue, commitRow, commitSheet, newWorkbook, numFmtOf, styleHeader, toBytes, widthFor, type Kind } from './style.ts';
import { labelOf, type Bilingual } from './vocab.ts';
import type { Lang } from '../display/lang.ts';

export interface LayoutColumn {
  key: ColumnKey;
  index?: number;
  byYear?: boolean;
  name?: string;
  type: ColumnType;
  required: boolean;
  header: string;
  note: Bilingual;
}

export interface LayoutOptions {
  /** Years of the history columns, oldest first; numbers 1..n when no years are known. */
  history: { years: number[] } | { count: number };
  claims: boolean;
  indicators?: string[];
  fields?: string[];
  /** Optional fixed columns to include (required ones always are). */
  optional: FixedKey[];
}

const OPTIONAL_ORDER: FixedKey[] = ['lockedTarget', 'growth', 'volume', 'volumeFloor', 'deductions', 'score', 'advanceEligible'];

export function hospitalLayout(lang: Lang, o: LayoutOptions): LayoutColumn[] {
  const cols: LayoutColumn[] = [];
  const fixed = (k: FixedKey) => {
    const def = FIXED_COLUMNS.find((c) => c.key === k)!;
    cols.push({ key: k, type: def.type, required: def.required, header: def[lang], note: def.note });
  };
  for (const k of ['id', 'name', 'level', 'category', 'class'] as const) fixed(k);
  const years = 'years' in o.history ? o.history.years : Array.from({ length: o.history.count }, (_, i) => i + 1);
  const byYear = 'years' in o.history;
  years.forEach((y, i) => cols.push({
    key: 'history', index: y, byYear, type: 'amount', required: true, header: headerOf({ key: 'history', index: y, byYear }, lang),
    note: {
      zh: `${byYear ? `${y} 年` : `第 ${i + 1} 年（最早的为 1）`}医保基金支付的费用（元），按年份从早到晚排列。`,
      en: `Fund-payable spending of ${byYear ? y : `year ${i + 1} (1 = oldest)`} (yuan), oldest year first.`,
    },
  }));
  const before = OPTIONAL_ORDER.filter((k) => o.optional.includes(k) && ['lockedTarget', 'growth', 'volume', 'volumeFloor'].includes(k));
  const after = OPTIONAL_ORDER.filter((k) => o.optional.includes(k) && !before.includes(k));
  before.forEach(fixed);
  if (o.claims) {
    for (let m = 1; m <= 12; m++) {
      cols.push({ key: 'claims', index: m, type: 'amount', required: false, header: headerOf({ key: 'claims', index: m }, lang),
        note: { zh: `${m} 月经审核的申报金额（元）。填写则 12 个月都要填（没有填 0）；都不填则按增长率预测。`,
          en: `Audited claims of month ${m} (yuan). Fill all 12 months (0 for none) or none (then claims are projected by growth).` } });
    }
  }
  after.forEach(fixed);
  for (const id of o.indicators ?? []) {
    cols.push({ key: 'indicator', name: id, type: 'score', required: false, header: headerOf({ key: 'indicator', name: id }, lang),
      note: { zh: `考核指标「${id}」的得分（0–100）。`, en: `Score of quality indicator "${id}" (0–100).` } });
  }
  for (const f of o.fields ?? []) {
    cols.push({ key: 'field', name: f, type: 'number', required: false, header: headerOf({ key: 'field', name: f }, lang),
      note: { zh: `公式可用的数值字段「${f}」。`, en: `Numeric field "${f}" usable in formulas.` } });
  }
  return cols;
}

const KIND: Record<ColumnType, Kind> = { id: 'text', text: 'text', amount: 'amount', count: 'count', score: 'number', rate: 'percent', bool: 'bool',
  number: 'number' };

/** The cell value of one hospital in one layout column. */
export function cellValue(h: Hospital, c: LayoutColumn, lang: Lang, historyPos: Map<LayoutColumn, number>): string | number | null {
  const yes = lang === 'zh' ? '是' : 'yes';
  const no = lang === 'zh' ? '否' : 'no';
  switch (c.key) {
    case 'id': return h.id;
    case 'name': return h.name;
    case 'level': case 'category': case 'class': return labelOf(c.key, h[c.key], lang);
    case 'history': return amountValue(h.history[historyPos.get(c)!]);
    case 'claims': return h.claims ? amountValue(h.claims[c.index! - 1]) : null;
    case 'indicator': return h.indicators?.[c.name!] ?? null;
    case 'field': return h.fields?.[c.name!] ?? null;
    case 'lockedTarget': case 'deductions': return amountValue(h[c.key]);
    case 'growth': return h.growth === undefined ? null : Number(h.growth);
    case 'volume': case 'volumeFloor': case 'score': return h[c.key] ?? null;
    case 'advanceEligible': return h.advanceEligible === undefined ? null : h.advanceEligible ? yes : no;
  }
}

/** Write a hospitals data sheet: frozen header, formats and widths per column. */
export function writeHospitalSheet(wb: ExcelJS.Workbook, name: string, layout: LayoutColumn[], hospitals: Hospital[], lang: Lang): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.columns = layout.map((c) => {
    const numFmt = numFmtOf(KIND[c.type]);
    return { header: c.header, width: c.key === 'name' ? 28 : widthFor(c.header, 10), style: numFmt ? { numFmt } : {} };
  });
  styleHeader(ws.getRow(1));
  layout.forEach((c, i) => {
    if (c.required) ws.getRow(1).getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4C4' } };
  });
  const historyPos = new Map(layout.filter((c) => c.key === 'history').map((c, i) => [c, i] as const));
  for (const h of hospitals) commitRow(ws.addRow(layout.map((c) => cellValue(h, c, lang, historyPos))));
  return ws;
}

/** History years for a scenario: the years before meta.year when it is known. */
export function historyOf(s: Scenario): LayoutOptions['history'] {
  const n = s.policy.historyWeights.length;
  return s.meta.year !== undefined ? { years: Array.from({ length: n }, (_, i) => s.meta.year! - n + i) } : { count: n };
}

/** The scenario's hospitals in the import layout (columns for every field any hospital uses). */
export async function exportHospitalData(scenario: Scenario, lang: Lang): Promise<Uint8Array> {
  const wb = newWorkbook();
  addHospitalDataSheet(wb, lang === 'zh' ? '机构数据' : 'Hospitals', scenario, lang);
  return toBytes(wb);
}

/** That sheet added to `wb` (in memory or streamed: rows committed as written), e.g. as the results workbook's last sheet. */
export function addHospitalDataSheet(wb: ExcelJS.Workbook, name: string, scenario: Scenario, lang: Lang): void {
  const hs = scenario.hospitals;
  const used = (k: keyof Hospital) => hs.some((h) => h[k] !== undefined);
  const uniq = (xs: string[]) => [...new Set(xs)];
  const layout = hospitalLayout(lang, {
    history: historyOf(scenario),
    claims: used('claims'),
    indicators: uniq(hs.flatMap((h) => Object.keys(h.indicators ?? {}))),
    fields: uniq(hs.flatMap((h) => Object.keys(h.fields ?? {}))),
    optional: OPTIONAL_ORDER.filter((k) => used(k)),
  });
  commitSheet(writeHospitalSheet(wb, name, layout, hs, lang));
}
