// Builders of AppState pieces for the preview harness and the component tests: sensible defaults, override what
// the case is about.
import { DEFAULT_SETTINGS } from '@shared/model'
import {
  ROLE_BY_CODE,
  type AccountView,
  type AppSettings,
  type AppState,
  type ErrorKind,
  type ErrorView,
  type Group,
  type GroupDetails,
  type MembershipChange,
  type SyncStatus,
} from '@shared/types'

export function makeAccount(overrides: Partial<AccountView> = {}): AccountView {
  const host = overrides.host ?? 'acme.bitrix24.com'
  const userId = overrides.userId ?? '1'
  const portal = overrides.portal ?? `https://${host}`
  return {
    id: `${host}/${userId}`,
    portal,
    host,
    userId,
    authKind: 'webhook',
    userName: 'Anna Schmidt',
    userPhotoUrl: null,
    label: host,
    maskedCredential: `${portal}/rest/${userId}/••••/`,
    groupUrlTemplate: `${portal}/workgroups/group/{id}/`,
    enabled: true,
    createdAt: '2025-01-10T09:00:00.000Z',
    persisted: true,
    ...overrides,
  }
}

export function makeGroup(overrides: Partial<Group> & { id: string }): Group {
  const roleCode = overrides.roleCode ?? 'K'
  return {
    name: `Group ${overrides.id}`,
    roleCode,
    role: ROLE_BY_CODE[roleCode] ?? 'unknown',
    extranet: false,
    imageUrl: null,
    url: `https://acme.bitrix24.com/workgroups/group/${overrides.id}/`,
    ...overrides,
  }
}

export function makeDetails(overrides: Partial<GroupDetails> = {}): GroupDetails {
  return {
    type: 'group',
    archived: false,
    memberCount: null,
    activityAt: null,
    projectStart: null,
    projectFinish: null,
    pendingRequests: null,
    ...overrides,
  }
}

export function makeStatus(accountId: string, overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    accountId,
    state: 'ok',
    lastSyncAt: null,
    nextSyncAt: null,
    groupCount: null,
    error: null,
    detailsError: null,
    ...overrides,
  }
}

export function makeError(kind: ErrorKind, overrides: Partial<ErrorView> = {}): ErrorView {
  return {
    code: kind.toUpperCase(),
    kind,
    messageKey: `errors:${kind}`,
    message: `Something went wrong (${kind}).`,
    retryAt: null,
    ...overrides,
  }
}

export function makeChange(overrides: Partial<MembershipChange> & { id: string; group: Group }): MembershipChange {
  return {
    accountId: 'acme.bitrix24.com/1',
    kind: 'joined',
    from: null,
    to: null,
    whileAway: false,
    at: '2025-03-01T10:00:00.000Z',
    seen: false,
    ...overrides,
  }
}

export function makeSettings(overrides: Partial<AppSettings> = {}): AppSettings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...overrides }
}

export function makeState(overrides: Partial<AppState> = {}): AppState {
  return {
    accounts: [],
    statuses: [],
    groups: {},
    groupDetails: {},
    changes: [],
    settings: makeSettings(),
    online: true,
    platform: 'linux',
    notice: null,
    stateProblem: null,
    ...overrides,
  }
}
