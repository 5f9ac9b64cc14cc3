/**
 * The error catalogue: one fixture per validation error in tests/fixtures/invalid/, each a
 * scenario file that must be refused with the issue path and message below (and, unless
 * stated, nothing else). Every fixture must be listed here and every entry must have a fixture.
 * The fixtures are mutations of tests/fixtures/invalid/_base.json, which must load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/invalid');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

interface Expect {
  path: string;
  message: string | RegExp;
  /** How many issues the file produces (default 1). */
  count?: number;
}

const CATALOGUE: Record<string, Expect> = {
  // file level
  'not-json.json': { path: '', message: /^not valid JSON: .*\(line 5, column 1\)/ },
  'not-an-object.json': { path: '', message: 'not a scenario file: expected a JSON object' },
  'forbidden-proto-key.json': { path: 'hospitals[0].__proto__', message: 'the file contains the forbidden key "__proto__"' },
  'wrong-format-tag.json': { path: 'format', message: '"format" must be "gbsim-scenario" (it is "gbsim-workspace")' },
  'missing-format-tag.json': { path: 'format', message: '(it is missing)' },
  'newer-version.json': { path: 'version', message: 'written by a newer version of the tool (format version 3); this version reads up to 2' },
  'version-not-whole.json': { path: 'version', message: 'must be a whole number from 1 (it is 1.5)' },
  // shape
  'history-not-amount.json': { path: 'hospitals[0].history[2]', message: 'must be a non-negative amount with at most 2 decimals' },
  'negative-amount.json': { path: 'hospitals[0].claims[3]', message: 'must be a non-negative amount' },
  'three-decimals.json': { path: 'fund.openingBalance', message: 'at most 2 decimals' },
  'missing-field.json': { path: 'fund.revenue', message: 'is required' },
  'missing-hospital-name.json': { path: 'hospitals[2].name', message: 'is required' },
  'rate-above-one.json': { path: 'fund.riskReserveRate', message: 'must be between 0 and 1' },
  'rate-not-a-number.json': { path: 'policy.deposit.rates.hospital', message: 'must be a decimal number with at most 12 decimals' },
  'score-above-100.json': { path: 'hospitals[2].score', message: 'must be between 0 and 100' },
  'claims-eleven-months.json': { path: 'hospitals[0].claims', message: 'must have exactly 12 monthly amounts' },
  'profile-eleven-months.json': { path: 'policy.monthlyProfile', message: 'must have exactly 12 monthly weights' },
  'deposit-base-unknown.json': { path: 'policy.deposit.base', message: 'must be "target" or "claims"' },
  'tier-mode-unknown.json': { path: 'policy.surplus.mode', message: 'must be "marginal" or "step"' },
  'growth-below-minus-one.json': { path: 'hospitals[1].growth', message: 'must be greater than -1' },
  'no-hospitals.json': { path: 'hospitals', message: 'must list at least one institution' },
  // shape of version-2 fields (the fixtures are version 2: in a v1 file these names are set aside)
  'points-five-decimals.json': { path: 'hospitals[0].points.total', message: 'must be a non-negative number of points with at most 4 decimals' },
  'settlement-unknown.json': { path: 'policy.pools[0].settlement', message: 'must be "target" or "points"' },
  'reasonable-share-above-one.json': { path: 'hospitals[1].reasonableShare', message: 'must be between 0 and 1' },
  // cross-field
  'history-length-mismatch.json': { path: 'hospitals[1].history', message: 'must have 3 years, as many as policy.historyWeights; it has 2' },
  'history-weights-all-zero.json': { path: 'policy.historyWeights', message: 'at least one year must have a positive weight' },
  'duplicate-id.json': { path: 'hospitals[3].id', message: 'duplicate id "P1" (also hospitals[2])' },
  'class-without-deposit-rate.json': { path: 'hospitals[1].class', message: 'class "chronic" has no deposit rate' },
  'class-in-no-pool.json': { path: 'hospitals[1].class', message: 'class "specialty" is in no pool' },
  'class-in-two-pools.json': { path: 'policy.pools[1].classes[1]', message: 'class "chronic" is already in pool "hosp"' },
  'duplicate-pool-id.json': { path: 'policy.pools[1].id', message: 'duplicate pool id "hosp"' },
  'pool-shares-not-one.json': { path: 'policy.pools', message: 'pool shares must add up to 100%; they add up to 90%' },
  'locked-exceeds-pool.json': { path: 'policy.pools[1]', message: 'locked targets in pool "prim" (300000.00) are larger than the pool (265050.00)' },
  'pool-without-members.json': { path: 'policy.pools[2]', message: 'pool "tcm" has 88350.00 to allocate and no institution to receive it (no institution is in its classes)' },
  'all-locked-pool-rest-left.json': { path: 'policy.pools[1]', message: 'pool "prim" has 263050.00 left after locked targets and no unlocked institution to receive it' },
  'all-locked-no-pools.json': { path: 'hospitals', message: 'the amount to allocate has 879500.00 left after locked targets and no unlocked institution to receive it' },
  'locked-exceeds-allocatable-no-pools.json': { path: 'hospitals', message: 'locked targets (99999999.00) are larger than the amount to allocate (883500.00)' },
  'pool-all-weights-zero.json': { path: 'policy.pools[1]', message: "every unlocked institution's weight is zero" },
  'tiers-out-of-order.json': { path: 'policy.surplus.tiers[1].upTo', message: 'tiers are out of order: must be greater than the tier before (0.1)' },
  'tier-open-not-last.json': { path: 'policy.surplus.tiers[1].upTo', message: 'only the last tier may be open (null)', count: 2 },
  'last-tier-not-open.json': { path: 'policy.overspend.tiers[2].upTo', message: 'the last tier must be open (null)' },
  'tier-bound-zero.json': { path: 'policy.surplus.tiers[0].upTo', message: 'must be greater than 0' },
  'step-surplus-shares-falling.json': { path: 'policy.surplus.tiers[1].share', message: 'step shares must not fall (0.5 before)' },
  'step-overspend-shares-rising.json': { path: 'policy.overspend.tiers[1].share', message: 'step fund shares must not rise (0.5 before)' },
  'quality-not-from-zero.json': { path: 'policy.quality.points[0].score', message: 'the quality table must start at score 0' },
  'quality-ratios-falling.json': { path: 'policy.quality.points[2].ratio', message: 'a higher score must never return less of the deposit (0.8 before)' },
  'quality-scores-not-rising.json': { path: 'policy.quality.points[2].score', message: 'scores must rise: must be greater than 90' },
  'deductions-exceed-claims.json': { path: 'hospitals[0].deductions', message: "larger than the year's claims (360000.00)" },
  'carve-outs-exceed-budget.json': { path: 'fund.carveOuts', message: 'the carve-outs and the risk reserve (1010000.00) exceed the budget (1000000.00)' },
  'weight-formula-does-not-parse.json': { path: 'policy.weightFormula', message: 'does not parse: Unexpected end of expression at position 19' },
  'weight-formula-unknown-name.json': { path: 'policy.weightFormula', message: 'unknown name "beds" at position 15' },
  'weight-formula-forbidden.json': { path: 'policy.weightFormula', message: 'the function "evaluate" is not allowed at position 1' },
  'weight-formula-negative.json': { path: 'policy.weightFormula', message: 'fails for institution 4 "P2 Community Centre B": the weight is negative (-10000); it must be 0 or more' },
  'eligibility-formula-forbidden.json': { path: 'policy.surplus.eligibility', message: 'property access (".") and indexing ("[") are not allowed at position 6' },
  'field-shadows-builtin.json': { path: 'hospitals[0].fields.score', message: '"score" is a built-in formula name' },
  'profile-all-zero.json': { path: 'policy.monthlyProfile', message: 'at least one month must have a positive weight' },
  'indicators-without-weights.json': { path: 'hospitals[0].indicators', message: 'the quality assessment rule does not define their weights' },
  'indicator-score-missing.json': { path: 'hospitals[0].indicators', message: 'missing the score of indicator "q2"' },
  'indicator-weights-all-zero.json': { path: 'policy.quality.indicators', message: 'at least one indicator must have a positive weight' },
};

const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_')).sort();

describe('invalid fixtures: the error catalogue', () => {
  it('the base the fixtures are made from loads and runs', () => {
    const r = loadScenario(read('_base.json'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(runScenario(r.scenario).hospitals.map((h) => h.id)).toEqual(['H1', 'H2', 'P1', 'P2']);
  });

  it('every fixture is catalogued and every catalogue entry has a fixture', () => {
    expect(files).toEqual(Object.keys(CATALOGUE).sort());
  });

  it.each(files)('%s', (file) => {
    const want = CATALOGUE[file]!;
    const r = loadScenario(read(file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(want.count ?? 1);
    const issue = r.issues[0]!;
    expect(issue.path).toBe(want.path);
    if (typeof want.message === 'string') expect(issue.message).toContain(want.message);
    else expect(issue.message).toMatch(want.message);
  });

  it('a forbidden key never reaches Object.prototype', () => {
    loadScenario(read('forbidden-proto-key.json'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
