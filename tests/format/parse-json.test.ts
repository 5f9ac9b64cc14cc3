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
