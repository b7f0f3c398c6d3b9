// Named states of the window for previews, screenshots and tests. Times are relative to `now`, so a fixture reads
// the same ("Synced 2 minutes ago") whenever it is opened.
import type { AppState, MembershipChange } from '@shared/types'
import { makeAccount, makeChange, makeError, makeGroup, makeSettings, makeState, makeStatus } from './builders'
import { sampleGroups, worldGroups } from './sample-groups'

export const FIXTURE_NAMES = ['empty', 'few', 'many', 'errors', 'moved', 'multi-account', 'offline'] as const
export type FixtureName = (typeof FIXTURE_NAMES)[number]

const MINUTE = 60_000
const ago = (now: Date, minutes: number) => new Date(now.getTime() - minutes * MINUTE).toISOString()

function fewChanges(now: Date, accountId: string, origin: string): MembershipChange[] {
  const groups = sampleGroups(14, origin)
  const group = (index: number) => groups[index] ?? makeGroup({ id: String(index) })
  return [
    makeChange({ id: 'c1', accountId, kind: 'joined', group: group(10), to: 'K', at: ago(now, 12) }),
    makeChange({ id: 'c2', accountId, kind: 'role_changed', group: group(0), from: 'K', to: 'E', at: ago(now, 95) }),
    makeChange({
      id: 'c3',
      accountId,
      kind: 'extranet_changed',
      group: group(4),
      from: false,
      to: true,
      whileAway: true,
      at: ago(now, 60 * 20),
    }),
    makeChange({
      id: 'c4',
      accountId,
      kind: 'renamed',
      group: group(7),
      from: 'Zurich office',
      to: 'Zürich Büro',
      at: ago(now, 60 * 26),
      seen: true,
    }),
    makeChange({
      id: 'c5',
      accountId,
      kind: 'left',
      group: makeGroup({ id: '999', name: 'Old intranet migration', url: `${origin}/workgroups/group/999/` }),
      at: ago(now, 60 * 50),
      seen: true,
    }),
    makeChange({ id: 'c6', accountId, kind: 'image_changed', group: group(1), at: ago(now, 60 * 24 * 5), seen: true }),
  ]
}

function single(now: Date, count: number, extra: Partial<AppState> = {}): AppState {
  const account = makeAccount({ host: 'acme.bitrix24.com', label: 'Acme', userName: 'Anna Schmidt' })
  const groups = sampleGroups(count, account.portal)
  if (count <= 50) groups.push(...worldGroups(account.portal))
  return makeState({
    accounts: [account],
    groups: { [account.id]: groups },
    statuses: [makeStatus(account.id, { state: 'ok', lastSyncAt: ago(now, 2), groupCount: groups.length })],
    changes: count <= 50 ? fewChanges(now, account.id, account.portal) : [],
    settings: makeSettings({ pinnedGroups: { [account.id]: ['103', '111'] } }),
    ...extra,
  })
}

function errors(now: Date): AppState {
  const acme = makeAccount({ host: 'acme.bitrix24.com', label: 'Acme' })
  const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7', label: 'Beta GmbH', userName: 'Jonas Weber' })
  const box = makeAccount({ host: 'intranet.example.com', userId: '3', label: 'Intranet', userName: 'Ivan Petrov' })
  return makeState({
    accounts: [acme, beta, box],
    groups: {
      [acme.id]: sampleGroups(5, acme.portal),
      [beta.id]: sampleGroups(4, beta.portal),
      [box.id]: sampleGroups(3, box.portal),
    },
    statuses: [
      makeStatus(acme.id, {
        state: 'error',
        lastSyncAt: ago(now, 60 * 26),
        groupCount: 5,
        error: makeError('auth', { code: 'NO_AUTH_FOUND', messageKey: 'errors:noAuthFound', message: '' }),
      }),
      makeStatus(beta.id, {
        state: 'error',
        lastSyncAt: null,
        groupCount: null,
        error: makeError('scope', { code: 'insufficient_scope', messageKey: 'errors:insufficientScope', message: '' }),
      }),
      makeStatus(box.id, {
        state: 'error',
        lastSyncAt: ago(now, 9),
        groupCount: 3,
        error: makeError('network', {
          code: 'NETWORK',
          messageKey: 'errors:network',
          message: '',
          retryAt: new Date(now.getTime() + 4 * MINUTE).toISOString(),
        }),
      }),
    ],
  })
}

/** The portal now answers from a self-hosted address it redirected to, which only the user can confirm. */
function moved(now: Date): AppState {
  const state = single(now, 14)
  const [account] = state.accounts
  if (!account) return state
  return {
    ...state,
    statuses: [
      makeStatus(account.id, {
        state: 'error',
        lastSyncAt: ago(now, 35),
        groupCount: 14,
        error: makeError('moved', {
          code: 'PORTAL_MOVED',
          messageKey: 'errors:portalMoved',
          message: '',
          movedTo: 'https://groups.acme-corp.com',
        }),
      }),
    ],
  }
}

function multiAccount(now: Date): AppState {
  const acme = makeAccount({ host: 'acme.bitrix24.com', label: 'Acme', userName: 'Anna Schmidt' })
  const partner = makeAccount({
    host: 'partner.bitrix24.de',
    userId: '15',
    label: 'Partner GmbH',
    userName: 'Anna Schmidt',
    authKind: 'oauth',
    maskedCredential: 'https://partner.bitrix24.de (OAuth)',
  })
  const client = makeAccount({
    host: 'client.bitrix24.ru',
    userId: '42',
    label: 'Клиент',
    userName: 'Анна Шмидт',
    persisted: false,
  })
  return makeState({
    accounts: [acme, partner, client],
    groups: {
      [acme.id]: sampleGroups(6, acme.portal),
      [partner.id]: sampleGroups(9, partner.portal).slice(2),
      [client.id]: sampleGroups(14, client.portal).slice(10),
    },
    statuses: [
      makeStatus(acme.id, { state: 'ok', lastSyncAt: ago(now, 1), groupCount: 6 }),
      makeStatus(partner.id, { state: 'syncing', lastSyncAt: ago(now, 61), groupCount: 7 }),
      makeStatus(client.id, { state: 'ok', lastSyncAt: ago(now, 3), groupCount: 4 }),
    ],
    changes: fewChanges(now, acme.id, acme.portal).slice(0, 2),
    settings: makeSettings({ pinnedGroups: { [partner.id]: ['105'] } }),
  })
}

export function buildFixture(name: FixtureName, now: Date, options: { groups?: number } = {}): AppState {
  switch (name) {
    case 'empty':
      return makeState()
    case 'few':
      return single(now, 14)
    case 'many':
      return single(now, options.groups ?? 5000)
    case 'errors':
      return errors(now)
    case 'moved':
      return moved(now)
    case 'multi-account':
      return multiAccount(now)
    case 'offline':
      return single(now, 14, { online: false })
  }
}
