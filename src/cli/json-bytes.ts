/**
 * A scenario file's JSON read from its UTF-8 bytes, for the command line: the same value and the
 * same issues as `parseJson(bytes.toString('utf8'))`, without decoding the whole file first. A
 * 100,000-institution file is 66 MB; decoding it (to a two-byte string: the names are Chinese)
 * and JSON.parse took 2 s, 40% of `gbsim run --json`, the reader below about 1.2 s.
 *
 * It reads plain JSON only: strings without escapes, keys neither repeated nor forbidden, nesting
 * within MAX_JSON_DEPTH. Anything else (an escape, a syntax error, a forbidden key, a file too
 * large) returns to parseJson on the decoded text, whose value and messages are then the answer.
 * A string is decoded on its own from its bytes: strings end at an ASCII quote, which is never
 * part of a multi-byte sequence, so a string's characters (U+FFFD for bad bytes included) are
 * those the whole file's decoding gives it.
 */
import { FORBIDDEN_KEYS, MAX_FILE_CHARS, MAX_JSON_DEPTH, parseJson } from '../format/json.ts';
import type { Issue } from '../format/issues.ts';

/** Not plain JSON: ask parseJson. */
const OTHER: unique symbol = Symbol('other');

/** Node's Buffer slicing without its argument checks (the reader has checked the bounds). */
interface Slices extends Uint8Array {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

class Reader {
  i = 0;
  /** Keys decoded so far, by a hash of their bytes (a scenario has a few dozen names). */
  private readonly keys = new Map<number, string>();
  constructor(private readonly b: Slices) {}

  ws(): void {
    const b = this.b;
    let i = this.i;
    for (let c = b[i]; c === 32 || c === 10 || c === 13 || c === 9; c = b[++i]);
    this.i = i;
  }

  /** A string at its opening quote. */
  str(): string {
    const b = this.b;
    const start = ++this.i;
    let i = start;
    let ascii = true;
    for (;;) {
      const c = b[i];
      if (c === 34) break;
      if (c === undefined || c === 92 || c < 32) throw OTHER;
      if (c > 127) ascii = false;
      i++;
    }
    this.i = i + 1;
    return ascii ? b.latin1Slice(start, i) : b.utf8Slice(start, i);
  }

  /** A key at its opening quote: the same few names over and over, decoded once each. */
  key(): string {
    const b = this.b;
    const start = ++this.i;
    let i = start;
    let h = 0;
    for (;;) {
      const c = b[i];
      if (c === 34) break;
      if (c === undefined || c === 92 || c < 32) throw OTHER;
      h = (Math.imul(h, 31) + c) | 0;
      i++;
    }
    this.i = i + 1;
    const len = i - start;
    const slot = Math.imul(h, 97) + len;
    const known = this.keys.get(slot);
    if (known !== undefined && known.length === len && sameAscii(known, b, start)) return known;
    const k = b.utf8Slice(start, i);
    if (known === undefined) this.keys.set(slot, k);
    return k;
  }

  /** A number as JSON.parse reads it (the same decimal-to-double conversion as Number). */
  num(): number {
    const b = this.b;
    const start = this.i;
    let i = start;
    if (b[i] === 45) i++;
    let digits = 0;
    let n = 0;
    for (let c = b[i]!; c >= 48 && c <= 57; c = b[++i]!) { n = n * 10 + (c - 48); digits++; }
    let c = b[i];
    const simple = c !== 46 && c !== 101 && c !== 69;
    // Whole numbers of up to 15 digits are exact as doubles; no leading zero (JSON forbids it).
    if (simple && digits > 0 && digits <= 15 && !(digits > 1 && b[start + (b[start] === 45 ? 1 : 0)] === 48)) {
      this.i = i;
      return b[start] === 45 ? -n : n;
    }
    for (c = b[i]; c !== undefined && ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45); c = b[++i]);
    const t = b.latin1Slice(start, i);
    if (!JSON_NUMBER.test(t)) throw OTHER;
    this.i = i;
    return Number(t);
  }

  value(depth: number): unknown {
    this.ws();
    const b = this.b;
    const c = b[this.i];
    if (c === 34) return this.str();
    if (c === 123) return this.object(depth + 1);
    if (c === 91) return this.array(depth + 1);
    if (c === 45 || (c !== undefined && c >= 48 && c <= 57)) return this.num();
    if (this.word(TRUE)) return true;
    if (this.word(FALSE)) return false;
    if (this.word(NULL)) return null;
    throw OTHER;
  }

  object(depth: number): Record<string, unknown> {
    if (depth > MAX_JSON_DEPTH) throw OTHER;
    const b = this.b;
    this.i++;
    const o: Record<string, unknown> = {};
    this.ws();
    if (b[this.i] === 125) { this.i++; return o; }
    for (;;) {
      this.ws();
      if (b[this.i] !== 34) throw OTHER;
      const k = this.key();
      // A repeated key keeps its first place with its last value in JSON.parse: left to it.
      if (FORBIDDEN_KEYS.has(k) || Object.hasOwn(o, k)) throw OTHER;
      this.ws();
      if (b[this.i] !== 58) throw OTHER;
      this.i++;
      o[k] = this.value(depth);
      this.ws();
      const d = b[this.i++];
      if (d === 125) return o;
      if (d !== 44) throw OTHER;
    }
  }

  array(depth: number): unknown[] {
    if (depth > MAX_JSON_DEPTH) throw OTHER;
    const b = this.b;
    this.i++;
    const a: unknown[] = [];
    this.ws();
    if (b[this.i] === 93) { this.i++; return a; }
    for (;;) {
      a.push(this.value(depth));
      this.ws();
      const d = b[this.i++];
      if (d === 93) return a;
      if (d !== 44) throw OTHER;
    }
  }

  private word(w: Uint8Array): boolean {
    const b = this.b;
    for (let k = 0; k < w.length; k++) if (b[this.i + k] !== w[k]) return false;
    this.i += w.length;
    return true;
  }
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const TRUE = new TextEncoder().encode('true');
const FALSE = new TextEncoder().encode('false');
const NULL = new TextEncoder().encode('null');

function sameAscii(s: string, b: Uint8Array, at: number): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== b[at + k]) return false;
  return true;
}

/** parseJson of the file's text, given its bytes (a Node Buffer). */
export function parseJsonBytes(bytes: Buffer): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  if (bytes.length <= MAX_FILE_CHARS) {
    const r = new Reader(bytes as unknown as Slices);
    // The byte order mark, as parseJson drops it.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) r.i = 3;
    try {
      const value = r.value(0);
      r.ws();
      if (r.i === bytes.length) return { ok: true, value };
    } catch (e) {
      if (e !== OTHER) throw e;
    }
  }
  return parseJson(bytes.toString('utf8'));
}
