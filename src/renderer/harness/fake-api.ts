// A stand-in for main behind `window.api`: answers every channel plausibly from an in-memory AppState and pushes
// `state:delta` like main does, so the window can be previewed, screenshotted and tested without Electron.
import type { Api, Channel, ConnectionTest, EventMap, EventName, RequestOf, ResponseOf, Result } from '@shared/ipc'
import type { AccountView, AppState, ErrorView, Group } from '@shared/types'
import { createDeltaFeed } from '@shared/state-delta'
import { makeAccount, makeError, makeStatus } from './builders'
import { sampleGroups } from './sample-groups'

export interface RecordedCall {
  channel: Channel
  request: unknown
}

export interface FakeApi extends Api {
  /** Every invoke, in order (tests assert on these). */
  readonly calls: RecordedCall[]
  readonly state: AppState
  /** Replaces the state and pushes it, as main does after any change. */
  setState(next: AppState): void
  emit<E extends EventName>(event: E, payload: EventMap[E]): void
}

export interface FakeApiOptions {
  now?: () => Date
  /** How long "refresh" shows the syncing state; 0 finishes at once. */
  syncMs?: number
  /** A view to ask for (as the tray menu does) as soon as the window listens for `ui:navigate`. */
  initialView?: EventMap['ui:navigate']['view']
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value })
const fail = <T>(error: ErrorView): Result<T> => ({ ok: false, error })

/** The fake's reading of a webhook URL; the code decides the outcome (`bad…` fails, `noscope…` lacks the scope). */
function fakeConnection(webhookUrl: string): Result<ConnectionTest & { origin: string; userId: string }> {
  const match = /^(https?:\/\/[^/]+)\/rest\/(\d+)\/([^/]+)/.exec(webhookUrl.trim())
  if (!match) {
    return fail(makeError('auth', { code: 'INVALID_WEBHOOK_URL', messageKey: 'errors:webhookUrl.notUrl', message: '' }))
  }
  const [, origin = '', userId = '', code = ''] = match
  if (code.startsWith('bad')) {
    return fail(makeError('auth', { code: 'NO_AUTH_FOUND', messageKey: 'errors:noAuthFound', message: '' }))
  }
  if (code.startsWith('noscope')) {
    return fail(makeError('scope', { code: 'insufficient_scope', messageKey: 'errors:insufficientScope', message: '' }))
  }
  return ok({ userName: 'Anna Schmidt', groupCount: 12, origin, userId })
}

export function createFakeApi(initial: AppState, options: FakeApiOptions = {}): FakeApi {
  const now = options.now ?? (() => new Date())
  const syncMs = options.syncMs ?? 700
  let state = structuredClone(initial)
  let pendingView = options.initialView
  const calls: RecordedCall[] = []
  const listeners = new Map<EventName, Set<(payload: never) => void>>()

  function emit<E extends EventName>(event: E, payload: EventMap[E]) {
    for (const listener of listeners.get(event) ?? []) (listener as (payload: EventMap[E]) => void)(payload)
  }

  // As main does: each push sends what changed since the last one, cloned as IPC clones it.
  const feed = createDeltaFeed((delta) => emit('state:delta', structuredClone(delta)))
  feed(state)

  function push(next: AppState) {
    state = next
    feed(state)
  }

  function findGroup(accountId: string, groupId: string): Group | undefined {
    return state.groups[accountId]?.find((group) => group.id === groupId)
  }

  const notFound = () => makeError('not_found', { code: 'GROUP_NOT_FOUND', messageKey: 'errors:groupNotFound' })

  function addAccount(account: AccountView, groups: Group[]): AccountView {
    const others = state.accounts.filter((candidate) => candidate.id !== account.id)
    push({
      ...state,
      accounts: [...others, account],
      groups: { ...state.groups, [account.id]: groups },
      statuses: [
        ...state.statuses.filter((status) => status.accountId !== account.id),
        makeStatus(account.id, { state: 'ok', lastSyncAt: now().toISOString(), groupCount: groups.length }),
      ],
    })
    return account
  }

  function refresh(accountId: string | undefined) {
    const targets = (status: { accountId: string }) => accountId === undefined || status.accountId === accountId
    push({
      ...state,
      statuses: state.statuses.map((status) => (targets(status) ? { ...status, state: 'syncing' } : status)),
    })
    const finish = () =>
      push({
        ...state,
        statuses: state.statuses.map((status) =>
          targets(status)
            ? {
                ...status,
                state: 'ok',
                error: null,
                lastSyncAt: now().toISOString(),
                groupCount: state.groups[status.accountId]?.length ?? 0,
              }
            : status,
        ),
      })
    if (syncMs === 0) finish()
    else setTimeout(finish, syncMs)
  }

  // One function per channel; the map's type keeps every channel answered with the right response type.
  const handlers: { [C in Channel]: (request: RequestOf<C>) => ResponseOf<C> } = {
    'state:get': () => structuredClone(state),
    'groups:open': ({ accountId, groupId }) => (findGroup(accountId, groupId) ? ok(null) : fail(notFound())),
    'groups:copyLink': ({ accountId, groupId }) => {
      const group = findGroup(accountId, groupId)
      return group ? ok(group.url) : fail(notFound())
    },
    'groups:setPinned': ({ accountId, groupId, pinned }) => {
      const current = state.settings.pinnedGroups[accountId] ?? []
      const next = pinned ? [...new Set([...current, groupId])] : current.filter((id) => id !== groupId)
      push({
        ...state,
        settings: { ...state.settings, pinnedGroups: { ...state.settings.pinnedGroups, [accountId]: next } },
      })
      return null
    },
    'sync:refresh': ({ accountId }) => {
      refresh(accountId)
      return null
    },
    'changes:markSeen': ({ ids }) => {
      const marked = ids ? new Set(ids) : null
      push({
        ...state,
        changes: state.changes.map((change) => (!marked || marked.has(change.id) ? { ...change, seen: true } : change)),
      })
      return null
    },
    'accounts:test': ({ webhookUrl }) => {
      const result = fakeConnection(webhookUrl)
      return result.ok ? ok({ userName: result.value.userName, groupCount: result.value.groupCount }) : result
    },
    'accounts:addWebhook': ({ webhookUrl, label, sessionOnly }) => {
      const result = fakeConnection(webhookUrl)
      if (!result.ok) return result
      const { origin, userId } = result.value
      const host = new URL(origin).host
      const account = makeAccount({
        host,
        userId,
        portal: origin,
        label: label ?? host,
        persisted: !sessionOnly,
        createdAt: now().toISOString(),
      })
      return ok(addAccount(account, sampleGroups(12, origin)))
    },
    'accounts:addOAuth': ({ portal, label, sessionOnly }) => {
      const origin = new URL(/^https?:/.test(portal) ? portal : `https://${portal}`).origin
      const host = new URL(origin).host
      const account = makeAccount({
        host,
        portal: origin,
        authKind: 'oauth',
        maskedCredential: `${origin} (OAuth)`,
        label: label ?? host,
        persisted: !sessionOnly,
      })
      return ok(addAccount(account, sampleGroups(8, origin)))
    },
    'accounts:update': ({ accountId, ...patch }) => {
      const account = state.accounts.find((candidate) => candidate.id === accountId)
      if (!account) return fail(makeError('not_found', { code: 'ACCOUNT_NOT_FOUND' }))
      const updated = { ...account, ...patch }
      push({
        ...state,
        accounts: state.accounts.map((candidate) => (candidate.id === accountId ? updated : candidate)),
      })
      return ok(updated)
    },
    'accounts:remove': ({ accountId }) => {
      const groups = { ...state.groups }
      delete groups[accountId]
      push({
        ...state,
        accounts: state.accounts.filter((account) => account.id !== accountId),
        statuses: state.statuses.filter((status) => status.accountId !== accountId),
        changes: state.changes.filter((change) => change.accountId !== accountId),
        groups,
      })
      return ok(null)
    },
    'accounts:acceptMove': ({ accountId }) => {
      const account = state.accounts.find((candidate) => candidate.id === accountId)
      const error = state.statuses.find((status) => status.accountId === accountId)?.error
      if (!account || error?.code !== 'PORTAL_MOVED' || !error.movedTo) {
        return fail(makeError('protocol', { code: 'NO_MOVE_PENDING', messageKey: 'tray:errors.noMovePending' }))
      }
      // The fake's reading of the new address: a host starting with "other-user" answers as somebody else.
      const moved = new URL(error.movedTo)
      if (moved.hostname.startsWith('other-user')) {
        return fail(
          makeError('auth', { code: 'USER_MISMATCH', messageKey: 'accounts:errors.userMismatch', message: '' }),
        )
      }
      const updated = {
        ...account,
        portal: moved.origin,
        host: moved.host,
        maskedCredential: account.maskedCredential.replace(account.portal, moved.origin),
      }
      push({
        ...state,
        accounts: state.accounts.map((candidate) => (candidate.id === accountId ? updated : candidate)),
        statuses: state.statuses.map((status) =>
          status.accountId === accountId ? { ...status, state: 'ok', error: null } : status,
        ),
        groups: {
          ...state.groups,
          [accountId]: (state.groups[accountId] ?? []).map((group) => ({
            ...group,
            url: group.url.replace(account.portal, moved.origin),
          })),
        },
      })
      return ok(updated)
    },
    'settings:update': (patch) => {
      if (patch.globalShortcut === 'CommandOrControl+Alt+T') {
        return fail(
          makeError('protocol', {
            code: 'SHORTCUT_UNAVAILABLE',
            messageKey: 'errors:shortcutUnavailable',
            message: 'Another app uses this shortcut.',
          }),
        )
      }
      const { notifications, ...rest } = patch
      const settings = {
        ...state.settings,
        ...rest,
        notifications: {
          kinds: { ...state.settings.notifications.kinds, ...notifications?.kinds },
          mutedUntil:
            notifications?.mutedUntil === undefined
              ? state.settings.notifications.mutedUntil
              : notifications.mutedUntil,
        },
      }
      push({ ...state, settings })
      return ok(settings)
    },
    'notifications:pause': ({ until }) => {
      const base = now()
      const mutedUntil =
        until === 'resume'
          ? null
          : until === 'hour'
            ? new Date(base.getTime() + 3_600_000).toISOString()
            : new Date(base.getFullYear(), base.getMonth(), base.getDate() + 1, 8).toISOString()
      push({
        ...state,
        settings: { ...state.settings, notifications: { ...state.settings.notifications, mutedUntil } },
      })
      return null
    },
    'window:hide': () => null,
    'demo:start': () => {
      const origin = 'http://127.0.0.1:8765'
      const account = makeAccount({
        host: '127.0.0.1:8765',
        portal: origin,
        label: 'Demo portal',
        userName: 'Demo User',
      })
      return ok(addAccount(account, sampleGroups(24, origin)))
    },
    'app:quit': () => null,
    'app:info': () => ({ version: '0.1.0' }),
    'app:openLogs': () => ok(null),
  }

  return {
    calls,
    get state() {
      return state
    },
    setState: push,
    emit,
    invoke(channel, ...request) {
      calls.push({ channel, request: request[0] })
      // TypeScript cannot tie the generic channel to its entry of the handler map; `handlers` is typed per channel,
      // so the response does have the channel's type.
      const handler = handlers[channel] as (request: unknown) => unknown
      // A structured clone, as Electron's IPC would make, so the window cannot share objects with "main".
      return Promise.resolve(structuredClone(handler(request[0]))) as never
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as (payload: never) => void)
      if (event === 'ui:navigate' && pendingView) {
        const view = pendingView
        pendingView = undefined
        queueMicrotask(() => emit('ui:navigate', { view }))
      }
      return () => set.delete(listener as (payload: never) => void)
    },
  }
}
