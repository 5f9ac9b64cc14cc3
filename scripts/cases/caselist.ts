/**
 * The case list generator's command line (the generator: generate.ts).
 *
 *   npx tsx scripts/cases/caselist.ts -o cases.csv                       # the city: 250,000 cases
 *   npx tsx scripts/cases/caselist.ts -o cases.csv --base scenarios/city-points.json   # its points variant's institutions
 *   npx tsx scripts/cases/caselist.ts -o cases.parquet --cases 1000000 --bad 40 --seed 3
 *   npx tsx scripts/cases/caselist.ts -o big.csv --cases 10000000 --institutions 3000
 */
import { fileURLToPath } from 'node:url';
import { synthCatalogue } from './catalogue.ts';
import { CITY_CASES, institutionsOf, writeCaseList, type CaseListOptions, type GenInstitution, type MonthForm } from './generate.ts';

export * from './generate.ts';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
  const out = opt('-o');
  if (!out) {
    console.error('usage: caselist.ts -o OUT.csv|OUT.parquet [--base scenarios/city.json | --institutions N] [--cases N] [--seed S] [--bad K] '
      + '[--month ym|number|date|compact|mixed] [--headers zh|en]');
    process.exit(2);
  }
  const { readFileSync } = await import('node:fs');
  const n = opt('--institutions');
  let institutions: GenInstitution[];
  let year = 2025;
  if (n) {
    const { synthCity } = await import('../../bench/synth.ts');
    institutions = institutionsOf(synthCity(Number(n), 42) as never);
  } else {
    const base = JSON.parse(readFileSync(opt('--base') ?? 'scenarios/city.json', 'utf8'));
    // A scenario with pools settled by points: their members, drawn as scripts/examples/city-points.ts
    // draws them (so the city's points variant gets back its own points from the default list).
    const byPoints = (base.policy?.pools ?? []).some((p: { settlement?: string }) => p.settlement === 'points');
    institutions = byPoints ? (await import('../examples/city-points.ts')).pointsInstitutionsOf(base) : institutionsOf(base);
    year = base.meta?.year ?? year;
  }
  const catalogue = synthCatalogue();
  const o: CaseListOptions = {
    institutions, catalogue, year,
    cases: Number(opt('--cases') ?? CITY_CASES), seed: Number(opt('--seed') ?? 1), bad: Number(opt('--bad') ?? 0),
    month: (opt('--month') as MonthForm | undefined) ?? 'ym', headers: (opt('--headers') as 'zh' | 'en' | undefined) ?? 'zh',
  };
  const t0 = performance.now();
  await writeCaseList(out, o);
  console.log(`${out}: ${o.cases} cases over ${institutions.length} institutions, ${o.bad} bad rows (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
