import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawStream, fmix32, streamFromState } from '../../src/engine/risk/rng.ts';
import { exp, ln, NORMAL_BOUND, ZIG_R } from '../../src/engine/risk/normal.ts';

describe('generator', () => {
  it('xoshiro128** gives the reference outputs', () => {
    // Vigna's xoshiro128starstar.c (prng.di.unimi.it), compiled with gcc, state {1, 2, 3, 4},
    // printed its first eight next() values:
    const reference = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849];
    const s = streamFromState(1, 2, 3, 4);
    expect(reference.map(() => s.next())).toEqual(reference);
  });

  it('fmix32 is murmur3\'s finalizer', () => {
    // The same C function (murmur3 fmix32 on uint32_t), compiled and run on these inputs.
    expect([0, 1, 2, 0xdeadbeef, 0xffffffff].map(fmix32)).toEqual([0, 1364076727, 821347078, 233162409, 2180083513]);
  });

  it('a draw\'s stream depends on (seed, draw) only, and draws differ', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 1_000_000 }), (seed, d) => {
      const a = drawStream(seed, d), b = drawStream(seed, d), c = drawStream(seed, d + 1);
      const xa = Array.from({ length: 8 }, () => a.next());
      // Another stream used in between changes nothing.
      const xc = Array.from({ length: 8 }, () => c.next());
      const xb = Array.from({ length: 8 }, () => b.next());
      expect(xb).toEqual(xa);
      expect(xc).not.toEqual(xa);
      for (const x of xa) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    }), { numRuns: 200 });
  });

  it('uniforms lie strictly inside (0, 1)', () => {
    const s = drawStream(9, 9);
    for (let i = 0; i < 10_000; i++) {
      const u = s.uniform();
      expect(u > 0 && u < 1).toBe(true);
    }
  });
});

describe('ln and exp from exact operations', () => {
  const ulpRel = 2 ** -52;
  it('ln agrees with Math.log to a few units in the last place', () => {
    fc.assert(fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
      const want = Math.log(x);
      expect(Math.abs(ln(x) - want)).toBeLessThanOrEqual(4 * ulpRel * Math.max(Math.abs(want), 1));
    }), { numRuns: 5000 });
    expect(ln(1)).toBe(0);
    expect(ln(0)).toBe(-Infinity);
    expect(Number.isNaN(ln(-1))).toBe(true);
  });

  it('exp agrees with Math.exp to a few units in the last place', () => {
    fc.assert(fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
      const want = Math.exp(x);
      expect(Math.abs(exp(x) - want)).toBeLessThanOrEqual(6 * ulpRel * want);
    }), { numRuns: 5000 });
    expect(exp(0)).toBe(1);
  });
});

describe('normals (ziggurat)', () => {
  const N = 1_000_000;
  const draw = () => {
    const s = drawStream(2024, 7);
    return Float64Array.from({ length: N }, () => s.normal());
  };

  it('have the moments of N(0, 1) within sampling error', () => {
    const xs = draw();
    let m1 = 0, m2 = 0, m4 = 0;
    for (const x of xs) { m1 += x; m2 += x * x; m4 += x ** 4; }
    m1 /= N; m2 /= N; m4 /= N;
    // Standard errors: mean 1/√N, variance √(2/N), fourth moment √(96/N); bands of 4 of them.
    expect(Math.abs(m1)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(m2 - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    expect(Math.abs(m4 - 3)).toBeLessThan(4 * Math.sqrt(96 / N));
  });

  it('fall in the bins between the normal\'s quantiles as often as they should (χ² test)', () => {
    // Quantiles of N(0, 1) at 0.1%, 1%, 5%, 10%, 25%, 50% and their mirror images
    // (Φ⁻¹ to 16 digits, as tabulated e.g. by scipy.stats.norm.ppf), a bin beyond each.
    const q = [3.090232306167813, 2.3263478740408408, 1.6448536269514722, 1.2815515655446004, 0.6744897501960817];
    const cuts = [...q.map((v) => -v), 0, ...[...q].reverse()];
    const probs = [0.001, 0.009, 0.04, 0.05, 0.15, 0.25, 0.25, 0.15, 0.05, 0.04, 0.009, 0.001];
    const counts = new Array(probs.length).fill(0);
    for (const x of draw()) {
      let b = 0;
      while (b < cuts.length && x > cuts[b]!) b++;
      counts[b]++;
    }
    const chi2 = counts.reduce((a, c, i) => a + (c - N * probs[i]!) ** 2 / (N * probs[i]!), 0);
    // 11 degrees of freedom: P(χ² > 31.26) = 0.001.
    expect(chi2).toBeLessThan(31.26);
  });

  it('reach the tail beyond the ziggurat\'s base and never beyond the stated bound', () => {
    let beyond = 0, max = 0;
    for (const x of draw()) {
      if (Math.abs(x) > ZIG_R) beyond++;
      max = Math.max(max, Math.abs(x));
    }
    // P(|Z| > 3.4426) = 5.76·10^-4: about 576 in a million (SD 24).
    expect(beyond).toBeGreaterThan(576 - 4 * 24);
    expect(beyond).toBeLessThan(576 + 4 * 24);
    expect(max).toBeLessThanOrEqual(NORMAL_BOUND);
  });
});
