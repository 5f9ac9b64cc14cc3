/**
 * Golden cases: each tests/golden/*.json holds a small scenario, the expected results worked
 * out by hand from DESIGN §6 (the arithmetic is in its "derivation" field), and is compared
 * with zero tolerance: every expected value must equal the engine's decimal string exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { Result } from '../../src/engine/result.ts';

interface GoldenCase {
  name: string;
  derivation: string;
  scenario: unknown;
  expected: {
    fund?: Record<string, unknown>;
    hospitals?: ({ id: string } & Record<string, unknown>)[];
  };
}

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function load(file: string): GoldenCase {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenCase;
}

function run(c: GoldenCase): Result {
  const v = validateScenario(c.scenario);
  if (!v.ok) throw new Error(`golden scenario is invalid:\n${v.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  return runScenario(v.scenario);
}

describe('golden cases (hand-derived, zero tolerance)', () => {
  it('there are golden cases to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    const c = load(file);
    describe(`${file}: ${c.name}`, () => {
      it('documents its arithmetic and expects something', () => {
        expect(typeof c.derivation).toBe('string');
        expect(c.derivation.length).toBeGreaterThan(50);
        const n = Object.keys(c.expected.fund ?? {}).length
          + (c.expected.hospitals ?? []).reduce((a, h) => a + Object.keys(h).length - 1, 0);
        expect(n).toBeGreaterThan(0);
      });

      it('matches the expected fund figures exactly', () => {
        const r = run(c);
        for (const [k, want] of Object.entries(c.expected.fund ?? {})) {
          expect(k in r.fund, `fund.${k} is not in the result`).toBe(true);
          expect((r.fund as unknown as Record<string, unknown>)[k], `fund.${k}`).toStrictEqual(want);
        }
      });

      it('matches the expected hospital figures exactly', () => {
        const r = run(c);
        for (const want of c.expected.hospitals ?? []) {
          const got = r.hospitals.find((h) => h.id === want.id);
          expect(got, `hospital ${want.id} is not in the result`).toBeDefined();
          for (const [k, v] of Object.entries(want)) {
            expect(k in got!, `hospitals[${want.id}].${k} is not in the result`).toBe(true);
            expect((got as unknown as Record<string, unknown>)[k], `hospitals[${want.id}].${k}`).toStrictEqual(v);
          }
        }
      });
    });
  }
});
