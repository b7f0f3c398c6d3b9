// What every component of the window needs from the root: the language, the clock, the platform, the way to call
// main and the way to tell the user something. Getters keep it reactive without passing props through every layer.
import { getContext, setContext } from 'svelte'
import type { Language } from '@shared/types'
import type { Call } from './api-call'
import type { Translate } from './i18n'
import type { Platform } from './shortcuts'

export interface AppContext {
  readonly t: Translate
  readonly language: Language
  readonly platform: Platform
  /** Ticks every half minute, so relative times stay true. */
  readonly now: Date
  readonly call: Call
  /** Says something to screen readers; `toast` also shows it briefly on screen. */
  announce(message: string, options?: { toast?: boolean }): void
}

const KEY = Symbol('app')

export function provideApp(context: AppContext): void {
  setContext(KEY, context)
}

export function useApp(): AppContext {
  const context = getContext<AppContext | undefined>(KEY)
  if (!context) throw new Error('useApp() outside the app: render the component inside App or pass a context')
  return context
}

export const APP_CONTEXT_KEY = KEY
