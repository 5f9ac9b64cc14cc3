import { describe, expect, it } from 'vitest';
import { columnWidths, renderTable, width } from '../../src/cli/table.ts';

describe('terminal tables', () => {
  it('measures CJK characters as two columns', () => {
    expect(width('医院 1')).toBe(6);
    expect(width('H000001')).toBe(7);
  });

  it('pads every cell to its column width, numbers to the right', () => {
    const t = renderTable([{ header: 'id' }, { header: 'owed', right: true }], [['医院', '1.00'], ['H2', '12345.67']]);
    expect(t.split('\n')).toEqual(['id        owed', '----  --------', '医院      1.00', 'H2    12345.67']);
  });

  // Math.max(...cells) passed every row as an argument and overflowed the stack past ~125,000
  // rows (gbsim run crashed on a valid 200,000-institution file); the widths are now a loop.
  it('takes 200,000 rows without a spread over them', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [i === 123_456 ? '9999999999.99' : '1.00']);
    expect(columnWidths([{ header: 'owed', right: true }], rows)).toEqual([13]);
    const lines = renderTable([{ header: 'owed', right: true }], rows).split('\n');
    expect(lines).toHaveLength(200_002);
    expect(lines[123_458]).toBe('9999999999.99');
    expect(lines[2]).toBe('         1.00');
  });
});
