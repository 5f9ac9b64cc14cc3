/** A workbook is bounded before it is unpacked (issue 8): a zip bomb is refused from its directory, fast. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { checkZip, MAX_UNPACKED } from '../../src/sheets/zip-bounds.ts';
import { importHospitals } from '../../src/sheets/import.ts';

const real = () => new Uint8Array(readFileSync('tests/fixtures/sheets/bad-rows.xlsx'));

/** The workbook with every part's declared unpacked size set to `size` (what a bomb's directory says). */
function declared(size: number): Uint8Array {
  const b = real();
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i + 4 <= b.length; i++) if (v.getUint32(i, true) === 0x02014b50) v.setUint32(i + 24, size, true);
  return b;
}

describe('zip bounds', () => {
  it('a real workbook passes, with its unpacked size', () => {
    const r = checkZip(real());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.unpacked).toBeGreaterThan(real().length);
  });

  it('a directory declaring gigabytes is refused before inflating, saying how big', async () => {
    const r = checkZip(declared(0xfffffff0));
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) {
      expect(r.reason.zh).toMatch(/解压后超过 \d+ MB，超过本工具可读取的 300 MB/);
      expect(r.reason.en).toMatch(/unpacks to more than \d+ MB/);
    }
    const t = performance.now();
    const rep = await importHospitals(declared(0xfffffff0), 'bomb.xlsx');
    expect(performance.now() - t).toBeLessThan(1000);
    expect(rep.fileError).toBe(true);
    expect(rep.errors[0]!.message.zh).toContain('300 MB');
  });

  it('an honest bomb (100 MB of zeros packed ~1000×) is refused from its ratio', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(100 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const r = checkZip(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en).toMatch(/packed \d+ times/);
  }, 30_000);

  it('a damaged or truncated directory is refused as such', () => {
    const b = real();
    expect(checkZip(b.subarray(0, b.length - 30))).toMatchObject({ ok: false });
    expect(MAX_UNPACKED).toBe(300 * 1024 * 1024);
  });
});

describe('column names that objects read from their prototype', () => {
  it('指标:__proto__ and 字段:constructor are unknown columns, ignored with a warning; the rows import', async () => {
    const csv = '机构编码,机构名称,级别,类别,机构类型,2024年支出,指标:__proto__,字段:constructor\nA1,甲,二级,综合,医院,100,90,1\n';
    const r = await importHospitals(new TextEncoder().encode(csv), 'x.csv');
    expect(r.validRows).toBe(1);
    expect(r.warnings.filter((w) => w.kind === 'unknown-column')).toHaveLength(2);
    expect(Object.getPrototypeOf(r.hospitals[0]!.indicators ?? {})).toBe(Object.prototype);
    expect(r.hospitals[0]!.indicators).toBeUndefined();
  });
});
