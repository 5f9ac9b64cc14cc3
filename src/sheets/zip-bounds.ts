/**
 * A workbook's size before and while it is unpacked (issue 8). An .xlsx is a zip, and its central
 * directory (at the end, never compressed) says how big every part is once inflated. Reading only
 * that (`checkZip`), a small file that says it would unpack to gigabytes is refused before anything
 * is inflated. The directory can lie, though: exceljs (through JSZip) inflates each part whole and
 * compares with the declared size only afterwards, so a bomb declaring small sizes would exhaust
 * memory first. `checkInflated` therefore inflates every part as a stream, in small slices, counting
 * the bytes that really come out and keeping none, and stops the moment a part passes its declared
 * size: from there the declared sizes checked are proven false, and counting on to 300 MB would
 * take half a minute in a browser tab for nothing. It counts the worksheets' rows on the way. Both read the zip exactly as JSZip will (see `directory`), so the
 * parts measured are the parts exceljs later inflates.
 */
import { renderMessage, type MsgCode, type MsgParams } from '../format/messages.ts';

/** Most bytes all parts may unpack to: far above any real bureau's workbook (80,000 institutions ≈ 40 MB). */
export const MAX_UNPACKED = 300 * 1024 * 1024;
/** A part this many times its compressed size is a bomb, not a spreadsheet (XML packs ~10–30×). */
export const MAX_RATIO = 1000;
const RATIO_FLOOR = 10 * 1024 * 1024;
/**
 * Compressed bytes fed to the inflater at a time: one slice inflates to at most ~1032× (deflate's limit), ≈ 4 MB
 * (Chromium inflates a slice whole before the first read).
 */
const SLICE = 4 * 1024;

type Refusal = { ok: false; reason: { zh: string; en: string } };
export type ZipCheck = { ok: true; unpacked: number } | Refusal;

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const bad = (code: MsgCode, p?: MsgParams): Refusal => ({ ok: false, reason: { zh: renderMessage(code, p, 'zh'), en: renderMessage(code, p, 'en') } });
const tooBig = (total: number): Refusal => bad('sheetUnpackedTooBig', { size: Number.isFinite(total) ? mb(total) : '4 GB', max: mb(MAX_UNPACKED) });
const ratio = (packed: number, size: number): Refusal =>
  bad('sheetPackedRatio', { times: Math.round(size / Math.max(1, packed)), packed: mb(packed), size: mb(size) });

interface Part { name: string; method: number; packed: number; declared: number; data: Uint8Array }

const EOCD = 0x06054b50, CENTRAL = 0x02014b50, LOCAL = 0x04034b50;
const MAX16 = 0xffff, MAX32 = 0xffffffff;

/**
 * The parts as JSZip reads them: the last end-of-directory record; offsets shifted by any bytes
 * found between the directory's declared end and that record (JSZip's "prepended data"); directory
 * records read while their signature holds (not by the declared count); each part's data at its
 * local header, as long as the directory says. A zip64 field is refused as too big (4 GB or more).
 */
function directory(b: Uint8Array): { ok: true; parts: Part[] } | Refusal {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 4; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0 || eocd + 22 > b.length) return bad('sheetZipIncomplete');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if ([4, 6, 8, 10].some((k) => view.getUint16(eocd + k, true) === MAX16) || cdSize === MAX32 || cdOffset === MAX32) {
    return tooBig(Number.POSITIVE_INFINITY);
  }
  const damaged = bad('sheetZipDamaged');
  const extra = eocd - (cdOffset + cdSize);
  if (extra < 0) return damaged;
  const zero = extra;
  const parts: Part[] = [];
  const dec = new TextDecoder();
  let at = zero + cdOffset;
  while (at + 46 <= b.length && view.getUint32(at, true) === CENTRAL) {
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const declared = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if (packed === MAX32 || declared === MAX32 || local === MAX32) return tooBig(Number.POSITIVE_INFINITY);
    const name = dec.decode(b.subarray(at + 46, Math.min(b.length, at + 46 + nameLen)));
    const lh = zero + local;
    if (lh + 30 > b.length || view.getUint32(lh, true) !== LOCAL) return damaged;
    const start = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
    if (start + packed > b.length) return damaged;
    parts.push({ name, method, packed, declared, data: b.subarray(start, start + packed) });
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (count > 0 && parts.length === 0) return damaged;
  return { ok: true, parts };
}

/** The sizes the zip's directory declares, checked against the bounds (nothing inflated). */
export function checkZip(b: Uint8Array): ZipCheck {
  const dir = directory(b);
  return dir.ok ? declaredSizes(dir.parts) : dir;
}

function declaredSizes(parts: readonly Part[]): ZipCheck {
  let total = 0;
  for (const p of parts) {
    total += p.declared;
    if (total > MAX_UNPACKED) return tooBig(total);
    if (p.declared > RATIO_FLOOR && p.declared > p.packed * MAX_RATIO) return ratio(p.packed, p.declared);
  }
  return { ok: true, unpacked: total };
}

/**
 * Most non-empty rows a worksheet may have: a scenario holds at most 200,000 institutions
 * (format/schema.ts), plus room for title and header rows. A sheet filled to Excel's maximum
 * (1,048,576 rows) is refused before exceljs parses it: parsing one takes minutes and gigabytes
 * (bench/sheets.ts measures both).
 */
export const MAX_SHEET_ROWS = 200_100;

const isWorksheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

/**
 * Every part inflated as a stream and measured, nothing kept. Refused when a part unpacks to more
 * than its declared size (inflating stops there: a bomb is refused after its first slices) or to
 * less (JSZip would refuse both, but only after inflating the part whole), when its data is
 * damaged, or when a worksheet has more than `limit` rows with cells (rows written `<row …/>`,
 * formatting only, are not counted). The declared sizes are checked first (checkZip); a part
 * passing is as big as declared, so those sizes are the real ones.
 */
export async function checkInflated(b: Uint8Array, limit = MAX_SHEET_ROWS): Promise<ZipCheck> {
  const dir = directory(b);
  if (!dir.ok) return dir;
  const declared = declaredSizes(dir.parts);
  if (!declared.ok) return declared;
  let total = 0;
  for (const p of dir.parts) {
    const rows = isWorksheet(p.name) ? rowCounter() : null;
    let size: number;
    if (p.method === 0) {
      size = p.packed;
      rows?.scan(p.data);
    } else if (p.method === 8) {
      const r = await inflateCounted(p.data, Math.min(p.declared, MAX_UNPACKED - total), rows ? (c) => rows.scan(c) > limit : undefined);
      if (r.broken) return bad('sheetPartDamaged', { part: p.name });
      size = r.bytes;
    } else continue; // JSZip refuses an unknown compression before inflating anything; exceljs says so
    total += size;
    if (total > MAX_UNPACKED) return tooBig(total);
    if (rows && rows.count > limit) return bad('sheetTooManyRows', { max: grouped(limit) });
    if (size > p.declared) return bad('sheetPartTooBig', { part: p.name, declared: grouped(p.declared), actual: grouped(size) });
    if (size !== p.declared) return bad('sheetPartSize', { part: p.name, declared: grouped(p.declared), actual: grouped(size) });
  }
  return { ok: true, unpacked: total };
}

const grouped = (n: number): string => n.toLocaleString('en');

/**
 * Inflates `data` (raw deflate) fed in SLICE-sized pieces, counting the output and keeping none;
 * stops once more than `cap` bytes came out or `stop` says so. The feeding waits for the reading
 * (stream backpressure), so at most one slice's output is held at any time.
 */
async function inflateCounted(data: Uint8Array, cap: number, stop?: (chunk: Uint8Array) => boolean): Promise<{ bytes: number; broken: boolean }> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  const feed = (async () => {
    for (let i = 0; i < data.length; i += SLICE) await writer.write(data.subarray(i, i + SLICE) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch(() => undefined); // a cancelled read or damaged data: the read loop below says which
  let bytes = 0;
  let broken = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > cap || stop?.(value)) break;
    }
  } catch {
    broken = true;
  }
  await reader.cancel().catch(() => undefined);
  await writer.abort().catch(() => undefined);
  await feed;
  return { bytes, broken };
}

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f;
const ROW = [0x72, 0x6f, 0x77]; // "row"

/** Counts `<row …>` tags with content across chunks; `scan` returns the count so far. */
function rowCounter(): { scan: (chunk: Uint8Array) => number; readonly count: number } {
  let count = 0;
  let carry: Uint8Array = new Uint8Array(0);
  const scan = (chunk: Uint8Array): number => {
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
    return count;
  };
  return { scan, get count() { return count; } };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}
