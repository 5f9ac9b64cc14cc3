/**
 * The fast path of the institutions' shape check says "what the schema gives" or "ask the
 * schema", never anything else: whenever it takes an institution its output is the schema's to
 * the key order, and the whole-document check returns the schema's own result (data or issues)
 * for every example, fixture and synthetic city, valid or not.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastHospitals, parseScenarioShape } from '../../src/format/hospitals-fast.ts';
import { hospitalSchema, scenarioSchema } from '../../src/format/schema.ts';
import { migrate } from '../../src/format/migrate.ts';
import { FORMAT_NAME, FORMAT_VERSION } from '../../src/format/types.ts';
import { synthCity, synthPointsCity } from '../../bench/synth.ts';

/** JSON text that also tells -0 from 0 and keeps key order: equal texts, equal values in the same order. */
const exact = (v: unknown): string => JSON.stringify(v, (_k, x) => (Object.is(x, -0) ? '-0' : x));

const docs = (dir: string): [string, unknown][] =>
  readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => {
    try {
      return [[`${dir}/${f}`, JSON.parse(readFileSync(join(dir, f), 'utf8'))] as [string, unknown]];
    } catch {
      return []; // not JSON: never reaches the shape check
    }
  });

describe('parseScenarioShape is scenarioSchema.safeParse', () => {
  const all = [...docs('scenarios'), ...docs('tests/fixtures/invalid'), ...docs('tests/fixtures/v1'),
    ['synthetic 500', JSON.parse(JSON.stringify(synthCity(500, 3)))], ['synthetic points 300', JSON.parse(JSON.stringify(synthPointsCity(300, 5)))]] as [string, unknown][];

  it.each(all)('%s: the same data or the same issues', (_name, raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Number.isInteger((raw as { version?: unknown }).version)) return;
    const { version, format } = raw as { version: number; format?: unknown };
    if (version < 1 || version > FORMAT_VERSION || format !== FORMAT_NAME) return; // refused by the header check
    const doc = migrate(raw as Record<string, unknown>);
    const want = scenarioSchema.safeParse(doc, { reportInput: true });
    const got = parseScenarioShape(doc);
    expect(got.success).toBe(want.success);
    if (want.success && got.success) expect(exact(got.data)).toBe(exact(want.data));
    else expect(exact(got.error?.issues)).toBe(exact(want.error?.issues));
  });

  it('takes the synthetic cities\' institutions on the fast path', () => {
    expect(fastHospitals(JSON.parse(JSON.stringify(synthCity(200, 1))).hospitals)).not.toBeNull();
  });
});

// Values near the edges of each rule, of every JSON type, for any field.
const anyValue = fc.oneof(
  fc.constantFrom('', 'x', ' ', 'H1', '0', '0.00', '1.5', '1.234', '-1.00', '9999999999999.99', '99999999999999', '1e3', ' 0.5 ', '0.5',
    '-0.5', '-1', '2', '1.0000', '12.3456', '12.34567', 'a'.repeat(100), 'a'.repeat(101), 'b'.repeat(200), 'b'.repeat(201), '医院', '\u0000'),
  fc.constantFrom(0, -0, 1, -1, 0.5, 1.5, 100, 100.5, 101, 60.25, 0.1 + 0.2, 5e-324, 1e21, 2 ** 53, -2, Number.NaN, Infinity),
  fc.boolean(), fc.constant(null),
  fc.array(fc.constantFrom('1.00', '0', 'x', 3, '12.5'), { maxLength: 13 }),
  fc.constantFrom({}, { a: 1 }, { a: 1.5, b: -2 }, { a: '1' }, { a: 50 }, { a: 101 }, { '1': 3, b: 4 }, [], [1]),
);
const SHAPE_KEYS = Object.keys(hospitalSchema.shape);
const money = fc.integer({ min: 0, max: 10 ** 9 }).map((f) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`);
const validHospital = fc.record({
  id: fc.string({ minLength: 1, maxLength: 10 }),
  name: fc.string({ maxLength: 10 }),
  level: fc.constantFrom('primary', 'secondary'),
  category: fc.constantFrom('general', 'tcm'),
  class: fc.constantFrom('hospital', 'primary'),
  history: fc.array(money, { minLength: 1, maxLength: 3 }),
}, { requiredKeys: ['id', 'name', 'level', 'category', 'class', 'history'] });
const optional = fc.record({
  lockedTarget: money,
  growth: fc.constantFrom('0.05', -0.02, '-1', 0.1, ' 0.3 '),
  volume: fc.nat(1000),
  volumeFloor: fc.nat(1000),
  claims: fc.array(money, { minLength: 12, maxLength: 12 }),
  deductions: money,
  score: fc.constantFrom(0, 55.5, 100, 88),
  indicators: fc.dictionary(fc.constantFrom('a', 'b', '1'), fc.constantFrom(10, 90.5)),
  fields: fc.dictionary(fc.constantFrom('cases', 'beds', '2'), fc.constantFrom(1, 2.5, -3)),
  advanceEligible: fc.boolean(),
  claimsToDate: fc.array(money, { maxLength: 12 }),
  lastYearClaims: fc.array(money, { minLength: 12, maxLength: 12 }),
  reasonableShare: fc.constantFrom('0.8', 1, 0, '0.25'),
  pointsToDate: fc.array(fc.constantFrom('1.5', '12.3456'), { maxLength: 12 }),
  extra: fc.constantFrom('kept', 3, { nested: [1] }),
}, { requiredKeys: [] });
/** A valid institution, then some fields set to anything, some removed, in some order. */
const hospital = fc.tuple(validHospital, optional, fc.array(fc.tuple(fc.constantFrom(...SHAPE_KEYS, 'extra', 'other'), anyValue), { maxLength: 3 }),
  fc.subarray(SHAPE_KEYS, { maxLength: 2 }), fc.boolean()).map(([base, more, sets, drops, reverse]) => {
  const h: Record<string, unknown> = { ...base, ...more };
  for (const [k, v] of sets) h[k] = v;
  for (const k of drops) delete h[k];
  return reverse ? Object.fromEntries(Object.entries(h).reverse()) : h;
});

describe('fastHospitals', () => {
  it('takes an institution only when the schema accepts it, and gives exactly what the schema gives', () => {
    let taken = 0;
    fc.assert(fc.property(hospital, (h) => {
      const want = hospitalSchema.safeParse(h, { reportInput: true });
      const got = fastHospitals([h]);
      if (got === null) return;
      taken++;
      expect(want.success).toBe(true);
      expect(exact(got[0])).toBe(exact(want.data));
    }), { numRuns: 3000 });
    expect(taken).toBeGreaterThan(150); // the comparison is not empty
  });

  it('leaves an empty list and anything not a list to the schema', () => {
    expect(fastHospitals([])).toBeNull();
    expect(fastHospitals({ 0: {} })).toBeNull();
  });
});
