import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { explain, MIN_PEERS } from '../../src/engine/explain.ts';

const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
if (!r.ok) throw new Error('city.json invalid');
const s = r.scenario;
const res = runScenario(s);
const fen = (x: string) => BigInt(x.replace('.', ''));

describe('explain: one institution for a negotiator', () => {
  it('derives the weighted history exactly from the file', () => {
    const i = s.hospitals.findIndex((h) => h.id === 'T01');
    const ex = explain(s, res, i)!;
    const h = s.hospitals[i]!;
    // Σ weight × amount in fen × 10^12, rounded half-up to the fen.
    const scaled = h.history.reduce((a, v, y) => a + fen(v) * BigInt(Math.round(Number(s.policy.historyWeights[y]) * 1e12)), 0n);
    const want = (scaled + 500_000_000_000n) / 1_000_000_000_000n;
    expect(fen(ex.weightedHistory)).toBe(want);
    expect(ex.hospital.target).toBe(res.hospitals[i]!.target);
    expect(ex.pool?.id).toBe(res.hospitals[i]!.pool);
  });

  it('compares with at least three peers: same level and category, else widened and saying so', () => {
    const general = explain(s, res, s.hospitals.findIndex((h) => h.id === 'S01'))!;
    expect(general.peers.basis).toBe('level+category');
    expect(general.peers.count).toBeGreaterThanOrEqual(MIN_PEERS);
    for (let i = 0; i < s.hospitals.length; i++) {
      const h = s.hospitals[i]!;
      const p = explain(s, res, i)!.peers;
      const others = s.hospitals.filter((_, j) => j !== i);
      const by = {
        'level+category': others.filter((x) => x.level === h.level && x.category === h.category),
        level: others.filter((x) => x.level === h.level),
        category: others.filter((x) => x.category === h.category),
      };
      // The first group (in this order) with enough peers is the one used, with all of them.
      const first = (['level+category', 'level', 'category'] as const).find((k) => by[k].length >= MIN_PEERS);
      if (first) expect([p.basis, p.count]).toEqual([first, by[first].length]);
      else expect(['pool', 'all']).toContain(p.basis);
      expect(p.count).toBeGreaterThanOrEqual(Math.min(MIN_PEERS, others.length));
    }
  });

  it('an institution alone of its level and its category is compared with its pool', () => {
    const odd = structuredClone(s);
    odd.hospitals[0] = { ...odd.hospitals[0]!, level: 'unrated', category: 'rehab' };
    const ex = explain(odd, runScenario(odd), 0)!;
    const classes = new Set(odd.policy.pools!.find((p) => p.id === ex.hospital.pool)!.classes);
    expect(ex.peers.basis).toBe('pool');
    expect(ex.peers.count).toBe(odd.hospitals.filter((h, j) => j > 0 && classes.has(h.class)).length);
  });

  it('gives percentiles between 0 and 100 and medians as amounts', () => {
    for (let i = 0; i < s.hospitals.length; i++) {
      const p = explain(s, res, i)!.peers;
      for (const v of [p.perCase.percentile, p.growth.percentile]) if (v !== null) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(100);
      if (p.cost.median !== null) expect(p.cost.median).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('returns null for an index out of range', () => {
    expect(explain(s, res, s.hospitals.length)).toBeNull();
  });
});

describe('one institution’s full result without the others', () => {
  it('is exactly what the whole result gives it, in every example', async () => {
    const { compile } = await import('../../src/engine/compile.ts');
    const { settle, toResult, hospitalResultAt } = await import('../../src/engine/run.ts');
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.json'))) {
      const l = loadScenario(readFileSync(`scenarios/${f}`, 'utf8'));
      if (!l.ok) throw new Error(`${f} invalid`);
      const model = compile(l.scenario);
      const st = settle(model);
      const full = toResult(model, st);
      full.hospitals.forEach((h, i) => expect(hospitalResultAt(model, st, i), `${f} ${h.id}`).toEqual(h));
    }
  });
});
