/**
 * Runs in the page of the single file (dist-single/gbsim.html): start a worker from its code,
 * carried in the page as `<script type="text/x-gbsim-worker" data-file="…">` (a block the
 * browser does not run; scripts/single-file.ts writes it). A page opened from file:// may not
 * load a worker file, but it may start a worker from a blob: URL it made (CSP `worker-src blob:`)
 * — a classic one: Chromium refuses a module worker from a blob: URL of an opaque (file://)
 * origin, so the single build bundles each worker as one classic script (vite.single.config.ts).
 * The build puts `spawnInline(url)` where the source says `new Worker(new URL(…), { type: 'module' })`.
 */
const made = new Map<string, string>();

/** `url`: the worker file's URL as Vite would have loaded it; its last segment names the block. */
export function spawnInline(url: string): Worker {
  const file = url.slice(url.lastIndexOf('/') + 1);
  let blobUrl = made.get(file);
  if (!blobUrl) {
    const block = [...document.querySelectorAll('script[type="text/x-gbsim-worker"]')].find((s) => s.getAttribute('data-file') === file);
    if (!block?.textContent) throw new Error(`this file does not carry the worker ${file}`);
    // One blob per kind of worker, kept: the Monte Carlo run starts several of the same kind.
    blobUrl = URL.createObjectURL(new Blob([block.textContent], { type: 'text/javascript' }));
    made.set(file, blobUrl);
  }
  return new Worker(blobUrl);
}
