/** A small pool of three equal hospitals, for hand-derived monitoring and adjustment cases. */
import type { Scenario } from '../../src/format/types.ts';

const months = (...xs: string[]) => xs;
const six = (x: string) => months(x, x, x, x, x, x);

/**
 * Budget 3,600,000.00, no reserve, no adjustment fund, no deposit: P = 3,600,000.00; equal
 * histories → targets 1,200,000.00 each, monthly budget 100,000.00 (even profile).
 * Claims known through June (asOf 6):
 *   A 115,000 × 6 = 690,000.00   B 100,000 × 5 + 103,000 = 603,000.00   C 80,000 × 6 = 480,000.00
 */
export function threeHospitals(): Scenario {
  const h = (id: string, claimsToDate: string[]) => ({
    id, name: `医院${id}`, level: 'secondary', category: 'general', class: 'hospital', history: ['1200000.00'], claimsToDate,
  });
  return {
    format: 'gbsim-scenario',
    version: 2,
    meta: { name: 'monitor' },
    fund: { budget: '3600000.00', revenue: '3700000.00', openingBalance: '500000.00', riskReserveRate: '0', adjustmentFundRate: '0', carveOuts: [] },
    policy: { historyWeights: ['1'], deposit: { base: 'target', rates: { hospital: '0' } } },
    hospitals: [
      h('A', six('115000.00')),
      h('B', [...months('100000.00', '100000.00', '100000.00', '100000.00', '100000.00'), '103000.00']),
      h('C', six('80000.00')),
    ],
    monitoring: { asOf: 6 },
  } as Scenario;
}
