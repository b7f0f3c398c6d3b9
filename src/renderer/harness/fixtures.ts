// Named states of the window for previews, screenshots and tests. Times are relative to `now`, so a fixture reads
// the same ("Synced 2 minutes ago") whenever it is opened.
import type { AppState, GroupDetails, MembershipChange } from '@shared/types'
import {
  makeAccount,
  makeChange,
  makeDetails,
  makeError,
  makeGroup,
  makeSettings,
  makeState,
  makeStatus,
} from './builders'
import { sampleGroups, worldGroups } from './sample-groups'

export const FIXTURE_NAMES = ['empty', 'few', 'many', 'errors', 'moved', 'multi-account', 'offline', 'details'] as const
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
      // Unseen, so the screenshots and axe see the small "mark seen" button a left group's entry has instead of a link.
      group: makeGroup({ id: '999', name: 'Old intranet migration', url: `${origin}/workgroups/group/999/` }),
      at: ago(now, 60 * 50),
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

/** A finish date `days` from today, as a portal writes it: the day at midnight in the portal's own offset. */
function finishDay(now: Date, days: number): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T00:00:00+03:00`
}

/**
 * Group details of every kind on the first account: projects that end soon, later or have ended, a scrum, collabs,
 * archived groups, a group whose portal sends no type, join requests waiting in groups the user owns or moderates.
 * The second account's webhook lacks the socialnetwork scope: its groups show as before, and its settings card says
 * which scope to tick.
 */
function withDetails(now: Date): AppState {
  const acme = makeAccount({ host: 'acme.bitrix24.com', label: 'Acme', userName: 'Anna Schmidt' })
  const partner = makeAccount({ host: 'partner.bitrix24.de', userId: '15', label: 'Partner GmbH' })
  const groups = sampleGroups(14, acme.portal)
  const partnerGroups = sampleGroups(5, partner.portal)
  const active = (minutes: number) => ago(now, minutes)
  const HOUR = 60
  const DAY = 24 * HOUR
  const details: Record<string, GroupDetails> = {
    '100': makeDetails({ memberCount: 48, activityAt: active(2 * HOUR), pendingRequests: 3 }),
    '101': makeDetails({ memberCount: 12, activityAt: active(5) }),
    '102': makeDetails({
      type: 'project',
      memberCount: 9,
      activityAt: active(DAY),
      projectStart: finishDay(now, -30),
      projectFinish: finishDay(now, 3),
      pendingRequests: 1,
    }),
    '103': makeDetails({ type: 'scrum', memberCount: 7, activityAt: active(20) }),
    '104': makeDetails({ memberCount: 5, activityAt: active(3 * DAY) }),
    '105': makeDetails({
      type: 'project',
      memberCount: 15,
      activityAt: active(4 * HOUR),
      projectFinish: finishDay(now, 40),
    }),
    '106': makeDetails({ type: 'collab', memberCount: 23, activityAt: active(HOUR) }),
    '107': makeDetails({ archived: true, memberCount: 6, activityAt: active(200 * DAY) }),
    '108': makeDetails({ type: null, memberCount: 4, activityAt: active(9 * DAY) }),
    '109': makeDetails({ memberCount: 31, activityAt: active(2 * DAY) }),
    '110': makeDetails({
      type: 'project',
      archived: true,
      memberCount: 8,
      activityAt: active(40 * DAY),
      projectFinish: finishDay(now, -10),
    }),
    '111': makeDetails({
      type: 'project',
      memberCount: 18,
      activityAt: active(6 * HOUR),
      projectFinish: finishDay(now, 120),
      pendingRequests: 0,
    }),
    '112': makeDetails({ type: 'collab', memberCount: 40, activityAt: active(30), pendingRequests: 2 }),
    '113': makeDetails({ memberCount: 3, activityAt: active(6 * DAY) }),
  }
  return makeState({
    accounts: [acme, partner],
    groups: { [acme.id]: groups, [partner.id]: partnerGroups },
    groupDetails: { [acme.id]: details },
    statuses: [
      makeStatus(acme.id, { state: 'ok', lastSyncAt: ago(now, 2), groupCount: groups.length }),
      makeStatus(partner.id, {
        state: 'ok',
        lastSyncAt: ago(now, 1),
        groupCount: partnerGroups.length,
        detailsError: makeError('scope', { code: 'insufficient_scope', messageKey: 'detailsScope', message: '' }),
      }),
    ],
    changes: fewChanges(now, acme.id, acme.portal).slice(0, 2),
    settings: makeSettings({ pinnedGroups: { [acme.id]: ['103', '111'] } }),
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
    case 'details':
      return withDetails(now)
  }
}
