// Figure 4: the tray window with 5,000 groups, in Debian's Chromium through the preview harness (the real renderer
// with a fake main), plus the size of the app's renderer bundle. Needs `npm run build` and `npm run harness`.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { serveFolder } from '../../e2e/static-server'
import { bundleSize } from '../bundle-size'
import { atMost, info, missing, type Figure } from '../figures'
import { measureArrivals, measureKeystrokes } from '../renderer-probe'
import { summarize } from '../stats'
import { CHROMIUM_ARGS } from '../../e2e/chromium'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const HARNESS = `${ROOT}out/harness`
const RENDERER_ASSETS = `${ROOT}out/renderer/assets`
const CHROMIUM = process.env.B24_CHROMIUM ?? '/usr/bin/chromium'
/** The tray window's size (as in playwright.config.ts). */
const VIEWPORT = { width: 380, height: 560 }
const ARRIVAL_BUDGET_MS = 100
const KEYSTROKE_BUDGET_MS = 16
const BUNDLE_BUDGET_KB = 80
/** Matches ever fewer of the harness's names as it grows ("Projekt Nord 123"), then all of them again. */
const QUERY = 'projekt nord'

async function inChromium(): Promise<Figure[]> {
  if (!existsSync(`${HARNESS}/index.html`)) {
    return [
      missing('data to painted list, 5,000 groups', 'ms', `<= ${ARRIVAL_BUDGET_MS}`, 'no out/harness'),
      missing('search keystroke, 5,000 groups', 'ms', `<= ${KEYSTROKE_BUDGET_MS}`, 'no out/harness'),
    ]
  }
  if (!existsSync(CHROMIUM)) {
    return [
      missing('data to painted list, 5,000 groups', 'ms', `<= ${ARRIVAL_BUDGET_MS}`, `no ${CHROMIUM}`),
      missing('search keystroke, 5,000 groups', 'ms', `<= ${KEYSTROKE_BUDGET_MS}`, `no ${CHROMIUM}`),
    ]
  }
  const server = await serveFolder(HARNESS)
  let browser: Browser | null = null
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    })
    const page = await browser.newPage({ viewport: VIEWPORT })
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); the page needs it to exist.
    await page.addInitScript('globalThis.__name = (target) => target')
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${server.url}index.html?fixture=many&theme=light&lang=en`)
    await page.locator('[role="option"]').first().waitFor({ timeout: 30_000 })

    await page.evaluate(measureArrivals, 3) // warm-up
    const arrivals = summarize(await page.evaluate(measureArrivals, 20))
    await page.evaluate(measureKeystrokes, { text: QUERY, repeats: 1 }) // warm-up
    const keystrokes = await page.evaluate(measureKeystrokes, { text: QUERY, repeats: 8 })
    if (errors.length > 0) throw new Error(`the page threw: ${errors[0]}`)
    const work = summarize(keystrokes.work)
    const toPaint = summarize(keystrokes.toPaint)
    return [
      atMost('data to painted list, 5,000 groups: median', arrivals.median, 'ms', ARRIVAL_BUDGET_MS),
      info('data to painted list, 5,000 groups: p95', arrivals.p95, 'ms'),
      atMost('search keystroke, 5,000 groups, work: median', work.median, 'ms', KEYSTROKE_BUDGET_MS),
      info('search keystroke, 5,000 groups, work: p95', work.p95, 'ms'),
      info('search keystroke, 5,000 groups, to next paint: median', toPaint.median, 'ms'),
      info('search keystroke, 5,000 groups, to next paint: p95', toPaint.p95, 'ms'),
    ]
  } finally {
    await browser?.close()
    await server.close()
  }
}

function bundle(): Figure[] {
  if (!existsSync(RENDERER_ASSETS)) {
    return [missing('renderer JS + CSS, gzipped', 'KB', `<= ${BUNDLE_BUDGET_KB}`, 'no out/renderer')]
  }
  const size = bundleSize(RENDERER_ASSETS)
  return [
    atMost('renderer JS + CSS, gzipped', size.gzipBytes / 1024, 'KB', BUNDLE_BUDGET_KB),
    info('renderer JS + CSS, raw', size.bytes / 1024, 'KB'),
  ]
}

export async function run(): Promise<Figure[]> {
  return [...(await inChromium()), ...bundle()]
}
