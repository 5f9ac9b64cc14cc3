import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sniffFile, SNIFF_HEAD, SNIFF_TAIL } from '../../src/format/file-kind.ts';

const kind = (b: Uint8Array | string, name: string) => {
  const bytes = typeof b === 'string' ? new TextEncoder().encode(b) : b;
  return sniffFile(bytes.subarray(0, SNIFF_HEAD), bytes.subarray(Math.max(0, bytes.length - SNIFF_TAIL)), name);
};

describe('what a file is, by its bytes', () => {
  it('an .xlsx is told by its zip directory, whatever its name', () => {
    const x = readFileSync('tests/fixtures/sheets/bad-rows.xlsx');
    expect(kind(x, 'bad-rows.xlsx')).toBe('xlsx');
    expect(kind(x, 'workspace.json')).toBe('xlsx');
    expect(kind(x, 'noname')).toBe('xlsx');
  });
  it('other zips, old Excel, PDF, images, binaries, empty', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml')]);
    expect(kind(zip, 'a.xlsx')).toBe('office');
    expect(kind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'a.zip')).toBe('zip');
    expect(kind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), 'a.xlsx')).toBe('xls');
    expect(kind(new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x15, 0x00, 0x50, 0x41, 0x52, 0x31]), 'cases.json')).toBe('parquet');
    expect(kind('%PDF-1.4', 'a.json')).toBe('pdf');
    expect(kind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'a.csv')).toBe('image');
    expect(kind(new Uint8Array([1, 0, 2, 3]), 'a.csv')).toBe('binary');
    expect(kind(new Uint8Array(), 'a.json')).toBe('empty');
  });
  it('JSON by its first character (after a BOM and blanks) or its name; CSV by separators or name; else text', () => {
    expect(kind('\ufeff\n  {"format":"gbsim-workspace"}', 'x.txt')).toBe('json');
    expect(kind('[1]', 'x')).toBe('json');
    expect(kind('not json at all', 'broken.json')).toBe('json');
    expect(kind('机构编码,机构名称\nN001,a', 'x.dat')).toBe('csv');
    expect(kind('id\tname', 'x')).toBe('csv');
    expect(kind('hello', 'notes.txt')).toBe('csv');
    expect(kind('hello world', 'notes')).toBe('text');
  });
});
