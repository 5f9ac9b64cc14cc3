/**
 * `gbsim import SHEET.xlsx|SHEET.csv -o OUT.json [--base SCENARIO.json] [--mode replace|merge]
 *  [--only-valid] [--lang zh|en]` and `gbsim template [--lang zh|en] [--format xlsx|csv]
 *  [--years 2022,2023,2024] -o OUT`.
 * Exit codes: 0 written; 1 the file or the scenario has problems (nothing written); 2 usage.
 *
 * A file is told by its bytes (format/file-kind.ts, as the app's 打开文件 tells it). A workspace or
 * scenario file (.json) given to import is checked through the one gate the app opens it with
 * (workspace/file.ts) and refused, naming what it is and the command that takes it (exit 2): the
 * command line keeps no workspace to open it into, and writing it out again as OUT.json would
 * only copy it. A file that is neither (a PDF, an image, an .xls) is refused saying what it seems to be.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse, oneOf, langOption } from './args.ts';
import { CliError, FileError, fileReason, readScenario, type Io } from './io.ts';
import { saveScenario, validateScenario } from '../scenario/open.ts';
import { applyImport, ImportRefused, importHospitals } from '../sheets/import.ts';
import { formatCellError, type ImportReport } from '../sheets/report.ts';
import { scenarioFromImport } from '../sheets/new-scenario.ts';
import { hospitalTemplate } from '../sheets/template.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang } from '../display/lang.ts';
import { SNIFF_HEAD, SNIFF_TAIL, sniffFile } from '../format/file-kind.ts';
import { loadWorkspaceText } from '../workspace/file.ts';
import { issueLines } from './io.ts';
import { importProblems } from '../sheets/import-gate.ts';
import { KINDS } from '../format/messages.ts';

const IMPORT_USAGE = 'usage: gbsim import SHEET.xlsx|SHEET.csv -o OUT.json [--base SCENARIO.json] [--mode replace|merge] [--only-valid] [--lang zh|en]';
const TEMPLATE_USAGE = 'usage: gbsim template [--lang zh|en] [--format xlsx|csv] [--years 2022,2023,2024] -o OUT.xlsx';

async function guarded(io: Io, f: () => Promise<number>): Promise<number> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof CliError) {
      const text = e.render(io.lang ?? 'en');
      io.err(e.code === 2 ? `gbsim: ${text}` : text);
      return e.code;
    }
    throw e;
  }
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new FileError(path, 'read', (e as NodeJS.ErrnoException).code ?? '');
  }
}

function write(path: string, data: Uint8Array | string): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new FileError(path, 'write', fileReason(e));
  }
}

/** The import's first line: where the header was found and what was read, or that the file could not be read (the reason follows). */
export function summary(r: ImportReport, lang: Lang): string {
  const where = r.sheet === null ? r.fileName : r.kind === 'csv' ? `${r.fileName}${r.encoding ? ` (${r.encoding})` : ''}` : `${r.fileName} [${r.sheet}]`;
  if (r.headerRow === null) {
    const what = r.kind === null ? (lang === 'zh' ? '无法读取此文件' : 'the file could not be read')
      : lang === 'zh' ? '未找到表头行' : 'no header row found';
    return lang === 'zh' ? `${where}: ${what}，未读取任何数据（原因见下）` : `${where}: ${what}; no data read (the reason follows)`;
  }
  return lang === 'zh'
    ? `${where}: 表头在第 ${r.headerRow} 行，数据 ${r.totalRows} 行，有效 ${r.validRows} 行，错误 ${r.errorCount} 个`
    : `${where}: header on row ${r.headerRow}, ${r.totalRows} data rows, ${r.validRows} valid, ${r.errorCount} errors`;
}

/**
 * Throws unless `bytes` is a spreadsheet (or text that may be a one-column CSV). A workspace or
 * scenario file is checked through the gate first, so the answer says whether it would open.
 */
export function routeImportFile(bytes: Uint8Array, file: string, lang: Lang): void {
  const kind = sniffFile(bytes.subarray(0, SNIFF_HEAD), bytes.subarray(Math.max(0, bytes.length - SNIFF_TAIL)), basename(file));
  if (kind === 'xlsx' || kind === 'csv' || kind === 'text') return;
  const zh = lang === 'zh';
  if (kind !== 'json') {
    const what = KINDS[kind]![lang];
    throw new CliError(zh ? `${file}：未导入，它看来是${what}，不是机构数据表格（.xlsx、.csv）；未写入任何文件`
      : `${file}: not imported: it seems to be ${what}, not an institutions spreadsheet (.xlsx, .csv); nothing written`, 1);
  }
  const text = new TextDecoder().decode(bytes);
  const r = loadWorkspaceText(text);
  if (!r.ok) {
    let doc: unknown;
    try { doc = JSON.parse(text); } catch { doc = undefined; }
    throw new CliError(`${zh ? `${file}：不是机构数据表格（.xlsx、.csv），而是 JSON 文件，且作为工作区或方案文件未通过检查；未写入任何文件：`
      : `${file}: not an institutions spreadsheet (.xlsx, .csv) but a JSON file, and as a workspace or scenario file it does not pass the check; `
        + `nothing written:`}
${issueLines(file, r.issues, lang, doc)}`, 1);
  }
  const n = r.ws.baseline.hospitals.length;
  if (r.kind === 'scenario') {
    throw new CliError(zh
      ? `${file} 是方案文件（已通过检查，${n} 家机构），不是机构数据表格：gbsim import 只读入 .xlsx 或 .csv 表格。计算此方案请用 gbsim run ${file}，检查请用 gbsim validate ${file}；把表格中的机构数据导入此方案请用 gbsim `
        + `import 表格.xlsx --base ${file} -o 新方案.json；在应用中请用「打开文件」`
      : `${file} is a scenario file (it passes the check; ${n} institutions), not an institutions spreadsheet: gbsim import reads only .xlsx or .csv sheets. `
        + `To settle it: gbsim run ${file}; to check it: gbsim validate ${file}; to import a sheet's institutions into it: `
        + `gbsim import SHEET.xlsx --base ${file} -o NEW.json; in the app: Open file`, 2);
  }
  const k = r.ws.variants.length;
  throw new CliError(zh
    ? `${file} 是工作区文件（已通过检查：基准方案和 ${k} 个测算方案，${n} 家机构），不是机构数据表格：gbsim import 只读入 .xlsx 或 .csv 表格。工作区请在应用中用「打开文件」打开；逐年测算其中各方案请用 gbsim years ${file}`
    : `${file} is a workspace file (it passes the check: the baseline and ${k} alternatives, ${n} institutions), not an institutions spreadsheet: `
      + `gbsim import reads only .xlsx or .csv sheets. Open a workspace in the app with Open file; to run its scenarios over several years: `
      + `gbsim years ${file}`, 2);
}

export async function importCommand(args: string[], io: Io): Promise<number> {
  return guarded(io, async () => {
    const { values, positionals } = parse(args, {
      output: { type: 'string', short: 'o' }, base: { type: 'string' }, mode: { type: 'string' },
      'only-valid': { type: 'boolean' }, lang: { type: 'string' },
    });
    if (positionals.length !== 1) throw new CliError(`import takes exactly one spreadsheet file\n${IMPORT_USAGE}`, 2);
    const out = values.output;
    if (typeof out !== 'string' || !out) throw new CliError(`import needs -o OUT.json\n${IMPORT_USAGE}`, 2);
    const lang = langOption(values.lang);
    const mode = oneOf(values.mode, ['replace', 'merge'] as const, '--mode', 'replace');
    if (values.mode !== undefined && values.base === undefined) throw new CliError(`--mode needs --base (a scenario to import into)\n${IMPORT_USAGE}`, 2);
    const onlyValid = values['only-valid'] === true;
    const file = positionals[0]!;
    const base = typeof values.base === 'string' ? readScenario(values.base) : null;
    const bytes = readBytes(file);
    routeImportFile(bytes, file, lang);

    const report = await importHospitals(bytes, basename(file), { historyYears: base?.policy.historyWeights.length });
    io.err(summary(report, lang));
    for (const w of report.warnings) io.err(`${lang === 'zh' ? '提示' : 'warning'}: ${w.message[lang]}`);
    if (report.fileError || (report.errorCount > 0 && !onlyValid)) {
      for (const e of report.errors) io.err(formatCellError(e, lang));
      if (!report.fileError) {
        io.err(lang === 'zh'
          ? `未写入 ${out}：请修正以上错误后重新导入，或加 --only-valid 只导入 ${report.validRows} 行有效数据`
          : `${out} not written: fix the errors above and import again, or add --only-valid to import only the ${report.validRows} valid rows`);
      }
      return 1;
    }
    if (report.errorCount > 0) {
      io.err(lang === 'zh' ? `以下 ${report.rows.filter((r) => r.state === 'invalid').length} 行有错误，未导入：` :
        `these ${report.rows.filter((r) => r.state === 'invalid').length} rows have errors and were not imported:`);
      for (const e of report.errors) io.err(formatCellError(e, lang));
    }

    let scenario: Scenario;
    try {
      if (base) scenario = applyImport(base, report, mode, onlyValid);
      else {
        const made = scenarioFromImport(report, report.hospitals, basename(file).replace(/\.[^.]*$/, ''));
        scenario = made.scenario;
        for (const n of made.notes) io.err(n[lang]);
      }
    } catch (e) {
      if (e instanceof ImportRefused) throw new CliError(e.reason[lang], 1);
      throw e;
    }
    const checked = validateScenario(scenario);
    if (!checked.ok) {
      // As the app refuses it (sheets/import-gate.ts): the sheet's row and column, the institution, the reason and the fix in words.
      io.err(lang === 'zh' ? `导入后的方案有问题，未写入 ${out}：` : `the scenario after the import has problems; ${out} not written:`);
      for (const p of importProblems(scenario, report, checked.issues)) {
        io.err(`${p.where[lang]}${lang === 'zh' ? '：' : ': '}${p.reason[lang]}${p.fix ? ` — ${p.fix[lang]}` : ''}`);
      }
      return 1;
    }
    write(out, saveScenario(checked.scenario));
    io.out(lang === 'zh'
      ? `已写入 ${out}：${checked.scenario.hospitals.length} 家机构${base ? `（${mode === 'merge' ? '合并到' : '替换'} ${values.base}）` : ''}`
      : `wrote ${out}: ${checked.scenario.hospitals.length} institutions${base ? ` (${mode === 'merge' ? 'merged into' :
        'replacing those of'} ${values.base})` : ''}`);
    return 0;
  });
}

export async function templateCommand(args: string[], io: Io): Promise<number> {
  return guarded(io, async () => {
    const { values, positionals } = parse(args, {
      output: { type: 'string', short: 'o' }, lang: { type: 'string' }, format: { type: 'string' }, years: { type: 'string' },
    });
    if (positionals.length) throw new CliError(`template takes no file arguments (use -o OUT)\n${TEMPLATE_USAGE}`, 2);
    const out = values.output;
    if (typeof out !== 'string' || !out) throw new CliError(`template needs -o OUT.xlsx\n${TEMPLATE_USAGE}`, 2);
    const lang = langOption(values.lang);
    const format = oneOf(values.format, ['xlsx', 'csv'] as const, '--format', /\.csv$/i.test(out) ? 'csv' : 'xlsx');
    let years: number[];
    if (typeof values.years === 'string') {
      years = values.years.split(',').map((y) => Number(y.trim()));
      if (years.some((y) => !Number.isInteger(y) || y < 1990 || y > 2200) || years.length > 10) {
        throw new CliError(`--years must be up to 10 comma-separated years, like 2022,2023,2024\n${TEMPLATE_USAGE}`, 2);
      }
      years.sort((a, b) => a - b);
    } else {
      const now = new Date().getFullYear();
      years = [now - 3, now - 2, now - 1];
    }
    write(out, await hospitalTemplate(lang, years, format));
    io.out(lang === 'zh' ? `已写入模板 ${out}（历史年度 ${years.join('、')}）` : `wrote the template ${out} (history years ${years.join(', ')})`);
    return 0;
  });
}
