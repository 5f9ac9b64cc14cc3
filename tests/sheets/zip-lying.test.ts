/**
 * A zip bomb whose directory lies (issue 8): every size it declares is small, so the declared-size
 * check passes it, but one worksheet inflates to 4 GiB. Inflation itself is bounded (zip-bounds.ts
 * checkInflated): the parts are inflated as a stream and the bytes really coming out are counted,
 * so the file is refused once a part passes the size declared, holding a few MB at most. Memory is
 * asserted (peak growth sampled during the call), time only printed.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { lyingWorkbook, peakGrowth, zipOf } from './lying-zip.ts';
import { checkInflated, checkZip, MAX_UNPACKED } from '../../src/sheets/zip-bounds.ts';
import { importHospitals } from '../../src/sheets/import.ts';
import { importCatalogue } from '../../src/cases/catalogue.ts';
import { main } from '../../src/cli/main.ts';

const GIB = 4;
/** Far below the 4 GiB the bomb inflates to (one slice inflates to ~16 MB at most). */
const BOUND_MB = 64;

describe('a workbook whose zip directory lies about its sizes', () => {
  it('passes the declared-size check, and is refused once the bytes really inflated pass the size declared', async () => {
    const bomb = await lyingWorkbook(GIB);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    expect(checkZip(bomb)).toMatchObject({ ok: true }); // what the directory says is small
    const r = await peakGrowth(() => checkInflated(bomb));
    console.log(`lying ${GIB} GiB bomb (${(bomb.length / 1e6).toFixed(1)} MB): checkInflated refused in ${r.ms.toFixed(0)} ms, peak growth ${r.peakMB.toFixed(1)} MB`);
    expect(r.value).toMatchObject({ ok: false });
    if (r.value.ok) return;
    expect(r.value.reason.zh).toMatch(/^表格解压后超过其压缩包目录记录的大小：「xl\/worksheets\/sheet1\.xml」记录为 [\d,]+ 字节，实际解压出 [\d,]+ 字节以上；文件已损坏或被篡改（如“压缩炸弹”）/);
    expect(r.value.reason.en).toMatch(/^the workbook unpacks to more than its zip directory declares: "xl\/worksheets\/sheet1\.xml" is declared as [\d,]+ bytes/);
    expect(r.peakMB).toBeLessThan(BOUND_MB);
  }, 120_000);

  it('the import worker\'s function (importHospitals) refuses it as a file error, in bounded memory', async () => {
    const bomb = await lyingWorkbook(GIB);
    const r = await peakGrowth(() => importHospitals(bomb, 'bomb.xlsx', { historyYears: 3 }));
    console.log(`importHospitals (the import worker's parse): refused in ${r.ms.toFixed(0)} ms, peak growth ${r.peakMB.toFixed(1)} MB`);
    expect(r.value.fileError).toBe(true);
    expect(r.value.hospitals).toHaveLength(0);
    expect(r.value.errors[0]!.message.zh).toContain('表格解压后超过其压缩包目录记录的大小');
    expect(r.peakMB).toBeLessThan(BOUND_MB);
  }, 120_000);

  it('the case catalogue (gbsim cases --catalogue, the app\'s catalogue import) refuses it the same way', async () => {
    const r = await peakGrowth(async () => importCatalogue(await lyingWorkbook(GIB), 'catalogue.xlsx'));
    expect(r.value.ok).toBe(false);
    expect(r.value.fatal?.en).toMatch(/unpacks to more than its zip directory declares/);
    expect(r.peakMB).toBeLessThan(BOUND_MB);
  }, 120_000);

  it('gbsim import refuses it with exit 1, in the language asked, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-bomb-'));
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, await lyingWorkbook(GIB));
    for (const lang of ['zh', 'en'] as const) {
      const err: string[] = [];
      const r = await peakGrowth(() => main(['import', file, '--base', 'scenarios/city.json', '-o', join(dir, 'out.json'), '--lang', lang],
        { out: () => undefined, err: (s) => err.push(s) }));
      console.log(`gbsim import --lang ${lang}: exit ${r.value} in ${r.ms.toFixed(0)} ms, peak growth ${r.peakMB.toFixed(1)} MB`);
      expect(r.value).toBe(1);
      expect(err.join('\n')).toContain(lang === 'zh' ? '表格解压后超过其压缩包目录记录的大小' : 'the workbook unpacks to more than its zip directory declares');
      expect(r.peakMB).toBeLessThan(BOUND_MB);
    }
    expect(() => readFileSync(join(dir, 'out.json'))).toThrow();
  }, 120_000);
});

describe('parts that inflate to other than their declared size, or not at all', () => {
  const part = (text: string, declared?: number, data?: Uint8Array) => {
    const raw = new TextEncoder().encode(text);
    return { name: 'xl/worksheets/sheet1.xml', method: 8, data: data ?? deflateRawSync(raw), declared: declared ?? raw.length, crc: 0 };
  };

  it('a small lie (declared 10 bytes, inflates to 2,000) is refused naming the part and both sizes', async () => {
    const r = await checkInflated(zipOf([part('<row>'.repeat(400), 10)]));
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) {
      expect(r.reason.zh).toContain('「xl/worksheets/sheet1.xml」记录为 10 字节，实际解压出 2,000 字节以上');
      expect(r.reason.en).toContain('"xl/worksheets/sheet1.xml" is declared as 10 bytes but unpacks to 2,000 bytes or more');
    }
  });

  it('a part shorter than declared is refused as damaged (exceljs would fail on it after inflating it whole)', async () => {
    const r = await checkInflated(zipOf([part('<row>'.repeat(400), 5000)]));
    expect(r).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('记录「xl/worksheets/sheet1.xml」解压后为 5,000 字节，实际只解压出 2,000 字节') } });
  });

  it('the declared-size bound still holds: parts declaring more than 300 MB together are refused before inflating', async () => {
    const noise = new Uint8Array(randomBytes(256 * 1024)); // packed big enough that no part's ratio is the reason
    const r = await checkInflated(zipOf([part('', 200 * 1024 * 1024, noise), { ...part('', 200 * 1024 * 1024, noise), name: 'xl/b.xml' }]));
    expect(r).toMatchObject({ ok: false, reason: { en: expect.stringMatching(/^the workbook unpacks to more than \d+ MB, above the 300 MB/) } });
  });

  it('damaged deflate data is refused naming the part, not passed on to exceljs', async () => {
    const good = deflateRawSync(new TextEncoder().encode('<worksheet/>'.repeat(100)));
    const r = await checkInflated(zipOf([part('<worksheet/>'.repeat(100), undefined, good.subarray(0, good.length - 5))]));
    expect(r).toMatchObject({ ok: false, reason: { en: expect.stringContaining('its part "xl/worksheets/sheet1.xml" is damaged') } });
  });

  it('an honest workbook inflates to exactly what its directory declares', async () => {
    const real = new Uint8Array(readFileSync('tests/fixtures/sheets/bad-rows.xlsx'));
    const declared = checkZip(real);
    const inflated = await checkInflated(real);
    expect(inflated.ok && declared.ok && inflated.unpacked).toBe(declared.ok ? declared.unpacked : -1);
    expect(MAX_UNPACKED).toBe(300 * 1024 * 1024);
  });
});
