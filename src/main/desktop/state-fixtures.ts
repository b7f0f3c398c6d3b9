// Builders of app state for the desktop tests: each test states only what matters to it.
import type { AccountView, AppState, Group, MembershipChange, SyncStatus } from '@shared/types'
import { DEFAULT_SETTINGS } from '@shared/model'
import { ROLE_BY_CODE } from '@shared/types'

export const NOW = new Date('2025-03-10T12:00:00.000Z')

export function account(host: string, overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: `${host}/1`,
    portal: `https://${host}`,
    host,
    userId: '1',
    authKind: 'webhook',
    userName: 'Ann Lee',
    userPhotoUrl: null,
    label: '',
    maskedCredential: `https://${host}/rest/1/••••/`,
    groupUrlTemplate: '/workgroups/group/{id}/',
    enabled: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    persisted: true,
    ...overrides,
  }
}

export function group(id: string, name: string, roleCode = 'K', host = 'acme.bitrix24.com'): Group {
  return {
    id,
    name,
    roleCode,
    role: ROLE_BY_CODE[roleCode] ?? 'unknown',
    extranet: false,
    imageUrl: null,
    url: `https://${host}/workgroups/group/${id}/`,
  }
}

export function status(accountId: string, overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    accountId,
    state: 'ok',
    lastSyncAt: new Date(NOW.getTime() - 2 * 60_000).toISOString(),
    nextSyncAt: null,
    groupCount: null,
    error: null,
    detailsError: null,
    ...overrides,
  }
}

export function change(
  accountId: string,
  kind: MembershipChange['kind'],
  subject: Group,
  overrides: Partial<MembershipChange> = {},
): MembershipChange {
  return {
    id: `${accountId}:${subject.id}:${kind}`,
    accountId,
    kind,
    group: subject,
    from: null,
    to: null,
    whileAway: false,
    at: NOW.toISOString(),
    seen: false,
    ...overrides,
  }
}

/** One synced account `acme.bitrix24.com/1` with the given groups, unless the overrides say otherwise. */
export function appState(overrides: Partial<AppState> = {}, groups: Group[] = []): AppState {
  const acme = account('acme.bitrix24.com')
  return {
    accounts: [acme],
    statuses: [status(acme.id, { groupCount: groups.length })],
    groups: { [acme.id]: groups },
    groupDetails: {},
    changes: [],
    settings: structuredClone(DEFAULT_SETTINGS),
    online: true,
    platform: 'linux',
    notice: null,
    stateProblem: null,
    ...overrides,
  }
}
