// Where account secrets live: the OS keychain through keytar (one JSON value per account, account name = account id),
// or process memory for a session-only account. There is deliberately no file-backed store: no plaintext fallback.
import { z } from 'zod'
import { AccountError } from './errors'
import { toKeychainError } from './keychain-error'

export const KEYCHAIN_SERVICE = 'Bitrix24 Groups'

const secretText = z.string().min(1).max(4000)

export const accountSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), code: secretText }).strict(),
  z
    .object({ kind: z.literal('oauth'), accessToken: secretText, refreshToken: secretText, clientSecret: secretText })
    .strict(),
])

/** The secret part of an account's credentials; everything else about the account lives in settings. */
export type AccountSecret = z.infer<typeof accountSecretSchema>

export interface SecretStore {
  /** True when the secret outlives the process (the keychain), false for the session-only store. */
  readonly persistent: boolean
  get(accountId: string): Promise<AccountSecret | null>
  /** Replaces the account's secret in one write, so a rotated token never coexists with a missing one. */
  set(accountId: string, secret: AccountSecret): Promise<void>
  /** True when there was an entry to delete. */
  delete(accountId: string): Promise<boolean>
  /** Ids of the accounts that have a secret here. */
  list(): Promise<string[]>
}

/** A keychain entry that is there but is not a secret this app wrote (edited by hand, or another app's). */
export class StoredSecretUnreadableError extends AccountError {
  override name = 'StoredSecretUnreadableError'
  constructor(readonly accountId: string) {
    // The stored value is never quoted: it may be a secret.
    super({
      code: 'SECRET_UNREADABLE',
      messageKey: 'accounts:errors.secretUnreadable',
      message: `The keychain entry of account ${accountId} is not a secret this app can read`,
    })
  }
}

/** Checks a secret before it is stored; the error names the kind, never the value. */
function validSecret(secret: AccountSecret): AccountSecret {
  const parsed = accountSecretSchema.safeParse(secret)
  if (!parsed.success) throw new TypeError(`Refusing to store a malformed ${String(secret?.kind)} secret`)
  return parsed.data
}

function parseStoredSecret(accountId: string, stored: string): AccountSecret {
  let json: unknown
  try {
    json = JSON.parse(stored)
  } catch {
    throw new StoredSecretUnreadableError(accountId)
  }
  const parsed = accountSecretSchema.safeParse(json)
  if (!parsed.success) throw new StoredSecretUnreadableError(accountId)
  return parsed.data
}

/** The part of keytar this store uses; tests and other platforms' shims may pass their own. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>
}

type KeytarModule = KeytarLike & { default?: KeytarLike }

async function loadKeytar(): Promise<KeytarLike> {
  // Imported lazily: keytar is a native module, and a build without it (or without libsecret) must surface as the
  // typed error at the first use, not as a crash when this file is imported.
  // keytar is CommonJS: Node's named-export detection finds only some of its functions, so take `default` first.
  const loaded = (await import('keytar')) as KeytarModule
  return loaded.default ?? loaded
}

export interface KeychainSecretStoreOptions {
  service?: string
  /** keytar itself, or a promise/loader of it; loaded lazily by default. */
  keytar?: KeytarLike | (() => Promise<KeytarLike>)
  platform?: NodeJS.Platform
}

/** Secrets in the OS keychain. Every failure of the keychain itself becomes a `KeychainUnavailableError`. */
export function createKeychainSecretStore(options: KeychainSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE
  const platform = options.platform ?? process.platform
  const source = options.keytar ?? loadKeytar
  let keytar: Promise<KeytarLike> | null = null

  async function withKeychain<T>(operation: (keytar: KeytarLike) => Promise<T>): Promise<T> {
    let api: KeytarLike
    try {
      keytar ??= typeof source === 'function' ? source() : Promise.resolve(source)
      api = await keytar
    } catch (error) {
      keytar = null // a later call may find the module (e.g. after the user installs libsecret)
      throw toKeychainError(error, platform)
    }
    try {
      return await operation(api)
    } catch (error) {
      throw toKeychainError(error, platform)
    }
  }

  return {
    persistent: true,
    async get(accountId) {
      const stored = await withKeychain((api) => api.getPassword(service, accountId))
      return stored === null ? null : parseStoredSecret(accountId, stored)
    },
    async set(accountId, secret) {
      const value = JSON.stringify(validSecret(secret))
      await withKeychain((api) => api.setPassword(service, accountId, value))
    },
    delete(accountId) {
      return withKeychain((api) => api.deletePassword(service, accountId))
    },
    async list() {
      const found = await withKeychain((api) => api.findCredentials(service))
      return found.map((entry) => entry.account).sort()
    },
  }
}

/** Secrets kept in this process only, for session-only accounts: forgotten when the app quits. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, AccountSecret>()
  return {
    persistent: false,
    async get(accountId) {
      const secret = secrets.get(accountId)
      return secret ? { ...secret } : null
    },
    async set(accountId, secret) {
      secrets.set(accountId, validSecret(secret))
    },
    async delete(accountId) {
      return secrets.delete(accountId)
    },
    async list() {
      return [...secrets.keys()].sort()
    },
  }
}
