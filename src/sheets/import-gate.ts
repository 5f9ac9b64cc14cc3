/**
 * An import the gate refuses, said in the spreadsheet's terms: a problem at
 * `hospitals[81].class` of the scenario the import made becomes 「第 5 行「机构类型」（N081 某医院）」,
 * the reason in the language shown with codes by their names (机构类型「住院」, never `inpatient`),
 * and the fix where one is obvious (a class in no pool: the classes the pools do hold; a class
 * without a deposit rate: the classes that have one). No field path is shown: the row, the column
 * and the institution say where.
 */
import type { Scenario } from '../format/types.ts';
import type { Issue } from '../format/issues.ts';
import type { Lang } from '../display/lang.ts';
import type { ImportReport } from './report.ts';
import { labelOf, type Bilingual } from './vocab.ts';
import { FIXED_COLUMNS } from './columns.ts';
import { issueMessage, issueText } from '../workspace/issue-text.ts';
import { labelParts } from '../workspace/describe.ts';
import { parsePath } from '../format/path.ts';

export interface ImportProblem {
  /** Where, in the file's terms (row and column), or the field's name when it is not in a row. */
  where: Bilingual;
  reason: Bilingual;
  /** The obvious fix, when there is one. */
  fix?: Bilingual;
  /** The field path, for experts (logs and tests; not shown). */
  path: string;
}

const both = (f: (lang: Lang) => string): Bilingual => ({ zh: f('zh'), en: f('en') });

/** The path in the scenario imported into: the gate on the workspace says `baseline.…` or `variants[0] (名): …`. */
function inScenario(path: string): string {
  return path.replace(/^baseline\./, '').replace(/^variants\[\d+\] \(.*?\): /, '');
}

/** Names of classes, by the glossary: 「医院、门诊慢特病、基层」 / "hospital", "outpatient chronic". */
function classNames(codes: readonly string[], lang: Lang): string {
  const names = [...new Set(codes)].map((c) => labelOf('class', c, lang));
  return lang === 'zh' ? names.join('、') : names.map((n) => `"${n}"`).join(', ');
}

/** The gate's issues about the workspace the import would make, for `next` (the scenario imported into). */
export function importProblems(next: Scenario, report: ImportReport, issues: readonly Issue[]): ImportProblem[] {
  return issues.map((raw) => {
    const i: Issue = { ...raw, path: inScenario(raw.path) };
    const reason = both((lang) => issueMessage(i, lang, next));
    const m = /^hospitals\[(\d+)\](?:\.([A-Za-z]+))?/.exec(i.path);
    const h = m ? next.hospitals[Number(m[1])] : undefined;
    if (!h) return { where: both((lang) => issueText(i, lang, next).where || (lang === 'zh' ? '方案' : 'scenario')), reason, path: raw.path };
    const row = report.rows.find((r) => r.id === h.id && r.state === 'valid')?.row ?? null;
    const field = m![2];
    const col = field ? FIXED_COLUMNS.find((c) => c.key === field) : undefined;
    const mapped = field ? report.columns.find((c) => c.field === field) : undefined;
    const path = parsePath(i.path);
    const named = (lang: Lang) => (path ? labelParts(path, next, lang).field : null) ?? '';
    const header = {
      zh: col && mapped && /[\u3400-\u9fff]/.test(mapped.header) ? mapped.header : col?.zh ?? named('zh'),
      en: col?.en ?? named('en'),
    };
    const who = `${h.id} ${h.name}`;
    const where = !header.zh ? { zh: `「${who}」`, en: `"${who}"` } : row !== null
      ? { zh: `第 ${row} 行「${header.zh}」（${who}）`, en: `row ${row} "${header.en}" (${who})` }
      : { zh: `「${who}」的「${header.zh}」`, en: `"${header.en}" of ${who}` };
    const p: ImportProblem = { where, reason, path: raw.path };
    const klass = both((lang) => labelOf('class', h.class, lang));
    if (field === 'class' && raw.code === 'classInNoPool') {
      const held = (next.policy.pools ?? []).flatMap((pool) => pool.classes);
      p.reason = { zh: `机构类型「${klass.zh}」不属于任何分配池，方案无法计算`, en: `class "${klass.en}" is in no pool, so the scenario cannot be computed` };
      p.fix = { zh: `请改为现有分配池所含的类型：${classNames(held, 'zh')}；或在“政策参数 → 分配池”中把它加入一个池`,
        en: `use a class a pool holds: ${classNames(held, 'en')}; or add it to a pool under Policy → Pools` };
    } else if (field === 'class' && raw.code === 'noDepositRate') {
      const rated = Object.keys(next.policy.deposit.rates);
      p.reason = { zh: `机构类型「${klass.zh}」没有保证金比例，方案无法计算`, en: `class "${klass.en}" has no deposit rate, so the scenario cannot be computed` };
      p.fix = { zh: `请改为已有保证金比例的类型：${classNames(rated, 'zh')}；或在“政策参数 → 质量保证金”中为它填写比例`,
        en: `use a class that has a deposit rate: ${classNames(rated, 'en')}; or give it one under Policy → Quality deposit` };
    }
    return p;
  });
}
