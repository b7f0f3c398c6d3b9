import { test, expect } from '@playwright/test'
import { serveFolder } from './static-server'
import { emptyState } from './fixtures/state'

// The built renderer, as Electron loads it, with a stand-in for the preload api.
test('the built renderer starts and shows the app root', async ({ page }, testInfo) => {
  await page.addInitScript((state) => {
    ;(globalThis as unknown as { api: unknown }).api = {
      invoke: async (channel: string) => (channel === 'state:get' ? state : null),
      on: () => () => {},
    }
  }, emptyState)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const server = await serveFolder('out/renderer')
  await page.goto(server.url)
  await expect(page.getByTestId('app-root')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('renderer.png') })
  expect(errors).toEqual([])
  await server.close()
})
