/**
 * A streamed worksheet's rows written as XML straight from their cells, for the rows a results
 * workbook is made of (numbers, strings, booleans, empty styled cells): the same text exceljs's
 * row and cell xforms write, its styles and shared strings asked in the same order, without a
 * model object per cell, an XmlStream per row and a string piece per attribute (at 200,000
 * institutions, most of what remained of `gbsim run --xlsx`). Any other row (a formula, a date,
 * a comment, a height, an outline…) is written by exceljs itself.
 */

/** exceljs's ValueType numbers (lib/doc/enums.js). */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
const BOOLEAN = 9;

interface CellLike {
  type: number;
  value: unknown;
  address: string;
  col: number;
  style: object | undefined;
  _comment?: unknown;
}

interface RowLike {
  number: number;
  style: object;
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  collapsed?: boolean;
  hasValues: boolean;
  _cells: (CellLike | undefined)[];
}

interface WriterLike {
  startedData: boolean;
  useSharedStrings: boolean;
  stream: { write: (xml: string) => void };
  _workbook: {
    styles: { addStyleModel: (model: object | undefined, cellType?: number) => number };
    sharedStrings: { add: (s: string) => number };
  };
  _writeRow: (row: RowLike) => void;
}

/** What exceljs's xmlEncode replaces (utils.js): text without these is written as it is. */
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;

/** Whether every cell is of a kind written here (and the row has nothing else to say). */
function plainRow(row: RowLike, sharedStrings: boolean): boolean {
  if (row.height || row.hidden || row.outlineLevel || row.collapsed || !row.hasValues) return false;
  for (const c of row._cells) {
    if (c === undefined || c === null) continue;
    const t = c.type;
    if (c._comment) return false;
    if (t === NUMBER) {
      if (XML_SPECIAL.test(String(c.value))) return false;
    } else if (t === STRING) {
      if (!sharedStrings) return false;
    } else if (t !== NULL && t !== BOOLEAN) return false;
  }
  return true;
}

/** Route a streamed worksheet's rows through the writer below, exceljs's own kept for the rest. */
export function writeRowsDirectly(ws: object): void {
  const w = ws as WriterLike;
  const exceljs = w._writeRow.bind(w);
  w._writeRow = (row) => {
    // The first row also opens the sheet's data (columns first): exceljs does that.
    if (!w.startedData || !plainRow(row, w.useSharedStrings)) return exceljs(row);
    const { styles, sharedStrings } = w._workbook;
    const rowStyle = styles.addStyleModel(row.style);
    let min = 0;
    let max = 0;
    let cells = '';
    for (const c of row._cells) {
      if (c === undefined || c === null) continue;
      if (!min || min > c.col) min = c.col;
      if (max < c.col) max = c.col;
      const s = styles.addStyleModel(c.style || {}, c.type);
      const t = c.type;
      if (t === NULL) {
        if (s) cells += `<c r="${c.address}" s="${s}"/>`;
        continue;
      }
      const head = s ? `<c r="${c.address}" s="${s}"` : `<c r="${c.address}"`;
      if (t === NUMBER) cells += `${head}><v>${String(c.value)}</v></c>`;
      else if (t === BOOLEAN) cells += `${head} t="b"><v>${c.value ? '1' : '0'}</v></c>`;
      else cells += `${head} t="s"><v>${sharedStrings.add(c.value as string)}</v></c>`;
    }
    const spans = min > 0 && max > 0 && min <= max ? ` spans="${min}:${max}"` : '';
    const style = rowStyle ? ` s="${rowStyle}" customFormat="1"` : '';
    const open = `<row r="${row.number}"${spans}${style} x14ac:dyDescent="0.25"`;
    w.stream.write(cells === '' ? `${open}/>` : `${open}>${cells}</row>`);
  };
}
