/**
 * What a case import says, in Chinese and English: a small keyed catalogue with {parameters}.
 * Row messages name the row, the column (by the file's own header when known) and the
 * institution code.
 */
import { CASE_COLUMNS } from './columns.ts';
import type { CaseColumn, CaseProgress, CaseReport, FileProblem, ProblemRow, RowProblem, RowProblemKind } from './types.ts';

import type { Lang } from '../display/lang.ts';
export type { Lang };
type Entry = { zh: string; en: string };

export const CASE_MESSAGES = {
  'row.missing': { zh: '第 {row} 行：「{column}」为空（机构 {institution}）', en: 'row {row}: {column} is empty (institution {institution})' },
  'row.unparsable.amount': { zh: '第 {row} 行：「{column}」不是金额（元，最多两位小数）：{value}（机构 {institution}）',
    en: 'row {row}: {column} is not an amount (yuan, at most 2 decimals): {value} (institution {institution})' },
  'row.unparsable.month': { zh: '第 {row} 行：「{column}」不是月份或日期：{value}（机构 {institution}）',
    en: 'row {row}: {column} is not a month or a date: {value} (institution {institution})' },
  'row.unparsable.points': { zh: '第 {row} 行：「{column}」不是点数（最多四位小数）：{value}（机构 {institution}）',
    en: 'row {row}: {column} is not a number of points (at most 4 decimals): {value} (institution {institution})' },
  'row.negative': { zh: '第 {row} 行：「{column}」为负数：{value}（机构 {institution}）', en: 'row {row}: {column} is negative: {value} (institution {institution})' },
  'row.unknownInstitution': { zh: '第 {row} 行：「{column}」{value} 不是本方案的定点机构', en: 'row {row}: {column} {value} is not an institution of this scenario' },
  'row.unknownGroup': { zh: '第 {row} 行：「{column}」{value} 不在病组目录中（机构 {institution}）',
    en: 'row {row}: {column} {value} is not in the group catalogue (institution {institution})' },
  'row.monthRange': { zh: '第 {row} 行：「{column}」{value} 不在 1–12 月之间（机构 {institution}）',
    en: 'row {row}: {column} {value} is not a month 1–12 (institution {institution})' },
  'row.otherYear': { zh: '第 {row} 行：「{column}」{value} 不在 {year} 年（机构 {institution}）',
    en: 'row {row}: {column} {value} is not in {year} (institution {institution})' },
  'row.malformed': { zh: '第 {row} 行：无法按表头拆分为各列（{reason}）：{line}', en: 'row {row}: cannot be split into the header\'s columns ({reason}): {line}' },

  'kind.missing': { zh: '必填项为空', en: 'required cell empty' },
  'kind.unparsable': { zh: '无法识别的值', en: 'value not readable' },
  'kind.negative': { zh: '负数', en: 'negative value' },
  'kind.unknownInstitution': { zh: '机构不在本方案中', en: 'institution not in the scenario' },
  'kind.unknownGroup': { zh: '病组不在目录中', en: 'group not in the catalogue' },
  'kind.monthRange': { zh: '月份超出 1–12', en: 'month out of range' },
  'kind.otherYear': { zh: '不是本年度的病例', en: 'case of another year' },
  'kind.malformed': { zh: '格式错误的行', en: 'malformed line' },
  'problem.count': { zh: '{kind}（{column}）：{count} 行', en: '{kind} ({column}): {count} rows' },
  'problem.countNoColumn': { zh: '{kind}：{count} 行', en: '{kind}: {count} rows' },

  'file.unreadable': { zh: '无法读取文件：{detail}', en: 'cannot read the file: {detail}' },
  'file.empty': { zh: '文件没有表头或没有数据', en: 'the file has no header or no data' },
  'file.missingColumn': { zh: '缺少必需的列「{column}」（可用的表头：{names}）', en: 'required column missing: {column} (accepted headers: {names})' },
  'file.duplicateColumn': { zh: '列「{column}」出现了两次：{detail}', en: 'column {column} appears twice: {detail}' },
  'file.unsupportedUnit': { zh: '列「{detail}」以万元计，请以元导出', en: 'column {detail} is in 10k yuan; export it in yuan' },
  'file.engine': { zh: '数据库引擎出错：{detail}', en: 'database engine error: {detail}' },

  'restarted': { zh: '病例分析引擎出错后已重启，本文件已重新导入', en: 'the case engine failed and was restarted; this file was imported again' },
  'summary': { zh: '读取 {rows} 行，计入 {accepted} 行，剔除 {rejected} 行（剔除行的基金支付 {amount} 元未计入）',
    en: '{rows} rows read, {accepted} counted, {rejected} left out (their fund-payable {amount} yuan not counted)' },
  'outside': { zh: '{n} 家机构（{cases} 条病例）属于按总额指标结算的分配池，其点数不参与结算（已写入方案，该池改按点数结算时才会用到）：{names}',
    en: '{n} institutions ({cases} cases) belong to pools settled by targets: their points do not count in the settlement '
      + '(written into the scenario, used only if their pool is settled by points): {names}' },
  'outside.one': { zh: '1 家机构（{cases} 条病例）属于按总额指标结算的分配池，其点数不参与结算（已写入方案，该池改按点数结算时才会用到）：{names}',
    en: '1 institution ({cases} cases) belongs to a pool settled by targets: its points do not count in the settlement '
      + '(written into the scenario, used only if its pool is settled by points): {names}' },
  'outside.more': { zh: '{names} 等 {n} 家', en: '{names} and {more} more' },

  'progress.engine': { zh: '正在加载数据库引擎…', en: 'Loading the database engine…' },
  'progress.read': { zh: '正在读取病例并计算点数…', en: 'Reading cases and computing points…' },
  'progress.readRows': { zh: '正在读取病例：已读约 {rows} 行', en: 'Reading cases: about {rows} rows read' },
  'progress.aggregate': { zh: '正在按机构和月份汇总…', en: 'Totalling by institution and month…' },
  'progress.report': { zh: '正在整理不匹配的行…', en: 'Collecting rows that do not match…' },
  'progress.done': { zh: '导入完成', en: 'Import finished' },
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof CASE_MESSAGES;

/** A message with its {parameters} filled in. */
export function caseText(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return CASE_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function columnLabel(lang: Lang, c: CaseColumn): string {
  const d = CASE_COLUMNS.find((x) => x.key === c)!;
  return lang === 'zh' ? d.zh : d.en;
}

/** The column as the file names it, else our own label. */
function columnName(lang: Lang, report: CaseReport | null, c: CaseColumn): string {
  return report?.file.columns[c] ?? columnLabel(lang, c);
}

const UNPARSABLE_KEY: Record<CaseColumn, MessageKey> = {
  institution: 'row.unparsable.amount', group: 'row.unparsable.amount',
  cost: 'row.unparsable.amount', fund: 'row.unparsable.amount', month: 'row.unparsable.month', special: 'row.unparsable.points',
};

const ROW_KEY: Record<Exclude<RowProblemKind, 'unparsable'>, MessageKey> = {
  missing: 'row.missing', negative: 'row.negative', unknownInstitution: 'row.unknownInstitution', unknownGroup: 'row.unknownGroup',
  monthRange: 'row.monthRange', otherYear: 'row.otherYear', malformed: 'row.malformed',
};

/** One example row of a problem, as a sentence. */
export function rowMessage(lang: Lang, problem: RowProblem, row: ProblemRow, report: CaseReport | null = null, year?: number): string {
  const col = problem.column;
  const key = problem.kind === 'unparsable' ? UNPARSABLE_KEY[col ?? 'cost'] : ROW_KEY[problem.kind];
  const none = lang === 'zh' ? '（空）' : '(empty)';
  return caseText(lang, key, {
    row: row.row,
    column: col ? columnName(lang, report, col) : '',
    value: col ? (row.values[col] ?? none) : '',
    institution: row.values.institution ?? none,
    year: year ?? '',
    reason: row.reason ?? '',
    line: row.line ?? '',
  });
}

/** A problem's heading: kind, column and count. */
export function problemTitle(lang: Lang, problem: RowProblem, report: CaseReport | null = null): string {
  const kind = caseText(lang, `kind.${problem.kind}` as MessageKey);
  return problem.column
    ? caseText(lang, 'problem.count', { kind, column: columnName(lang, report, problem.column), count: problem.count })
    : caseText(lang, 'problem.countNoColumn', { kind, count: problem.count });
}

export function fileProblemMessage(lang: Lang, p: FileProblem): string {
  const def = p.column ? CASE_COLUMNS.find((c) => c.key === p.column) : undefined;
  return caseText(lang, `file.${p.kind}` as MessageKey, {
    column: p.column ? columnLabel(lang, p.column) : '',
    names: def ? [def.zh, def.en, ...def.aliases.slice(0, 4)].join(lang === 'zh' ? '、' : ', ') : '',
    detail: p.detail ?? '',
  });
}

export function summaryMessage(lang: Lang, r: CaseReport): string {
  const line = caseText(lang, 'summary', { rows: r.rows, accepted: r.accepted, rejected: r.rejected, amount: r.rejectedFundPayable });
  return r.engineRestarts ? `${line}${lang === 'zh' ? '；' : '; '}${caseText(lang, 'restarted')}` : line;
}

export function progressMessage(lang: Lang, p: CaseProgress): string {
  if (p.phase === 'read' && p.rows !== undefined) return caseText(lang, 'progress.readRows', { rows: p.rows });
  return caseText(lang, `progress.${p.phase}` as MessageKey);
}

/** How many names an `outside` message lists. */
export const OUTSIDE_NAMES = 5;

/**
 * Institutions with cases in the list whose pool is not settled by points (src/scenario/with-points.ts
 * `outside`): how many, their cases, the first few names — their points are written but never read.
 * Null when there are none.
 */
export function outsidePointsMessage(lang: Lang, outside: readonly { name: string; cases: number }[]): string | null {
  if (!outside.length) return null;
  const cases = outside.reduce((a, x) => a + x.cases, 0);
  const first = outside.slice(0, OUTSIDE_NAMES).map((x) => x.name).join(lang === 'zh' ? '、' : ', ');
  const names = outside.length > OUTSIDE_NAMES
    ? caseText(lang, 'outside.more', { names: first, n: outside.length, more: outside.length - OUTSIDE_NAMES }) : first;
  return caseText(lang, outside.length === 1 ? 'outside.one' : 'outside', { n: outside.length, cases, names });
}
