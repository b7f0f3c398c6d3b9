// The preview harness: the real renderer with a fake `window.api` (src/renderer/harness), built into out/harness.
// Not part of the app build; `npm run harness` builds it for Playwright tests, screenshots and benchmarks.
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer/harness'),
  base: './',
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
  build: {
    outDir: resolve(import.meta.dirname, 'out/harness'),
    emptyOutDir: true,
    reportCompressedSize: false,
  },
})
