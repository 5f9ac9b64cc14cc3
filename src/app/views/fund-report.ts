/**
 * The fund report (基金预算执行与清算报告, issue 10) of the scenario shown, from its column's result:
 * the engine's report model (engine/fund-report.ts) in words (sheets/fund-report.ts), the same
 * model `gbsim report` prints. Null while the report is closed; `view` null until a result is in.
 */
import type { AppState } from '../state/app-state.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { ResultView } from '../../transport/packed.ts';
import type { Scenario } from '../../format/types.ts';
import { fundReport } from '../../engine/fund-report.ts';
import { fundReportView, type FundReportView } from '../../sheets/fund-report.ts';
import { refName, scenarioOrError } from '../../workspace/workspace.ts';
import { memoize } from './memo.ts';

export interface ReportPageView { lang: Lang; view: FundReportView | null; error: string | null }

/** Today as YYYY-MM-DD (the date printed). */
export function today(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const build = memoize((lang: Lang, unit: Unit, s: Scenario, name: string, r: ResultView, printed: string): FundReportView => {
  const model = fundReport(s, { fund: r.fund, columns: r, pools: r.col('pool'), paymentRates: r.col('paymentRate').map((x) => x || null) });
  return fundReportView(model, s, { scenarioName: name, fingerprint: r.fingerprint, printed }, lang, unit);
});

const pageOf = memoize((lang: Lang, view: FundReportView | null, error: string | null): ReportPageView => ({ lang, view, error }));

export function reportPageView(s: AppState, printed = today()): ReportPageView | null {
  if (!s.reporting) return null;
  const sc = scenarioOrError(s.ws, s.active);
  if (sc instanceof Error) return pageOf(s.lang, null, sc.message);
  const col = s.cols[s.active];
  // A result of an older edit (stale, a newer run under way) is not reported; the rows are named from the scenario the result is of.
  const ok = col?.view && col.scenario && !col.stale;
  return pageOf(s.lang, ok ? build(s.lang, s.unit, col.scenario!, refName(s.ws, s.active), col.view!, printed) : null, null);
}

/** The report's styles (screen and print), the same the command line's page carries. */
export { REPORT_CSS } from '../../sheets/fund-report-html.ts';
