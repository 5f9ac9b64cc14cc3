/**
 * Lines ≤ 160 characters (the house style), everywhere the check reads: src/, scripts/, workers/
 * and bench/. None wider is allowed (src/ had about 480 when this check came and a ceiling that
 * went down to 0 as long strings were broken into pieces joined with +).
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
  it.each(['src', 'scripts', 'workers', 'bench'])('in %s/: none wider', (dir) => {
    expect(wide(dir)).toEqual([]);
  });
});
