/**
 * Check and prepare what an import needs besides the file: the catalogue in exact units, the
 * thresholds as fractions, the institutions. A setup that does not hold is a programming or
 * data error before any file is read (the catalogue import reports bad rows itself).
 */
import { MONEY_DP, POINT_DP, parseRatio, parseScaled } from './decimal.ts';
import { groupBounds, type OutlierRule } from './points.ts';
import type { CaseSetup } from './types.ts';

export class CaseSetupError extends Error {}

export interface PreparedGroup {
  id: string;
  score: bigint;
  refFen: bigint;
  lowBelow: bigint;
  highAbove: bigint;
}

export interface PreparedSetup {
  hospitalIds: string[];
  year: number | null;
  groups: PreparedGroup[];
  rule: OutlierRule;
  topGroups: number;
  examples: number;
}

export const DEFAULT_TOP_GROUPS = 20;
export const DEFAULT_EXAMPLES = 5;

/** Largest score and reference cost accepted: keeps every product well inside HUGEINT. */
const MAX_SCORE_UNITS = 10n ** 14n; // 10^10 points
const MAX_REF_FEN = 10n ** 15n; // 10^13 yuan

export function prepareSetup(setup: CaseSetup): PreparedSetup {
  const fail = (m: string): never => { throw new CaseSetupError(m); };
  const low = parseRatio(setup.thresholds.low) ?? fail(`thresholds.low: not a decimal ≥ 0: ${JSON.stringify(setup.thresholds.low)}`);
  const high = parseRatio(setup.thresholds.high) ?? fail(`thresholds.high: not a decimal ≥ 0: ${JSON.stringify(setup.thresholds.high)}`);
  // 0 < low ≤ 1 ≤ high ≤ 100, at most 4 decimals: keeps the SQL's products inside HUGEINT.
  if (low.num === 0n || low.num > low.den ||
    parseScaled(setup.thresholds.low, 4) === null) fail(`thresholds.low must be in (0, 1] with at most 4 decimals: ${setup.thresholds.low}`);
  if (high.num < high.den || high.num > 100n * high.den || parseScaled(setup.thresholds.high,
    4) === null) fail(`thresholds.high must be in [1, 100] with at most 4 decimals: ${setup.thresholds.high}`);
  const rule: OutlierRule = { low, high };

  const seen = new Set<string>();
  const hospitalIds = setup.hospitalIds.map((id, i) => {
    if (typeof id !== 'string' || id.trim() === '') fail(`hospitalIds[${i}]: empty`);
    if (seen.has(id)) fail(`hospitalIds[${i}]: duplicate ${id}`);
    seen.add(id);
    return id;
  });
  if (hospitalIds.length === 0) fail('hospitalIds: the base scenario has no institutions');

  const ids = new Set<string>();
  const groups = setup.catalogue.map((g, i): PreparedGroup => {
    if (typeof g.id !== 'string' || g.id.trim() === '' || g.id !== g.id.trim()) fail(`catalogue[${i}].id: empty or with surrounding spaces`);
    if (ids.has(g.id)) fail(`catalogue[${i}].id: duplicate ${g.id}`);
    ids.add(g.id);
    const score = parseScaled(g.score, POINT_DP);
    if (score === null || score <= 0n ||
      score > MAX_SCORE_UNITS) fail(`catalogue[${i}].score: must be > 0 with at most 4 decimals: ${JSON.stringify(g.score)}`);
    const refFen = parseScaled(g.refCost, MONEY_DP);
    if (refFen === null || refFen <= 0n || refFen > MAX_REF_FEN) fail(`catalogue[${i}].refCost: must be an amount > 0: ${JSON.stringify(g.refCost)}`);
    return { id: g.id, score: score!, refFen: refFen!, ...groupBounds(refFen!, rule) };
  });
  if (groups.length === 0) fail('catalogue: no groups');

  const year = setup.year ?? null;
  if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) fail(`year: not a year: ${year}`);
  const topGroups = setup.topGroups ?? DEFAULT_TOP_GROUPS;
  const examples = setup.examples ?? DEFAULT_EXAMPLES;
  if (!Number.isInteger(topGroups) || topGroups < 0 || topGroups > 10_000) fail('topGroups: 0–10000');
  if (!Number.isInteger(examples) || examples < 0 || examples > 1000) fail('examples: 0–1000');
  return { hospitalIds, year, groups, rule, topGroups, examples };
}
