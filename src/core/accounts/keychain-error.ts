// The typed error for "the OS keychain cannot keep a secret right now", and the classification of the raw errors
// keytar and the platforms' secret stores throw. The message says what to install or unlock on this platform.
import { accounts as messages } from '@shared/i18n/accounts'
import { AccountError } from './errors'

export type KeychainErrorCode = 'KEYCHAIN_UNAVAILABLE' | 'KEYCHAIN_LOCKED'
type PlatformKey = 'linux' | 'darwin' | 'win32' | 'other'

function platformKey(platform: NodeJS.Platform): PlatformKey {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other'
}

export class KeychainUnavailableError extends AccountError {
  override name = 'KeychainUnavailableError'
  declare readonly code: KeychainErrorCode
  /** The underlying error's text, for logs. keytar never puts the secret in its errors. */
  readonly detail: string | null

  constructor(code: KeychainErrorCode, options: { platform?: NodeJS.Platform; detail?: string | null } = {}) {
    const where = platformKey(options.platform ?? process.platform)
    const group = code === 'KEYCHAIN_LOCKED' ? 'locked' : 'unavailable'
    // The message key (namespace `accounts`) picks the platform-specific advice.
    super({ code, messageKey: `accounts:keychain.${group}.${where}`, message: messages.en.keychain[group][where] })
    this.detail = options.detail ?? null
  }
}

// Texts seen from libsecret/gnome-keyring, KWallet, macOS Security framework and Windows when the store exists but
// refuses: a locked collection, a dismissed unlock prompt, no default collection to unlock, a user-cancelled dialog.
const LOCKED_PATTERNS = [
  /locked/i,
  /prompt/i,
  /dismissed/i,
  /collection\/login/i,
  /user (name or passphrase|canceled|cancelled)/i,
  /interaction (is )?not allowed/i,
  /errSecAuthFailed|errSecInteractionNotAllowed|-25293|-25308|-128\b/,
  /access (is )?denied/i,
]

/** Turns whatever a keychain call threw into the typed error; an already typed error passes through. */
export function toKeychainError(
  error: unknown,
  platform: NodeJS.Platform = process.platform,
): KeychainUnavailableError {
  if (error instanceof KeychainUnavailableError) return error
  const detail = error instanceof Error ? error.message : String(error)
  const code = LOCKED_PATTERNS.some((pattern) => pattern.test(detail)) ? 'KEYCHAIN_LOCKED' : 'KEYCHAIN_UNAVAILABLE'
  return new KeychainUnavailableError(code, { platform, detail })
}
