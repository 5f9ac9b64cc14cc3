/** A small valid scenario for the workspace tests: 4 institutions in 2 pools. */
import type { Scenario } from '../../src/format/types.ts';

export function smallScenario(): Scenario {
  const claims = (m: string) => new Array(12).fill(m) as string[];
  return {
    format: 'gbsim-scenario',
    version: 2,
    meta: { name: '测试基线', region: '测试市', year: 2025 },
    fund: {
      budget: '10000000.00',
      revenue: '10500000.00',
      openingBalance: '3000000.00',
      riskReserveRate: '0.02',
      adjustmentFundRate: '0.05',
      carveOuts: [{ id: 'remote', name: '异地就医', amount: '500000.00' }],
    },
    policy: {
      pools: [
        { id: 'hosp', name: '医院', share: '0.8', classes: ['hospital'] },
        { id: 'prim', name: '基层', share: '0.2', classes: ['primary'] },
      ],
      historyWeights: ['0.2', '0.3', '0.5'],
      levelCoefficients: { tertiary: '1.1', secondary: '1' },
      deposit: { base: 'target', rates: { hospital: '0.10', primary: '0.02' } },
      surplus: { mode: 'marginal', tiers: [{ upTo: '0.1', share: '0.5' }, { upTo: null, share: '0.3' }], cap: '0.03' },
      overspend: { mode: 'step', tiers: [{ upTo: '0.1', share: '0.7' }, { upTo: null, share: '0' }] },
      quality: { mode: 'linear', points: [{ score: 0, ratio: '0' }, { score: 60, ratio: '0' }, { score: 90, ratio: '1' }] },
    },
    hospitals: [
      { id: 'H001', name: '市第一人民医院', level: 'tertiary', category: 'general', class: 'hospital', history: ['3000000.00', '3200000.00', '3400000.00'], claims: claims('290000.00'), score: 92 },
      { id: 'H002', name: '市中医院', level: 'secondary', category: 'tcm', class: 'hospital', history: ['2000000.00', '2100000.00', '2200000.00'], claims: claims('200000.00'), score: 75 },
      { id: 'H003', name: '区人民医院', level: 'secondary', category: 'general', class: 'hospital', history: ['1500000.00', '1550000.00', '1600000.00'], claims: claims('120000.00') },
      { id: 'C001', name: '东街社区卫生服务中心', level: 'community', category: 'community', class: 'primary', history: ['800000.00', '850000.00', '900000.00'], claims: claims('80000.00'), score: 88 },
    ],
  };
}
