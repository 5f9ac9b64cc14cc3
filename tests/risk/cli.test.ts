import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { setRiskWorkerEntry } from '../../src/cli/risk/runner.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { prepareRisk } from '../../src/engine/risk/prepare.ts';
import { runDraws } from '../../src/engine/risk/kernel.ts';
import { mergeBlocks } from '../../src/engine/risk/blocks.ts';
import { summarize } from '../../src/engine/risk/summary.ts';
import { riskParams } from '../../src/engine/risk/params.ts';
import { riskJson } from '../../src/cli/risk/report.ts';
import { parseMoney } from '../../src/engine/money.ts';

// Worker threads start from bin/ (as under bin/gbsim.mjs).
setRiskWorkerEntry(new URL('../../bin/risk-worker.mjs', import.meta.url));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ARGS = ['risk', 'scenarios/city.json', '--draws', '400', '--seed', '9', '--sigma-common', '0.05', '--sigma-category', 'community=0.09,township=0.1'];

describe('gbsim risk', () => {
  it('--json is the same byte for byte on 1 and 2 worker threads, and equals the kernel run in process', async () => {
    const one = await cli(...ARGS, '--json', '--workers', '1');
    const two = await cli(...ARGS, '--json', '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
    if (!r.ok) throw new Error('city.json');
    const params = riskParams({ draws: 400, seed: 9, sigmaCommon: 0.05, sigmaByCategory: { community: 0.09, township: 0.1 } });
    const { input, meta } = prepareRisk(r.scenario, params);
    const summary = summarize(mergeBlocks([runDraws(input, 0, 400)], 400, input.n));
    expect(JSON.parse(one.out)).toEqual(JSON.parse(JSON.stringify(riskJson({ name: r.scenario.meta.name, params, summary, meta }))));
    const doc = JSON.parse(one.out);
    expect(doc.institutions).toHaveLength(80);
    expect(doc.fund.closingBalance.p5).toMatch(/^-?\d+\.\d{2}$/);
    expect(doc.fund.monthsOfCoverage.p50).toMatch(/^-?\d+\.\d{4}$/);
    expect(doc.fund.closingBalance.histogram.counts.reduce((a: number, b: number) => a + b, 0)).toBe(400);
  });

  it('spreads and the threshold may be typed as percentages: 5% is exactly 0.05, the same run byte for byte', async () => {
    const asFile = await cli(...ARGS, '--threshold', '0.15', '--json', '--workers', '1');
    const asPct = await cli('risk', 'scenarios/city.json', '--draws', '400', '--seed', '9', '--sigma-common', '5%', '--sigma-category', 'community=9%,township=10%',
      '--threshold', '15 %', '--json', '--workers', '1');
    expect(asPct.code).toBe(0);
    expect(asPct.out).toBe(asFile.out);
    expect(JSON.parse(asPct.out).params).toMatchObject({ sigmaCommon: 0.05, overspendThreshold: 0.15 });
    const bad = await cli('risk', 'scenarios/city.json', '--sigma', 'five%');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--sigma must be a number or a percentage');
  });

  it('prints the fund figures\' percentiles, P(exhausted) and the institutions ranked by P(overspend > 10%)', async () => {
    const r = await cli(...ARGS, '--top', '5', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Closing balance\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+/);
    expect(r.out).toContain('Months of coverage');
    expect(r.out).toContain('Adjustment fund used');
    expect(r.out).toMatch(/P\(adjustment fund exhausted\) = \d+\.\d{2}% \(\d+ of 400 draws\)/);
    expect(r.out).toContain('top 5 of 80');
    const probs = [...r.out.matchAll(/^\s*\d+\s+\S+\s+.+?\s+[\d,.]+\s+(\d+\.\d{2})%\s+\d+\.\d{2}%$/gm)].map((m) => Number(m[1]));
    expect(probs).toHaveLength(5);
    expect([...probs].sort((a, b) => b - a)).toEqual(probs);
  });

  it('speaks one language: English but the names and the scenario\'s title, or Chinese but symbols and codes', async () => {
    const city = JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
    const names: string[] = [city.meta.name, ...city.hospitals.map((h: { name: string }) => h.name)];
    const strip = (text: string) => names.reduce((t, n) => t.split(n).join(''), text);
    const en = await cli(...ARGS, '--top', '5', '--lang', 'en');
    expect(strip(en.out)).not.toMatch(/\p{Script=Han}/u);
    const zh = await cli(...ARGS, '--top', '5', '--lang', 'zh');
    expect(zh.out).toContain('调剂金用尽的概率');
    expect(zh.out).toContain('（前 5 家，共 80 家）');
    // Latin letters in Chinese only as symbols (P5, σ_c, μ_h) and institution codes.
    const words = [...strip(zh.out).matchAll(/[A-Za-z][A-Za-z_]*/g)].map((m) => m[0]);
    const codes = new Set(city.hospitals.map((h: { id: string }) => h.id.replace(/\d+$/, '')));
    expect(words.filter((w) => !['P', 'g', 'z', 'c', 'h', 'μ_h', 'σ_c', 'σ_h', 'ε_h'].includes(w) && !codes.has(w))).toEqual([]);
  });

  it('runs a city settled by points, in English and in Chinese, with the points model stated and the same figures as the kernel', async () => {
    const args = ['risk', 'scenarios/city-points.json', '--draws', '200', '--seed', '4', '--top', '3'];
    const en = await cli(...args, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain('Pools settled by points: an institution\'s points move in proportion to its drawn claims');
    expect(en.out).toMatch(/P\(adjustment fund exhausted\) = \d+\.\d{2}% \(\d+ of 200 draws\)/);
    // The city's points never all vanish at these spreads: the line says 0 (tests/risk/exact.test.ts has draws where they do).
    expect(en.out).toContain('Draws in which a pool settled by points had no points, so no point value: 0 of 200');
    const zh = await cli(...args, '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('按点数法结算的资金池：机构点数随抽样理赔额同比例变动');
    expect(zh.out).toContain('调剂金用尽的概率');
    expect(zh.out).toContain('点数法结算池总点数为 0、无法确定点值的抽样：200 次中 0 次');
    const json = await cli(...args, '--json', '--workers', '2');
    const r = loadScenario(readFileSync('scenarios/city-points.json', 'utf8'));
    if (!r.ok) throw new Error('city-points.json');
    const params = riskParams({ draws: 200, seed: 4 });
    const { input, meta } = prepareRisk(r.scenario, params);
    const summary = summarize(mergeBlocks([runDraws(input, 0, 200)], 200, input.n));
    expect(JSON.parse(json.out)).toEqual(JSON.parse(JSON.stringify(riskJson({ name: r.scenario.meta.name, params, summary, meta }))));
    expect(JSON.parse(json.out).pointsPoolWithoutPoints).toEqual({ draws: 0, probability: 0 });
    // The closing balance moves from draw to draw (the points pool pays out its amount; the others' claims and shares vary).
    expect(summary.closingBalance.p95).toBeGreaterThan(summary.closingBalance.p5);
  });

  it('--xlsx writes one sheet per output with numbers and formats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-risk-'));
    const out = join(dir, 'risk.xlsx');
    const r = await cli(...ARGS, '--xlsx', out, '--json', '--workers', '2');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要 Summary', '期末结存 Closing balance', '可支付月数 Months', '调剂金使用 AF used', '机构风险 Institutions', '抽样 Draws']);
    const summary = wb.getWorksheet('概要 Summary')!;
    const row = summary.getColumn(1).values.findIndex((v) => typeof v === 'string' && v.startsWith('年末累计结存'));
    const p50 = summary.getRow(row).getCell(3);
    expect(p50.value).toBe(parseMoney(doc.fund.closingBalance.p50) / 100);
    expect(p50.numFmt).toBe('#,##0.00');
    const inst = wb.getWorksheet('机构风险 Institutions')!;
    expect(inst.rowCount).toBe(81);
    expect(typeof inst.getRow(2).getCell(6).value).toBe('number');
    expect(inst.getRow(2).getCell(6).numFmt).toBe('0.00%');
    expect(wb.getWorksheet('抽样 Draws')!.rowCount).toBe(401);
    const hist = wb.getWorksheet('期末结存 Closing balance')!;
    let total = 0;
    hist.eachRow((rw, i) => { if (i > 1) total += rw.getCell(3).value as number; });
    expect(total).toBe(400);
  });

  it('bad flags are usage errors naming the flag (exit 2)', async () => {
    for (const [args, msg] of [
      [['--draws', '0'], /--draws: must be a whole number/],
      [['--draws', 'ten'], /--draws must be a number/],
      [['--sigma=-0.1'], /--sigma: must not be negative/],
      [['--sigma-category', 'tcm'], /CATEGORY=X/],
      [['--sigma-category', 'tcm=5'], /--sigma-category tcm: must be at most 1/],
      [['--workers', '0'], /--workers must be a whole number/],
      [['--deductions', 'none'], /--deductions must be one of scaled, fixed/],
      [['--frobnicate'], /Unknown option/],
    ] as const) {
      const r = await cli('risk', 'scenarios/city.json', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });

  it('a scenario it cannot run is invalid input naming the file and field (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-risk-'));
    const s = JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
    s.policy.weightFormula = 'claimsTotal';
    const file = join(dir, 'claims-weight.json');
    writeFileSync(file, JSON.stringify(s));
    const r = await cli('risk', file, '--draws', '10');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: Weight formula: reads claimsTotal`);
    expect(r.err).toContain('(policy.weightFormula)');
    expect((await cli('risk', join(dir, 'missing.json'))).code).toBe(1);
  });
});
