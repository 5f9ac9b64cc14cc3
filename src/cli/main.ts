/**
 * gbsim — the Global Budget Simulator on the command line.
 * Exit codes: 0 success, 1 invalid input (stderr names the file and fields), 2 usage error.
 */
import { cliLang, parse, oneOf, langOption } from './args.ts';
import { CliError, issueLines, openScenarioFile, readScenario, readScenarioModel, WrongFileError, wroteLine, type Io } from './io.ts';
import type { Lang } from '../display/lang.ts';
import type { Scenario } from '../format/types.ts';
import type { Result } from '../engine/result.ts';
import { resultOf, runReport, settleScenario, type Settled } from './run.ts';
import { writeResultJson } from './json-out.ts';
import { compareReport } from './compare.ts';
import { RISK_USAGE } from './risk/usage.ts';
import { ScenarioError } from '../format/issues.ts';
import { issueLine } from '../workspace/issue-text.ts';
import { MONITOR_USAGE, REPORT_USAGE, WHATIF_USAGE } from './usage.ts';

export const USAGE = `gbsim — Global Budget Simulator (医保总额预算与年终清算)

Usage:
  gbsim run FILE [--json] [--unit yuan|wan] [--xlsx OUT.xlsx] [--csv OUT.csv] [--lang zh|en]
      Settle a scenario: fund position and per-institution table, or the result as JSON;
      --xlsx writes the results workbook, --csv the per-institution results table.
  gbsim validate FILE...
      Check scenario files; list every problem naming the institution and field, the field's path after it.
  gbsim compare A B [--json] [--unit yuan|wan] [--sort change] [--lang zh|en]
      Fund and per-institution differences of B against A.
  gbsim import SHEET.xlsx|SHEET.csv -o OUT.json [--base SCENARIO.json] [--mode replace|merge] [--only-valid]
      Build a scenario from institutions' data in a spreadsheet. A workspace or scenario file (.json)
      is checked and refused, naming the command that takes it (run, validate, years; the app's
      Open file); a PDF, an image or an .xls is refused saying what it seems to be.
  gbsim cases CASES.csv|CASES.parquet --base SCENARIO.json -o OUT.json [--catalogue CAT.csv|CAT.xlsx] [--only-valid] [--json]
      Case points from a case list (DuckDB; the scenario's outlier thresholds and catalogue),
      totalled per institution and month, written into the scenario's institutions.
  gbsim template [--lang zh|en] [--format xlsx|csv] -o OUT
      Write the spreadsheet template for importing institutions.
  gbsim years FILE [--years N] [--base-rule actual|target|actualPlusRetained] [--revenue-growth X] [--budget-growth X] [--json] [--xlsx OUT]
      Several years from one scenario: the fund's path, a saver's and a spender's (the ratchet).
      A workspace file: every scenario under its own analysis.years; --xlsx writes them all and their fund paths side by side.
  gbsim sweep FILE --param PATH --from A --to B --step S [--param2 PATH --from2 A --to2 B --step2 S] [--output NAME ...]
  gbsim sweep FILE --tornado PATH,PATH,... --pct X [--output NAME]     (also: --list, --json, --xlsx OUT, --workers N)
      Sensitivity: every point an exact run; a tornado ranks parameters by their effect at ±X%.
      A rate's A, B and S as decimals (0.05) or percentages (5%), as gbsim risk takes --sigma.
${RISK_USAGE}
${WHATIF_USAGE}
${MONITOR_USAGE}
${REPORT_USAGE}

--lang zh|en: the language of tables and messages (default: Chinese when LANG / LC_ALL starts with zh, else English).
Exit codes: 0 ok, 1 invalid input, 2 usage error (risk: 130 cancelled by Ctrl-C).`;

const defaultIo: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  // Nothing left in the stream's buffer once written (a file, or a pipe that took it all): the
  // piece is not kept, so run --json fills the same chunk again rather than a fresh megabyte,
  // whose external memory made V8 collect its whole heap every ~64 MB written.
  write: (s) => {
    process.stdout.write(s);
    return process.stdout.writableLength === 0;
  },
  err: (s) => process.stderr.write(`${s}\n`),
};

export async function main(argv: string[], ioIn: Io = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  let lang: Lang = 'en';
  try {
    lang = cliLang(rest);
    const io: Io = { ...ioIn, lang };
    switch (cmd) {
      case 'run':
        return await run(rest, io);
      case 'validate':
        return validate(rest, io);
      case 'compare':
        return compare(rest, io);
      case 'import': {
        const { importCommand } = await import('./import.ts');
        return await importCommand(rest, io);
      }
      case 'cases': {
        const { casesCommand } = await import('./cases.ts');
        return await casesCommand(rest, io);
      }
      case 'template': {
        const { templateCommand } = await import('./import.ts');
        return await templateCommand(rest, io);
      }
      case 'years': {
        const { yearsCommand } = await import('./years.ts');
        return await yearsCommand(rest, io);
      }
      case 'sweep': {
        const { sweepCommand } = await import('./sweep.ts');
        return await sweepCommand(rest, io);
      }
      case 'monitor': {
        const { monitorCommand } = await import('./monitor.ts');
        return await monitorCommand(rest, io);
      }
      case 'report': {
        const { reportCommand } = await import('./report.ts');
        return reportCommand(rest, io);
      }
      case 'whatif': {
        const { whatifCommand } = await import('./whatif.ts');
        return await whatifCommand(rest, io);
      }
      case 'risk': {
        const { riskCommand } = await import('./risk.ts');
        return await riskCommand(rest, io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return cmd === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${cmd}"\n\n${USAGE}`, 2);
    }
  } catch (e) {
    if (e instanceof CliError) {
      const text = e.render(lang);
      ioIn.err(e.code === 2 ? `gbsim: ${text}${text.includes('Usage:') ? '' : '\n(run "gbsim help" for usage)'}` : text);
      return e.code;
    }
    // A scenario refused while settling (past the gate): its issues in the user's language.
    if (e instanceof ScenarioError) {
      ioIn.err(e.issues.map((i) => `gbsim: ${issueLine(i, lang)}`).join('\n'));
      return 1;
    }
    // Never a stack trace: an unexpected failure is said in one line, as invalid input.
    const detail = e instanceof Error ? e.message : String(e);
    ioIn.err(lang === 'zh' ? `gbsim：无法完成（${detail.slice(0, 300)}）` : `gbsim: could not complete (${detail.slice(0, 300)})`);
    return 1;
  }
}

/**
 * A scenario file read, checked and settled, with the scenario and its full result kept only when
 * `full`. Otherwise the scenario goes once settled: half the heap at 100,000 institutions, which
 * every full collection while the JSON is written would go through again.
 */
function settleFile(file: string, full: boolean): { settled: Settled; kept: { scenario: Scenario; result: Result } | null } {
  const { scenario, model } = readScenarioModel(file);
  const settled = settleScenario(scenario, model);
  return { settled, kept: full ? { scenario, result: resultOf(settled) } : null };
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, unit: { type: 'string' }, xlsx: { type: 'string' }, csv: { type: 'string' },
    lang: { type: 'string' } });
  if (positionals.length !== 1) throw new CliError('run takes exactly one scenario file', 2);
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const lang = langOption(values.lang);
  const file = positionals[0]!;
  const wantsFile = typeof values.xlsx === 'string' || typeof values.csv === 'string';
  // With --json the text report (its table and fingerprint) is not built, and the full result
  // only when a file needs it: the JSON is written from the settled year as it goes.
  const { settled, kept } = settleFile(file, wantsFile || !values.json);
  if (values.json) {
    if (io.write) {
      writeResultJson(settled.model, settled.st, io.write);
      io.write('\n');
    } else {
      const text = new TextDecoder();
      let json = '';
      writeResultJson(settled.model, settled.st, (c) => { json += text.decode(c, { stream: true }); });
      io.out(json + text.decode());
    }
  } else io.out(runReport(kept!.scenario, unit, lang, kept!.result).text); // kept: without --json it is full
  if (!kept) return 0;
  const { scenario, result } = kept;
  if (typeof values.xlsx === 'string') {
    const { writeXlsx } = await import('./xlsx.ts');
    await writeXlsx(values.xlsx, [{ name: scenario.meta.name, scenario, result }], lang, unit);
    io.err(wroteLine(values.xlsx, lang));
  }
  if (typeof values.csv === 'string') {
    const { hospitalsCsv } = await import('../sheets/export.ts');
    const { writeBytes } = await import('./analysis-out.ts');
    writeBytes(values.csv, new TextEncoder().encode(hospitalsCsv(result, scenario, lang, unit)));
    io.err(wroteLine(values.csv, lang));
  }
  return 0;
}

function validate(args: string[], io: Io): number {
  const { positionals } = parse(args, {});
  if (positionals.length === 0) throw new CliError('validate needs at least one file', 2);
  let bad = 0;
  const zh = io.lang === 'zh';
  for (const file of positionals) {
    let r: ReturnType<typeof openScenarioFile>;
    try {
      r = openScenarioFile(file);
    } catch (e) {
      if (!(e instanceof WrongFileError)) throw e;
      bad++;
      io.err(e.render(io.lang ?? 'en'));
      continue;
    }
    if (r.ok) io.out(zh ? `${file}：有效（${r.scenario.hospitals.length} 家机构）` : `${file}: valid (${r.scenario.hospitals.length} institutions)`);
    else {
      bad++;
      io.err(zh ? `${file}：${r.issues.length} 个问题` : `${file}: ${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}`);
      io.err(issueLines(file, r.issues, io.lang ?? 'en', r.doc));
    }
  }
  return bad ? 1 : 0;
}

function compare(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, unit: { type: 'string' }, sort: { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length !== 2) throw new CliError('compare takes exactly two scenario files', 2);
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const sort = oneOf(values.sort, ['file', 'change'] as const, '--sort', 'file');
  const [a, b] = positionals as [string, string];
  const sa = readScenario(a);
  const sb = readScenario(b);
  const { text, comparison } = compareReport(sa, sb, [a, b], unit, sort === 'change', langOption(values.lang));
  io.out(values.json ? JSON.stringify(comparison, null, 2) : text);
  return 0;
}
