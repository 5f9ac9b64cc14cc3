/**
 * `gbsim run --json` is written in pieces of UTF-8 from the settled year; it must be the same
 * bytes as the whole result's JSON.stringify(result, null, 2) (what it printed before), for
 * every example and a synthetic city, whatever the chunking.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/open.ts';
import { compile } from '../../src/engine/compile.ts';
import { settle, toResult } from '../../src/engine/run.ts';
import { writeResultJson } from '../../src/cli/json-out.ts';
import { main } from '../../src/cli/main.ts';
import { synthCity } from '../../bench/synth.ts';
import type { Scenario } from '../../src/format/types.ts';

const streamed = (s: Scenario): { chunks: Uint8Array[]; text: string } => {
  const model = compile(s);
  const chunks: Uint8Array[] = [];
  writeResultJson(model, settle(model), (c) => { chunks.push(c); });
  return { chunks, text: Buffer.concat(chunks).toString('utf8') };
};
const whole = (s: Scenario): string => {
  const model = compile(s);
  return JSON.stringify(toResult(model, settle(model)), null, 2);
};

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort();

describe('gbsim run --json written in pieces', () => {
  it.each(files)('%s: the same bytes as JSON.stringify of the whole result', (file) => {
    const r = loadScenario(readFileSync(join('scenarios', file), 'utf8'));
    if (!r.ok) throw new Error(`${file} invalid`);
    expect(streamed(r.scenario).text).toBe(whole(r.scenario));
  });

  it('a synthetic city of 3,000: the same bytes, in chunks of about a megabyte', () => {
    const s = synthCity(3000, 7);
    const { chunks, text } = streamed(s);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.slice(0, -1).every((c) => c.length >= 1 << 20 && c.length < (1 << 20) + 8000)).toBe(true);
    // Every piece is a chunk of its own: a stream may still hold one when the next is written.
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(text).toBe(whole(s));
  });

  it('a writer that takes each piece whole (returns true) gets one chunk filled again, and the same bytes', () => {
    const s = synthCity(3000, 7);
    const model = compile(s);
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    writeResultJson(model, settle(model), (c) => { copies.push(Buffer.from(c)); buffers.add(c.buffer); return true; });
    expect(copies.length).toBeGreaterThan(5);
    expect(buffers.size).toBe(1);
    expect(Buffer.concat(copies).toString('utf8')).toBe(whole(s));
  });

  it('names with quotes, backslashes and line breaks are escaped as JSON.stringify does', () => {
    const s = synthCity(5, 3);
    s.hospitals[0]!.id = 'H"1\\\n';
    s.hospitals[2]!.id = '医院三\u007f';
    s.hospitals[1]!.name = '医院 "一" \t';
    s.meta.name = 'a\u2028b';
    expect(streamed(s).text).toBe(whole(s));
  });

  it('the command prints it through the streaming writer, ending with one line break', async () => {
    const pieces: (string | Uint8Array)[] = [];
    const code = await main(['run', 'scenarios/city.json', '--json'], { out: () => { throw new Error('out used'); }, err: () => {}, write: (c) => { pieces.push(c); } });
    expect(code).toBe(0);
    const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
    if (!r.ok) throw new Error('city invalid');
    expect(Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))).toString('utf8')).toBe(`${whole(r.scenario)}\n`);
  });

  it('without a writer of pieces, the command prints the same text through out', async () => {
    const printed: string[] = [];
    const code = await main(['run', 'scenarios/city-points.json', '--json'], { out: (s) => printed.push(s), err: () => {} });
    expect(code).toBe(0);
    const r = loadScenario(readFileSync('scenarios/city-points.json', 'utf8'));
    if (!r.ok) throw new Error('city-points invalid');
    expect(printed).toEqual([whole(r.scenario)]);
  });
});
