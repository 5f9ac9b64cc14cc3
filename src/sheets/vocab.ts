/**
 * Text normalization for tolerant matching, and the value vocabularies of level, category
 * and class: canonical codes (what scenarios use) with their Chinese and English labels and
 * the spellings we accept. A value we do not recognise is kept as written.
 */

import type { Lang } from '../display/lang.ts';
import { termName } from '../display/glossary.ts';

export type Bilingual = { zh: string; en: string };

/** NFKC (full-width → half-width), lower case, no spaces or punctuation. */
export function normKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0\u3000_\-–—.·•*#:;,'"“”‘’`()[\]{}<>【】〔〕《》、/\\|]/g, '');
}

/** Trimmed, inner whitespace (also full-width) collapsed; otherwise as written. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export const hasCjk = (s: string): boolean => /[\u3400-\u9fff]/.test(s);

export type VocabField = 'level' | 'category' | 'class';

interface Term {
  code: string;
  zh: string;
  en: string;
  aliases: string[];
}

// Labels are the one glossary's (src/display/glossary.ts); here only the spellings we accept.
const LEVELS: Term[] = [
  { code: 'tertiary', zh: '三级', en: 'tertiary', aliases: ['三级医院', '三甲', '三乙', '三级甲等', '三级乙等', '3级', 'level3', 'grade3', 'iii'] },
  { code: 'secondary', zh: '二级', en: 'secondary', aliases: ['二级医院', '二甲', '二乙', '二级甲等', '二级乙等', '2级', 'level2', 'grade2', 'ii'] },
  { code: 'primary', zh: '一级', en: 'primary', aliases: ['一级医院', '一甲', '一级及以下', '1级', 'level1', 'grade1'] },
  { code: 'community', zh: '社区', en: 'community', aliases: ['社区卫生服务中心', '社区级'] },
  { code: 'unrated', zh: '未定级', en: 'unrated', aliases: ['未评级', '无等级', 'ungraded', 'none'] },
];

const CATEGORIES: Term[] = [
  { code: 'general', zh: '综合', en: 'general', aliases: ['综合医院', '综合类', 'generalhospital'] },
  { code: 'tcm', zh: '中医', en: 'tcm', aliases: ['中医院', '中医医院', '中西医结合', '中医类', 'chinesemedicine', 'traditionalchinesemedicine'] },
  { code: 'specialty', zh: '专科', en: 'specialty', aliases: ['专科医院', '专科类', 'specialist', 'specialised', 'specialized'] },
  { code: 'community', zh: '社区', en: 'community', aliases: ['社区卫生服务中心', '社区卫生服务站', 'communitycentre', 'communitycenter'] },
  { code: 'township', zh: '乡镇卫生院', en: 'township', aliases: ['乡镇', '卫生院', 'townshiphospital'] },
  { code: 'chronic', zh: '慢特病', en: 'chronic', aliases: ['门诊慢特病', '慢病', '门诊大病'] },
  { code: 'maternal', zh: '妇幼', en: 'maternal', aliases: ['妇幼保健院', '妇幼保健', 'maternity'] },
  { code: 'rehab', zh: '康复', en: 'rehab', aliases: ['康复医院', 'rehabilitation'] },
];

const CLASSES: Term[] = [
  { code: 'hospital', zh: '医院', en: 'hospital', aliases: ['医院类'] },
  { code: 'inpatient', zh: '住院', en: 'inpatient', aliases: ['住院医疗', '住院费用'] },
  { code: 'outpatient', zh: '门诊', en: 'outpatient', aliases: ['门诊费用', '普通门诊'] },
  { code: 'chronic', zh: '门诊慢特病', en: 'chronic', aliases: ['门诊大病', '门诊慢性病', '门诊特殊病', '门慢门特', '慢特病', '慢病', 'outpatientchronic', 'chronicdisease'] },
  { code: 'primary', zh: '基层', en: 'primary', aliases: ['基层医疗机构', '基层医疗', '社区', '基本药物', 'primarycare'] },
  { code: 'pharmacy', zh: '定点药店', en: 'pharmacy', aliases: ['药店', '定点零售药店', '零售药店'] },
];

const TERMS: Record<VocabField, Term[]> = { level: LEVELS, category: CATEGORIES, class: CLASSES };

const INDEX: Record<VocabField, Map<string, string>> = {
  level: indexOf('level', LEVELS),
  category: indexOf('category', CATEGORIES),
  class: indexOf('class', CLASSES),
};

/** Every spelling → code; the glossary's names first in, so a later alias never takes them over. */
function indexOf(field: VocabField, terms: Term[]): Map<string, string> {
  const m = new Map<string, string>();
  const add = (a: string, code: string) => { if (!m.has(normKey(a))) m.set(normKey(a), code); };
  for (const t of terms) for (const a of [t.code, termName(field, t.code, 'zh'), termName(field, t.code, 'en')]) add(a, t.code);
  for (const t of terms) for (const a of [t.zh, t.en, ...t.aliases]) add(a, t.code);
  return m;
}

const MEMO: Record<VocabField, Map<string, string | null>> = { level: new Map(), category: new Map(), class: new Map() };

/** The canonical code of a value, or null when it is not a known spelling. */
export function canonicalCode(field: VocabField, value: string): string | null {
  const memo = MEMO[field];
  let code = memo.get(value);
  if (code === undefined) {
    code = INDEX[field].get(normKey(value)) ?? null;
    if (memo.size < 10_000) memo.set(value, code);
  }
  return code;
}

/** Known spelling → code; anything else is kept as written (trimmed). */
export function toCode(field: VocabField, value: string): string {
  return canonicalCode(field, value) ?? cleanText(value);
}

/** The label of a code in a language; unknown codes are shown as they are. */
export function labelOf(field: VocabField, code: string, lang: Lang): string {
  return termName(field, code, lang);
}

/** The labels offered in the template's drop-down lists. */
export function labelsOf(field: VocabField, lang: Lang): string[] {
  return TERMS[field].map((t) => termName(field, t.code, lang));
}

/**
 * A value in the vocabulary of a scenario: if the scenario already uses a key that means the
 * same (e.g. it keys coefficients by "三级" and the import says "tertiary"), use that key.
 */
export function alignTo(field: VocabField, value: string, known: ReadonlySet<string>): string {
  if (known.has(value)) return value;
  const code = canonicalCode(field, value);
  if (code === null) return value;
  for (const k of known) if (canonicalCode(field, k) === code) return k;
  return value;
}
