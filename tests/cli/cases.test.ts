/**
 * `gbsim cases`: a case list through DuckDB into the scenario's points. The city's generated
 * case list gives back exactly the points scripts/examples/city-points.ts wrote (an independent
 * aggregation in plain TypeScript); bad rows stop the write unless --only-valid, with counts and examples.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { main } from '../../src/cli/main.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { fingerprint } from '../../src/engine/fingerprint.ts';
import { writeCaseList } from '../../scripts/cases/caselist.ts';
import { pointsInstitutionsOf, CITY_POINTS_SEED } from '../../scripts/examples/city-points.ts';
import { CITY_CASES, institutionsOf } from '../../scripts/cases/caselist.ts';
import { catalogueCsv } from '../../scripts/cases/catalogue.ts';
import type { Scenario } from '../../src/format/types.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FILE = 'scenarios/city-points.json';
const text = readFileSync(FILE, 'utf8');
const loaded = loadScenario(text);
if (!loaded.ok) throw new Error('city-points.json does not load');
const city = loaded.scenario;
const dir = mkdtempSync(join(tmpdir(), 'gbsim-cases-'));

/** The scenario with every institution's points of the year removed (planning fields kept). */
function withoutPoints(s: Scenario): Scenario {
  return { ...s, hospitals: s.hospitals.map((h) => (h.points ? { ...h, points: { lastYear: h.points.lastYear! } } : h)) };
}

describe('the case list generator\'s command line', () => {
  it('--base scenarios/city-points.json writes the points variant\'s institutions\' cases (scenarios/README.md)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gbsim-caselist-')), 'cases.csv');
    const said = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cases/caselist.ts', '--base', 'scenarios/city-points.json', '-o', out,
      '--cases', '3000'], { encoding: 'utf8', timeout: 120_000 });
    expect(said).toContain('3000 cases over 16 institutions');
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(3001);
  });
});

describe('gbsim cases', () => {
  it('the city\'s generated case list gives back the points of city-points.json, and its fingerprint', async () => {
    const csv = join(dir, 'city.csv');
    await writeCaseList(csv, { institutions: pointsInstitutionsOf(city), catalogue: city.catalogue!, year: 2025, cases: CITY_CASES, seed: CITY_POINTS_SEED });
    const bare = join(dir, 'bare.json');
    writeFileSync(bare, JSON.stringify(withoutPoints(city)));
    const out = join(dir, 'out.json');
    const r = await cli('cases', csv, '--base', bare, '-o', out, '--lang', 'en');
    expect(r.err).not.toMatch(/not written/);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${out}: points of 16 institutions (250000 cases`);
    expect(r.out).toContain('thresholds 0.5 / 2');
    const back = loadScenario(readFileSync(out, 'utf8'));
    if (!back.ok) throw new Error('the output does not load');
    expect(back.scenario.hospitals.map((h) => h.points)).toEqual(city.hospitals.map((h) => h.points));
    expect(fingerprint(runScenario(back.scenario))).toBe(fingerprint(runScenario(city)));
  }, 60_000);

  it('bad rows: counted with examples, nothing written; --only-valid writes the valid cases (zh)', async () => {
    const csv = join(dir, 'bad.csv');
    await writeCaseList(csv, { institutions: pointsInstitutionsOf(city), catalogue: city.catalogue!, year: 2025, cases: 3000, seed: 5, bad: 12 });
    const out = join(dir, 'bad.json');
    const r = await cli('cases', csv, '--base', FILE, '-o', out, '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`未写入 ${out}：12 行有问题`);
    expect(r.err).toMatch(/第 \d+ 行/);
    expect(() => readFileSync(out)).toThrow();
    const ok = await cli('cases', csv, '--into', FILE, '--out', out, '--only-valid', '--lang', 'zh');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('已写入');
    const back = loadScenario(readFileSync(out, 'utf8'));
    expect(back.ok).toBe(true);
  }, 60_000);

  it('a catalogue given with --catalogue is used and written; without any catalogue it is refused', async () => {
    const csv = join(dir, 'small.csv');
    await writeCaseList(csv, { institutions: pointsInstitutionsOf(city), catalogue: city.catalogue!, year: 2025, cases: 2000, seed: 8 });
    const cat = join(dir, 'cat.csv');
    writeFileSync(cat, catalogueCsv(city.catalogue!));
    const noCat = join(dir, 'nocat.json');
    const { catalogue: _c, ...rest } = city;
    writeFileSync(noCat, JSON.stringify(rest));
    const refused = await cli('cases', csv, '--base', noCat, '-o', join(dir, 'x.json'), '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('has no group catalogue');
    const out = join(dir, 'cat.json');
    const r = await cli('cases', csv, '--base', noCat, '--catalogue', cat, '-o', out, '--lang', 'en');
    expect(r.code).toBe(0);
    const back = JSON.parse(readFileSync(out, 'utf8')) as Scenario;
    // The catalogue import writes scores without trailing zeros ("12199.905" for "12199.9050"): the same numbers.
    const norm = (c: Scenario['catalogue']) => c!.map((g) => [g.id, g.name, Number(g.score), Number(g.refCost)]);
    expect(norm(back.catalogue)).toEqual(norm(city.catalogue));
    expect(back.hospitals.find((h) => h.id === 'T01')!.points!.cases).toBeGreaterThan(100);
    expect((await cli('cases', csv, '-o', out)).code).toBe(2);
  }, 60_000);

  it('the city\'s default list (cases of target pools too): written, and the report says whose points do not count (zh, en, --json)', async () => {
    const csv = join(dir, 'all.csv');
    // scripts/cases/caselist.ts without --base: every institution of the city but the chronic-care ones, the primary ones included.
    await writeCaseList(csv, { institutions: institutionsOf(city), catalogue: city.catalogue!, year: 2025, cases: 20_000, seed: 2 });
    const out = join(dir, 'all.json');
    const json = await cli('cases', csv, '--base', FILE, '-o', out, '--json');
    expect(json.code).toBe(0);
    const said = JSON.parse(json.out) as { written: string[]; outside: { id: string; cases: number }[] };
    const primary = city.hospitals.filter((h) => h.class === 'primary');
    expect(said.written).toHaveLength(16 + primary.length);
    expect(said.outside.map((x) => x.id)).toEqual(primary.map((h) => h.id));
    const n = primary.length;
    const cases = said.outside.reduce((a, x) => a + x.cases, 0);
    expect(cases).toBeGreaterThan(0);
    const names = primary.slice(0, 5).map((h) => h.name);
    const zh = await cli('cases', csv, '--base', FILE, '-o', out, '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.err).toContain(`${n} 家机构（${cases} 条病例）属于按总额指标结算的分配池，其点数不参与结算`);
    expect(zh.err).toContain(`${names.join('、')} 等 ${n} 家`);
    const en = await cli('cases', csv, '--base', FILE, '-o', out, '--lang', 'en');
    expect(en.err).toContain(`${n} institutions (${cases} cases) belong to pools settled by targets: their points do not count in the settlement`);
    expect(en.err).toContain(`${names.join(', ')} and ${n - 5} more`);
    // Still written (not an error): a pool switched to points finds them.
    const back = JSON.parse(readFileSync(out, 'utf8')) as Scenario;
    expect(back.hospitals.find((h) => h.id === primary[0]!.id)!.points!.cases).toBe(said.outside[0]!.cases);
    // A list of the points pool's institutions only says nothing of the kind.
    const only = join(dir, 'only.csv');
    await writeCaseList(only, { institutions: pointsInstitutionsOf(city), catalogue: city.catalogue!, year: 2025, cases: 2000, seed: 9 });
    expect((await cli('cases', only, '--base', FILE, '-o', out, '--lang', 'en')).err).not.toContain('settled by targets');
  }, 120_000);
});
