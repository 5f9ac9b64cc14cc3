/**
 * `gbsim run --json` written in pieces: the same bytes as `JSON.stringify(result, null, 2)`,
 * built one institution at a time from the settled year and handed to `write` in chunks of
 * about a megabyte. The whole result is never held: at 100,000 institutions it is ~350 MB of
 * text and ~3.5 KB of strings per institution as objects, which made the collector a quarter
 * of the run.
 */
import { fundResult, hospitalResultAt, type Settlement } from '../engine/run.ts';
import type { Model } from '../engine/model.ts';

const CHUNK = 1 << 20;

/**
 * JSON.stringify(v, null, 2) of a value nested `depth` levels deep: the indentation of nested
 * lines is cumulative, so the value's own text with every line break followed by 2·depth more
 * spaces is exactly what the whole document's stringify writes there.
 */
function nested(v: unknown, depth: number): string {
  return JSON.stringify(v, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

export function writeResultJson(model: Model, st: Settlement, write: (chunk: string) => void): void {
  let buf = `{\n  "fund": ${nested(fundResult(model, st), 1)},\n  "hospitals": [`;
  const n = model.hospitals.length;
  for (let i = 0; i < n; i++) {
    buf += `${i === 0 ? '' : ','}\n    ${nested(hospitalResultAt(model, st, i), 2)}`;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = '';
    }
  }
  write(`${buf}${n === 0 ? ']' : '\n  ]'}\n}`);
}
