/**
 * Lines ≤ 160 characters (the house style). Held strictly in workers/ and bench/, which keep it. In
 * src/ and scripts/ the lines still wider (about 480 and 26 when this check came; 44 and 5 after a
 * wrapping pass that broke the rest at commas, between attributes and between elements) are printed
 * and held under a ceiling equal to that count: what is left is long strings and expressions a
 * person has to rephrase, and the ceiling goes down as they are.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const MAX = 160;
const SOURCE = /\.(ts|mts|mjs|js|py)$/;

function wide(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(join(ROOT, d), { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (SOURCE.test(e.name)) {
        readFileSync(join(ROOT, p), 'utf8').split('\n').forEach((l, i) => {
          if ([...l].length > MAX) out.push(`${p}:${i + 1} (${[...l].length})`);
        });
      }
    }
  };
  walk(dir);
  return out;
}

describe('lines are at most 160 characters', () => {
  it.each(['workers', 'bench'])('in %s/', (dir) => {
    expect(wide(dir)).toEqual([]);
  });

  it.each([['src', 41], ['scripts', 5]] as const)('in %s/: no more than %i lines wider (a ceiling, going down)', (dir, ceiling) => {
    const lines = wide(dir);
    console.log(`line-length: ${dir}/ has ${lines.length} lines over ${MAX} characters`);
    expect(lines.length).toBeLessThanOrEqual(ceiling);
  });
});
