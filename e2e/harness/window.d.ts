// What the preview harness puts on `window` for tests (src/renderer/harness/install.ts), as seen from Playwright.
import type { AppState } from '../../src/shared/types'

declare global {
  interface Window {
    harness: {
      calls: { channel: string; request: unknown }[]
      state: AppState
    }
  }
}

export {}
