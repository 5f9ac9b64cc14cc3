/**
 * A multi-year run as the page and the command line report it (DESIGN §8): the run, each
 * year's result fingerprint (what a receiver of the file gets from the same parameters), and
 * the saver and the spender to show — or the problems of the run's parameters, by field.
 */
import { runYears, saverAndSpender, type Pick, type YearsRun } from './years.ts';
import { toResult } from './run.ts';
import { fingerprint } from './fingerprint.ts';
import { ScenarioError, type Issue } from '../format/issues.ts';
import type { YearsParams } from './analysis-params.ts';
import type { Scenario } from '../format/types.ts';

export interface YearsReport {
  run: YearsRun;
  fingerprints: string[];
  saver: Pick | null;
  spender: Pick | null;
}

export type YearsOutcome = ({ ok: true } & YearsReport) | { ok: false; issues: Issue[] };

/** Run the years of `s` (its `analysis.years` under `given`); invalid parameters come back as issues. */
export function yearsOutcome(s: Scenario, given: Partial<YearsParams> = {}): YearsOutcome {
  const fingerprints: string[] = [];
  try {
    const run = runYears(s, given, (_p, _sc, model, st) => fingerprints.push(fingerprint(toResult(model, st))));
    return { ok: true, run, fingerprints, ...saverAndSpender(run) };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    throw e;
  }
}
