// The IPC contract: one map from channel to request schema and response type, plus the events main sends.
// Main validates every request with the schema (the renderer is not trusted); preload and renderer derive their
// types from the same map, so a handler or a call with the wrong shape is a compile error.
import type { z } from 'zod'
import type { RequestSchemas, ValidatedRequestOf } from './ipc-schemas'
import type { StateDelta } from './state-delta'
import type { AccountView, AppSettings, AppState, ErrorView } from './types'

/** A result that can fail with a secret-free error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorView }

export interface ConnectionTest {
  userName: string | null
  groupCount: number
}

/** What the About section shows. */
export interface AppInfo {
  version: string
}

export interface ResponseMap {
  'state:get': AppState
  'groups:open': Result<null>
  'groups:copyLink': Result<string>
  'groups:setPinned': null
  'sync:refresh': null
  'changes:markSeen': null
  'accounts:test': Result<ConnectionTest>
  'accounts:addWebhook': Result<AccountView>
  'accounts:addOAuth': Result<AccountView>
  'accounts:update': Result<AccountView>
  'accounts:remove': Result<null>
  'accounts:acceptMove': Result<AccountView>
  'settings:update': Result<AppSettings>
  'notifications:pause': null
  'window:hide': null
  'demo:start': Result<AccountView>
  'app:quit': null
  'app:info': AppInfo
  'app:openLogs': Result<null>
}

export type Channel = keyof RequestSchemas & string
export type RequestOf<C extends Channel> = z.input<RequestSchemas[C]>
export type ResponseOf<C extends Channel> = ResponseMap[C]

/** Events from main to renderer. */
export interface EventMap {
  /**
   * What changed in the state since the last delta (shared/state-delta.ts); the window applies it to its own copy,
   * which it fetched with `state:get`, and fetches the copy again when a delta does not fit.
   */
  'state:delta': StateDelta
  /** The window was shown: focus the search field. */
  'window:shown': null
  /** Main asks the window to show a view (from the tray menu). */
  'ui:navigate': { view: 'groups' | 'changes' | 'settings' }
}
export type EventName = keyof EventMap

/** What preload exposes as `window.api`. */
export interface Api {
  invoke<C extends Channel>(
    channel: C,
    ...request: RequestOf<C> extends void ? [] : [RequestOf<C>]
  ): Promise<ResponseOf<C>>
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void
}

export type Handler<C extends Channel> = (request: ValidatedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>
export type Handlers = { [C in Channel]: Handler<C> }

/** Every channel, as a value for preload's allow-list; `satisfies` keeps it in step with the schemas. */
export const CHANNELS = [
  'state:get',
  'groups:open',
  'groups:copyLink',
  'groups:setPinned',
  'sync:refresh',
  'changes:markSeen',
  'accounts:test',
  'accounts:addWebhook',
  'accounts:addOAuth',
  'accounts:update',
  'accounts:remove',
  'accounts:acceptMove',
  'settings:update',
  'notifications:pause',
  'window:hide',
  'demo:start',
  'app:quit',
  'app:info',
  'app:openLogs',
] as const satisfies readonly Channel[]

// Compile-time proof that CHANNELS lists every channel of the schemas.
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>
export const channelsAreComplete: [MissingChannels] extends [never] ? true : never = true

export const EVENT_NAMES = ['state:delta', 'window:shown', 'ui:navigate'] as const satisfies readonly EventName[]
