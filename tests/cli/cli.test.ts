import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { langOption, systemLang } from '../../src/cli/args.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const fen = (s: string) => BigInt(s.replace('.', ''));
const CONTRACT_FUND = ['base', 'riskReserve', 'carveOuts', 'globalTarget', 'adjustmentFund', 'allocatable', 'hospitalsOwed', 'adjustmentFundUsed', 'expenditure', 'closingBalance', 'monthsOfCoverage', 'currentSurplusRate'];
const CONTRACT_HOSPITAL = ['id', 'target', 'deposit', 'monthlyBudget', 'paid', 'deferred', 'actual', 'surplus', 'reward', 'overspend', 'fundShare', 'depositReturned', 'depositForfeited', 'owed', 'balance'];

describe('gbsim run', () => {
  it('prints the fund position, the table, a reconciliation that holds and a fingerprint', async () => {
    const r = await cli('run', 'scenarios/city.json', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('= Global target');
    expect(r.out).toContain('Reconciliation: global target + top-up = owed + kept from targets + unused adjustment fund: OK to the fen');
    expect(r.out).toMatch(/Result fingerprint: sha256:[0-9a-f]{16}/);
    expect(r.out).toMatch(/\d{1,3}(,\d{3})+\.\d{2}/); // thousands separators
  });

  it('--lang zh prints the table in Chinese, in the glossary\'s words; without --lang the system locale decides', async () => {
    const r = await cli('run', 'scenarios/city.json', '--lang', 'zh');
    expect(r.code).toBe(0);
    for (const w of ['基金收支', '= 年度总额控制目标', '− 风险储备金', '年终应付', '清算补（扣）', '机构编码', '合计', '到分相符', '结果指纹：sha256:']) expect(r.out).toContain(w);
    expect(r.out).not.toMatch(/Fund position|global target|balance|TOTAL|Reconciliation/);
    expect(systemLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(systemLang({ LC_ALL: 'zh_TW', LANG: 'en_US' })).toBe('zh');
    expect(systemLang({ LANG: 'C.UTF-8' })).toBe('en');
    expect(systemLang({})).toBe('en');
    expect(langOption(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langOption('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect((await cli('run', 'scenarios/city.json', '--lang', 'fr')).code).toBe(2);
  });

  it('--unit wan divides by 10,000 on the digits', async () => {
    const yuan = JSON.parse((await cli('run', 'scenarios/city.json', '--json')).out);
    const wan = (await cli('run', 'scenarios/city.json', '--unit', 'wan', '--lang', 'zh')).out;
    const g = fen(yuan.fund.globalTarget);
    const hundredths = (g + 5000n) / 10000n; // 0.01 万元 = 10,000 fen, half-up
    const expected = `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
    expect(wan).toContain('万元');
    expect(wan.replace(/,/g, '')).toContain(expected);
  });

  it('--json prints the DESIGN §6 result contract with every field', async () => {
    const r = await cli('run', 'scenarios/city.json', '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    for (const k of CONTRACT_FUND) expect(res.fund).toHaveProperty(k);
    expect(res.hospitals).toHaveLength(80);
    for (const h of res.hospitals) {
      for (const k of CONTRACT_HOSPITAL) expect(h).toHaveProperty(k);
      expect(h.monthlyBudget).toHaveLength(12);
      expect(h.paid).toHaveLength(12);
      expect(h.target).toMatch(/^-?\d+\.\d{2}$/);
    }
    const owed = res.hospitals.reduce((a: bigint, h: { owed: string }) => a + fen(h.owed), 0n);
    expect(owed).toBe(fen(res.fund.hospitalsOwed));
    expect(fen(res.fund.expenditure)).toBe(fen(res.fund.hospitalsOwed) + fen(res.fund.carveOuts));
  });

  it('the same file twice gives the same JSON, byte for byte', async () => {
    const a = await cli('run', 'scenarios/city.json', '--json');
    const b = await cli('run', 'scenarios/city.json', '--json');
    expect(a.out).toBe(b.out);
  });
});

describe('gbsim validate', () => {
  it('--csv writes every institution\'s results, one row each, amounts as in the JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-'));
    const out = join(dir, 'r.csv');
    const r = await cli('run', 'scenarios/city.json', '--csv', out, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${out}`);
    const lines = readFileSync(out, 'utf8').split('\r\n').filter((l) => l !== '');
    const json = JSON.parse((await cli('run', 'scenarios/city.json', '--json')).out);
    expect(lines).toHaveLength(json.hospitals.length + 1);
    expect(lines[0]).toMatch(/^\uFEFFInstitution code,Name,/);
    expect(lines[1]!.startsWith(`${json.hospitals[0].id},`)).toBe(true);
    expect(lines[1]).toContain(json.hospitals[0].owed);
  });

  it('--unit wan: the CSV and the workbook are in 万元 as the table is; written files are said in the user\'s language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-'));
    const csv = join(dir, 'r.csv'), xlsx = join(dir, 'r.xlsx');
    const r = await cli('run', 'scenarios/city.json', '--unit', 'wan', '--csv', csv, '--xlsx', xlsx, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`已写入 ${csv}`);
    expect(r.err).toContain(`已写入 ${xlsx}`);
    const lines = readFileSync(csv, 'utf8').split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toContain('万元');
    expect(lines[0]).not.toMatch(/（元）/);
    const json = JSON.parse((await cli('run', 'scenarios/city.json', '--json')).out);
    const owed = json.hospitals[0].owed as string;
    const [int, frac] = owed.split('.');
    // 元 with 2 decimals → 万元 with 6: the same digits, the point moved four places (exact).
    const wan = `${String(Number(int) / 1e4 | 0)}.${(int!.padStart(5, '0').slice(-4) + frac!).replace(/^/, '')}`;
    expect(lines[1]).toContain(wan.replace(/^0\./, '0.'));
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const headers = wb.worksheets.map((w) => (w.getRow(1).values as unknown[]).join(' ')).join(' ');
    expect(headers).toContain('万元');
  });

  it('accepts every example', async () => {
    const r = await cli('validate', 'scenarios/city.json', 'scenarios/reward-cap.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('scenarios/city.json: valid (80 institutions)');
  });

  it('lists every problem with the file and the field path, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-'));
    const doc = JSON.parse(readFileSync('scenarios/reward-cap.json', 'utf8'));
    doc.hospitals[1].history[2] = '12.345';
    doc.fund.riskReserveRate = '1.5';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: "${doc.hospitals[1].id} ${doc.hospitals[1].name}", History ${doc.meta.year - 1}: must be a non-negative amount with at most 2 decimals`);
    expect(r.err).toContain('(hospitals[1].history[2])');
    expect(r.err).toContain(`${file}: Risk reserve rate: must be between 0 and 1 (fund.riskReserveRate)`);
    expect(r.err).toContain('2 problems');
    const zh = await cli('validate', file, '--lang', 'zh');
    expect(zh.err).toContain(`${file}: 「${doc.hospitals[1].id} ${doc.hospitals[1].name}」的「${doc.meta.year - 1}年基金支出」：须为不小于 0 的金额`);
    expect(zh.err).toContain('「风险储备金比例」：须在 0 到 1 之间');
    expect(zh.err).toContain('2 个问题');
  });

  it('a missing file is invalid input (1), not a crash', async () => {
    const r = await cli('validate', 'no/such/file.json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no/such/file.json: cannot read the file (no such file)');
  });

  it('run on a broken file exits 1 naming the file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"format": "gbsim-scenario", "version": 1, ');
    const r = await cli('run', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: not valid JSON`);
  });
});

describe('gbsim compare', () => {
  it('shows fund and per-institution differences of B against A', async () => {
    const r = await cli('compare', 'scenarios/af-shortfall.json', 'scenarios/af-shortfall-topup.json', '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    const used = c.fund.find((f: { field: string }) => f.field === 'adjustmentFundUsed');
    expect(fen(used.delta)).toBe(fen(used.b) - fen(used.a));
    const sumDelta = c.hospitals.reduce((a: bigint, h: { delta: { owed: string } }) => a + fen(h.delta.owed), 0n);
    const owed = c.fund.find((f: { field: string }) => f.field === 'hospitalsOwed');
    expect(sumDelta).toBe(fen(owed.delta));
  });

  it('text output lists changed institutions, largest change first with --sort change', async () => {
    const r = await cli('compare', 'scenarios/af-shortfall.json', 'scenarios/af-shortfall-topup.json', '--sort', 'change', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('largest change in owed first');
    expect(r.out).toContain('B − A');
  });
});

describe('usage errors exit 2', () => {
  it.each([[[]], [['frobnicate']], [['run']], [['run', 'a.json', 'b.json']], [['run', 'scenarios/city.json', '--unit', 'usd']], [['run', 'scenarios/city.json', '--nope']], [['compare', 'scenarios/city.json']]])('%j', async (args) => {
    const r = await cli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err.length + r.out.length).toBeGreaterThan(0);
  });

  it('help exits 0 and shows the usage', async () => {
    const r = await cli('help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('gbsim run FILE');
  });
});
