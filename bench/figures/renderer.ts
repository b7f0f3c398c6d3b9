// Figure 4: the tray window in Debian's Chromium through the preview harness (the real renderer with a fake main that
// sends deltas as main does) at 5,000, 20,000 and 50,000 groups, plus the size of the app's renderer bundle. Needs
// `npm run build` and `npm run harness`.
// - Data to paint: a sync that renamed the top group, from the delta being built and cloned to the frame that shows
//   it. Budget: at 50,000 groups at most 2× the 5,000 figure (the list is virtualised and moves one row).
// - Search keystroke: input event to DOM updated, styled and laid out, against a plain Array.prototype.filter of the
//   same names (lower-cased as they are compared) in the same page. Budget: at 50,000 groups at most 3×.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { serveFolder } from '../../e2e/static-server'
import { bundleSize } from '../bundle-size'
import { atMost, info, missing, ratioAtMost, type Figure } from '../figures'
import { measureArrivals, measureKeystrokes, measurePlainFilter } from '../renderer-probe'
import { summarize } from '../stats'
import { CHROMIUM_ARGS } from '../../e2e/chromium'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const HARNESS = `${ROOT}out/harness`
const RENDERER_ASSETS = `${ROOT}out/renderer/assets`
const CHROMIUM = process.env.B24_CHROMIUM ?? '/usr/bin/chromium'
/** The tray window's size (as in playwright.config.ts). */
const VIEWPORT = { width: 380, height: 560 }
const SIZES = [5_000, 20_000, 50_000]
const ARRIVAL_BUDGET = 2
const KEYSTROKE_BUDGET = 3
const GZIP_BUDGET_KB = 80
const RAW_JS_BUDGET_KB = 240
/** Matches ever fewer of the harness's names as it grows ("Projekt Nord 123"), then all of them again. */
const QUERY = 'projekt nord'
const PLAIN_FILTER = 'Array.prototype.filter of the names, same page'

interface SizeFigures {
  arrival: number
  work: number
  toPaint: number
  plain: number
}

async function measureSize(browser: Browser, url: string, groups: number): Promise<SizeFigures> {
  const page = await browser.newPage({ viewport: VIEWPORT })
  try {
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); the page needs it to exist.
    await page.addInitScript('globalThis.__name = (target) => target')
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${url}index.html?fixture=many&groups=${groups}&theme=light&lang=en`)
    await page.locator('[role="option"]').first().waitFor({ timeout: 60_000 })
    await page.evaluate(measureArrivals, 5) // warm-up
    const arrivals = summarize(await page.evaluate(measureArrivals, 30))
    await page.evaluate(measureKeystrokes, { text: QUERY, repeats: 1 }) // warm-up
    await page.evaluate(measurePlainFilter, { text: QUERY, repeats: 1 })
    const work: number[] = []
    const toPaint: number[] = []
    const plain: number[] = []
    // Turn about, so that whatever else the machine does falls on both alike.
    for (let round = 0; round < 6; round++) {
      const keystrokes = await page.evaluate(measureKeystrokes, { text: QUERY, repeats: 1 })
      work.push(...keystrokes.work)
      toPaint.push(...keystrokes.toPaint)
      plain.push(...(await page.evaluate(measurePlainFilter, { text: QUERY, repeats: 1 })))
    }
    if (errors.length > 0) throw new Error(`the page threw: ${errors[0]}`)
    return {
      arrival: arrivals.median,
      work: summarize(work).median,
      toPaint: summarize(toPaint).median,
      plain: summarize(plain).median,
    }
  } finally {
    await page.close()
  }
}

async function inChromium(): Promise<Figure[]> {
  const why = !existsSync(`${HARNESS}/index.html`) ? 'no out/harness' : !existsSync(CHROMIUM) ? `no ${CHROMIUM}` : null
  if (why) {
    return [
      missing('data to paint, 50,000 / 5,000 groups', 'x', `<= ${ARRIVAL_BUDGET}`, why),
      missing('search keystroke, 50,000 groups: ours / plain filter', 'x', `<= ${KEYSTROKE_BUDGET}`, why),
    ]
  }
  const server = await serveFolder(HARNESS)
  let browser: Browser | null = null
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const bySize = new Map<number, SizeFigures>()
    for (const groups of SIZES) bySize.set(groups, await measureSize(browser, server.url, groups))
    const small = bySize.get(5_000)!
    const large = bySize.get(50_000)!
    const figures: Figure[] = [
      ratioAtMost(
        'data to paint, a sync that renamed a group: 50,000 / 5,000 groups (medians)',
        large.arrival,
        { name: 'the same at 5,000 groups, same page kind', value: small.arrival },
        ARRIVAL_BUDGET,
      ),
      ratioAtMost(
        'search keystroke, 50,000 groups, work: ours / plain filter (medians)',
        large.work,
        { name: PLAIN_FILTER, value: large.plain },
        KEYSTROKE_BUDGET,
      ),
    ]
    for (const [groups, size] of bySize) {
      const count = `${groups.toLocaleString('en-US')} groups`
      figures.push(
        info(`data to paint, ${count}: median`, size.arrival, 'ms'),
        info(`search keystroke, ${count}, work: median`, size.work, 'ms'),
        info(`search keystroke, ${count}, to next paint: median`, size.toPaint, 'ms'),
        info(`search keystroke, ${count}: plain filter, median`, size.plain, 'ms', PLAIN_FILTER),
      )
    }
    return figures
  } finally {
    await browser?.close()
    await server.close()
  }
}

function bundle(): Figure[] {
  if (!existsSync(RENDERER_ASSETS)) {
    return [
      missing('renderer JS + CSS, gzipped', 'KB', `<= ${GZIP_BUDGET_KB}`, 'no out/renderer'),
      missing('renderer JS, raw', 'KB', `<= ${RAW_JS_BUDGET_KB}`, 'no out/renderer'),
    ]
  }
  const size = bundleSize(RENDERER_ASSETS)
  const rawJs = size.assets.filter((asset) => /\.m?js$/.test(asset.name)).reduce((sum, asset) => sum + asset.bytes, 0)
  return [
    atMost('renderer JS + CSS, gzipped', size.gzipBytes / 1024, 'KB', GZIP_BUDGET_KB),
    atMost('renderer JS, raw (what Electron parses at start)', rawJs / 1024, 'KB', RAW_JS_BUDGET_KB),
    info('renderer JS + CSS, raw', size.bytes / 1024, 'KB'),
  ]
}

export async function run(): Promise<Figure[]> {
  return [...(await inChromium()), ...bundle()]
}
