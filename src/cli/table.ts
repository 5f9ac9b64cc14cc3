/** Plain-text tables for the terminal: right-aligned numbers, CJK-aware column widths. */

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

const pad = (s: string, w: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

export interface Column {
  header: string;
  /** Right-align (numbers). */
  right?: boolean;
}

/**
 * Column widths by a loop, not `Math.max(...cells)`: a spread passes every row as an argument
 * and overflows the stack past ~125,000 rows; a file may hold 200,000 institutions.
 */
export function columnWidths(columns: Column[], rows: readonly string[][]): number[] {
  const widths = columns.map((c) => width(c.header));
  for (const r of rows) {
    for (let i = 0; i < widths.length; i++) {
      const w = width(r[i] ?? '');
      if (w > widths[i]!) widths[i] = w;
    }
  }
  return widths;
}

export function renderTable(columns: Column[], rows: readonly string[][]): string {
  const widths = columnWidths(columns, rows);
  const line = (cells: string[]) => cells.map((s, i) => pad(s, widths[i]!, columns[i]!.right ?? false)).join('  ').trimEnd();
  const out = [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(r));
  return out.join('\n');
}
