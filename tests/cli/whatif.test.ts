/**
 * `gbsim whatif points`: the point-inflation what-if on the command line gives the engine's
 * figures (engine/point-inflation.ts) — the ones the app's what-if box and the printed brief
 * show (e2e/point-inflation.e2e.ts, e2e/points.e2e.ts) — as JSON and as text, to the fen.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';
import { validateScenario } from '../../src/scenario/open.ts';
import { inflationBrief, pointInflation } from '../../src/engine/point-inflation.ts';
import { grouped, money } from '../../src/display/number.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FILE = 'scenarios/city-points.json';
const v = validateScenario(JSON.parse(readFileSync(FILE, 'utf8')));
if (!v.ok) throw new Error('city-points does not open');
const city = v.scenario;

describe('gbsim whatif points', () => {
  it('--inflate 10% --level 三级: the engine\'s what-if, as JSON and as text (a level by its code or its name)', async () => {
    const want = pointInflation(city, { pool: 'hospitals', level: 'tertiary', pct: '10' });
    const j = await cli('whatif', 'points', FILE, '--inflate', '10%', '--level', '三级', '--json');
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toEqual(want);
    expect(JSON.parse((await cli('whatif', 'points', FILE, '--inflate', '+10', '--level', 'tertiary', '--json')).out)).toEqual(want);
    const zh = await cli('whatif', 'points', FILE, '--inflate', '10%', '--level', '三级', '--lang', 'zh');
    expect(zh.out.split('\n')[0]).toBe(`点数虚增测算：三级多报 10% 点数 — 分配池：${want.pool.name}`);
    expect(zh.out).toContain(`年度清算点值（元/分）：测算前 ${want.pointValue.before}，测算后 ${want.pointValue.after}`);
    for (const m of want.members) {
      const row = zh.out.split('\n').find((l) => l.startsWith(`${m.id} `))!;
      expect(row.trim().split(/\s{2,}/).slice(-5)).toEqual([grouped(m.pointsBefore, 4), grouped(m.pointsAfter, 4), money(m.before, 'yuan'), money(m.after, 'yuan'), money(m.diff, 'yuan', true)]);
    }
    expect(zh.out).toMatch(/池内合计.*\s0\.00$/m);
  });

  it('--institution ID: its brief\'s table (all +5%, +10%; its level +5%, +10%), the figures of the printed brief', async () => {
    const want = inflationBrief(city, 'T01')!;
    const j = await cli('whatif', 'points', FILE, '--institution', 'T01', '--json');
    expect(JSON.parse(j.out)).toEqual(want);
    expect(want.lines.map((l) => `${l.scope} ${l.pct}`)).toEqual(['all 5', 'all 10', 'level 5', 'level 10']);
    const en = await cli('whatif', 'points', FILE, '--institution', 'T01', '--lang', 'en');
    expect(en.code).toBe(0);
    const lines = en.out.split('\n');
    expect(lines.find((l) => l.startsWith('As settled'))!.trim().split(/\s{2,}/)).toEqual(['As settled', want.pointValue!, money(want.entitlement, 'yuan')]);
    const words = ['All institutions report 5% more points', 'All institutions report 10% more points', 'Tertiary institutions report 5% more points', 'Tertiary institutions report 10% more points'];
    want.lines.forEach((l, k) => {
      const row = lines.find((x) => x.startsWith(words[k]!))!;
      expect(row.trim().split(/\s{2,}/)).toEqual([words[k], l.pointValue, money(l.entitlement, 'yuan'), money(l.diff, 'yuan', true)]);
    });
    // Everyone inflating moves no money; the point value falls by about 1/(1 + x).
    expect(want.lines[1]!.diff).toBe('0.00');
    expect(Math.abs(Number(want.lines[1]!.pointValue) * 1.1 - Number(want.pointValue))).toBeLessThan(0.0002);
    // With --inflate, --institution keeps its row only.
    const one = JSON.parse((await cli('whatif', 'points', FILE, '--inflate', '5', '--level', 'tertiary', '--institution', 'T01', '--json')).out);
    expect(one.members).toEqual([pointInflation(city, { pool: 'hospitals', level: 'tertiary', pct: '5' }).members.find((m) => m.id === 'T01')]);
    expect(one.members[0].after).toBe(want.lines[2]!.entitlement);
  });

  it('usage errors exit 2 and say why; a scenario of targets exits 1', async () => {
    const bad = async (...a: string[]) => { const r = await cli('whatif', ...a); expect(r.code).toBe(2); return r.err; };
    expect(await bad('points', FILE)).toContain('--inflate');
    expect(await bad('points', FILE, '--inflate', 'abc')).toContain('percentage');
    expect(await bad('points', FILE, '--inflate=-100')).toContain('100%');
    expect(await bad('points', FILE, '--inflate', '5', '--level', 'nowhere')).toContain('tertiary');
    expect(await bad('points', FILE, '--institution', 'NOPE')).toContain('NOPE');
    expect(await bad('targets', FILE)).toContain('points');
    const r = await cli('whatif', 'points', 'scenarios/city.json', '--inflate', '5');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no pool is settled by points');
    expect((await cli('help')).out).toContain('gbsim whatif points FILE --inflate X%');
  });
});
