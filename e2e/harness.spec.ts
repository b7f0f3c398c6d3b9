import { expect, test, type Page } from '@playwright/test'
import {
  collectErrors,
  expectAccessible,
  harnessCalls,
  openHarness,
  screenshot,
  serveHarness,
} from './harness/harness-page'

// The tray window in Chromium at tray size (380×560) and 2× density (a HiDPI screen), on the preview harness's
// fixtures: each fixture in both themes and every language, scanned by axe-core and photographed for review. One page serves the whole file (a fresh
// context per test would double its run time); every test navigates, so no state carries over.

const FIXTURES = ['empty', 'few', 'many', 'errors', 'moved', 'multi-account', 'offline', 'details'] as const
const THEMES = ['light', 'dark'] as const
const LANGUAGES = ['en', 'ru', 'de'] as const

let server: Awaited<ReturnType<typeof serveHarness>>
let page: Page
let errors: ReturnType<typeof collectErrors>

test.beforeAll(async ({ browser }) => {
  server = await serveHarness()
  page = await browser.newPage({ viewport: { width: 380, height: 560 }, deviceScaleFactor: 2 })
  errors = collectErrors(page)
})

test.afterAll(async () => {
  await page.close()
  await server.close()
})

test.beforeEach(() => {
  errors.take()
})

test.afterEach(() => {
  expect(errors.take()).toEqual([])
})

for (const fixture of FIXTURES) {
  for (const theme of THEMES) {
    for (const lang of LANGUAGES) {
      test(`${fixture} in ${theme}, ${lang}: renders, passes axe, screenshot`, async () => {
        const testInfo = test.info()
        await openHarness(page, server.url, { fixture, theme, lang })
        await expect(page.locator('html')).toHaveAttribute('lang', lang)
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        await expectAccessible(page, testInfo)
        await screenshot(page, testInfo, `${fixture}-${theme}-${lang}`)
      })
    }
  }
}

for (const view of ['changes', 'settings'] as const) {
  for (const theme of THEMES) {
    for (const lang of LANGUAGES) {
      test(`${view} view in ${theme}, ${lang}: passes axe, screenshot`, async () => {
        const testInfo = test.info()
        await openHarness(page, server.url, { fixture: 'few', theme, lang, view })
        const tab = page
          .getByRole('navigation')
          .getByRole('button')
          .nth(view === 'changes' ? 1 : 2)
        await expect(tab).toHaveAttribute('aria-current', 'page')
        await expectAccessible(page, testInfo)
        await screenshot(page, testInfo, `${view}-${theme}-${lang}`)
      })
    }
  }
}

test.describe('interaction', () => {
  for (const theme of THEMES) {
    test(`settings sections in ${theme}: one open at a time, each passes axe and fits, screenshot`, async () => {
      const testInfo = test.info()
      await openHarness(page, server.url, { fixture: 'multi-account', theme, view: 'settings' })
      const summaries = page.locator('details[name="settings-section"] > summary')
      await expect(summaries).toHaveText(['Accounts', 'General', 'Notifications', 'About'])
      for (const name of ['Accounts', 'General', 'Notifications', 'About']) {
        if (name !== 'Accounts') await summaries.filter({ hasText: name }).click()
        await expect(page.locator('details[name="settings-section"][open] > summary')).toHaveText([name])
        await expectAccessible(page, testInfo)
        await screenshot(page, testInfo, `settings-${name.toLowerCase()}-${theme}`)
      }
      await expect(page.getByTestId('app-version')).toHaveText('Version 0.1.0')
      await page.getByRole('button', { name: 'Open logs folder' }).click()
      expect(await harnessCalls(page, 'app:openLogs')).toEqual([undefined])
      await summaries.filter({ hasText: 'Notifications' }).click()
      await page.getByRole('button', { name: 'For 1 hour' }).click()
      await expect(page.getByRole('img', { name: /^Notifications paused until/ })).toBeVisible()
      await expectAccessible(page, testInfo)
      await screenshot(page, testInfo, `settings-paused-${theme}`)
    })
  }

  test('5,000 groups stay virtualized, and search narrows them at once', async () => {
    const testInfo = test.info()
    await openHarness(page, server.url, { fixture: 'many' })
    expect(await page.getByRole('option').count()).toBeLessThan(40)
    await page.getByRole('combobox').fill('zurich')
    await expect(page.getByTestId('match-count')).toHaveText('1 of 5,000')
    await expect(page.getByRole('option')).toHaveCount(1)
    await screenshot(page, testInfo, 'many-search')
  })

  test('the keyboard reaches the last of 5,000 groups and opens it', async () => {
    await openHarness(page, server.url, { fixture: 'many' })
    await page.keyboard.press('End')
    const active = page.locator('[role="option"][aria-selected="true"]')
    await expect(active).toBeInViewport()
    const name = await active.locator('[title]').first().getAttribute('title')
    await page.keyboard.press('Enter')
    const opened = (await harnessCalls(page, 'groups:open')) as { groupId: string }[]
    expect(opened).toHaveLength(1)
    const groups = await page.evaluate(() => Object.values(window.harness.state.groups)[0] ?? [])
    expect(groups.find((group) => group.id === opened[0]?.groupId)?.name).toBe(name)
  })

  test('hover and keyboard move one highlight, and Enter opens the group it is on', async () => {
    await openHarness(page, server.url, { fixture: 'many' })
    const active = page.locator('[role="option"][aria-selected="true"]')
    const third = page.getByRole('option').nth(2)
    await third.hover()
    await expect(active).toHaveCount(1)
    await expect(third).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('ArrowDown')
    await expect(active).toHaveCount(1)
    await expect(page.locator('.row.active')).toHaveCount(1)
    const name = await active.locator('[title]').first().getAttribute('title')
    await expect(page.getByRole('option').nth(3)).toHaveAttribute('aria-selected', 'true')
    // The list scrolls under the resting pointer; that must not take the highlight back to the row under it.
    await page.keyboard.press('PageDown')
    await page.keyboard.press('PageUp')
    await expect(active.locator('[title]').first()).toHaveAttribute('title', name ?? '')
    await page.keyboard.press('Enter')
    const opened = (await harnessCalls(page, 'groups:open')) as { groupId: string }[]
    const groups = await page.evaluate(() => Object.values(window.harness.state.groups)[0] ?? [])
    expect(opened.map((call) => groups.find((group) => group.id === call.groupId)?.name)).toEqual([name])
  })

  test('a scrolled list keeps the heading of the section at the top in view', async () => {
    const testInfo = test.info()
    await openHarness(page, server.url, { fixture: 'few' })
    await expect(page.getByTestId('sticky-heading')).toHaveCount(0)
    await page.getByRole('listbox').hover()
    await page.mouse.wheel(0, 40)
    await expect(page.getByTestId('sticky-heading')).toContainText('Pinned')
    await page.keyboard.press('End')
    await expect(page.getByTestId('sticky-heading')).toContainText('Acme')
    await screenshot(page, testInfo, 'few-scrolled-to-end')
    await openHarness(page, server.url, { fixture: 'multi-account', theme: 'dark' })
    await page.keyboard.press('End')
    await expect(page.getByTestId('sticky-heading')).toContainText('Acme')
    await screenshot(page, testInfo, 'multi-account-scrolled')
  })

  test('no text is heavier than semibold in any view', async () => {
    for (const view of ['groups', 'changes', 'settings'] as const) {
      await openHarness(page, server.url, { fixture: 'errors', view })
      const heavy = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((element) => element.textContent?.trim() && Number(getComputedStyle(element).fontWeight) > 600)
          .map((element) => element.tagName + '.' + element.className),
      )
      expect(heavy, view).toEqual([])
    }
  })

  test('forced colours keep the selection visible, and reduced motion stops the syncing pulse', async () => {
    const testInfo = test.info()
    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' })
    try {
      await openHarness(page, server.url, { fixture: 'multi-account' })
      const row = page.locator('[role="option"][aria-selected="true"] > *').first()
      await expect(row).toHaveCSS('outline-style', 'solid')
      const pulse = await page
        .getByTestId('status-bar')
        .locator('.dot')
        .evaluate((dot) => Number.parseFloat(getComputedStyle(dot).animationDuration))
      expect(pulse).toBeLessThan(0.001)
      await expectAccessible(page, testInfo)
      await screenshot(page, testInfo, 'multi-account-forced-colors')
    } finally {
      await page.emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' })
    }
  })

  test('Escape clears the search, then asks main to hide the window', async () => {
    await openHarness(page, server.url, { fixture: 'few' })
    await page.getByRole('combobox').fill('design')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('combobox')).toHaveValue('')
    expect(await harnessCalls(page, 'window:hide')).toEqual([])
    await page.keyboard.press('Escape')
    expect(await harnessCalls(page, 'window:hide')).toEqual([undefined])
  })

  test('focus is visible on every control reached with Tab', async () => {
    await openHarness(page, server.url, { fixture: 'few', view: 'settings' })
    for (let step = 0; step < 15; step += 1) {
      await page.keyboard.press('Tab')
      const outline = await page.evaluate(() => {
        const element = document.activeElement
        if (!element || element === document.body) return 'none'
        const style = getComputedStyle(element)
        return `${style.outlineStyle} ${style.outlineWidth}`
      })
      expect(outline).not.toMatch(/^none|0px$/)
    }
  })

  test('the quiet line is never cut: the next try stays readable in every language', async () => {
    for (const lang of ['en', 'ru', 'de'] as const) {
      await openHarness(page, server.url, { fixture: 'errors', lang })
      const line = page.getByTestId('transient-problem').locator('.quiet-text')
      const fits = await line.evaluate(
        (element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight + 1,
      )
      expect(fits, lang).toBe(true)
      await expect(line).toHaveText(/\d/)
    }
  })

  test('the scope help and a form error pass axe too', async () => {
    const testInfo = test.info()
    await openHarness(page, server.url, { fixture: 'errors' })
    await page.getByRole('button', { name: /2 accounts need your attention/ }).click()
    await expectAccessible(page, testInfo)
    await screenshot(page, testInfo, 'errors-expanded')
    await page.getByRole('button', { name: 'How to add the scope' }).click()
    await expectAccessible(page, testInfo)
    await screenshot(page, testInfo, 'errors-scope-help')
    await page.getByRole('button', { name: 'Update credentials' }).click()
    await page.getByLabel('Webhook URL').fill('not a url')
    await page.getByRole('button', { name: 'Save credentials' }).click()
    await expect(page.getByTestId('url-issue')).toBeVisible()
    await expectAccessible(page, testInfo)
    await screenshot(page, testInfo, 'settings-credentials-error')
  })

  test('a moved portal is taken to its new address only when the user confirms it', async () => {
    const testInfo = test.info()
    await openHarness(page, server.url, { fixture: 'moved' })
    const banner = page.getByTestId('error-banner')
    await expect(banner).toContainText('It now answers at groups.acme-corp.com.')
    expect(await harnessCalls(page, 'accounts:acceptMove')).toEqual([])
    await banner.getByRole('button', { name: 'Use groups.acme-corp.com' }).click()
    await expect(banner).toHaveCount(0)
    expect(await harnessCalls(page, 'accounts:acceptMove')).toEqual([{ accountId: 'acme.bitrix24.com/1' }])
    expect(await page.evaluate(() => window.harness.state.accounts[0]?.portal)).toBe('https://groups.acme-corp.com')
    await screenshot(page, testInfo, 'moved-accepted')
  })

  test('onboarding tests a webhook and shows who it belongs to', async () => {
    const testInfo = test.info()
    await openHarness(page, server.url, { fixture: 'empty', lang: 'ru' })
    await page.getByLabel('Адрес вебхука').fill('https://acme.bitrix24.ru/rest/1/abcd1234/')
    await page.getByRole('button', { name: 'Проверить подключение' }).click()
    await expect(page.getByTestId('test-result')).toHaveText('Подключено: Anna Schmidt · 12 групп')
    await screenshot(page, testInfo, 'onboarding-tested-ru')
  })
})
