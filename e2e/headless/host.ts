// The headless host: runs the unmodified built main process (out/main/index.js) in this Node process with `electron`
// resolved to the typed double beside this file, shows its window in Debian's Chromium (the built renderer from
// file:// with its real CSP, the real built preload bridged to the double's ipcMain), and serves a control API that
// shows what the app handed to the OS and acts as the OS would. `npm run headless` (scripts/headless.mjs) builds the
// app when needed and starts this file under tsx.
// Options: --demo, --show, --user-data-dir DIR, --lang CODE, --chromium-profile DIR (kept after exit).
// When ready it prints one line to stdout, {"control":URL,"cdp":URL}, and runs until SIGINT/SIGTERM or POST /quit.
import { chromium, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { register } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { CHROMIUM_ARGS, chromiumPath } from '../chromium'
import { startControlServer } from './control-server'
import { hostLink } from './os-record'
import { EMIT_FUNCTION, INVOKE_BINDING, PROBLEMS_VARIABLE, preloadInitScript } from './preload-bridge'

const here = dirname(fileURLToPath(import.meta.url))
const projectRoot = resolve(here, '../..')
const mainBundle = join(projectRoot, 'out/main/index.js')
const preloadBundle = join(projectRoot, 'out/preload/index.cjs')

const { values: options } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
    'user-data-dir': { type: 'string' },
    lang: { type: 'string', default: 'en-US' },
    'chromium-profile': { type: 'string' },
  },
  strict: true,
})

function fail(message: string): never {
  process.stderr.write(`headless: ${message}\n`)
  process.exit(2)
}

if (!existsSync(mainBundle) || !existsSync(preloadBundle)) fail('out/ is missing: run `npm run build` first.')
// Debian's Chromium, else the one Playwright downloads (`npx playwright install chromium`) where it can.
const browserPath = chromiumPath ?? chromium.executablePath()
if (!existsSync(browserPath)) fail("no Chromium found: install Debian's `chromium` or set B24_CHROMIUM.")
const userDataDir = options['user-data-dir'] ? resolve(options['user-data-dir']) : null
if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(options.lang)) fail(`--lang ${options.lang} is not a language code.`)

/**
 * Chromium's own profile: private to this run and removed on exit, or the directory given by --chromium-profile, which
 * is kept for its owner to inspect (a journey checks that no secret reached it). The app's user data stays where the
 * app puts it.
 */
const givenProfile = options['chromium-profile'] ? resolve(options['chromium-profile']) : null
if (givenProfile) mkdirSync(givenProfile, { recursive: true })
const chromiumProfile = givenProfile ?? mkdtempSync(join(tmpdir(), 'b24-headless-chromium-'))
let browserProcess: ChildProcess | null = null
let browser: Browser | null = null

function removeChromium(): void {
  browserProcess?.kill('SIGKILL')
  if (givenProfile) return
  try {
    rmSync(chromiumProfile, { recursive: true, force: true, maxRetries: 3 })
  } catch {
    // Chromium may still be writing its profile as it dies; a leftover temporary folder is no reason to fail.
  }
}
process.on('exit', removeChromium)

/** Starts Chromium with a remote-debugging port and reads the port it chose from DevToolsActivePort. */
async function launchChromium(): Promise<string> {
  browserProcess = spawn(
    browserPath,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${chromiumProfile}`,
      // Chromium refuses module scripts between file:// URLs without it; Electron allows them for its file:// pages.
      '--allow-file-access-from-files',
      `--lang=${options.lang}`,
      // Headless Chromium takes navigator.languages from --accept-lang, not --lang.
      `--accept-lang=${options.lang}`,
      '--window-size=380,560',
      '--hide-scrollbars',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  browserProcess.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)))
  const portFile = join(chromiumProfile, 'DevToolsActivePort')
  for (let waited = 0; waited < 30_000; waited += 50) {
    if (browserProcess.exitCode !== null) fail(`Chromium exited at start: ${stderr.trim().split('\n').pop() ?? ''}`)
    if (existsSync(portFile)) {
      const [port] = readFileSync(portFile, 'utf8').split('\n')
      if (port) return `http://127.0.0.1:${port.trim()}`
    }
    await new Promise((done) => setTimeout(done, 50))
  }
  fail('Chromium did not open its debugging port within 30 s.')
}

const cdp = await launchChromium()
browser = await chromium.connectOverCDP(cdp)
const context = browser.contexts()[0] ?? fail('Chromium has no default context.')
const page: Page = context.pages()[0] ?? (await context.newPage())

// Console errors, uncaught exceptions and CSP violations, from the first script on: a journey fails on any.
const consoleProblems: string[] = []
page.on('console', (message) => {
  if (message.type() === 'error') consoleProblems.push(`console.error: ${message.text()}`)
})
page.on('pageerror', (error) => consoleProblems.push(`uncaught: ${error.message}`))

// The double is imported only after the hook is in place, so the app and this file share one instance of it.
register(pathToFileURL(join(here, 'electron-hook.mjs')), {
  data: { doubleUrl: pathToFileURL(join(here, 'electron-double.ts')).href },
})
const { invokeFromRenderer, osControls } = await import('./electron-double')

await page.exposeFunction(INVOKE_BINDING, (channel: string, args: unknown[]) => invokeFromRenderer(channel, args))
await page.addInitScript(preloadInitScript(readFileSync(preloadBundle, 'utf8')))

// Main -> renderer messages keep their order, as on Electron's IPC pipe.
let sending: Promise<unknown> = Promise.resolve()
let pageLoaded!: () => void
const firstLoad = new Promise<void>((done) => (pageLoaded = done))
hostLink.locale = options.lang
hostLink.page = {
  async load(url) {
    await page.goto(url)
    pageLoaded()
  },
  send(channel, args) {
    sending = sending.then(() =>
      page
        .evaluate(
          ([name, fn, payload]) =>
            (window as unknown as Record<string, (c: string, a: unknown[]) => void>)[fn]!(name, payload),
          [channel, EMIT_FUNCTION, args] as const,
        )
        // A message to a page that is navigating or gone is dropped, as Electron drops it.
        .catch(() => {}),
    )
  },
}

let server: { url: string; close(): Promise<void> } | null = null
let exiting = false
hostLink.exit = (code) => {
  if (exiting) return
  exiting = true
  void (async () => {
    await server?.close().catch(() => {})
    await browser?.close().catch(() => {})
    if (browserProcess && browserProcess.exitCode === null) {
      const gone = new Promise((done) => browserProcess!.once('exit', done))
      browserProcess.kill('SIGTERM')
      await Promise.race([gone, new Promise((done) => setTimeout(done, 3_000))])
    }
    removeChromium()
    process.exit(code)
  })()
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => osControls.quit())

// Only the ready line goes to stdout; whatever the app or a library prints goes to stderr.
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  process.stderr.write(chunk, ...rest)) as typeof process.stdout.write

process.argv = [
  process.argv[0]!,
  mainBundle,
  ...(options.demo ? ['--demo'] : []),
  ...(options.show ? ['--show'] : []),
  ...(userDataDir ? ['--user-data-dir', userDataDir] : []),
]
await import(pathToFileURL(mainBundle).href)
await firstLoad
for (let waited = 0; !osControls.hasTray() && waited < 30_000; waited += 50) {
  await new Promise((done) => setTimeout(done, 50))
}

server = await startControlServer({
  controls: osControls,
  setPageOnline: async (online) => {
    // Chromium's offline emulation would also cut the page off loopback, which a machine that goes offline keeps;
    // so navigator.onLine and the window's online/offline events are set, and the network is left alone.
    // A string, not a function: tsx's transform would add a helper to a function's source that the page lacks.
    await page.evaluate(`(() => {
      const online = ${JSON.stringify(online)}
      Object.defineProperty(navigator, 'onLine', { configurable: true, get() { return online } })
      window.dispatchEvent(new Event(online ? 'online' : 'offline'))
    })()`)
  },
  problems: async () => [
    ...consoleProblems,
    ...((await page
      .evaluate((name) => (window as unknown as Record<string, string[]>)[name] ?? [], PROBLEMS_VARIABLE)
      .catch(() => [])) as string[]),
  ],
})
writeSync(1, `${JSON.stringify({ control: server.url, cdp })}\n`)
