import { describe, expect, it } from 'vitest';
import { inheritedChanged } from './inherited-sources.ts';
import { loadScenario } from '../../scenario/open.ts';
import { readFileSync } from 'node:fs';
import type { Provenance, Scenario } from '../../format/types.ts';

const city = (): Scenario => {
  const r = loadScenario(readFileSync(new URL('../../../scenarios/city.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('city.json does not load');
  return r.scenario;
};
const official: Provenance = { document: '关于开展总额预算管理的通知', status: 'official', article: '第三条' };

function withSources(s: Scenario, sources: Record<string, Provenance>): Scenario {
  return { ...s, policy: { ...s.policy, sources } };
}

describe('inheritedChanged', () => {
  const base = withSources(city(), { 'policy.deposit.rates.hospital': official, 'policy.surplus': official, 'fund.riskReserveRate': official });

  it('is empty for the baseline itself and for a variant that changed nothing sourced', () => {
    expect([...inheritedChanged(base, base)]).toEqual([]);
    const v = { ...base, meta: { ...base.meta, name: 'v' } };
    expect([...inheritedChanged(base, v)]).toEqual([]);
  });

  it('flags a changed value that still carries the baseline’s source, leaf or whole rule', () => {
    const rates = { ...base.policy.deposit!.rates, hospital: '0.08' };
    const surplus = { ...base.policy.surplus!, tiers: base.policy.surplus!.tiers.map((t, k) => (k === 0 ? { ...t, share: '0.61' } : t)) };
    const v: Scenario = { ...base, policy: { ...base.policy, deposit: { ...base.policy.deposit!, rates }, surplus } };
    expect([...inheritedChanged(base, v)].sort()).toEqual(['policy.deposit.rates.hospital', 'policy.surplus']);
  });

  it('does not flag a changed value that was given its own source', () => {
    const rates = { ...base.policy.deposit!.rates, hospital: '0.08' };
    const own: Provenance = { document: '本方案测算假设', status: 'assumption' };
    const v: Scenario = { ...base, policy: { ...base.policy, deposit: { ...base.policy.deposit!, rates },
      sources: { ...base.policy.sources, 'policy.deposit.rates.hospital': own } } };
    expect([...inheritedChanged(base, v)]).toEqual([]);
  });
});
