import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, canonicalResult, FUND_CONTRACT, HOSPITAL_CONTRACT, fingerprint, fingerprintMatches, fullFingerprint } from '../../src/engine/fingerprint.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { Result } from '../../src/engine/result.ts';
import { smallScenario } from './fixture.ts';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The same value with every object's keys in reverse order. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]));
  return v;
}

const addFen = (s: string) => (Math.round(Number(s) * 100 + 1) / 100).toFixed(2);

describe('fingerprint', () => {
  const result = runScenario(smallScenario());

  it('is sha256 of the canonical contract JSON, 16 hex digits short and 64 long', () => {
    const fp = fingerprint(result);
    const full = fullFingerprint(result);
    expect(fp).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(full).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(full.startsWith(fp)).toBe(true);
    expect(full).toBe(`sha256:${createHash('sha256').update(canonicalResult(result), 'utf8').digest('hex')}`);
    expect(fingerprintMatches(fp, full)).toBe(true);
    expect(fingerprintMatches('sha256:', full)).toBe(false);
  });

  it('hashes only the contract fields, keys sorted, hospitals in file order', () => {
    const text = canonicalResult(result);
    const parsed = JSON.parse(text) as { fund: Record<string, unknown>; hospitals: Record<string, unknown>[] };
    expect(Object.keys(parsed.fund)).toEqual([
      'adjustmentFund', 'adjustmentFundUsed', 'allocatable', 'base', 'carveOuts', 'closingBalance',
      'currentSurplusRate', 'expenditure', 'globalTarget', 'hospitalsOwed', 'monthsOfCoverage', 'riskReserve',
    ]);
    expect(Object.keys(parsed.hospitals[0]!)).toHaveLength(15);
    expect(parsed.hospitals.map((h) => h.id)).toEqual(['H001', 'H002', 'H003', 'C001']);
    expect(text).not.toMatch(/\s/);
  });

  it('writes institutions as canonicalJson writes their contract fields (the fast path is the generic one)', () => {
    const pick = (o: object, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
    const generic = (r: Result) => canonicalJson({ fund: pick(r.fund, FUND_CONTRACT), hospitals: r.hospitals.map((h) => pick(h, HOSPITAL_CONTRACT)) });
    expect(canonicalResult(result)).toBe(generic(result));
    const odd = copy(result);
    (odd.hospitals[1] as unknown as Record<string, unknown>).deferred = undefined;
    odd.hospitals[2]!.id = 'H"3\\中';
    odd.hospitals[0]!.paid[3] = 'a"\\b\n中';
    (odd.hospitals[3] as unknown as Record<string, unknown>).monthlyBudget = ['1.00', null, undefined, { b: '1', a: ['2'] }];
    expect(canonicalResult(odd)).toBe(generic(odd));
    expect(canonicalResult({ ...result, hospitals: [] })).toBe(generic({ ...result, hospitals: [] }));
  });

  it('is the same for equal results, whatever the key order or extra fields', () => {
    expect(fingerprint(runScenario(smallScenario()))).toBe(fingerprint(result));
    expect(fullFingerprint(reverseKeys(result) as Result)).toBe(fullFingerprint(result));
    const extra = copy(result);
    extra.hospitals[0]!.pool = 'other';
    extra.fund.totalPaid = '0.00';
    expect(fingerprint(extra)).toBe(fingerprint(result));
  });

  it('changes when one fen changes, or hospitals change order', () => {
    const a = copy(result);
    a.hospitals[2]!.paid[7] = addFen(a.hospitals[2]!.paid[7]!);
    expect(fingerprint(a)).not.toBe(fingerprint(result));
    const b = copy(result);
    b.fund.closingBalance = addFen(b.fund.closingBalance);
    expect(fingerprint(b)).not.toBe(fingerprint(result));
    const c = copy(result);
    c.hospitals.reverse();
    expect(fingerprint(c)).not.toBe(fingerprint(result));
  });

  it('keeps its canonical form: a fixed result has a fixed fingerprint (files emailed today must verify forever)', () => {
    const months = new Array(12).fill('1.00') as string[];
    const fixed = {
      fund: {
        base: '100.00', riskReserve: '1.00', carveOuts: '0.00', globalTarget: '99.00', adjustmentFund: '4.95', allocatable: '94.05',
        hospitalsOwed: '90.00', adjustmentFundUsed: '0.00', expenditure: '90.00', closingBalance: '10.00', monthsOfCoverage: '1.3333', currentSurplusRate: null,
      },
      hospitals: [{
        id: '医院A', target: '94.05', deposit: '9.41', monthlyBudget: months, paid: months, deferred: '0.00', actual: '90.00', surplus: '4.05',
        reward: '0.00', overspend: '0.00', fundShare: '0.00', depositReturned: '9.41', depositForfeited: '0.00', owed: '90.00', balance: '78.00',
      }],
    } as unknown as Result;
    expect(fingerprint(fixed)).toBe('sha256:e3145106663a186a');
  });
});
