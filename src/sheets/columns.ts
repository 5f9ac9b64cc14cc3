/**
 * The hospital column catalogue: every column a hospitals sheet may have, its Chinese and
 * English header, the spellings we accept, its value type and whether it is required.
 * Matching is tolerant: case, spaces, punctuation and full-width forms are ignored; history
 * columns are recognised by year ("2024年支出", "history 2024") or by number ("历史支出1"),
 * monthly claims by month ("1月申报", "claims Jan"), quality indicators and formula fields by
 * a prefix ("指标:timeliness", "field: costPerCase").
 */
import { normKey, type Bilingual } from './vocab.ts';
import type { Lang } from '../display/lang.ts';

export type ColumnType = 'id' | 'text' | 'amount' | 'count' | 'score' | 'rate' | 'bool' | 'number';

export type FixedKey =
  | 'id' | 'name' | 'level' | 'category' | 'class'
  | 'lockedTarget' | 'growth' | 'volume' | 'volumeFloor' | 'deductions' | 'score' | 'advanceEligible';
export type DynamicKey = 'history' | 'claims' | 'indicator' | 'field';
export type ColumnKey = FixedKey | DynamicKey;

export interface ColumnDef {
  key: FixedKey;
  zh: string;
  en: string;
  type: ColumnType;
  required: boolean;
  aliases: string[];
  note: Bilingual;
}

export const FIXED_COLUMNS: readonly ColumnDef[] = [
  { key: 'id', zh: '机构编码', en: 'Institution code', type: 'id', required: true,
    aliases: ['医疗机构编码', '定点机构编码', '定点医疗机构编码', '定点医药机构编码', '医药机构编码', '医保编码', '医保机构编码', '医疗机构代码', '机构代码', '医院编码', '机构编号', '编码', '代码', '编号', 'id', 'code',
      'hospitalid', 'hospitalcode', 'institutionid', 'institutioncode'],
    note: { zh: '每家机构唯一的编码（文本）。合并导入时按它匹配已有机构。', en: 'Unique code of each institution (text). A merge import matches existing institutions by it.' } },
  { key: 'name', zh: '机构名称', en: 'Name', type: 'text', required: true,
    aliases: ['医疗机构名称', '定点医疗机构名称', '定点医药机构名称', '医药机构名称', '定点机构名称', '医院名称', '单位名称', '名称', 'name', 'hospitalname', 'institutionname', 'hospital', 'institution'],
    note: { zh: '机构全称。', en: 'Full name of the institution.' } },
  { key: 'level', zh: '级别', en: 'Level', type: 'text', required: true,
    aliases: ['等级', '医院等级', '机构级别', '医院级别', '机构等级', 'level', 'grade'],
    note: { zh: '三级 / 二级 / 一级 / 未定级（对应级别系数）。', en: 'tertiary / secondary / primary / unrated (keys of the level coefficients).' } },
  { key: 'category', zh: '类别', en: 'Category', type: 'text', required: true,
    aliases: ['机构类别', '医院类别', '医院类型', 'category', 'kind'],
    note: { zh: '综合 / 中医 / 专科 / 社区（对应类别系数）。', en: 'general / TCM / specialty / community (keys of the category coefficients).' } },
  { key: 'class', zh: '机构类型', en: 'Class', type: 'text', required: true,
    aliases: ['结算类型', '结算类别', '保证金类别', '费用类型', '类型', 'class', 'institutionclass', 'depositclass', 'type'],
    note: { zh: '医院 / 门诊慢特病 / 基层：决定质量保证金比例（10% / 5% / 2%）和所属分配池。',
      en: 'hospital / outpatient chronic / primary care: sets the deposit rate (10% / 5% / 2%) and the pool.' } },
  { key: 'lockedTarget', zh: '锁定指标', en: 'Locked target', type: 'amount', required: false,
    aliases: ['协商指标', '谈判指标', '锁定总额', '固定指标', 'lockedtarget', 'negotiatedtarget', 'fixedtarget'],
    note: { zh: '协商确定的年度指标（元）；填写后不参与按权重分配。', en: 'Negotiated annual target (yuan); when given, the institution is not allocated by weight.' } },
  { key: 'growth', zh: '增长率', en: 'Growth', type: 'rate', required: false,
    aliases: ['预计增长率', '费用增长率', '支出增长率', 'growth', 'growthrate'],
    note: { zh: '预测申报额用的增长率，如 5% 或 0.05。', en: 'Growth used to project claims, e.g. 5% or 0.05.' } },
  { key: 'volume', zh: '服务量', en: 'Volume', type: 'count', required: false,
    aliases: ['有效服务量', '服务人次', '实际服务量', 'volume', 'servicevolume', 'cases'],
    note: { zh: '本年有效服务量（整数，如住院人次）。', en: 'Service volume of the year (whole number, e.g. admissions).' } },
  { key: 'volumeFloor', zh: '最低服务量', en: 'Volume floor', type: 'count', required: false,
    aliases: ['服务量下限', '保底服务量', '最低服务人次', 'volumefloor', 'minimumvolume', 'minvolume'],
    note: { zh: '协议约定的最低服务量（双控）。', en: 'Minimum service volume in the agreement (dual control).' } },
  { key: 'deductions', zh: '核减金额', en: 'Deductions', type: 'amount', required: false,
    aliases: ['核减', '扣减金额', '拒付金额', 'deductions', 'deduction', 'disallowed'],
    note: { zh: '审核核减（拒付）的金额（元）。', en: 'Amounts disallowed by audit (yuan).' } },
  { key: 'score', zh: '考核得分', en: 'Score', type: 'score', required: false,
    aliases: ['考核分数', '年终考核得分', '考核分', '得分', 'score', 'assessmentscore', 'qualityscore'],
    note: { zh: '年终考核得分（0–100），决定保证金返还比例。', en: 'Year-end assessment score (0–100); decides how much of the deposit is returned.' } },
  { key: 'advanceEligible', zh: '预付资金', en: 'Advance eligible', type: 'bool', required: false,
    aliases: ['可预付', '周转金', '预付', '拨付周转金', 'advanceeligible', 'advance'],
    note: { zh: '是否拨付周转金（是 / 否）。', en: 'Receives the working-capital advance (yes / no).' } },
];

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS_EN_LONG = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
export const MONTH_LABEL_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A header recognised: which field, and for dynamic ones which year / month / name. */
export interface ColumnMatch {
  key: ColumnKey;
  type: ColumnType;
  /** history: the year (e.g. 2024) or, for generic headers, the ordinal (1, 2, …); claims: month 1–12. */
  index?: number;
  /** history by year (true) or by ordinal (false). */
  byYear?: boolean;
  /** indicator id or field name. */
  name?: string;
  /** 10000 when the header says the column is in 万元. */
  scale: 1 | 10000;
}

const FIXED_INDEX = new Map<string, ColumnDef>();
for (const c of FIXED_COLUMNS) for (const a of [c.zh, c.en, c.key, ...c.aliases]) FIXED_INDEX.set(normKey(a), c);

const HISTORY_WORDS = new Set(['', '支出', '基金支出', '医保基金支出', '统筹基金支出', '基金支付', '统筹支付', '实际支出', '历史支出', '费用', '医疗费用', '总额', '决算', '清算',
  'history', 'spending', 'fundspending', 'expenditure', 'fundexpenditure', 'actual', 'fundpayable', 'paid', 'historyspending']);
const CLAIM_WORDS = /(申报金额|申报费用|申报额|申报|结算申报|实际申报|claims|claim|declared)/g;

const INDICATOR_PREFIX = new Set(['指标', '考核指标', 'indicator', 'ind']);
const FIELD_PREFIX = new Set(['字段', '自定义字段', 'field']);
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

/** Recognise a header cell, or null when it is not a column we know. */
export function matchHeader(raw: string): ColumnMatch | null {
  const text = raw.normalize('NFKC').trim();
  if (!text) return null;
  const prefixed = /^([^:]{1,12}):(.+)$/.exec(text);
  if (prefixed) {
    const p = normKey(prefixed[1]!);
    const name = prefixed[2]!.trim();
    // A name the row's plain objects would read from their prototype is no column of ours (reported as unknown, ignored).
    if (RESERVED_NAMES.has(name)) return null;
    if (INDICATOR_PREFIX.has(p) && name) return { key: 'indicator', type: 'score', name, scale: 1 };
    if (FIELD_PREFIX.has(p) && name) return { key: 'field', type: 'number', name, scale: 1 };
  }
  let k = normKey(text);
  let scale: 1 | 10000 = 1;
  if (/万元$|10kyuan$|10000yuan$|inwan$|wan$/.test(k)) {
    scale = 10000;
    k = k.replace(/万元$|10kyuan$|10000yuan$|inwan$|wan$/, '');
  } else k = k.replace(/(\(元\)|元|yuan|cny|rmb)$/, '');
  const fixed = FIXED_INDEX.get(k);
  if (fixed) return { key: fixed.key, type: fixed.type, scale: fixed.type === 'amount' ? scale : 1 };
  return matchHistory(k, scale) ?? matchClaims(k, scale);
}

function matchHistory(k: string, scale: 1 | 10000): ColumnMatch | null {
  const y = /(19[9]\d|2[01]\d\d)/.exec(k);
  if (y) {
    const rest = k.replace(y[0], '').replace(/^年度?/, '').replace(/年度?$/, '').replace(/^(fy|year)|(fy|year)$/, '');
    if (HISTORY_WORDS.has(rest)) return { key: 'history', type: 'amount', index: Number(y[0]), byYear: true, scale };
    return null;
  }
  const n = /^(历史支出|历史|history|historyyear|year|hist)(\d{1,2})$/.exec(k) ?? /^(?:第)?(\d{1,2})(年支出|年历史支出)$/.exec(k);
  if (n) {
    const ord = Number(/^\d/.test(n[1]!) ? n[1] : n[2]);
    if (ord >= 1 && ord <= 10) return { key: 'history', type: 'amount', index: ord, byYear: false, scale };
  }
  return null;
}

function matchClaims(k: string, scale: 1 | 10000): ColumnMatch | null {
  const hadWord = CLAIM_WORDS.test(k);
  CLAIM_WORDS.lastIndex = 0;
  const rest = k.replace(CLAIM_WORDS, '').replace(/份/g, '').replace(/^(19|20|21)\d\d年?/, '');
  let month: number | null = null;
  let m = /^(\d{1,2})月$/.exec(rest) ?? /^月(\d{1,2})$/.exec(rest);
  if (m) month = Number(m[1]);
  else if ((m = /^(十一|十二|[一二三四五六七八九十])月$/.exec(rest))) month = MONTHS_ZH.indexOf(m[1]!) + 1;
  else if (MONTHS_EN.includes(rest)) month = MONTHS_EN.indexOf(rest) + 1;
  else if (MONTHS_EN_LONG.includes(rest)) month = MONTHS_EN_LONG.indexOf(rest) + 1;
  else if (hadWord && (m = /^m?(\d{1,2})$/.exec(rest))) month = Number(m[1]);
  if (month === null || month < 1 || month > 12) return null;
  return { key: 'claims', type: 'amount', index: month, scale };
}

/** The header we write for a column, in a language. */
export function headerOf(m: Pick<ColumnMatch, 'key' | 'index' | 'byYear' | 'name'>, lang: Lang): string {
  switch (m.key) {
    case 'history':
      return m.byYear ? (lang === 'zh' ? `${m.index}年基金支出` : `History ${m.index}`) : (lang === 'zh' ? `历史支出${m.index}` : `History ${m.index}`);
    case 'claims':
      return lang === 'zh' ? `${m.index}月申报` : `Claims ${MONTH_LABEL_EN[(m.index ?? 1) - 1]}`;
    case 'indicator':
      return lang === 'zh' ? `指标:${m.name}` : `Indicator: ${m.name}`;
    case 'field':
      return lang === 'zh' ? `字段:${m.name}` : `Field: ${m.name}`;
    default: {
      const def = FIXED_COLUMNS.find((c) => c.key === m.key)!;
      return def[lang];
    }
  }
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
