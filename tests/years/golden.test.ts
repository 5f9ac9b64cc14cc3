/**
 * Golden multi-year cases: each tests/years/golden/*.json holds a small scenario, the run's
 * parameters and every year's expected figures worked out by hand from DESIGN §6 and §8 (the
 * arithmetic is in its "derivation" field), compared with zero tolerance.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/open.ts';
import { runYears, YEAR_COLUMNS, columnStrings } from '../../src/engine/years.ts';
import type { YearsParams } from '../../src/engine/analysis-params.ts';

interface GoldenYears {
  name: string;
  derivation: string;
  params: Partial<YearsParams>;
  scenario: unknown;
  expected: { years: { year: number; fund: Record<string, string>; hospitals: ({ id: string } & Record<string, string>)[] }[] };
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('multi-year golden cases (hand-derived, zero tolerance)', () => {
  it('covers every base rule', () => {
    const rules = files.map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenYears).params.baseRule);
    expect(new Set(rules)).toEqual(new Set(['actual', 'target', 'actualPlusRetained']));
  });

  for (const file of files) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenYears;
    it(`${file}: ${c.name}`, () => {
      expect(c.derivation.length).toBeGreaterThan(200);
      const v = validateScenario(c.scenario);
      if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
      const run = runYears(v.scenario, c.params);
      expect(run.stopped).toBeNull();
      expect(run.years).toHaveLength(c.expected.years.length);
      c.expected.years.forEach((want, k) => {
        const got = run.years[k]!;
        expect(got.year, `year ${k + 1}`).toBe(want.year);
        for (const [f, value] of Object.entries(want.fund)) {
          expect((got.fund as unknown as Record<string, unknown>)[f], `${want.year} fund.${f}`).toBe(value);
        }
        for (const h of want.hospitals) {
          const i = run.ids.indexOf(h.id);
          expect(i, `institution ${h.id}`).toBeGreaterThanOrEqual(0);
          for (const [f, value] of Object.entries(h)) {
            if (f === 'id') continue;
            expect((YEAR_COLUMNS as readonly string[]).includes(f), `${f} is a kept column`).toBe(true);
            expect(columnStrings(got.columns[f as (typeof YEAR_COLUMNS)[number]])[i], `${want.year} ${h.id}.${f}`).toBe(value);
          }
        }
      });
    });
  }
});
