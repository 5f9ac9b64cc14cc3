import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayHoldForbiddenKey, parseJson } from '../../src/format/json.ts';

describe('parseJson: the reviver only where a forbidden key could be', () => {
  it.each([
    ['{"a": {"__proto__": {"x": 1}}}', '__proto__'],
    ['{"constructor": 1}', 'constructor'],
    ['{"a": [{"prototype": 2}]}', 'prototype'],
    // The same keys written with \u escapes decode to the forbidden names.
    ['{"a": {"\\u005f_proto__": {"x": 1}}}', '__proto__'],
    ['{"\\u0063onstructor": 1}', 'constructor'],
  ])('%s is refused, naming %s', (text, key) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toBe(`the file contains the forbidden key "${key}"; remove or rename it`);
  });

  it('text with none of the names and no \\u escape takes the fast path', () => {
    expect(mayHoldForbiddenKey('{"name": "医院 \\"一\\"", "x": [1, 2]}')).toBe(false);
    expect(mayHoldForbiddenKey('{"note": "a prototype ward"}')).toBe(true);
    expect(mayHoldForbiddenKey('{"name": "\\u533b"}')).toBe(true);
  });

  it('gives what JSON.parse gives for any JSON without forbidden keys, on either path', () => {
    const noForbidden = fc.jsonValue().filter((v) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(v)));
    fc.assert(fc.property(noForbidden, fc.boolean(), (v, escape) => {
      let text = JSON.stringify(v);
      if (escape) text = text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const r = parseJson(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toEqual(JSON.parse(text));
    }), { numRuns: 300 });
  });
});

describe('parseJson: nesting deeper than 64 levels is refused, saying where', () => {
  const deepMessage = (line: number, column: number) => `the file is nested too deeply (at most 64 levels), at line ${line}, column ${column}`;
  // n levels of arrays around a value, the innermost opened on the second line.
  const nested = (n: number, inner = '1') => `[\n${'['.repeat(n - 1)}${inner}${']'.repeat(n)}`;

  it('takes 64 levels, on either path', () => {
    expect(parseJson(nested(64)).ok).toBe(true);
    expect(parseJson(nested(64, '{"note": "prototype"}')).ok).toBe(false); // 65 with the object
    expect(parseJson(nested(63, '{"note": "prototype"}')).ok).toBe(true);
  });

  it.each([
    ['valid, without the reviver', nested(65)],
    ['valid, with the reviver', nested(65, '"prototype"')],
    ['not valid JSON as well', nested(65, '1,,')],
    ['much deeper', nested(100_000)],
  ])('%s: the 65th bracket is named', (_what, text) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    // Line 2 opens levels 2…: the 65th bracket is its 64th character.
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ message: deepMessage(2, 64) })]);
  });

  it('measures objects and arrays alike, strings not', () => {
    const objects = `${'{"a":'.repeat(65)}1${'}'.repeat(65)}`;
    const r = parseJson(objects);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toBe(deepMessage(1, 64 * 5 + 1));
    expect(parseJson(JSON.stringify({ a: '['.repeat(200) })).ok).toBe(true);
  });

  it('a byte-order mark is skipped', () => {
    const r = parseJson('\uFEFF{"a": [1]}');
    expect(r.ok && r.value).toEqual({ a: [1] });
  });
});
