import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseJsonBytes } from '../../src/cli/json-bytes.ts';
import { parseJson } from '../../src/format/json.ts';

/** The reader's answer and parseJson's on the decoded text, for the same bytes. */
function both(bytes: Buffer) {
  return { fast: parseJsonBytes(bytes), text: parseJson(bytes.toString('utf8')) };
}
const same = (s: string | Buffer) => {
  const { fast, text } = both(typeof s === 'string' ? Buffer.from(s, 'utf8') : s);
  expect(fast).toEqual(text);
  // Signs of zero and key order count too (toEqual looks at neither).
  if (fast.ok && text.ok) expect(Object.is(fast.value, text.value) || JSON.stringify(fast.value) === JSON.stringify(text.value)).toBe(true);
  return fast;
};

describe('parseJsonBytes reads bytes as parseJson reads their text', () => {
  it('gives every example scenario the same value', () => {
    for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.json'))) {
      const r = same(readFileSync(`scenarios/${f}`));
      expect(r.ok).toBe(true);
    }
  });

  it('reads numbers, words, nesting, whitespace and UTF-8 as JSON.parse does', () => {
    for (const t of ['0', '-0', '7', '-12', '123456789012345', '1234567890123456789', '0.1', '-1.5e3', '1E+2', '2e-7', '1.0',
      'true', 'false', 'null', '""', '"中文 名称"', '"a\u007fb"', '{}', '[]', '[[],{}]', ' \t\r\n{ "a" : [ 1 , 2 ] , "b" : {"c":null} } \n',
      '{"x":"😀","y":"é"}', '{"b":1,"a":2}', '\ufeff{"a":1}']) {
      const r = same(t);
      expect(r.ok).toBe(true);
    }
    expect(Object.is((parseJsonBytes(Buffer.from('-0')) as { value: unknown }).value, -0)).toBe(true);
    expect(Object.keys((parseJsonBytes(Buffer.from('{"b":1,"a":2}')) as { value: object }).value)).toEqual(['b', 'a']);
  });

  it('leaves escapes, repeated and forbidden keys, bad syntax and depth to parseJson (same value or messages)', () => {
    for (const t of ['"a\\nb"', '{"a\\u0062":1}', '{"a":1,"a":2}', '{"a":1,"b":2,"a":3}', '{"__proto__":{"x":1}}', '{"constructor":1}',
      '01', '1.', '-', '+1', '.5', '1e', 'tru', 'nul', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}', '[1 2]', '"abc', '"a\tb"', '', ' ',
      '{"a":1}x', '\ufeff\ufeff1', `${'['.repeat(64)}${']'.repeat(64)}`, `${'['.repeat(65)}${']'.repeat(65)}`, `{"a":${'{"a":'.repeat(70)}1${'}'.repeat(71)}`]) {
      same(t);
    }
  });

  it('decodes bad UTF-8 in a string as the whole text would (U+FFFD), and refuses it outside strings alike', () => {
    same(Buffer.from([0x22, 0x61, 0xe4, 0xb8, 0x22]));
    same(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]));
    same(Buffer.from([0x5b, 0x31, 0x2c, 0xe4, 0xb8, 0xad, 0x5d]));
  });
});
