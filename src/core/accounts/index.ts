// The accounts module's public surface: the account service, the settings store and the secret stores.
export { createAccountService } from './registry'
export type {
  AccountService,
  AccountServiceOptions,
  AccountUpdate,
  AddOAuthInput,
  AddWebhookInput,
  ClientOptions,
  ConnectionProof,
  CreateClient,
  RemoveHook,
} from './registry'
export {
  createSettingsStore,
  settingsStoreOptions,
  SETTINGS_FILE_NAME,
  SettingsInputError,
  SettingsUnavailableError,
} from './settings'
export type {
  CreateSettingsStoreOptions,
  SettingsBackingStore,
  SettingsPatch,
  SettingsState,
  SettingsStore,
  SettingsStoreOptions,
} from './settings'
export type { AccountRecord, SettingsFile } from './settings-schema'
export { SETTINGS_VERSION } from './settings-migrations'
export {
  createKeychainSecretStore,
  createMemorySecretStore,
  KEYCHAIN_SERVICE,
  StoredSecretUnreadableError,
} from './secrets'
export type { AccountSecret, KeychainSecretStoreOptions, KeytarLike, SecretStore } from './secrets'
export { KeychainUnavailableError, type KeychainErrorCode } from './keychain-error'
export { AccountError, toAccountError } from './errors'
export { accountIdOf, maskedCredentialOf } from './account-id'
