import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Four pages: `/` (the entry point, links), `/console/` (the agency console),
// `/verify/` (the public verification page) and `/court/` (the printable evidence sheet).
// @polkadot/api is loaded on demand, so the page's own code is what loads first.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        console: resolve(import.meta.dirname, 'console/index.html'),
        verify: resolve(import.meta.dirname, 'verify/index.html'),
        court: resolve(import.meta.dirname, 'court/index.html'),
      },
    },
  },
  server: { host: '127.0.0.1', port: 8080 },
  preview: { host: '127.0.0.1', port: 8080 },
});
