/**
 * What a sweep or a tornado reports: a fund figure of the result (`closingBalance`, …) or one
 * institution's figure (`T01.owed`), resolved against the scenario with problems by field.
 */
import { YEAR_FIELDS, type YearField } from './settle.ts';
import { issueOf, type Issue } from '../format/issues.ts';
import type { FundResult } from './result.ts';
import type { Scenario } from '../format/types.ts';

export const DEFAULT_OUTPUTS = ['closingBalance', 'adjustmentFundUsed', 'monthsOfCoverage', 'hospitalsOwed'] as const;
export const DEFAULT_TORNADO_OUTPUT = 'closingBalance';

/** How an output is shown: amounts (2 decimals), ratios and months (4 decimals). */
export type OutputKind = 'amount' | 'ratio' | 'months';

/** Fund figures a sweep can report (scalar fields of the result's fund). */
export const FUND_OUTPUTS: Readonly<Record<string, OutputKind>> = {
  closingBalance: 'amount', adjustmentFundUsed: 'amount', monthsOfCoverage: 'months', hospitalsOwed: 'amount',
  currentSurplusRate: 'ratio', cumulativeSurplusRate: 'ratio', expenditure: 'amount', globalTarget: 'amount',
  adjustmentFund: 'amount', allocatable: 'amount', fundSharesClaimed: 'amount', adjustmentFundTopUp: 'amount',
  adjustmentFundUnused: 'amount', retainedFromTargets: 'amount', totalTargets: 'amount', totalDeposit: 'amount',
  totalPaid: 'amount', totalDeferred: 'amount', totalBalance: 'amount', totalAdvance: 'amount', volumeCuts: 'amount',
  riskReserve: 'amount', carveOuts: 'amount', base: 'amount', revenue: 'amount', openingBalance: 'amount',
  pointCapCuts: 'amount',
};

/** An output: a fund figure, or one institution's figure (`T01.owed`). */
export type OutputRef =
  | { name: string; kind: OutputKind; fund: keyof FundResult }
  | { name: string; kind: 'amount'; hospital: number; id: string; field: YearField };


/** Parse output names against the scenario; problems are named `outputs[k]` (under `at`). */
export function resolveOutputs(s: Scenario, names: readonly string[], at: string): { outputs: OutputRef[]; issues: Issue[] } {
  const outputs: OutputRef[] = [];
  const issues: Issue[] = [];
  let ids: Map<string, number> | null = null;
  names.forEach((name, k) => {
    const kind = FUND_OUTPUTS[name];
    if (kind !== undefined) { outputs.push({ name, kind, fund: name as keyof FundResult }); return; }
    const dot = name.lastIndexOf('.');
    let id = dot > 0 ? name.slice(0, dot) : '';
    const field = dot > 0 ? name.slice(dot + 1) : name;
    const m = /^hospitals\[id=(.+)\]$/.exec(id);
    if (m) id = m[1]!;
    ids ??= new Map(s.hospitals.map((h, i) => [h.id, i] as const).reverse());
    const i = ids.get(id);
    if (i !== undefined && (YEAR_FIELDS as readonly string[]).includes(field)) {
      outputs.push({ name, kind: 'amount', hospital: i, id, field: field as YearField });
    } else {
      const path = `${at}[${k}]`;
      issues.push(i === undefined && dot > 0
        ? issueOf(path, 'outputNoInstitution', { id, example: s.hospitals[0]!.id })
        : i !== undefined
          ? issueOf(path, 'outputUnknownField', { field, fields: YEAR_FIELDS.join(', ') })
          : issueOf(path, 'outputUnknown', { name, fund: Object.keys(FUND_OUTPUTS).join(', ') }));
    }
  });
  return { outputs, issues };
}
