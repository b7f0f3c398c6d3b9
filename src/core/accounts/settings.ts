// The settings file: accounts (without secrets) and AppSettings, over a `conf`-compatible store (`Conf` in plain
// Node, `electron-store` in the app, both built from settingsStoreOptions). What is read is repaired field by field;
// a file that cannot be read at all is moved aside and the store starts on defaults, with a one-time notice.
// The app and the command line share the file, so every change is made on what the file holds at that moment (never
// on this process's copy of it), and the copy is brought up to date before it is read and when the file changes.
import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import Conf, { type Options } from 'conf'
import { settingsPatchSchema, type SettingsPatch } from '@shared/model'
import type { AppSettings } from '@shared/types'
import { isPlainObject } from '@shared/plain-object'
import { AccountError, accountNotFound } from './errors'
import { SETTINGS_VERSION, settingsMigrations } from './settings-migrations'
import { type AccountRecord, defaultSettingsFile, repairSettingsFile, type SettingsFile } from './settings-schema'

export const SETTINGS_FILE_NAME = 'config.json'

export type SettingsStoreOptions = Options<SettingsFile> & { cwd: string }

/** The options both `new Conf(...)` and `new ElectronStore(...)` take, so both build the same file. */
export function settingsStoreOptions(cwd: string): SettingsStoreOptions {
  if (!isAbsolute(cwd)) throw new TypeError('The settings directory must be an absolute path')
  return {
    cwd,
    projectVersion: SETTINGS_VERSION,
    // No JSON schema: `conf` would compile one with ajv on every start (~30 ms, most of a cold `list` or poll).
    // The top level is checked before the store opens (isReadableJsonObject), every field below by repairSettingsFile.
    defaults: defaultSettingsFile(),
    migrations: settingsMigrations,
    clearInvalidConfig: false,
    configFileMode: 0o600,
    // The other process (app or command line) may change the file at any time; its changes must reach onDidChange.
    watch: true,
  }
}

/** The part of `Conf` (and so of `ElectronStore`) this module uses. */
export interface SettingsBackingStore {
  readonly path: string
  readonly store: SettingsFile
  set(value: Partial<SettingsFile>): void
  onDidAnyChange(callback: (newValue?: Readonly<SettingsFile>) => void): () => void
  /** Stops watching the file (`Conf` and `ElectronStore` have it). */
  _closeWatcher?(): void
}

export type { SettingsPatch }

export interface SettingsState {
  accounts: AccountRecord[]
  settings: AppSettings
}

export interface SettingsStore {
  /** Absolute path of the settings file. */
  readonly path: string
  /** True when the file could not be read at start and was moved aside. */
  readonly settingsRecovered: boolean
  /** Where the unreadable file was moved, if it was. */
  readonly recoveredFile: string | null
  /** Fields repaired at start (dotted paths). */
  readonly repairedFields: readonly string[]
  /** The start-up notice as an i18n key, once; null afterwards or when there is nothing to say. */
  takeNotice(): string | null
  getSettings(): AppSettings
  /** Validates and applies a partial update; throws SettingsInputError naming the bad field. */
  updateSettings(patch: SettingsPatch): AppSettings
  setPinnedGroup(accountId: string, groupId: string, pinned: boolean): AppSettings
  listAccounts(): AccountRecord[]
  getAccount(id: string): AccountRecord | null
  /** Inserts, or replaces the record with the same id (keeping its position). */
  saveAccount(record: AccountRecord): void
  /** Removes the record and its pinned groups; false when there was none. */
  removeAccount(id: string): boolean
  /** Called after every change, from this process or (with `watch`) from another. Returns the unsubscribe. */
  onDidChange(listener: (state: SettingsState) => void): () => void
  /** Stops watching the file for the other process's changes (reads and writes still see them). */
  close(): void
}

export class SettingsInputError extends AccountError {
  override name = 'SettingsInputError'
  constructor(readonly field: string) {
    super({
      code: 'INVALID_INPUT',
      messageKey: 'accounts:errors.invalidInput',
      message: `Invalid settings value: ${field}`,
    })
  }
}

/** Neither the file nor a fresh one in its place could be opened (e.g. the directory is not writable). */
export class SettingsUnavailableError extends Error {
  override readonly name = 'SettingsUnavailableError'
  readonly code = 'SETTINGS_UNAVAILABLE'
  constructor(
    readonly path: string,
    options: { cause: unknown },
  ) {
    super(`The settings file ${path} cannot be opened: ${(options.cause as Error)?.message ?? String(options.cause)}`, {
      cause: options.cause,
    })
  }
}

export interface CreateSettingsStoreOptions {
  /** Absolute directory of the settings file (the app's user-data directory, or the CLI's --config-dir). */
  cwd: string
  /** Builds the backing store from the options; `Conf` by default. The app passes `(o) => new ElectronStore(o)`. */
  store?: (options: SettingsStoreOptions) => SettingsBackingStore
  now?: () => Date
}

function timestampForFileName(date: Date): string {
  // Colons are not allowed in Windows file names.
  return date.toISOString().replace(/[:.]/g, '-')
}

/** Renames or copies `file` to `<file>.<tag>-<time>`, never over an existing file; returns the new path. */
function setAside(file: string, tag: string, now: () => Date, keepOriginal: boolean): string {
  const base = `${file}.${tag}-${timestampForFileName(now())}`
  let target = base
  for (let n = 1; existsSync(target); n += 1) target = `${base}-${n}`
  if (keepOriginal) copyFileSync(file, target)
  else renameSync(file, target)
  return target
}

/**
 * False when the file exists but is not a readable JSON object of the settings file's top-level shape (`accounts` a
 * list, `settings` an object, where present): what `conf` would throw on or silently empty. Field values below that
 * are repaired one by one instead.
 */
function isReadableJsonObject(file: string): boolean {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
  }
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''))
    return (
      isPlainObject(parsed) &&
      (parsed.accounts === undefined || Array.isArray(parsed.accounts)) &&
      (parsed.settings === undefined || isPlainObject(parsed.settings))
    )
  } catch {
    return false
  }
}

export function createSettingsStore(options: CreateSettingsStoreOptions): SettingsStore {
  const storeOptions = settingsStoreOptions(options.cwd)
  const build = options.store ?? ((o: SettingsStoreOptions) => new Conf<SettingsFile>(o))
  const now = options.now ?? (() => new Date())
  const file = join(options.cwd, SETTINGS_FILE_NAME)

  let recoveredFile: string | null = isReadableJsonObject(file) ? null : setAside(file, 'corrupt', now, false)
  let backing: SettingsBackingStore
  let raw: unknown
  try {
    backing = build(storeOptions)
    raw = backing.store
  } catch (error) {
    // A file that parses but fails the top-level schema or a migration: keep it aside and start on defaults.
    if (recoveredFile !== null || !existsSync(file)) throw new SettingsUnavailableError(file, { cause: error })
    recoveredFile = setAside(file, 'corrupt', now, false)
    try {
      backing = build(storeOptions)
      raw = backing.store
    } catch (retryError) {
      throw new SettingsUnavailableError(file, { cause: retryError })
    }
  }

  const initial = repairSettingsFile(raw, now)
  if (initial.repairs.length > 0) {
    // The original is kept beside the file before the repaired version replaces it: a repair must not lose anything.
    if (existsSync(backing.path)) setAside(backing.path, 'repaired', now, true)
    backing.set(initial.value)
  } else if (!isDeepStrictEqual(JSON.parse(JSON.stringify(raw ?? {})), initial.value)) {
    // Missing fields were filled in (e.g. an account's creation time): write them, so they stay the same next time.
    backing.set(initial.value)
  }
  let state: SettingsFile = initial.value
  const listeners = new Set<(state: SettingsState) => void>()
  let noticePending = recoveredFile !== null || initial.repairs.length > 0

  const snapshot = (): SettingsState => structuredClone({ accounts: state.accounts, settings: state.settings })

  // The file as last read or written, as JSON text: the copy is repaired and listeners told only when this differs,
  // since repairing the same file twice can differ (a missing creation time is filled in with `now`).
  let lastSeen = JSON.stringify(backing.store)
  let writing = false

  function notify(): void {
    const current = snapshot()
    for (const listener of listeners) listener(current)
  }

  function adopt(raw: unknown): void {
    const seen = JSON.stringify(raw)
    if (seen === lastSeen) return
    lastSeen = seen
    state = repairSettingsFile(raw, now).value
    notify()
  }

  /**
   * The file's identity and last change (inode, size, modification and change times in ns), or null when it cannot
   * be stat'ed. A poll reads the accounts and the settings; re-reading and parsing the file each time cost ~0.6 ms
   * per poll, a stat ~0.01 ms. Every writer (conf, electron-store, this store) replaces the file by rename, which
   * changes all of these.
   */
  function fileVersion(): string | null {
    try {
      const stat = statSync(backing.path, { bigint: true })
      return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`
    } catch {
      return null
    }
  }
  let versionSeen: string | null = null

  /** Brings the copy up to date with the file; an unreadable file (halfway through another write) keeps the copy. */
  function refresh(): void {
    const version = fileVersion()
    if (version !== null && version === versionSeen) return
    let raw: unknown
    try {
      raw = backing.store
    } catch {
      return
    }
    versionSeen = version
    adopt(raw)
  }

  // Changes written by another process, seen by the backing store's watcher; this store's own writes notify from
  // write() below. A file that is gone was deleted, not changed through a store: nothing to take from it.
  backing.onDidAnyChange((newValue) => {
    if (writing || newValue === undefined || !existsSync(backing.path)) return
    adopt(newValue)
  })

  /** What the file holds now, repaired; the original of a repaired file is kept beside it before anything is written. */
  function readForWrite(): { raw: unknown; fresh: SettingsFile } {
    let raw: unknown
    try {
      raw = backing.store
    } catch (error) {
      throw new SettingsUnavailableError(backing.path, { cause: error })
    }
    const repaired = repairSettingsFile(raw, now)
    if (repaired.repairs.length > 0 && existsSync(backing.path)) setAside(backing.path, 'repaired', now, true)
    return { raw, fresh: repaired.value }
  }

  /** Writes only the changed top-level fields, so the backing store keeps what the file holds in the others. */
  function write(base: SettingsFile, change: Partial<SettingsFile>): void {
    writing = true
    try {
      backing.set(change)
    } finally {
      writing = false
    }
    state = structuredClone({ ...base, ...change })
    lastSeen = JSON.stringify(backing.store)
    notify()
  }

  return {
    path: backing.path,
    settingsRecovered: recoveredFile !== null,
    recoveredFile,
    repairedFields: initial.repairs,
    takeNotice() {
      if (!noticePending) return null
      noticePending = false
      return recoveredFile !== null ? 'accounts:notices.settingsRecovered' : 'accounts:notices.settingsRepaired'
    },
    getSettings() {
      refresh()
      // The settings alone: the engine asks for them at every poll, and cloning the accounts too was for nothing.
      return structuredClone(state.settings)
    },
    updateSettings(patch) {
      const parsed = settingsPatchSchema.safeParse(patch)
      if (!parsed.success) throw new SettingsInputError(parsed.error.issues[0]?.path.join('.') || 'settings')
      const { notifications, ...rest } = parsed.data
      const { fresh } = readForWrite()
      const current = fresh.settings
      const settings: AppSettings = {
        ...current,
        ...rest,
        notifications: {
          kinds: { ...current.notifications.kinds, ...notifications?.kinds },
          mutedUntil:
            notifications?.mutedUntil !== undefined ? notifications.mutedUntil : current.notifications.mutedUntil,
        },
      }
      write(fresh, { settings })
      return snapshot().settings
    },
    setPinnedGroup(accountId, groupId, pinned) {
      const { fresh } = readForWrite()
      const pinnedGroups = { ...fresh.settings.pinnedGroups }
      const ids = (pinnedGroups[accountId] ?? []).filter((id) => id !== groupId)
      if (pinned) ids.push(groupId)
      if (ids.length > 0) pinnedGroups[accountId] = ids
      else delete pinnedGroups[accountId]
      write(fresh, { settings: { ...fresh.settings, pinnedGroups } })
      return snapshot().settings
    },
    listAccounts() {
      refresh()
      return snapshot().accounts
    },
    getAccount(id) {
      refresh()
      const found = state.accounts.find((account) => account.id === id)
      return found ? structuredClone(found) : null
    },
    saveAccount(record) {
      const checked = repairSettingsFile({ accounts: [record] }, now)
      if (checked.repairs.length > 0) throw new SettingsInputError(checked.repairs[0] ?? 'accounts')
      const known = state.accounts.some((account) => account.id === record.id)
      const { raw, fresh } = readForWrite()
      const index = fresh.accounts.findIndex((account) => account.id === record.id)
      if (index === -1 && known) {
        // This process last saw the account in the file and the other process has removed it since: an edit made
        // here must not bring it back (its keychain entry is gone).
        adopt(raw)
        throw accountNotFound(record.id)
      }
      const accounts = [...fresh.accounts]
      if (index === -1) accounts.push(record)
      else accounts[index] = record
      write(fresh, { accounts })
    },
    removeAccount(id) {
      const { raw, fresh } = readForWrite()
      const existed = fresh.accounts.some((account) => account.id === id)
      if (!existed && !(id in fresh.settings.pinnedGroups)) {
        adopt(raw)
        return false
      }
      const pinnedGroups = { ...fresh.settings.pinnedGroups }
      delete pinnedGroups[id]
      write(fresh, {
        accounts: fresh.accounts.filter((account) => account.id !== id),
        settings: { ...fresh.settings, pinnedGroups },
      })
      return existed
    },
    close() {
      backing._closeWatcher?.()
    },
    onDidChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
