/**
 * A zip bomb whose directory lies (issue 8), built in memory: a real small workbook with one
 * worksheet whose deflate data inflates to `gib` GiB of zeros while the local header and the
 * central directory declare its real, small size. The deflate data is one 1 MiB block of zeros
 * ended with a full flush (self-contained, ~1 KB), repeated, then an empty final block — so the
 * file is ~1 KB per MiB and is built in milliseconds, with no fixture committed.
 */
import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

interface Entry { name: string; method: number; data: Uint8Array; declared: number; crc: number }

/** A zip of `entries` as written: the sizes each entry declares are whatever it says. */
export function zipOf(entries: readonly Entry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(e.crc >>> 0, 14); lh.writeUInt32LE(e.data.length, 18); lh.writeUInt32LE(e.declared, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(e.crc >>> 0, 16); ch.writeUInt32LE(e.data.length, 20); ch.writeUInt32LE(e.declared, 24);
    ch.writeUInt16LE(name.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, Buffer.from(name), Buffer.from(e.data));
    centrals.push(ch, Buffer.from(name));
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/** Raw deflate data inflating to `mib` MiB of zeros, ~1 KB per MiB. */
export function zerosDeflate(mib: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const out = new Uint8Array(block.length * mib + 2);
  for (let i = 0; i < mib; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * mib); // an empty final block
  return out;
}

/** A real workbook (exceljs) whose first worksheet is replaced by the bomb; every size declared is small. */
export async function lyingWorkbook(gib: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('定点机构数据').addRow(['机构编码', '机构名称', '级别']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const entries: Entry[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const raw = await f.async('uint8array');
    if (f.name === 'xl/worksheets/sheet1.xml') {
      entries.push({ name: f.name, method: 8, data: zerosDeflate(gib * 1024), declared: raw.length, crc: 0 });
    } else {
      entries.push({ name: f.name, method: 8, data: deflateRawSync(raw), declared: raw.length, crc: 0 });
    }
  }
  return zipOf(entries);
}

/** The largest `rss + external` seen while `f` runs, sampled every few ms, minus the level before. */
export async function peakGrowth<T>(f: () => Promise<T>): Promise<{ value: T; peakMB: number; ms: number }> {
  globalThis.gc?.();
  const level = (): number => { const m = process.memoryUsage(); return m.heapUsed + m.external + m.arrayBuffers; };
  const before = level();
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, level()); }, 5);
  const t = performance.now();
  try {
    const value = await f();
    peak = Math.max(peak, level());
    return { value, peakMB: (peak - before) / 1024 / 1024, ms: performance.now() - t };
  } finally {
    clearInterval(timer);
  }
}
