// The account service: the one place the app and the command line add, prove, change and remove accounts. Records
// (no secrets) go to the settings store; secrets go to the keychain, or to memory for a session-only account.
import { z } from 'zod'
import { labelSchema, oauthInputSchema, webhookInputSchema } from '@shared/model'
import type { AccountView, AuthKind } from '@shared/types'
import {
  createBitrixClient,
  createGroupUrlBuilder,
  DEFAULT_GROUP_URL_TEMPLATE,
  parseOAuthCredentials,
  parseWebhookUrl,
} from '../bitrix'
import type { BitrixClient, BitrixClientOptions, Credentials, OAuthCredentials, Profile } from '../bitrix'
import { accountIdOf, hostOf, maskedCredentialOf } from './account-id'
import { AccountError, accountNotFound, toAccountError } from './errors'
import { KeychainUnavailableError } from './keychain-error'
import { type AccountSecret, createMemorySecretStore, type SecretStore } from './secrets'
import type { AccountRecord } from './settings-schema'
import type { SettingsStore } from './settings'

export type ClientOptions = Omit<BitrixClientOptions, 'credentials'>
export type CreateClient = (credentials: Credentials, options: ClientOptions) => BitrixClient

export interface AccountServiceOptions {
  settings: SettingsStore
  /** The OS keychain (createKeychainSecretStore). */
  secrets: SecretStore
  /** Where session-only secrets live; memory by default. */
  sessionSecrets?: SecretStore
  /** Builds the REST client; `createBitrixClient` by default, a fake in unit tests. */
  createClient?: CreateClient
  /** Options every client gets (e.g. Electron's `fetch`, a shared rate-limiter registry). */
  clientOptions?: ClientOptions
  now?: () => Date
}

export interface ConnectionProof {
  userName: string | null
  groupCount: number
}

export type RemoveHook = (accountId: string) => void | Promise<void>

/** A self-hosted portal served over plain HTTP, allowed explicitly by the user (not offered to the window). */
const allowHttp = { allowHttp: z.boolean().optional() }
const webhookInput = webhookInputSchema.extend(allowHttp).strict()
const oauthInput = oauthInputSchema.extend(allowHttp).strict()
const updateSchema = z
  .object({
    label: labelSchema.min(1).optional(),
    enabled: z.boolean().optional(),
    /** A path or URL with `{id}`; null goes back to the default. */
    groupUrlTemplate: z.string().trim().min(1).max(500).nullable().optional(),
  })
  .strict()

export type AddWebhookInput = z.input<typeof webhookInput>
export type AddOAuthInput = z.input<typeof oauthInput>
export type AccountUpdate = z.input<typeof updateSchema>

/** Validates input from outside (IPC, command line); the error names the field, never echoes the value. */
function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const field = parsed.error.issues[0]?.path.join('.') || 'input'
  throw new AccountError({
    code: 'INVALID_INPUT',
    messageKey: 'accounts:errors.invalidInput',
    message: `Invalid account input: ${field}`,
  })
}

export interface AccountService {
  list(): AccountView[]
  get(id: string): AccountView | null
  /** The full credentials of an account, read from the keychain (once, then kept in memory) or session memory. */
  getCredentials(id: string): Promise<Credentials>
  /** A client for the account that saves rotated OAuth tokens through `saveRotatedTokens`. */
  openClient(id: string, options?: ClientOptions): Promise<BitrixClient>
  /** Proves a webhook (profile + groups) without storing anything. */
  testWebhook(webhookUrl: string, options?: { allowHttp?: boolean }): Promise<ConnectionProof>
  /** Proves, then stores. The same portal and user again updates the credentials instead of adding a duplicate. */
  addWebhook(input: AddWebhookInput): Promise<AccountView>
  addOAuth(input: AddOAuthInput): Promise<AccountView>
  update(id: string, changes: AccountUpdate): Promise<AccountView>
  /**
   * Deletes the keychain entry, the settings entry and (through `onRemove` hooks) the snapshot and history. When the
   * keychain cannot be reached nothing is removed, unless `force` (the keychain entry is then left behind).
   */
  remove(id: string, options?: { force?: boolean }): Promise<void>
  /** Stores tokens the client rotated; the new tokens replace the old ones in one keychain write. */
  saveRotatedTokens(id: string, credentials: OAuthCredentials): Promise<void>
  /** After the portal reported a move: proves the new origin answers for the same user, then stores it. */
  updateOrigin(id: string, newOrigin: string): Promise<AccountView>
  /** Called with the account list after every change. Returns the unsubscribe. */
  subscribe(listener: (accounts: AccountView[]) => void): () => void
  /** Registers work to do when an account is removed (the sync store deletes its snapshot and history). */
  onRemove(hook: RemoveHook): () => void
}

function toView(record: AccountRecord, persisted: boolean): AccountView {
  return {
    id: record.id,
    portal: record.portal,
    host: hostOf(record.portal),
    userId: record.userId,
    authKind: record.authKind,
    userName: record.userName,
    userPhotoUrl: record.userPhotoUrl,
    label: record.label,
    maskedCredential: maskedCredentialOf(record),
    groupUrlTemplate: record.groupUrlTemplate ?? DEFAULT_GROUP_URL_TEMPLATE,
    enabled: record.enabled,
    createdAt: record.createdAt,
    persisted,
  }
}

function secretOf(credentials: Credentials): AccountSecret {
  return credentials.kind === 'webhook'
    ? { kind: 'webhook', code: credentials.code }
    : {
        kind: 'oauth',
        accessToken: credentials.accessToken,
        refreshToken: credentials.refreshToken,
        clientSecret: credentials.clientSecret,
      }
}

export function createAccountService(options: AccountServiceOptions): AccountService {
  const { settings, secrets } = options
  const sessionSecrets = options.sessionSecrets ?? createMemorySecretStore()
  const createClient: CreateClient =
    options.createClient ?? ((credentials, clientOptions) => createBitrixClient({ ...clientOptions, credentials }))
  const now = options.now ?? (() => new Date())
  /** Session-only accounts: their records never reach the settings file. */
  const sessionAccounts = new Map<string, AccountRecord>()
  /** Credentials read from the keychain, so polling does not ask the keychain (and maybe the user) every time. */
  const credentialCache = new Map<string, Promise<Credentials>>()
  const listeners = new Set<(accounts: AccountView[]) => void>()
  const removeHooks = new Set<RemoveHook>()

  const records = (): Array<{ record: AccountRecord; persisted: boolean }> => [
    ...settings.listAccounts().map((record) => ({ record, persisted: true })),
    ...[...sessionAccounts.values()].map((record) => ({ record: structuredClone(record), persisted: false })),
  ]
  const find = (id: string) => records().find((entry) => entry.record.id === id) ?? null
  const list = () => records().map(({ record, persisted }) => toView(record, persisted))

  function mustFind(id: string): { record: AccountRecord; persisted: boolean } {
    const found = find(id)
    if (!found) throw accountNotFound(id)
    return found
  }

  function notify(): void {
    const accounts = list()
    for (const listener of listeners) listener(accounts)
  }
  // Changes from another process (the command line adding an account while the app runs) reach subscribers too.
  settings.onDidChange(() => notify())

  function clientOptionsFor(record: Pick<AccountRecord, 'groupUrlTemplate' | 'allowHttp'>): ClientOptions {
    return {
      ...options.clientOptions,
      allowHttp: record.allowHttp,
      ...(record.groupUrlTemplate ? { groupUrlTemplate: record.groupUrlTemplate } : {}),
    }
  }

  /** Calls `profile` and `sonet_group.user.groups`; any failure becomes the account message for it. */
  async function prove(
    credentials: Credentials,
    clientOptions: ClientOptions,
  ): Promise<{ profile: Profile; groupCount: number; origin: string; credentials: Credentials }> {
    let latest = credentials
    const client = createClient(credentials, {
      ...clientOptions,
      // Proving may refresh an expired access token; the rotated pair is what gets stored.
      onTokensRefreshed: async (rotated) => {
        latest = rotated
      },
    })
    try {
      const profile = await client.getProfile()
      const groups = await client.getUserGroups()
      const origin = groups.movedTo ?? profile.movedTo ?? credentials.origin
      return { profile, groupCount: groups.groups.length, origin, credentials: { ...latest, origin } }
    } catch (error) {
      throw toAccountError(error, credentials.kind)
    }
  }

  function parseCredentials<T>(parse: () => T, authKind: AuthKind): T {
    try {
      return parse()
    } catch (error) {
      throw toAccountError(error, authKind)
    }
  }

  /** Stores a proven account: the secret first (nothing else changes if the keychain refuses), then the record. */
  async function store(
    credentials: Credentials,
    proof: { profile: Profile; origin: string },
    input: { label?: string; sessionOnly?: boolean; allowHttp?: boolean },
  ): Promise<AccountView> {
    const userId = credentials.kind === 'webhook' ? credentials.userId : proof.profile.id
    const portal = proof.origin
    const id = accountIdOf(portal, userId)
    const existing =
      records().find(({ record }) => record.id === id || (record.portal === portal && record.userId === userId)) ?? null
    const accountId = existing?.record.id ?? id
    const record: AccountRecord = {
      id: accountId,
      portal,
      userId,
      authKind: credentials.kind,
      userName: proof.profile.name,
      userPhotoUrl: proof.profile.photoUrl,
      label: input.label || existing?.record.label || hostOf(portal),
      groupUrlTemplate: existing?.record.groupUrlTemplate ?? null,
      enabled: true,
      createdAt: existing?.record.createdAt ?? now().toISOString(),
      allowHttp: input.allowHttp ?? existing?.record.allowHttp ?? false,
      oauth:
        credentials.kind === 'oauth'
          ? { clientId: credentials.clientId, tokenServerUrl: credentials.tokenServerUrl }
          : null,
    }
    const stored: Credentials = { ...credentials, origin: portal, userId }

    if (input.sessionOnly) {
      await sessionSecrets.set(accountId, secretOf(stored))
      sessionAccounts.set(accountId, record)
      if (existing?.persisted) {
        // The latest add decides: this account is no longer saved. A keychain that cannot be reached keeps its
        // entry, which holds nothing the user has not just replaced.
        settings.removeAccount(accountId)
        await secrets.delete(accountId).catch((error: unknown) => {
          if (!(error instanceof KeychainUnavailableError)) throw error
        })
      }
    } else {
      await secrets.set(accountId, secretOf(stored))
      settings.saveAccount(record)
      if (sessionAccounts.delete(accountId)) await sessionSecrets.delete(accountId)
    }
    credentialCache.set(accountId, Promise.resolve(stored))
    if (input.sessionOnly) notify() // persisted saves notify through the settings store
    return toView(record, !input.sessionOnly)
  }

  async function readCredentials(id: string): Promise<Credentials> {
    const { record, persisted } = mustFind(id)
    const secret = await (persisted ? secrets : sessionSecrets).get(id)
    if (!secret) {
      throw new AccountError(
        persisted
          ? { code: 'SECRET_MISSING', messageKey: 'accounts:errors.secretMissing' }
          : { code: 'SESSION_SECRET_GONE', messageKey: 'accounts:errors.sessionSecretGone' },
      )
    }
    if (secret.kind !== record.authKind || (secret.kind === 'oauth' && !record.oauth)) {
      throw new AccountError({ code: 'SECRET_UNREADABLE', messageKey: 'accounts:errors.secretUnreadable' })
    }
    if (secret.kind === 'webhook') {
      return { kind: 'webhook', origin: record.portal, userId: record.userId, code: secret.code }
    }
    return {
      kind: 'oauth',
      origin: record.portal,
      userId: record.userId,
      accessToken: secret.accessToken,
      refreshToken: secret.refreshToken,
      clientSecret: secret.clientSecret,
      clientId: record.oauth?.clientId ?? '',
      tokenServerUrl: record.oauth?.tokenServerUrl ?? '',
    }
  }

  async function getCredentials(id: string): Promise<Credentials> {
    let pending = credentialCache.get(id)
    if (!pending) {
      pending = readCredentials(id)
      credentialCache.set(id, pending)
      // A failed read (a locked keychain) is tried again next time rather than remembered.
      pending.catch(() => {
        if (credentialCache.get(id) === pending) credentialCache.delete(id)
      })
    }
    return { ...(await pending) }
  }

  async function saveRotatedTokens(id: string, rotated: OAuthCredentials): Promise<void> {
    const { record, persisted } = mustFind(id)
    if (record.authKind !== 'oauth' || rotated.kind !== 'oauth') {
      throw new AccountError({ code: 'INVALID_INPUT', messageKey: 'accounts:errors.invalidInput' })
    }
    const credentials: OAuthCredentials = { ...rotated, origin: record.portal, userId: record.userId }
    // In memory first: whatever happens to the keychain write, this process keeps using the tokens that now work.
    credentialCache.set(id, Promise.resolve(credentials))
    await (persisted ? secrets : sessionSecrets).set(id, secretOf(credentials))
    if (record.oauth?.tokenServerUrl !== credentials.tokenServerUrl) {
      const updated = {
        ...record,
        oauth: { clientId: credentials.clientId, tokenServerUrl: credentials.tokenServerUrl },
      }
      if (persisted) settings.saveAccount(updated)
      else sessionAccounts.set(id, updated)
    }
  }

  function saveRecord(record: AccountRecord, persisted: boolean): void {
    if (persisted) settings.saveAccount(record)
    else {
      sessionAccounts.set(record.id, record)
      notify()
    }
  }

  return {
    list,
    get(id) {
      const found = find(id)
      return found ? toView(found.record, found.persisted) : null
    },
    getCredentials,
    async openClient(id, extra) {
      const { record } = mustFind(id)
      const credentials = await getCredentials(id)
      return createClient(credentials, {
        ...clientOptionsFor(record),
        ...extra,
        onTokensRefreshed: (rotated) => saveRotatedTokens(id, rotated),
      })
    },
    async testWebhook(webhookUrl, testOptions = {}) {
      const allowHttp = testOptions.allowHttp ?? false
      const url = parseInput(z.string().min(1).max(2000), webhookUrl)
      const credentials = parseCredentials(() => parseWebhookUrl(url, { allowHttp }), 'webhook')
      const proof = await prove(credentials, clientOptionsFor({ groupUrlTemplate: null, allowHttp }))
      return { userName: proof.profile.name, groupCount: proof.groupCount }
    },
    async addWebhook(input) {
      const parsed = parseInput(webhookInput, input)
      const allowHttp = parsed.allowHttp ?? false
      const credentials = parseCredentials(() => parseWebhookUrl(parsed.webhookUrl, { allowHttp }), 'webhook')
      const proof = await prove(credentials, clientOptionsFor({ groupUrlTemplate: null, allowHttp }))
      return store(proof.credentials, proof, parsed)
    },
    async addOAuth(input) {
      const { label: text, sessionOnly, allowHttp = false, ...fields } = parseInput(oauthInput, input)
      const credentials = parseCredentials(() => parseOAuthCredentials(fields, { allowHttp }), 'oauth')
      const proof = await prove(credentials, clientOptionsFor({ groupUrlTemplate: null, allowHttp }))
      return store(proof.credentials, proof, { label: text, sessionOnly, allowHttp })
    },
    async update(id, changes) {
      const parsed = parseInput(updateSchema, changes)
      const { record, persisted } = mustFind(id)
      if (parsed.groupUrlTemplate) {
        let sample: string
        try {
          sample = createGroupUrlBuilder(parsed.groupUrlTemplate, record.portal)('1')
        } catch (error) {
          throw toAccountError(error, record.authKind)
        }
        // Links are opened only on the account's own portal, so a template on another host could never be used.
        if (new URL(sample).origin !== new URL(record.portal).origin) {
          throw new AccountError({ code: 'INVALID_INPUT', messageKey: 'accounts:errors.templateOtherHost' })
        }
      }
      const updated: AccountRecord = {
        ...record,
        ...(parsed.label !== undefined ? { label: parsed.label } : {}),
        ...(parsed.enabled !== undefined ? { enabled: parsed.enabled } : {}),
        ...(parsed.groupUrlTemplate !== undefined ? { groupUrlTemplate: parsed.groupUrlTemplate } : {}),
      }
      saveRecord(updated, persisted)
      return toView(updated, persisted)
    },
    async remove(id, removeOptions = {}) {
      const { persisted } = mustFind(id)
      if (persisted) {
        try {
          await secrets.delete(id)
        } catch (error) {
          if (!(removeOptions.force && error instanceof KeychainUnavailableError)) throw error
        }
      }
      await sessionSecrets.delete(id)
      credentialCache.delete(id)
      const wasSession = sessionAccounts.delete(id)
      settings.removeAccount(id)
      if (wasSession) notify()
      let firstFailure: unknown = null
      for (const hook of removeHooks) {
        try {
          await hook(id)
        } catch (error) {
          firstFailure ??= error
        }
      }
      // The account is gone either way; a hook that failed (its files could not be deleted) is still reported.
      if (firstFailure !== null) throw firstFailure
    },
    saveRotatedTokens,
    async updateOrigin(id, newOrigin) {
      const { record, persisted } = mustFind(id)
      const origin = parseInput(
        z.string().refine((text) => URL.canParse(text) && new URL(text).origin === text),
        newOrigin,
      )
      const credentials = { ...(await getCredentials(id)), origin }
      let profile: Profile
      try {
        profile = await createClient(credentials, {
          ...clientOptionsFor(record),
          onTokensRefreshed: (rotated) => saveRotatedTokens(id, rotated),
        }).getProfile()
      } catch (error) {
        throw toAccountError(error, record.authKind)
      }
      if (profile.id !== record.userId) {
        throw new AccountError({ code: 'USER_MISMATCH', messageKey: 'accounts:errors.userMismatch' })
      }
      const current = mustFind(id).record // tokens may have rotated while proving
      const updated: AccountRecord = { ...current, portal: origin }
      credentialCache.delete(id)
      saveRecord(updated, persisted)
      return toView(updated, persisted)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onRemove(hook) {
      removeHooks.add(hook)
      return () => removeHooks.delete(hook)
    },
  }
}
