import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './e2e/chromium'

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  projects: [
    // The window alone: the built renderer and the preview harness in Chromium, and the Electron smoke test.
    { name: 'window', testIgnore: ['journeys/**', 'headless/**'] },
    // The whole app: the built main process, preload and window on the headless host (and on Electron if present).
    { name: 'app', testMatch: ['journeys/**/*.spec.ts', 'headless/**/*.spec.ts'], timeout: 90_000 },
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 380, height: 560 },
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
  },
})
