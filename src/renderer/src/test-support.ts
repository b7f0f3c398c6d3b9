// Rendering the window (or one component) for component tests, against the harness's fake main.
import { render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import type { Component } from 'svelte'
import type { AppState, Language } from '@shared/types'
import { createFakeApi, type FakeApi } from '../harness/fake-api'
import App from './App.svelte'
import { createCall } from './lib/api-call'
import { APP_CONTEXT_KEY, type AppContext } from './lib/app-context'
import { createUiTranslate } from './lib/i18n'

export const NOW = new Date('2025-03-10T12:00:00.000Z')

/** The whole window on a state (on the real clock), with main answering at once (no simulated sync delay). */
export async function renderApp(state: AppState) {
  const api = createFakeApi(state, { syncMs: 0 })
  window.api = api
  const user = userEvent.setup()
  const result = render(App)
  await waitFor(() => expect(screen.queryByText(/Loading/)).not.toBeInTheDocument())
  // Rows stay hidden until the virtual list has measured them (a microtask later).
  const hasGroups = Object.values(state.groups).some((groups) => groups.length > 0) && state.accounts.length > 0
  if (hasGroups) await screen.findAllByRole('option')
  return { api, user, ...result }
}

/** One component with the app context it needs, in a language, calling the given fake main. */
export function renderWithApp<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props,
  options: { language?: Language; api?: FakeApi; state?: AppState } = {},
) {
  const language = options.language ?? 'en'
  const api = options.api ?? createFakeApi(options.state ?? ({} as AppState), { syncMs: 0, now: () => NOW })
  const announced: string[] = []
  const context: AppContext = {
    t: createUiTranslate(language),
    language,
    platform: 'linux',
    now: NOW,
    call: createCall(api, () => announced.push('failure')),
    announce: (message) => announced.push(message),
  }
  const user = userEvent.setup()
  // MountOptions is a conditional type that TypeScript cannot resolve for a generic Props; for a concrete
  // component the call is checked at the call site through `props: Props`.
  const mountOptions = { props, context: new Map([[APP_CONTEXT_KEY, context]]) } as Parameters<
    typeof render<Component<Props>>
  >[1]
  const result = render(component, mountOptions)
  return { api, user, announced, ...result }
}

/** The requests the window sent on one channel. */
export function requestsOn(api: FakeApi, channel: string): unknown[] {
  return api.calls.filter((call) => call.channel === channel).map((call) => call.request)
}
