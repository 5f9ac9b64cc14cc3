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
import type { Scenario } from '../src/format/types.ts';
import type { Lang } from '../src/display/lang.ts';

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
  async csv(lang: Lang, scenario: Scenario): Promise<Uint8Array> {
    return new TextEncoder().encode(hospitalsCsv(runScenario(scenario), scenario, lang));
  },
  /** The hospitals' input data in the import layout (imports back to the same data). */
  async data(lang: Lang, scenario: Scenario): Promise<Uint8Array> {
    return exportHospitalData(scenario, lang);
  },
  /** The blank import template. */
  async template(lang: Lang, years: number[], format: 'xlsx' | 'csv'): Promise<Uint8Array> {
    return hospitalTemplate(lang, years, format);
  },
};

export type ExportApi = typeof api;
expose(api);
