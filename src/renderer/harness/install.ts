// Installs the fake `window.api` before the window's own code runs (imported first by harness/main.ts).
import type { AppState } from '@shared/types'
import { createFakeApi, type FakeApi } from './fake-api'
import { buildFixture } from './fixtures'
import { parseHarnessParams } from './params'

declare global {
  interface Window {
    /** The fake main, for tests and benchmarks: `calls`, `state`, `setState`, `emit`. */
    harness: FakeApi
  }
}

const params = parseHarnessParams(window.location.search)
const fixture = buildFixture(params.fixture, new Date(), { groups: params.groups })
const state: AppState = {
  ...fixture,
  platform: params.platform,
  settings: { ...fixture.settings, theme: params.theme, language: params.lang },
}
const api = createFakeApi(state, { initialView: params.view === 'groups' ? undefined : params.view })
window.api = api
window.harness = api
