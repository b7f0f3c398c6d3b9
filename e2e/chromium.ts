import { existsSync } from 'node:fs'

/**
 * Debian's Chromium where present (Playwright cannot download its own browser on every machine); B24_CHROMIUM
 * overrides; undefined lets Playwright use its own browser.
 */
export const chromiumPath: string | undefined =
  process.env.B24_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

/** Flags for a headless Chromium on a machine with no network but loopback and no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
