/**
 * `gbsim run --json` written in pieces: the same bytes as `JSON.stringify(result, null, 2)`,
 * written one institution at a time from the settled year as UTF-8 into chunks of about a
 * megabyte handed to `write`. No result object, no string per amount: at 100,000 institutions the
 * text is ~210 MB, and building it from ~80 strings and a JSON.stringify per institution (then
 * encoding it again to write it) took most of the run.
 */
import { fundResult, isYearAmount, monthsAt, MONTHLY_FIELDS, summaryCursor, SUMMARY_FIELDS, type Settlement } from '../engine/run.ts';
import { writeMoney } from '../engine/money.ts';
import type { Model } from '../engine/model.ts';

const CHUNK = 1 << 20;
/** Room kept free for one institution's fixed text (its ~80 keys and amounts are under 5 KB). */
const ROW_ROOM = 16 << 10;

/**
 * JSON.stringify(v, null, 2) of a value nested `depth` levels deep: the indentation of nested
 * lines is cumulative, so the value's own text with every line break followed by 2·depth more
 * spaces is exactly what the whole document's stringify writes there.
 */
function nested(v: unknown, depth: number): string {
  return JSON.stringify(v, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

const utf8 = new TextEncoder();

/** UTF-8 bytes into fresh chunks: a chunk handed to `write` is never written again (a stream may hold it). */
class Chunks {
  // Not zeroed: every byte handed over is written first.
  buf: Uint8Array = Buffer.allocUnsafe(CHUNK + ROW_ROOM);
  at = 0;
  constructor(private readonly write: (chunk: Uint8Array) => boolean | void) {}

  /** Make room for `n` more bytes, handing over what is written when the chunk is full. */
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  flush(): void {
    // A chunk the writer may keep is never written again: the next one is fresh.
    const free = this.at === 0 || this.write(this.buf.subarray(0, this.at)) === true;
    if (!free) this.buf = Buffer.allocUnsafe(this.buf.length);
    this.at = 0;
  }

  /** Text of any kind (a key, a piece of layout, the fund's part). */
  text(s: string): void {
    this.room(3 * s.length);
    this.at += utf8.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  /** Bytes known in advance (keys with their indentation). */
  bytes(b: Uint8Array): void {
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** A JSON value as JSON.stringify writes it; strings of plain ASCII copied as they are. */
  value(v: unknown): void {
    if (v === null) this.bytes(NULL);
    else if (v === true) this.bytes(TRUE);
    else if (v === false) this.bytes(FALSE);
    else if (typeof v === 'string' && plainAscii(v)) {
      this.room(v.length + 2);
      const b = this.buf;
      let p = this.at;
      b[p++] = 34;
      for (let k = 0; k < v.length; k++) b[p++] = v.charCodeAt(k);
      b[p++] = 34;
      this.at = p;
    } else this.text(JSON.stringify(v) ?? 'null');
  }

  /** An amount in fen, as formatMoney writes it, in quotes. */
  money(f: number): void {
    this.buf[this.at] = 34;
    this.at = writeMoney(this.buf, this.at + 1, f);
    this.buf[this.at++] = 34;
  }
}

/** No character JSON.stringify would escape and none beyond ASCII: the string's JSON is itself in quotes. */
function plainAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

const ascii = (s: string): Uint8Array => utf8.encode(s);
const FIRST_ROW = ascii('\n    {');
const NEXT_ROW = ascii(',\n    {');
const ROW_CLOSE = ascii('\n    }');
/** `"key": ` of every summary field, each after the line break and indentation it stands on; commas between. */
const FIELD_KEYS = SUMMARY_FIELDS.map((f, k) => ascii(`${k === 0 ? '' : ','}\n      ${JSON.stringify(f)}: `));
const MONTH_KEYS = MONTHLY_FIELDS.map((f) => ascii(`,\n      ${JSON.stringify(f)}: [`));
const MONTH_EMPTY = MONTHLY_FIELDS.map((f) => ascii(`,\n      ${JSON.stringify(f)}: []`));
const DEDUCTIONS = SUMMARY_FIELDS.indexOf('deductions');
const MONTH_FIRST = ascii('\n        ');
const MONTH_NEXT = ascii(',\n        ');
const MONTHS_CLOSE = ascii('\n      ]');
const ZERO = ascii('"0.00"');
const NULL = ascii('null');
const TRUE = ascii('true');
const FALSE = ascii('false');

export function writeResultJson(model: Model, st: Settlement, write: (chunk: Uint8Array) => boolean | void): void {
  const out = new Chunks(write);
  out.text(`{\n  "fund": ${nested(fundResult(model, st), 1)},\n  "hospitals": [`);
  const hs = model.hospitals;
  const cur = summaryCursor(model, st);
  // Per field, the year column its amount is written from (null: the model's deductions, or a cell).
  const cols = SUMMARY_FIELDS.map((f) => (isYearAmount(f) ? st.year[f] : null));
  for (let i = 0; i < hs.length; i++) {
    if (out.at >= CHUNK) out.flush();
    out.room(ROW_ROOM);
    out.bytes(i === 0 ? FIRST_ROW : NEXT_ROW);
    cur.at(i);
    for (let k = 0; k < SUMMARY_FIELDS.length; k++) {
      out.bytes(FIELD_KEYS[k]!);
      const col = cols[k]!;
      if (col !== null) out.money(col[i]!);
      else if (k === DEDUCTIONS) out.money(hs[i]!.deductions);
      else out.value(cur.cell(SUMMARY_FIELDS[k]!));
    }
    for (let k = 0; k < MONTHLY_FIELDS.length; k++) {
      const at = monthsAt(model, st, i, MONTHLY_FIELDS[k]!);
      const count = at === null ? 12 : at.count;
      out.room(count * 40);
      out.bytes(count === 0 ? MONTH_EMPTY[k]! : MONTH_KEYS[k]!);
      for (let j = 0; j < count; j++) {
        out.bytes(j === 0 ? MONTH_FIRST : MONTH_NEXT);
        if (at === null) out.bytes(ZERO);
        else out.money(at.col[at.from + j]!);
      }
      if (count > 0) out.bytes(MONTHS_CLOSE);
    }
    out.bytes(ROW_CLOSE);
  }
  out.text(hs.length === 0 ? ']' : '\n  ]');
  out.text('\n}');
  out.flush();
}
