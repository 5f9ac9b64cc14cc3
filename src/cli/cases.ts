/**
 * `gbsim cases CASES.csv|CASES.parquet --base SCENARIO.json -o OUT.json [--catalogue CAT.csv|.xlsx]
 *  [--only-valid] [--json] [--lang zh|en]`: a case list (one row per discharged case) through
 * DuckDB into case points (DESIGN §7: the outlier thresholds and catalogue of the scenario, or the
 * catalogue given), totals per institution and month written into the scenario's institutions.
 * Exit codes: 0 written; 1 the list, catalogue or resulting scenario has problems (nothing written); 2 usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse, langOption } from './args.ts';
import { CliError, FileError, fileReason, readScenario, type Io } from './io.ts';
import { saveScenario, validateScenario } from '../scenario/open.ts';
import { withImportedPoints } from '../scenario/with-points.ts';
import { issueLine } from '../workspace/issue-text.ts';
import { importCaseFile } from '../cases/node.ts';
import { importCatalogue, catalogueErrorMessage } from '../cases/catalogue.ts';
import { fileProblemMessage, outsidePointsMessage, problemTitle, progressMessage, rowMessage, summaryMessage } from '../cases/messages.ts';
import type { CaseReport, Thresholds } from '../cases/types.ts';
import type { CatalogueGroup } from '../format/types.ts';
import type { Lang } from '../display/lang.ts';

export const CASES_USAGE = 'usage: gbsim cases CASES.csv|CASES.parquet --base SCENARIO.json -o OUT.json [--catalogue CAT.csv|CAT.xlsx] [--only-valid] [--json] '
  + '[--lang zh|en]';

/** The national DIP technical specification's thresholds, where the scenario has none (DESIGN §7). */
export const DEFAULT_THRESHOLDS: Thresholds = { low: '0.5', high: '2' };

function reportLines(r: CaseReport, lang: Lang, year: number | undefined): string[] {
  const out = [`${r.file.name}: ${summaryMessage(lang, r)}`];
  for (const f of r.fatal) out.push(fileProblemMessage(lang, f));
  for (const p of r.problems) {
    out.push(`  ${problemTitle(lang, p, r)}`);
    if (p.values?.length) out.push(`    ${p.values.map((v) => `${v.value} ×${v.count}`).join(lang === 'zh' ? '，' : ', ')}`);
    for (const e of p.examples) out.push(`    ${rowMessage(lang, p, e, r, year)}`);
  }
  return out;
}

async function catalogueFrom(path: string, lang: Lang): Promise<CatalogueGroup[]> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new FileError(path, 'read', fileReason(e));
  }
  const c = await importCatalogue(bytes, basename(path));
  if (!c.ok || c.fatal || c.errors.length) {
    const lines = [`${path}:`, ...(c.fatal ? [c.fatal[lang]] : []), ...c.errors.slice(0, 20).map((e) => `  ${catalogueErrorMessage(lang, e)}`)];
    if (c.errors.length > 20) lines.push(lang === 'zh' ? `  ……共 ${c.errors.length} 个错误` : `  … ${c.errors.length} errors in all`);
    throw new CliError(lines.join('\n'), 1);
  }
  return c.groups;
}

export async function casesCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' }, out: { type: 'string' }, base: { type: 'string' }, into: { type: 'string' }, catalogue: { type: 'string' },
    'only-valid': { type: 'boolean' }, json: { type: 'boolean' }, lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError(`cases takes exactly one case list\n${CASES_USAGE}`, 2);
  const out = values.output ?? values.out;
  const basePath = values.base ?? values.into;
  if (typeof out !== 'string' || !out) throw new CliError(`cases needs -o OUT.json\n${CASES_USAGE}`, 2);
  if (typeof basePath !== 'string' || !basePath) throw new CliError(`cases needs --base SCENARIO.json (the scenario the points go into)\n${CASES_USAGE}`, 2);
  const lang = langOption(values.lang);
  const zh = lang === 'zh';
  const file = positionals[0]!;
  const base = readScenario(basePath);
  const given = typeof values.catalogue === 'string' ? await catalogueFrom(values.catalogue, lang) : undefined;
  const catalogue = given ?? base.catalogue;
  if (!catalogue?.length) {
    throw new CliError(zh ? `${basePath} 没有病种目录（catalogue）：请用 --catalogue 给出目录文件` :
      `${basePath} has no group catalogue: give one with --catalogue CAT.csv|CAT.xlsx`, 1);
  }
  const thresholds = base.policy.points?.thresholds ?? DEFAULT_THRESHOLDS;
  const year = base.meta.year;

  // A line a phase, and within one at most a line a second: DuckDB reports progress many times a
  // second, and each report was a line of the log.
  let last = { phase: '', at: 0 };
  const r = await importCaseFile(file, { hospitalIds: base.hospitals.map((h) => h.id), ...(year ? { year } : {}), catalogue, thresholds }, {
    onProgress: (p) => {
      const now = performance.now();
      if (values.json || (p.phase === last.phase && now - last.at < 1000)) return;
      io.err(progressMessage(lang, p));
      last = { phase: p.phase, at: now };
    },
  });
  for (const l of reportLines(r.report, lang, year)) io.err(l);
  if (!r.ok) return 1;
  if (r.report.rejected > 0 && values['only-valid'] !== true) {
    io.err(zh
      ? `未写入 ${out}：${r.report.rejected} 行有问题（见上）；请修正后重新导入，或加 --only-valid 只计入 ${r.report.accepted} 行有效病例`
      : `${out} not written: ${r.report.rejected} rows have problems (above); fix them and import again, `
        + `or add --only-valid to count only the ${r.report.accepted} valid cases`);
    return 1;
  }
  const merged = withImportedPoints(base, r.aggregation, given);
  const checked = validateScenario(JSON.parse(JSON.stringify(merged.scenario)));
  if (!checked.ok) {
    io.err(zh ? `导入后的方案有问题，未写入 ${out}：` : `the scenario after the import has problems; ${out} not written:`);
    for (const i of checked.issues) io.err(`${out}: ${issueLine(i, lang, merged.scenario)}`);
    return 1;
  }
  try {
    writeFileSync(out, saveScenario(checked.scenario));
  } catch (e) {
    throw new FileError(out, 'write', fileReason(e));
  }
  const t = r.aggregation.total;
  if (merged.zeroed.length) {
    io.err(zh
      ? `点数法结算池中无病例的机构，当年点数记为 0：${merged.zeroed.join('、')}`
      : `institutions of pools settled by points without any case, their points of the year set to 0: ${merged.zeroed.join(', ')}`);
  }
  const outside = outsidePointsMessage(lang, merged.outside);
  if (outside) io.err(outside);
  if (values.json) {
    io.out(JSON.stringify({ output: out, written: merged.written, zeroed: merged.zeroed,
      outside: merged.outside.map(({ id, cases }) => ({ id, cases })), total: t, report: r.report }, null, 2));
  } else {
    io.out(zh
      ? `已写入 ${out}：${merged.written.length} 家机构的点数（${t.cases} 例，原始点数 ${t.points}，费用极低 ${t.low} 例、极高 ${t.high} 例、特例单议 ${t.special} 例；阈值 ${thresholds.low} / `
        + `${thresholds.high}）`
      : `wrote ${out}: points of ${merged.written.length} institutions (${t.cases} cases, ${t.points} raw points; ${t.low} low, ${t.high} high, `
        + `${t.special} special-review cases; thresholds ${thresholds.low} / ${thresholds.high})`);
  }
  return 0;
}
