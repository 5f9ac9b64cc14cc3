/**
 * A workbook's size before it is unpacked (issue 8): an .xlsx is a zip, and its central directory
 * (at the end, never compressed) says how big every part is once inflated. Reading only that, a
 * small file that would unpack to gigabytes (a zip bomb) is refused before anything is inflated,
 * and so is a legitimate sheet too big for this tool to hold in memory — with its size, not with
 * "Invalid string length" or a crashed tab.
 */

/** Most bytes all parts may unpack to: far above any real bureau's workbook (80,000 institutions ≈ 40 MB). */
export const MAX_UNPACKED = 300 * 1024 * 1024;
/** A part this many times its compressed size is a bomb, not a spreadsheet (XML packs ~10–30×). */
export const MAX_RATIO = 1000;
const RATIO_FLOOR = 10 * 1024 * 1024;

export type ZipCheck = { ok: true; unpacked: number } | { ok: false; reason: { zh: string; en: string } };

const mb = (n: number): string => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);

/** The sizes the zip's directory declares, checked against the bounds. */
export function checkZip(b: Uint8Array): ZipCheck {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535, at the very end.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return bad('不是完整的 .xlsx 文件（找不到压缩包目录，文件可能不完整或已损坏）', 'not a complete .xlsx file (no zip directory: the file may be cut short or damaged)');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || at === 0xffffffff) return tooBig(Number.POSITIVE_INFINITY);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) {
      return bad('不是有效的 .xlsx 文件（压缩包目录已损坏）', 'not a valid .xlsx file (its zip directory is damaged)');
    }
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff || packed === 0xffffffff) return tooBig(Number.POSITIVE_INFINITY);
    total += size;
    if (total > MAX_UNPACKED) return tooBig(total);
    if (size > RATIO_FLOOR && size > packed * MAX_RATIO) {
      return bad(`文件中的一部分压缩了 ${Math.round(size / Math.max(1, packed))} 倍（${mb(packed)} MB 解压为 ${mb(size)} MB），不是正常的表格，已拒绝读取`,
        `a part of the file is packed ${Math.round(size / Math.max(1,
          packed))} times (${mb(packed)} MB unpacking to ${mb(size)} MB): not a normal spreadsheet, refused`);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { ok: true, unpacked: total };
}

function tooBig(total: number): ZipCheck {
  const size = Number.isFinite(total) ? `超过 ${mb(total)} MB` : '超过 4 GB';
  const sizeEn = Number.isFinite(total) ? `more than ${mb(total)} MB` : 'more than 4 GB';
  return bad(`表格解压后${size}，超过本工具可读取的 ${mb(MAX_UNPACKED)} MB；请删去不需要的工作表或行，或另存为 .csv 后导入`,
    `the workbook unpacks to ${sizeEn}, above the ${mb(MAX_UNPACKED)} MB this tool can read; delete sheets or rows not needed, `
      + `or save it as .csv and import that`);
}

const bad = (zh: string, en: string): ZipCheck => ({ ok: false, reason: { zh, en } });

/**
 * Most non-empty rows a worksheet may have: a scenario holds at most 200,000 institutions
 * (format/schema.ts), plus room for title and header rows. A sheet filled to Excel's maximum
 * (1,048,576 rows) is refused before exceljs parses it: parsing one takes minutes and gigabytes
 * (bench/sheets.ts measures both).
 */
export const MAX_SHEET_ROWS = 200_100;

/**
 * The worksheets' rows counted before anything is parsed: each xl/worksheets part is inflated as a
 * stream (DecompressionStream, in Node and browsers) and its `<row …>` tags counted, nothing kept;
 * counting stops at the first sheet past `limit`. Rows written `<row …/>` (formatting, no cells)
 * are not counted. Call after checkZip (the directory is known to be sound).
 */
export async function checkRows(b: Uint8Array, limit = MAX_SHEET_ROWS): Promise<ZipCheck> {
  for (const part of worksheetParts(b)) {
    const rows = await countRows(part, limit);
    if (rows > limit) {
      return bad(`表格的一个工作表有超过 ${grouped(limit)} 行数据，超过本工具一次可导入的行数（一个方案最多 200,000 家机构）；请删去不需要的行（如整列填充到表格末行的内容），或分成几个文件导入`,
        `a worksheet has more than ${grouped(limit)} rows of data, more than this tool imports at once (a scenario holds at most 200,000 institutions); `
          + `delete the rows not needed (such as a column filled down to the sheet's last row), or split the file`);
    }
  }
  return { ok: true, unpacked: 0 };
}

const grouped = (n: number): string => n.toLocaleString('en');

interface Part { method: number; data: Uint8Array }

/** The compressed data of every xl/worksheets/*.xml part, from the central directory and local headers. */
function worksheetParts(b: Uint8Array): Part[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return [];
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out: Part[] = [];
  const dec = new TextDecoder();
  for (let n = 0; n < entries && at + 46 <= b.length; n++) {
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = dec.decode(b.subarray(at + 46, at + 46 + nameLen));
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && local + 30 <= b.length && view.getUint32(local, true) === 0x04034b50) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      out.push({ method, data: b.subarray(start, Math.min(b.length, start + packed)) });
    }
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f;
const ROW = [0x72, 0x6f, 0x77]; // "row"

/** Rows with content in one part, counting up to just past `limit`. */
async function countRows(part: Part, limit: number): Promise<number> {
  if (part.method !== 0 && part.method !== 8) return 0; // exceljs will say what it cannot read
  let count = 0;
  let carry: Uint8Array = new Uint8Array(0);
  const scan = (chunk: Uint8Array): void => {
    const buf = carry.length ? concat(carry, chunk) : chunk;
    let i = 0;
    let rest = Math.max(0, buf.length - 4); // a "<row" cut at the end is looked at with the next chunk
    for (;;) {
      i = buf.indexOf(LT, i);
      if (i < 0 || i + 5 > buf.length) break;
      if (buf[i + 1] === ROW[0] && buf[i + 2] === ROW[1] && buf[i + 3] === ROW[2] && (buf[i + 4] === 0x20 || buf[i + 4] === GT || buf[i + 4] === SLASH)) {
        const j = buf.indexOf(GT, i + 4);
        if (j < 0) { rest = i; break; }
        if (buf[j - 1] !== SLASH) count++;
        i = j + 1;
      } else i++;
      rest = Math.max(i, buf.length - 4);
    }
    // A tag that never closes is not a row of a sheet: dropped rather than kept growing.
    carry = buf.length - rest > 1 << 20 ? new Uint8Array(0) : buf.slice(Math.min(rest, buf.length));
  };
  if (part.method === 0) { scan(part.data); return count; }
  const reader = new Blob([part.data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      scan(value);
      if (count > limit) break;
    }
  } catch {
    return count; // damaged data: exceljs says what it cannot read
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return count;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}
