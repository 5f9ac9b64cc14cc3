/**
 * Applying an accepted import to a scenario. Pure: returns a new scenario, never touches the
 * given one. Refuses (throws ImportRefused) rather than applying a file with errors unless
 * the user chose "only the valid rows".
 *
 * replace: the scenario's hospitals become the imported ones.
 * merge:   an imported id that exists updates that hospital — fields the file gives replace
 *          the old ones (indicators and formula fields key by key), everything else (fields
 *          the file has no column or no value for, and unknown fields) is kept; new ids are
 *          added at the end in file order. A blank cell therefore never clears a value.
 *
 * Level, category and class values are put in the scenario's own vocabulary: if the
 * scenario keys its coefficients by "三级" and the file says "tertiary", "三级" is used.
 */
import type { Hospital, Scenario } from '../format/types.ts';
import type { ImportReport } from './report.ts';
import { alignTo, type Bilingual, type VocabField } from './vocab.ts';

export class ImportRefused extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
    this.name = 'ImportRefused';
  }
}

export type ApplyMode = 'replace' | 'merge';

export function applyImport(scenario: Scenario, report: ImportReport, mode: ApplyMode, onlyValid: boolean): Scenario {
  if (report.fileError) {
    throw new ImportRefused({ zh: '文件无法导入（见错误列表）', en: 'the file cannot be imported (see the list of errors)' });
  }
  if (report.errorCount > 0 && !onlyValid) {
    throw new ImportRefused({
      zh: `文件有 ${report.errorCount} 个错误，不能导入全部行；请修正后重新导入，或选择只导入 ${report.validRows} 行有效数据`,
      en: `the file has ${report.errorCount} errors, so not all rows can be imported; fix them and import again, `
        + `or import only the ${report.validRows} valid rows`,
    });
  }
  if (report.hospitals.length === 0) {
    throw new ImportRefused({ zh: '没有可导入的有效行', en: 'there are no valid rows to import' });
  }
  const years = scenario.policy.historyWeights.length;
  const bad = report.hospitals.find((h) => h.history.length !== years);
  if (bad) {
    throw new ImportRefused({
      zh: `导入的历史支出为 ${bad.history.length} 年，方案使用 ${years} 年（policy.historyWeights）`,
      en: `the import has ${bad.history.length} years of history; the scenario uses ${years} (policy.historyWeights)`,
    });
  }

  const vocab = vocabularyOf(scenario);
  const imported = report.hospitals.map((h) => align(structuredClone(h), vocab));
  const next = structuredClone(scenario);
  if (mode === 'replace') {
    // The sheet has no points (DESIGN §7: they come from case imports): an institution the
    // scenario already had keeps its points, by code, so a replace does not lose them.
    const points = new Map(scenario.hospitals.filter((h) => h.points !== undefined).map((h) => [h.id, h.points!]));
    next.hospitals = imported.map((h) => (h.points === undefined && points.has(h.id) ? { ...h, points: structuredClone(points.get(h.id)!) } : h));
    return next;
  }
  const index = new Map(next.hospitals.map((h, i) => [h.id, i]));
  for (const h of imported) {
    const at = index.get(h.id);
    if (at === undefined) {
      index.set(h.id, next.hospitals.length);
      next.hospitals.push(h);
    } else {
      next.hospitals[at] = mergeHospital(next.hospitals[at]!, h);
    }
  }
  return next;
}

function mergeHospital(old: Hospital, h: Hospital): Hospital {
  const out: Hospital & Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    if ((k === 'indicators' || k === 'fields') && typeof v === 'object') {
      out[k] = { ...(old[k] ?? {}), ...(v as Record<string, number>) };
    } else out[k] = v;
  }
  return out;
}

type Vocab = Record<VocabField, Set<string>>;

function vocabularyOf(s: Scenario): Vocab {
  const p = s.policy;
  const v: Vocab = {
    level: new Set(Object.keys(p.levelCoefficients ?? {})),
    category: new Set([...Object.keys(p.categoryCoefficients ?? {}), ...Object.keys(p.growth?.byCategory ?? {})]),
    class: new Set([...Object.keys(p.deposit.rates), ...(p.pools ?? []).flatMap((pool) => pool.classes)]),
  };
  for (const h of s.hospitals) {
    v.level.add(h.level);
    v.category.add(h.category);
    v.class.add(h.class);
  }
  return v;
}

function align(h: Hospital, vocab: Vocab): Hospital {
  h.level = alignTo('level', h.level, vocab.level);
  h.category = alignTo('category', h.category, vocab.category);
  h.class = alignTo('class', h.class, vocab.class);
  return h;
}
