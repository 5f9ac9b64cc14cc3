/**
 * Writes the example scenarios in scenarios/*.json: a synthetic prefecture-level city (the main
 * example) and small scenarios that each reproduce one real rule family (DESIGN §2, §6).
 *
 *   npx tsx scripts/make-examples.ts            write the files
 *   npx tsx scripts/make-examples.ts --check    exit 1 if a committed file differs
 *
 * Deterministic: every random draw comes from a seeded mulberry32 per scenario, amounts are
 * integer fen turned into decimal strings, and the settlement year's claims are set relative
 * to the targets the engine allocates (so "overspend 13%" means 13% of the hospital's target).
 * tests/examples.test.ts regenerates the files in memory and compares them byte for byte.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../src/format/types.ts';
import { saveScenario, validateScenario } from '../src/scenario/open.ts';
import { formatIssue } from '../src/format/issues.ts';
import { city } from './examples/city.ts';
import { cityPoints } from './examples/city-points.ts';
import { afShortfall, claimsWithholding, communityPrepay, minSavingsStep, planning2026, rewardCap, volumeFloor } from './examples/rules.ts';

export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

// ---------------------------------------------------------------------------------------------
// Output

/** File name → scenario, in the order the README lists them. */
export function buildExamples(): Record<string, Scenario> {
  return {
    'city.json': city(),
    'city-points.json': cityPoints(),
    'claims-withholding.json': claimsWithholding(),
    'reward-cap.json': rewardCap(),
    'min-savings-step.json': minSavingsStep(),
    'volume-floor.json': volumeFloor(),
    'community-prepay.json': communityPrepay(),
    'af-shortfall.json': afShortfall(false),
    'af-shortfall-topup.json': afShortfall(true),
    'planning-2026.json': planning2026(),
  };
}

/** File name → exact file text; throws if a generated scenario does not validate. */
export function renderExamples(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, s] of Object.entries(buildExamples())) {
    const v = validateScenario(JSON.parse(JSON.stringify(s)));
    if (!v.ok) throw new Error(`${file} does not validate:\n${v.issues.map(formatIssue).join('\n')}`);
    out[file] = saveScenario(s);
  }
  return out;
}

function main(argv: string[]): number {
  const files = renderExamples();
  if (argv.includes('--check')) {
    let bad = 0;
    for (const [file, text] of Object.entries(files)) {
      let now = '';
      try {
        now = readFileSync(join(SCENARIO_DIR, file), 'utf8');
      } catch {
        // missing: reported below
      }
      if (now !== text) {
        console.error(`${file}: differs from the generator's output`);
        bad++;
      }
    }
    return bad ? 1 : 0;
  }
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(SCENARIO_DIR, file), text);
    console.log(`wrote scenarios/${file} (${text.length} characters)`);
  }
  const stale = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json') && !(f in files));
  if (stale.length) console.warn(`not written by this script: ${stale.join(', ')}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
