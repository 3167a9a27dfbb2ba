/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The C++ server serves dist/ from "/" with an index.html fallback for client
// routes, and a strict Content-Security-Policy (no inline script or style).
export default defineConfig({
  base: '/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite's modulepreload polyfill is not needed by current browsers; leaving
    // it out keeps the entry free of anything CSP could object to.
    modulePreload: { polyfill: false },
    // Never turn assets into data: URLs inside CSS or JS.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npm run dev` forwards API calls to a locally running server.
    proxy: { '/api': process.env.OPPENVARD_URL ?? 'http://127.0.0.1:18080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
