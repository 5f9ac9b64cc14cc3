/** `gbsim report FILE [--lang zh|en] [--unit yuan|wan] [-o report.html]`: the fund report (基金预算执行与清算报告) as one printable HTML page. */
import { writeFileSync } from 'node:fs';
import { parse, oneOf, langOption } from './args.ts';
import { CliError, readScenario, wroteLine, type Io } from './io.ts';
import { resultOf, settleScenario } from './run.ts';
import { fundReport, reportInputOf } from '../engine/fund-report.ts';
import { fingerprint } from '../engine/fingerprint.ts';
import { fundReportView } from '../sheets/fund-report.ts';
import { fundReportHtml } from '../sheets/fund-report-html.ts';

/** Today as YYYY-MM-DD in local time. */
const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function reportCommand(args: string[], io: Io, printed: string = today()): number {
  const { values, positionals } = parse(args, { unit: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (positionals.length !== 1) throw new CliError('report takes exactly one scenario file', 2);
  // As every command: --lang, else the system's language (LC_ALL, LC_MESSAGES, LANG).
  const lang = langOption(values.lang);
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const scenario = readScenario(positionals[0]!);
  const result = resultOf(settleScenario(scenario));
  const model = fundReport(scenario, reportInputOf(result));
  const view = fundReportView(model, scenario, { scenarioName: scenario.meta.name, fingerprint: fingerprint(result), printed }, lang, unit);
  const html = fundReportHtml(view);
  if (typeof values.output === 'string') {
    writeFileSync(values.output, html);
    io.err(wroteLine(values.output, lang));
  } else if (io.write) io.write(html);
  else io.out(html);
  return 0;
}
