/**
 * Every command refuses the same bad input in the same words: the catalogue's, in the language
 * asked (--lang, else the system locale), naming the institution by code and name and the field
 * in the bureau's words; the field path only as the trailing detail for experts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'gbsim-msg-'));
const city = () => JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
const put = (name: string, doc: unknown) => {
  const f = join(dir, name);
  writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return f;
};

// A negative history amount on one institution (the shape check) and pool shares adding up to 1.08 (the engine's).
const negDoc = city();
negDoc.hospitals[2].history[1] = '-5.00';
const NEG = put('negative.json', negDoc);
const T03 = `${negDoc.hospitals[2].id} ${negDoc.hospitals[2].name}`;
const NEG_PATH = 'hospitals[2].history[1]';
const sharesDoc = city();
sharesDoc.policy.pools[1].share = '0.26';
const SHARES = put('shares.json', sharesDoc);
const WORKSPACE = put('workspace.json', { format: 'gbsim-workspace', version: 1, baseline: negDoc, variants: [] });
const SHEET = put('sheet.csv', '机构编码,机构名称,级别,类别,机构类型,2022年基金支出,2023年基金支出,2024年基金支出\nH001,某医院,三级,综合,医院,1.00,2.00,3.00\n');

/** Every command given a scenario file, with what else it needs. */
const COMMANDS: [string, (f: string) => string[]][] = [
  ['validate', (f) => ['validate', f]],
  ['run', (f) => ['run', f]],
  ['compare', (f) => ['compare', 'scenarios/city.json', f]],
  ['years', (f) => ['years', f]],
  ['sweep', (f) => ['sweep', f, '--param', 'fund.adjustmentFundRate', '--from', '0.02', '--to', '0.03', '--step', '0.01', '--workers', '0']],
  ['risk', (f) => ['risk', f, '--draws', '10', '--workers', '1']],
  ['monitor', (f) => ['monitor', f]],
  ['report', (f) => ['report', f]],
  ['whatif', (f) => ['whatif', 'points', f, '--inflate', '5%']],
  ['import --base', (f) => ['import', SHEET, '--base', f, '-o', join(dir, 'out.json')]],
  ['cases --base', (f) => ['cases', SHEET, '--base', f, '-o', join(dir, 'out.json')]],
];

const WORDS = {
  zh: { institution: `「${T03}」的「${negDoc.meta.year - 2}年基金支出」：须为不小于 0 的金额`, pools: '「分配池」：各分配池份额合计须为 100%，现为 108%' },
  en: { institution: `"${T03}", History ${negDoc.meta.year - 2}: must be a non-negative amount`, pools: 'Pools: pool shares must add up to 100%; they add up to 108%' },
} as const;
const detail = (path: string, lang: 'zh' | 'en') => (lang === 'zh' ? `（${path}）` : ` (${path})`);

/** The lines about `file`, each with its trailing path detail taken off. */
const said = (err: string, file: string, path: string, lang: 'zh' | 'en') =>
  err.split('\n').filter((l) => l.startsWith(file)).map((l) => (l.endsWith(detail(path, lang)) ? l.slice(0, -detail(path, lang).length) : l));

describe('the same refused scenario, every command, in Chinese and English', () => {
  for (const lang of ['zh', 'en'] as const) {
    it.each(COMMANDS)(`%s --lang ${lang}: the institution by code and name, the field in words, no path but the detail`, async (_, args) => {
      const r = await cli(...args(NEG), '--lang', lang);
      expect(r.code).toBe(1);
      const lines = said(r.err, NEG, NEG_PATH, lang);
      expect(lines.some((l) => l.includes(WORDS[lang].institution)), r.err).toBe(true);
      expect(r.err).toContain(detail(NEG_PATH, lang));
      for (const l of lines) expect(l).not.toContain('hospitals[');
      if (lang === 'zh') expect(r.err).not.toMatch(/must be|non-negative/);

      const s = await cli(...args(SHARES), '--lang', lang);
      expect(s.code).toBe(1);
      expect(s.err).toContain(`${SHARES}: ${WORDS[lang].pools}${detail('policy.pools', lang)}`);
      if (lang === 'zh') expect(s.err).not.toMatch(/pool shares/);
    });

    it(`years on a workspace file --lang ${lang}: its baseline's institution and field`, async () => {
      const r = await cli('years', WORKSPACE, '--lang', lang);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${WORKSPACE}: ${WORDS[lang].institution}`);
      for (const l of said(r.err, WORKSPACE, NEG_PATH, lang)) expect(l).not.toContain('hospitals[');
    });
  }

  it('a sheet row with a negative amount names the row, the column and the institution, zh and en', async () => {
    const bad = put('bad-sheet.csv', readFileSync(SHEET, 'utf8').replace('2.00', '-2.00'));
    const zh = await cli('import', bad, '-o', join(dir, 'out.json'), '--lang', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('第 2 行「2023年基金支出」（H001 某医院）: 不能为负数');
    const en = await cli('import', bad, '-o', join(dir, 'out.json'), '--lang', 'en');
    expect(en.err).toContain('row 2 "History 2023" (H001 某医院): must not be negative');
  });
});

describe('without --lang, every command speaks the system locale', () => {
  afterEach(() => vi.unstubAllEnvs());
  const locale = (lang: string) => {
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', lang);
  };

  it.each(COMMANDS)('%s: LANG=zh_CN.UTF-8 → Chinese, LANG=en_US.UTF-8 → English', async (_, args) => {
    locale('zh_CN.UTF-8');
    const zh = await cli(...args(SHARES));
    expect(zh.err).toContain(WORDS.zh.pools);
    locale('en_US.UTF-8');
    const en = await cli(...args(SHARES));
    expect(en.err).toContain(WORDS.en.pools);
    vi.stubEnv('LC_ALL', 'zh_TW.UTF-8'); // LC_ALL before LANG
    expect((await cli(...args(SHARES))).err).toContain(WORDS.zh.pools);
  });

  it('a file that cannot be read, and the import summary, in the locale', async () => {
    locale('zh_CN.UTF-8');
    expect((await cli('validate', join(dir, 'none.json'))).err).toBe(`${join(dir, 'none.json')}: 无法读取文件（文件不存在）`);
    const noHeader = put('no-header.csv', 'a,b,c\n1,2,3\n');
    const r = await cli('import', noHeader, '-o', join(dir, 'out.json'));
    expect(r.err).toContain('no-header.csv: 未找到表头行，未读取任何数据（原因见下）');
    expect(r.err).toContain('未找到表头行：第 1–2 行中没有「机构编码」列');
    expect(r.err).not.toContain('?');
    locale('en_US.UTF-8');
    const en = await cli('import', noHeader, '-o', join(dir, 'out.json'));
    expect(en.err).toContain('no-header.csv: no header row found; no data read (the reason follows)');
    expect(en.err).toContain('no header row found: rows 1–2 have no "Institution code" column');
  });
});
