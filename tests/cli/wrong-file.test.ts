/**
 * A file given to a command that takes a scenario is told by its bytes (format/file-kind.ts, the
 * function the app's 打开文件 routes by; src/cli/io.ts openScenarioFile): a workbook, a CSV, a
 * Parquet case list, a workspace or anything else is refused saying what it seems to be and which
 * command takes it, in the language asked — never "not valid JSON: Unexpected token 'P'".
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'gbsim-wrong-'));
const at = (name: string) => join(dir, name);
copyFileSync('tests/fixtures/sheets/bad-rows.xlsx', at('data.xlsx'));
copyFileSync('tests/fixtures/sheets/bad-rows.xlsx', at('named-like-a-scenario.json')); // the bytes decide, not the name
copyFileSync('tests/fixtures/cases/gbk.csv', at('cases.csv'));
writeFileSync(at('cases.parquet'), new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x15, 0x00, 0x15, 0x04, 0x50, 0x41, 0x52, 0x31]));
writeFileSync(at('scan.pdf'), '%PDF-1.4\n%âãÏÓ\n');
writeFileSync(at('ws.json'), JSON.stringify({ format: 'gbsim-workspace', version: 1,
  baseline: JSON.parse(readFileSync('scenarios/city.json', 'utf8')), variants: [{ id: 'v1', name: '调剂金 2%', changes: [] }] }));

describe('a file that is not a scenario, given to a command that takes one', () => {
  it('gbsim run FILE.xlsx: an Excel workbook, with the import command to use (zh and en)', async () => {
    const zh = await cli('run', at('data.xlsx'), '--lang', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.err).toBe(`${at('data.xlsx')} 是一个 Excel 工作簿（.xlsx），不是方案文件（.json）；导入机构数据请用 gbsim import ${at('data.xlsx')} --base 方案.json -o 新方案.json，`
      + `病种目录请用 gbsim cases 病例清单.csv --base 方案.json --catalogue ${at('data.xlsx')} -o 新方案.json`);
    const en = await cli('run', at('named-like-a-scenario.json'), '--lang', 'en');
    expect(en.err).toContain(`is an Excel workbook (.xlsx), not a scenario file (.json); to import institutions' data: gbsim import ${at('named-like-a-scenario.json')} --base SCENARIO.json`);
    for (const r of [zh, en]) expect(r.err).not.toMatch(/JSON:|Unexpected token/);
  });

  it('gbsim validate lists each file: the scenario valid, the others each with what they are; exit 1', async () => {
    const r = await cli('validate', 'scenarios/city.json', at('data.xlsx'), at('cases.csv'), at('cases.parquet'), at('ws.json'), at('scan.pdf'), '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.out).toBe('scenarios/city.json：有效（80 家机构）');
    const lines = r.err.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('是一个 Excel 工作簿（.xlsx）');
    expect(lines[1]).toBe(`${at('cases.csv')} 是 CSV 表格，不是方案文件（.json）；导入机构数据请用 gbsim import ${at('cases.csv')} --base 方案.json -o 新方案.json，`
      + `病例清单请用 gbsim cases ${at('cases.csv')} --base 方案.json -o 新方案.json`);
    expect(lines[2]).toBe(`${at('cases.parquet')} 是 Parquet 数据文件（病例清单），不是方案文件（.json）；读入病例清单请用 gbsim cases ${at('cases.parquet')} --base 方案.json -o 新方案.json`);
    expect(lines[3]).toBe(`${at('ws.json')} 是工作区文件（基准方案和 1 个测算方案），不是单个方案文件；逐年测算其中各方案请用 gbsim years ${at('ws.json')}；`
      + '其他命令请先在应用中用「打开文件…」打开它，再用「保存当前方案」存出方案文件');
    expect(lines[4]).toBe(`${at('scan.pdf')} 看来是PDF 文档，不是方案文件（.json）；此命令只读入方案文件`);
  });

  it('every command that takes a scenario says the same (compare, report, whatif, sweep, monitor, risk, cases --base, import --base)', async () => {
    const x = at('data.xlsx');
    const runs = [
      ['compare', 'scenarios/city.json', x], ['report', x], ['whatif', 'points', x, '--inflate', '5%'], ['sweep', x],
      ['monitor', x], ['risk', x], ['cases', at('cases.csv'), '--base', x, '-o', at('o.json')], ['import', at('data.xlsx'), '--base', x, '-o', at('o.json')],
    ];
    for (const args of runs) {
      const r = await cli(...args, '--lang', 'en');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toContain(`${x} is an Excel workbook (.xlsx), not a scenario file (.json)`);
    }
  });

  it('a workspace given to run names gbsim years, which does take it', async () => {
    const r = await cli('run', at('ws.json'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`is a workspace file (the baseline and 1 alternatives), not a single scenario file; to run its scenarios over several years: gbsim years ${at('ws.json')}`);
    expect((await cli('years', at('ws.json'), '--lang', 'en')).code).toBe(0);
  }, 60_000);

  it('a scenario file and a broken JSON file are read as before', async () => {
    expect((await cli('run', 'scenarios/city.json', '--lang', 'en')).code).toBe(0);
    writeFileSync(at('broken.json'), '{"format": "gbsim-scenario",');
    const r = await cli('validate', at('broken.json'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('not valid JSON');
  });
});
