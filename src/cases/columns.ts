/**
 * The six columns of a case list, their headers (Chinese and English) and the spellings we
 * accept. Matching ignores case, spaces, punctuation, full-width forms and a unit in brackets
 * ("总费用（元）" is 总费用). A header in 万元 is refused: case lists are exported in 元.
 */
import { normKey } from '../sheets/vocab.ts';
import type { CaseColumn, FileProblem } from './types.ts';

export interface CaseColumnDef {
  key: CaseColumn;
  zh: string;
  en: string;
  required: boolean;
  aliases: string[];
}

export const CASE_COLUMNS: readonly CaseColumnDef[] = [
  { key: 'institution', zh: '机构编码', en: 'institution', required: true,
    aliases: ['定点医疗机构编码', '医疗机构编码', '定点机构编码', '医药机构编码', '机构代码', '医院编码', '医疗机构代码', '机构编号',
      'institution code', 'institution id', 'hospital', 'hospital code', 'hospital id', 'provider'] },
  { key: 'group', zh: '病组编码', en: 'group', required: true,
    aliases: ['病种编码', '病组代码', '病种代码', '病种分组编码', '分组编码', 'dip编码', 'drg编码', 'dip病种编码', 'drg病组编码', '病种分值编码',
      'group code', 'group id', 'dip', 'drg', 'dip group', 'drg group'] },
  { key: 'cost', zh: '总费用', en: 'cost', required: true,
    aliases: ['医疗总费用', '住院总费用', '费用总额', '总金额', '医疗费用总额', 'total cost', 'total', 'total costs'] },
  { key: 'fund', zh: '基金支付', en: 'fund payable', required: true,
    aliases: ['基金支付金额', '统筹基金支付', '医保基金支付', '基金支付额', '统筹支付', '统筹基金支付金额', 'fund', 'fund paid', 'fund-payable', 'fund payable amount'] },
  { key: 'month', zh: '出院月份', en: 'month', required: true,
    aliases: ['出院日期', '出院时间', '结算月份', '结算日期', '出院年月', '月份', 'discharge month', 'discharge date', 'discharged', 'date'] },
  { key: 'special', zh: '特例单议点数', en: 'special points', required: false,
    aliases: ['特例单议分值', '特例单议核定点数', '特例单议核定分值', '特病单议点数', '特病单议分值', '单议点数', '核定点数',
      'special review points', 'special review', 'special'] },
];

const BRACKETED_UNIT = /[（(][^（）()]*[)）]\s*$/;

/** A header's key for matching; its bracketed unit is dropped. */
export function headerKey(h: string): string {
  return normKey(h.replace(BRACKETED_UNIT, ''));
}

const BY_KEY = new Map<string, CaseColumn>();
for (const c of CASE_COLUMNS) for (const a of [c.zh, c.en, ...c.aliases]) BY_KEY.set(headerKey(a), c.key);

export function matchHeader(h: string): CaseColumn | null {
  return BY_KEY.get(headerKey(h)) ?? null;
}

export interface HeaderPlan {
  /** Column index in the file of each case column found. */
  index: Partial<Record<CaseColumn, number>>;
  /** The file's header text of each case column (null: absent). */
  names: Partial<Record<CaseColumn, string | null>>;
  ignored: string[];
  problems: FileProblem[];
}

/** Map a header row to the case columns; every required column must be there exactly once. */
export function planHeader(headers: string[]): HeaderPlan {
  const index: HeaderPlan['index'] = {};
  const names: HeaderPlan['names'] = {};
  const ignored: string[] = [];
  const problems: FileProblem[] = [];
  headers.forEach((h, i) => {
    const key = matchHeader(h);
    if (!key) { if (h.trim() !== '') ignored.push(h); return; }
    if (/万元/.test(h)) { problems.push({ kind: 'unsupportedUnit', column: key, detail: h }); return; }
    if (index[key] !== undefined) { problems.push({ kind: 'duplicateColumn', column: key, detail: `${names[key]} / ${h}` }); return; }
    index[key] = i;
    names[key] = h;
  });
  for (const c of CASE_COLUMNS) {
    if (names[c.key] === undefined) names[c.key] = null;
    if (c.required && index[c.key] === undefined && !problems.some((p) => p.column === c.key)) problems.push({ kind: 'missingColumn', column: c.key });
  }
  return { index, names, ignored, problems };
}
