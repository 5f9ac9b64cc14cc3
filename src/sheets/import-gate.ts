/**
 * An import the gate refuses, said in the spreadsheet's terms: a problem at
 * `hospitals[81].class` of the scenario the import made becomes 「第 5 行「机构类型」（N081 某医院）」,
 * with the fix where one is obvious (a class in no pool: the classes the pools do hold).
 */
import type { Scenario } from '../format/types.ts';
import type { Issue } from '../format/issues.ts';
import type { ImportReport } from './report.ts';
import { labelOf, type Bilingual } from './vocab.ts';
import { FIXED_COLUMNS } from './columns.ts';

export interface ImportProblem {
  /** Where, in the file's terms (row and column), or the field path when it is not in a row. */
  where: Bilingual;
  reason: Bilingual;
  /** The obvious fix, when there is one. */
  fix?: Bilingual;
  /** The field path, for experts. */
  path: string;
}

/** The gate's issues about the workspace the import would make, for `next` (the scenario imported into). */
export function importProblems(next: Scenario, report: ImportReport, issues: readonly Issue[]): ImportProblem[] {
  return issues.map((i) => {
    const m = /hospitals\[(\d+)\](?:\.([A-Za-z]+))?/.exec(i.path);
    const h = m ? next.hospitals[Number(m[1])] : undefined;
    const reason = { zh: i.message, en: i.message };
    if (!h) return { where: { zh: i.path || '方案', en: i.path || 'scenario' }, reason, path: i.path };
    const row = report.rows.find((r) => r.id === h.id && r.state === 'valid')?.row ?? null;
    const field = m![2];
    const col = field ? FIXED_COLUMNS.find((c) => c.key === field) : undefined;
    const mapped = field ? report.columns.find((c) => c.field === field) : undefined;
    const header = { zh: mapped && /[\u3400-\u9fff]/.test(mapped.header) ? mapped.header : col?.zh ?? field ?? '', en: col?.en ?? field ?? '' };
    const who = `${h.id} ${h.name}`;
    const where = row !== null
      ? { zh: `第 ${row} 行「${header.zh}」（${who}）`, en: `row ${row} "${header.en}" (${who})` }
      : { zh: `「${who}」的「${header.zh}」`, en: `"${header.en}" of ${who}` };
    const p: ImportProblem = { where, reason, path: i.path };
    if (field === 'class' && /in no pool/.test(i.message)) {
      const held = [...new Set((next.policy.pools ?? []).flatMap((pool) => pool.classes))];
      const zh = held.map((c) => `${labelOf('class', c, 'zh')}（${c}）`).join('、');
      const en = held.map((c) => `${labelOf('class', c, 'en')} (${c})`).join(', ');
      p.reason = { zh: `机构类型「${labelOf('class', h.class, 'zh')}」（${h.class}）不属于任何分配池，方案无法计算`,
        en: `class "${labelOf('class', h.class, 'en')}" (${h.class}) is in no pool, so the scenario cannot be computed` };
      p.fix = { zh: `请改为现有分配池所含的类型：${zh}；或在“政策参数 → 分配池”中把它加入一个池`, en: `use a class a pool holds: ${en}; or add it to a pool under Policy → Pools` };
    }
    return p;
  });
}
