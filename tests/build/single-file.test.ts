/**
 * The pieces of the single-file build that can be checked without a browser: the wasm packing
 * round trip (gzip + base64 in Node → unpacked with the web platform's DecompressionStream, as
 * the page's worker does), the file's policy, and a worker module turned into a classic script.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { fromBase64, gunzipBase64, unpackToUrl } from '../../src/cases/wasm-unpack.ts';
import { asClassicWorker, singleFileCsp } from '../../scripts/single-file.ts';

describe('wasm carried inside the file', () => {
  it('unpacks base64 of gzip to the same bytes', async () => {
    const bytes = new Uint8Array(30_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251; // compressible, not trivial
    const b64 = gzipSync(bytes).toString('base64');
    expect(fromBase64(Buffer.from('abc\u0000\u00ff').toString('base64'))).toEqual(new Uint8Array([97, 98, 99, 0, 0xc3, 0xbf]));
    expect(new Uint8Array(await gunzipBase64(b64))).toEqual(bytes);
    const url = await unpackToUrl(b64);
    expect(url.startsWith('blob:')).toBe(true);
    URL.revokeObjectURL(url);
  });

  it('refuses text that is not gzip', async () => {
    await expect(gunzipBase64(Buffer.from('not gzip at all').toString('base64'))).rejects.toThrow();
  });
});

describe('the single file’s policy', () => {
  it('allows the inline script and style by hash, workers and fetch from blob: only, nothing else', () => {
    const code = 'console.log(1)';
    const css = 'body{color:red}';
    const html = `<html><head><style rel="stylesheet">${css}</style><script type="module">${code}</script></head>`
      + '<body><script type="text/x-gbsim-worker" data-file="w.js">self.x=1</script></body></html>';
    const csp = singleFileCsp(html);
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(code)} 'wasm-unsafe-eval' 'unsafe-eval'`);
    expect(csp).toContain(`style-src ${hash(css)}`);
    expect(csp).not.toContain(hash('self.x=1')); // the worker's block is not run by the page
    expect(csp).toMatch(/^default-src 'none'; /);
    for (const d of ['worker-src blob:', 'connect-src blob:', "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toMatch(/https?:|\*|'self'|'unsafe-inline'/);
  });
});

describe('a worker as a classic script', () => {
  it('wraps a one-piece module in a strict function, dropping a trailing export list', () => {
    const out = asClassicWorker('w.js', 'const a = 1;\nfunction close() { return a; }\nself.onmessage = () => postMessage(close());\nexport { a as t };');
    expect(out).not.toContain('export');
    const scope: Record<string, unknown> = { posted: [] };
    // Run it with a fake worker scope: its top-level `close` must not become the scope's.
    new Function('self', 'postMessage', out)(scope, (v: unknown) => (scope.posted as unknown[]).push(v));
    (scope.onmessage as () => void)();
    expect(scope.posted).toEqual([1]);
    expect(scope.close).toBeUndefined();
  });

  it('refuses a worker that imports, uses import.meta or awaits at its top level', () => {
    expect(() => asClassicWorker('a.js', 'import { x } from "./x.js"; x();')).toThrow(/a\.js.*classic/);
    expect(() => asClassicWorker('b.js', 'console.log(import.meta.url);')).toThrow(/b\.js/);
    expect(() => asClassicWorker('c.js', 'await Promise.resolve(1);')).toThrow(/c\.js/);
  });
});
