/**
 * A synthetic DIP catalogue (病种分值目录): a few thousand groups with a long-tailed spread of
 * scores — most between 100 and 3,000 points, a few above 10,000 — and reference costs that
 * imply a point value of about 8–15 元/point, as a region's catalogue built from its own cost
 * history would. Deterministic for a seed.
 *
 *   npx tsx scripts/cases/catalogue.ts            # writes scenarios/city-dip-catalogue.csv
 *   npx tsx scripts/cases/catalogue.ts -n 12000 -o big.csv --seed 7
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../src/engine/random.ts';
import type { CatalogueGroup } from '../../src/cases/types.ts';

export const CITY_CATALOGUE = 'scenarios/city-dip-catalogue.csv';
export const CITY_CATALOGUE_GROUPS = 3000;
export const CITY_CATALOGUE_SEED = 2025;

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function normal(r: () => number): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

// ICD-10 chapters with a weight for how many groups they hold, and treatment kinds.
const CHAPTERS: [string, string, number][] = [
  ['A', '感染性疾病', 4], ['C', '肿瘤', 9], ['D', '血液及免疫疾病', 3], ['E', '内分泌营养代谢疾病', 4], ['F', '精神和行为障碍', 2],
  ['G', '神经系统疾病', 5], ['H', '眼和耳疾病', 4], ['I', '循环系统疾病', 10], ['J', '呼吸系统疾病', 8], ['K', '消化系统疾病', 10],
  ['L', '皮肤疾病', 2], ['M', '肌肉骨骼系统疾病', 7], ['N', '泌尿生殖系统疾病', 7], ['O', '妊娠和分娩', 5], ['P', '围生期疾病', 2],
  ['Q', '先天畸形', 2], ['R', '症状和体征', 3], ['S', '损伤', 8], ['T', '中毒及其他外因', 3], ['Z', '康复及其他', 2],
];
const TREATMENTS: [string, number][] = [['保守治疗', 1], ['诊断性操作', 1.3], ['治疗性操作', 1.8], ['相关手术', 3.2]];

/** Groups in a stable order: by chapter, then number. Scores with 4 decimals, costs with 2. */
export function synthCatalogue(n = CITY_CATALOGUE_GROUPS, seed = CITY_CATALOGUE_SEED): CatalogueGroup[] {
  const r = mulberry32(seed);
  const totalWeight = CHAPTERS.reduce((a, c) => a + c[2], 0);
  const groups: CatalogueGroup[] = [];
  let left = n;
  CHAPTERS.forEach(([letter, chapter, w], ci) => {
    const k = ci === CHAPTERS.length - 1 ? left : Math.round((n * w) / totalWeight);
    left -= k;
    for (let i = 0; i < k; i++) {
      const [treatment, factor] = TREATMENTS[Math.floor(r() * TREATMENTS.length)]!;
      // Long tail: a log-normal body (median ≈ 500 points) and a few heavy groups (median ≈ 4,000).
      const heavy = r() < 0.03;
      const points = Math.min(60000, Math.max(30, (heavy ? 4000 : 500) * Math.exp(0.8 * normal(r)) * Math.sqrt(factor)));
      const scoreUnits = Math.round(points * 10000);
      // The implied point value of the catalogue: about 11.5 元/point, spread within 8–15.
      const pv = Math.min(15, Math.max(8, 11.5 * Math.exp(0.1 * normal(r))));
      const refFen = Math.max(100, Math.round(points * pv * 100));
      const id = `${letter}${String(i + 1).padStart(4, '0')}`;
      groups.push({
        id,
        name: `${chapter}${i + 1}：${treatment}`,
        score: `${Math.floor(scoreUnits / 10000)}.${String(scoreUnits % 10000).padStart(4, '0')}`,
        refCost: `${Math.floor(refFen / 100)}.${String(refFen % 100).padStart(2, '0')}`,
      });
    }
  });
  return groups;
}

export const CATALOGUE_HEADER = ['病组编码', '病组名称', '分值', '次均费用'];

export function catalogueCsv(groups: CatalogueGroup[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [CATALOGUE_HEADER.join(','), ...groups.map((g) => [g.id, g.name ?? '', g.score, g.refCost].map(q).join(','))].join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
  const n = Number(opt('-n') ?? CITY_CATALOGUE_GROUPS);
  const seed = Number(opt('--seed') ?? CITY_CATALOGUE_SEED);
  const out = opt('-o') ?? CITY_CATALOGUE;
  writeFileSync(out, catalogueCsv(synthCatalogue(n, seed)));
  console.log(`${out}: ${n} groups (seed ${seed})`);
}
