/**
 * The Python-decimal peer (bench/peer/settle.py, timed by `npm run bench`) settles the year as
 * the engine does: the same fund figures and the same figures for every institution, to the
 * fen, on every example it covers and on synthetic cities. Without python3 on the machine the
 * test is skipped and says so (the bench then prints no peer figures).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario, validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { synthCity } from '../../bench/synth.ts';
import type { Scenario } from '../../src/format/types.ts';

const PEER = 'bench/peer/settle.py';
const python = spawnSync('python3', ['-c', 'import decimal'], { encoding: 'utf8' }).status === 0;
if (!python) console.warn('tests/peer: python3 (with decimal) is not on this machine; the peer check is skipped');

const FUND = ['base', 'riskReserve', 'carveOuts', 'globalTarget', 'adjustmentFund', 'allocatable', 'hospitalsOwed', 'adjustmentFundUsed',
  'expenditure', 'closingBalance', 'monthsOfCoverage', 'currentSurplusRate'] as const;
const HOSPITAL = ['id', 'target', 'deposit', 'monthlyBudget', 'paid', 'deferred', 'actual', 'surplus', 'reward', 'overspend', 'fundShare',
  'depositReturned', 'depositForfeited', 'owed', 'balance'] as const;

/** The peer's result for a scenario file, or null with the reason when the peer does not cover it. */
function peer(file: string): { out: { fund: Record<string, unknown>; hospitals: Record<string, unknown>[] } } | { notCovered: string } {
  const r = spawnSync('python3', [PEER, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status === 3) return { notCovered: r.stderr.trim() };
  if (r.status !== 0) throw new Error(`peer failed on ${file}: ${r.stderr}`);
  return { out: JSON.parse(r.stdout) };
}

function expectSame(file: string, s: Scenario): boolean {
  const p = peer(file);
  if ('notCovered' in p) return false;
  const e = runScenario(s);
  const pick = <K extends string>(o: Record<string, unknown>, ks: readonly K[]) => Object.fromEntries(ks.map((k) => [k, o[k]]));
  expect(pick(p.out.fund, FUND), `${file}: fund`).toEqual(pick(e.fund as unknown as Record<string, unknown>, FUND));
  expect(p.out.hospitals.length).toBe(e.hospitals.length);
  e.hospitals.forEach((h, i) => expect(pick(p.out.hospitals[i]!, HOSPITAL), `${file}: ${h.id}`).toEqual(pick(h as unknown as Record<string, unknown>, HOSPITAL)));
  return true;
}

describe.skipIf(!python)('the Python-decimal peer', () => {
  it('gives the engine\'s figures on every example it covers (and says which it does not)', () => {
    const covered: string[] = [];
    const not: string[] = [];
    for (const f of readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort()) {
      const r = loadScenario(readFileSync(`scenarios/${f}`, 'utf8'));
      if (!r.ok) throw new Error(f);
      (expectSame(`scenarios/${f}`, r.scenario) ? covered : not).push(f);
    }
    // The national rule's examples; formulas, points, prepaid months and projected claims are not the peer's.
    expect(covered).toEqual(['af-shortfall-topup.json', 'af-shortfall.json', 'city.json', 'claims-withholding.json', 'min-savings-step.json',
      'reward-cap.json', 'volume-floor.json']);
    expect(not).toEqual(['city-points.json', 'community-prepay.json', 'planning-2026.json']);
  }, 60_000);

  it('gives the engine\'s figures on synthetic cities (the bench\'s), and with the deposit withheld from claims', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-peer-'));
    try {
      for (const [n, seed, base] of [[400, 42, 'target'], [300, 7, 'claims']] as const) {
        const doc = JSON.parse(JSON.stringify(synthCity(n, seed)));
        doc.policy.deposit.base = base;
        const v = validateScenario(doc);
        if (!v.ok) throw new Error(v.issues[0]?.message);
        const file = join(dir, `city-${n}.json`);
        writeFileSync(file, JSON.stringify(doc));
        expect(expectSame(file, v.scenario)).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
