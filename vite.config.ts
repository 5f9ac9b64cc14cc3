import { defineConfig } from 'vite';

// A static site: relative base so dist/ works from any folder of any static web server
// (bureaus host it on an intranet). Module workers, no external requests.
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
