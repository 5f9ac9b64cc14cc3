/**
 * Bytes carried inside the single-file build as base64 of their gzip (DuckDB's 34 MB wasm is
 * 7.8 MB gzipped): decoded and gunzipped with the browser's own DecompressionStream, handed
 * out as a blob: URL (the one kind of URL a page opened from file:// may fetch, and only under
 * `connect-src blob:`). Used by the module the single-file build puts in place of wasm-url.ts.
 */

/** base64 → bytes without the data: URL fetch a file:// page's policy forbids. */
export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The gunzipped bytes of base64-of-gzip text. */
export async function gunzipBase64(b64: string): Promise<ArrayBuffer> {
  const stream = new Blob([fromBase64(b64)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** A blob: URL of the unpacked bytes, typed so that WebAssembly.instantiateStreaming accepts it. */
export async function unpackToUrl(b64: string, type = 'application/wasm'): Promise<string> {
  return URL.createObjectURL(new Blob([await gunzipBase64(b64)], { type }));
}
