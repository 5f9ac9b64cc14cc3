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
        `a part of the file is packed ${Math.round(size / Math.max(1, packed))} times (${mb(packed)} MB unpacking to ${mb(size)} MB): not a normal spreadsheet, refused`);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { ok: true, unpacked: total };
}

function tooBig(total: number): ZipCheck {
  const size = Number.isFinite(total) ? `超过 ${mb(total)} MB` : '超过 4 GB';
  const sizeEn = Number.isFinite(total) ? `more than ${mb(total)} MB` : 'more than 4 GB';
  return bad(`表格解压后${size}，超过本工具可读取的 ${mb(MAX_UNPACKED)} MB；请删去不需要的工作表或行，或另存为 .csv 后导入`,
    `the workbook unpacks to ${sizeEn}, above the ${mb(MAX_UNPACKED)} MB this tool can read; delete sheets or rows not needed, or save it as .csv and import that`);
}

const bad = (zh: string, en: string): ZipCheck => ({ ok: false, reason: { zh, en } });
