/**
 * An issue in the user's language, for the CLI and the app: the message from the catalogue
 * (src/format/messages.ts), where it is in words — 「N001 示例市第一人民医院」的「2024年基金支出」
 * rather than `hospitals[12].history[2]` — and the field path kept as a detail for experts.
 */
import type { Lang } from '../display/lang.ts';
import { grouped } from '../display/number.ts';
import { termName } from '../display/glossary.ts';
import type { Issue } from '../format/issues.ts';
import { isMsgCode, renderMessage } from '../format/messages.ts';
import { parsePath, type Path } from '../format/path.ts';
import { labelParts, valueAt } from './describe.ts';
import type { Workspace } from './types.ts';
import { scenarioOrError } from './workspace.ts';

export interface IssueText {
  /** Where, in words ("" for the whole file). */
  where: string;
  /** What is wrong and what to type instead. */
  what: string;
  /** The field path, as printed by src/format/path.ts ("" for the whole file). */
  path: string;
}

/**
 * The message of an issue in `lang` (its English text when it has no catalogue code). With `doc`,
 * an institution the message names by code only (the engine's model keeps no names) is named in
 * full: 「N001 示例市第一人民医院」.
 */
export function issueMessage(i: Issue, lang: Lang, doc?: unknown): string {
  if (!i.code || !isMsgCode(i.code)) return i.message;
  return renderMessage(i.code, withTerms(withSeparators(withName(i.params, doc)), lang), lang);
}

/**
 * Codes the message names in the bureau's words: an institution class (`class`, and the list
 * `classes` the engine writes as `"hospital", "chronic"`) by its name in the glossary — 「住院」,
 * 「医院、门诊慢特病、基层」 — a code the glossary lacks as written.
 */
function withTerms(params: Issue['params'], lang: Lang): Issue['params'] {
  if (!params || (typeof params.class !== 'string' && typeof params.classes !== 'string')) return params;
  const out: Record<string, string | number> = { ...params };
  if (typeof params.class === 'string') out.class = termName('class', params.class, lang);
  if (typeof params.classes === 'string') {
    const codes = [...params.classes.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    const names = codes.map((c) => termName('class', c, lang));
    out.classes = lang === 'zh' ? names.join('、') : names.map((n) => `"${n}"`).join(', ');
  }
  return out;
}

/** Amounts the engine wrote as plain yuan ("1946688295.50") read as the display module shows them ("1,946,688,295.50"). */
function withSeparators(params: Issue['params']): Issue['params'] {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && AMOUNT.test(v) ? grouped(v, 2) : v]));
}
const AMOUNT = /^-?\d+\.\d{2}$/;

/** A pool the message names by its code: its name from the scenario (「分配池「医院」」 rather than `hospitals`). */
function withPoolName(params: Issue['params'], doc: unknown): Issue['params'] {
  if (!params || typeof params.pool !== 'string' || !params.pool || params.poolName !== undefined || !doc) return params;
  const pools = valueAt(doc, ['policy', 'pools']);
  const same = (x: unknown) => (x as { id?: unknown } | null)?.id === params.pool;
  const pool = (Array.isArray(pools) ? pools.find(same) : undefined) as { name?: unknown } | undefined;
  return typeof pool?.name === 'string' && pool.name ? { ...params, poolName: cut(pool.name) } : params;
}

function withName(params: Issue['params'], doc: unknown): Issue['params'] {
  const p = withPoolName(params, doc);
  if (!p || typeof p.id !== 'string' || p.name !== undefined || !doc) return p;
  const hs = valueAt(doc, ['hospitals']);
  const h = Array.isArray(hs) ? hs.find((x: unknown) => (x as { id?: unknown } | null)?.id === p.id) as { name?: unknown } | undefined : undefined;
  return typeof h?.name === 'string' && h.name ? { ...p, name: cut(h.name) } : p;
}

/** `doc`: the scenario (or the document as read, even if invalid) whose institutions name the place. */
export function issueText(i: Issue, lang: Lang, doc?: unknown): IssueText {
  return { where: i.path ? whereOf(i.path, lang, doc) : '', what: issueMessage(i, lang, doc), path: i.path };
}

/**
 * How much of the path a line carries: `'detail'` (the CLI, for experts) appends it after the
 * words; `'unnamed'` (the app) shows it only where no name can be made of it.
 */
export type PathShown = 'detail' | 'unnamed';

/**
 * One line: `「N001 某医院」的「2024年基金支出」：须为…（hospitals[0].history[2]）`, or with
 * `'unnamed'` just `「N001 某医院」的「2024年基金支出」：须为…`.
 */
export function issueLine(i: Issue, lang: Lang, doc?: unknown, shown: PathShown = 'detail'): string {
  const t = issueText(i, lang, doc);
  if (!t.path) return t.what;
  if (t.where === t.path) return lang === 'zh' ? `${t.path}：${t.what}` : `${t.path}: ${t.what}`;
  if (shown === 'unnamed') return lang === 'zh' ? `${t.where}：${t.what}` : `${t.where}: ${t.what}`;
  return lang === 'zh' ? `${t.where}：${t.what}（${t.path}）` : `${t.where}: ${t.what} (${t.path})`;
}

const MAX_NAME = 60;
const cut = (s: string): string => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s);

function whereOf(pathText: string, lang: Lang, doc: unknown): string {
  const path = parsePath(pathText);
  if (!path || !doc) return pathText;
  try {
    const { who, field } = labelParts(path, doc, lang);
    const f = historyYear(path, lang, doc) ?? field;
    const name = who === null ? null : institution(path, who, lang);
    if (name !== null) {
      if (!f) return lang === 'zh' ? `「${name}」` : `"${name}"`;
      return lang === 'zh' ? `「${name}」的「${f}」` : `"${name}", ${f}`;
    }
    return f ? (lang === 'zh' ? `「${f}」` : f) : pathText;
  } catch {
    return pathText; // a document too broken to name the place: the path still says where
  }
}

/** "N001 某医院", or "第 13 家机构" when the element has no usable id. */
function institution(path: Path, who: string, lang: Lang): string {
  if (!who.startsWith('[')) return cut(who);
  const n = typeof path[1] === 'number' ? path[1] + 1 : '?';
  return lang === 'zh' ? `第 ${n} 家机构` : `institution ${n}`;
}

/** `hospitals[i].history[k]` as the year it stands for, when the scenario says its year: 「2024年基金支出」. */
function historyYear(path: Path, lang: Lang, doc: unknown): string | null {
  if (path[0] !== 'hospitals' || path[2] !== 'history' || typeof path[3] !== 'number' || path.length !== 4) return null;
  const year = valueAt(doc, ['meta', 'year']);
  const list = valueAt(doc, path.slice(0, 3));
  if (typeof year !== 'number' || !Number.isInteger(year) || !Array.isArray(list)) return null;
  const y = year - list.length + path[3];
  return lang === 'zh' ? `${y}年基金支出` : `History ${y}`;
}

/**
 * An issue of a whole workspace (the gate's answer, workspace/file.ts) in words:
 * `baseline.hospitals[3].id` names the institution and field of the baseline;
 * `variants[0] (名): hospitals[3].id` those of the variant (its changes applied, as the gate saw
 * them), after the variant's name; `variants[0].changes[2]` the variant and the change.
 * `ws`: the workspace the gate was asked about.
 */
export function workspaceIssueLine(i: Issue, lang: Lang, ws: Workspace, shown: PathShown = 'detail'): string {
  if (i.path === 'baseline') return issueLine({ ...i, path: '' }, lang);
  if (i.path.startsWith('baseline.')) return issueLine({ ...i, path: i.path.slice('baseline.'.length) }, lang, ws.baseline, shown);
  const m = /^variants\[(\d+)\]/.exec(i.path);
  const variant = m ? ws.variants[Number(m[1])] : undefined;
  if (!m || !variant) return issueLine(i, lang);
  const named = (line: string) => (lang === 'zh' ? `方案「${cut(variant.name)}」：${line}` : `Scenario "${cut(variant.name)}": ${line}`);
  const rest = i.path.slice(m[0].length);
  const change = /^\.changes\[(\d+)\]$/.exec(rest);
  if (change) {
    const k = Number(change[1]) + 1;
    const what = issueMessage(i, lang);
    const at = shown === 'detail' ? (lang === 'zh' ? `（${i.path}）` : ` (${i.path})`) : '';
    return named(lang === 'zh' ? `第 ${k} 项修改：${what}${at}` : `change ${k}: ${what}${at}`);
  }
  const head = ` (${variant.name})`;
  if (rest === head) return named(issueMessage(i, lang));
  if (!rest.startsWith(`${head}: `)) return issueLine(i, lang);
  const s = scenarioOrError(ws, variant.id);
  return named(issueLine({ ...i, path: rest.slice(head.length + 2) }, lang, s instanceof Error ? ws.baseline : s, shown));
}

/**
 * An issue of a document as read (a scenario or a workspace file, even one the gate refused): a
 * workspace's issues named by its scenarios' institutions and fields (a variant's after its name),
 * a scenario's by its own; a document too broken for that, by the path.
 */
export function documentIssueLine(i: Issue, lang: Lang, doc: unknown, shown: PathShown = 'detail'): string {
  const d = doc as { format?: unknown } | null | undefined;
  if (d?.format !== 'gbsim-workspace') return issueLine(i, lang, doc, shown);
  try {
    return workspaceIssueLine(i, lang, doc as Workspace, shown);
  } catch {
    return issueLine(i, lang, undefined, shown);
  }
}
