/**
 * The export worker: spreadsheets out (exceljs is heavy, so never on the page's thread).
 * Results workbooks are built from the scenarios themselves: the engine runs here again, which
 * gives the same numbers to the fen as the columns' workers (it is deterministic).
 */
import '../src/format/csp.ts';
import { expose } from 'comlink';
import { runScenario } from '../src/engine/run.ts';
import { resultsWorkbook, hospitalsCsv, exportHospitalData } from '../src/sheets/export.ts';
import { hospitalTemplate } from '../src/sheets/template.ts';
import { riskWorkbookOf, sweepsWorkbookOf, yearsWorkbookOf, type RiskExport, type YearsExport } from '../src/sheets/plan-export.ts';
import type { SweepSheet } from '../src/sheets/analysis-export.ts';
import type { Scenario } from '../src/format/types.ts';
import type { Lang } from '../src/display/lang.ts';
import { monitor } from '../src/engine/monitor.ts';
import { monitorWorkbook } from '../src/sheets/monitor-book.ts';

export interface NamedScenario {
  name: string;
  scenario: Scenario;
  /** The fingerprint the page shows, when known (computed here otherwise). */
  fingerprint?: string;
}

const api = {
  /** One .xlsx: fund summary, hospitals, monthly, comparison, parameters with sources and fingerprints. */
  async results(lang: Lang, unit: 'yuan' | 'wan', scenarios: NamedScenario[]): Promise<Uint8Array> {
    return resultsWorkbook({
      lang, unit,
      scenarios: scenarios.map((s) => ({ name: s.name, scenario: s.scenario, result: runScenario(s.scenario), fingerprint: s.fingerprint })),
    });
  },
  /** The hospitals table of one scenario as CSV (UTF-8 with BOM). */
  async csv(lang: Lang, scenario: Scenario, unit: 'yuan' | 'wan' = 'yuan'): Promise<Uint8Array> {
    return new TextEncoder().encode(hospitalsCsv(runScenario(scenario), scenario, lang, unit));
  },
  /** The hospitals' input data in the import layout (imports back to the same data). */
  async data(lang: Lang, scenario: Scenario): Promise<Uint8Array> {
    return exportHospitalData(scenario, lang);
  },
  /** The monthly report (执行进度, 预警, 基金预测, 年中调整) of one scenario. */
  async monitor(lang: Lang, unit: 'yuan' | 'wan', name: string, scenario: Scenario): Promise<Uint8Array> {
    return monitorWorkbook(name, monitor(scenario), lang, unit);
  },
  /** The blank import template. */
  async template(lang: Lang, years: number[], format: 'xlsx' | 'csv'): Promise<Uint8Array> {
    return hospitalTemplate(lang, years, format);
  },
  /** Several years of the scenario shown and the compared ones (run again here, exactly): fund paths side by side, each one's sheets. */
  years: (lang: Lang, unit: 'yuan' | 'wan', scenarios: YearsExport[]) => yearsWorkbookOf(scenarios, lang, unit),
  /** The page's sweep and tornado results: one sheet per output. */
  sweeps: (lang: Lang, unit: 'yuan' | 'wan', scenario: Scenario, sheets: SweepSheet[]) => sweepsWorkbookOf(scenario, sheets, lang, unit),
  /** A Monte Carlo run's summary and the institutions' probabilities. */
  risk: (lang: Lang, unit: 'yuan' | 'wan', run: RiskExport) => riskWorkbookOf(run, lang, unit),
};

export type ExportApi = typeof api;
expose(api);
