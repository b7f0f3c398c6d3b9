import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import { DEFAULT_SETTINGS } from '@shared/model'
import type { AccountRecord, SettingsFile } from './settings-schema'
import { SETTINGS_VERSION } from './settings-migrations'
import {
  createSettingsStore,
  SETTINGS_FILE_NAME,
  SettingsInputError,
  settingsStoreOptions,
  type SettingsStoreOptions,
} from './settings'

const fixedNow = () => new Date('2025-01-02T03:04:05.678Z')
let dir: string
const file = () => join(dir, SETTINGS_FILE_NAME)
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'))
// Every store watches its file; each is closed before its directory is removed.
const opened: Array<{ close(): void }> = []
function track<T extends { close(): void }>(store: T): T {
  opened.push(store)
  return store
}
const open = () => track(createSettingsStore({ cwd: dir, now: fixedNow }))

function account(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'acme.bitrix24.com/1',
    portal: 'https://acme.bitrix24.com',
    userId: '1',
    authKind: 'webhook',
    userName: 'Ann Lee',
    userPhotoUrl: null,
    label: 'Acme',
    groupUrlTemplate: null,
    enabled: true,
    createdAt: '2024-12-01T10:00:00.000Z',
    allowHttp: false,
    oauth: null,
    ...overrides,
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'b24-settings-'))
})
afterEach(() => {
  for (const store of opened.splice(0)) store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('a fresh settings directory', () => {
  it('starts on the default settings with no accounts and nothing to tell the user', () => {
    const store = open()
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS)
    expect(store.listAccounts()).toEqual([])
    expect(store.settingsRecovered).toBe(false)
    expect(store.takeNotice()).toBeNull()
  })

  it('refuses a relative directory, since the CLI and the app must agree on one file', () => {
    expect(() => settingsStoreOptions('relative/dir')).toThrow(/absolute/)
  })

  it('records the current layout version so no migration runs on the next start', () => {
    open().updateSettings({ theme: 'dark' })
    expect(readJson(file()).__internal__).toEqual({ migrations: { version: SETTINGS_VERSION } })
  })
})

describe('settings', () => {
  it('keeps an update across a restart', () => {
    open().updateSettings({ pollIntervalSeconds: 300, language: 'de', notifications: { kinds: { joined: false } } })
    const reopened = open().getSettings()
    expect(reopened.pollIntervalSeconds).toBe(300)
    expect(reopened.language).toBe('de')
    expect(reopened.notifications.kinds).toEqual({ ...DEFAULT_SETTINGS.notifications.kinds, joined: false })
  })

  it('merges a notifications update instead of replacing the other kinds and the mute time', () => {
    const store = open()
    store.updateSettings({ notifications: { mutedUntil: '2025-01-02T04:00:00.000Z' } })
    const settings = store.updateSettings({ notifications: { kinds: { left: false } } })
    expect(settings.notifications.mutedUntil).toBe('2025-01-02T04:00:00.000Z')
    expect(settings.notifications.kinds.joined).toBe(true)
    expect(settings.notifications.kinds.left).toBe(false)
  })

  it('rejects an out-of-range poll interval naming the field, and changes nothing', () => {
    const store = open()
    expect(() => store.updateSettings({ pollIntervalSeconds: 5 })).toThrow(SettingsInputError)
    expect(() => store.updateSettings({ pollIntervalSeconds: 5 })).toThrow(/pollIntervalSeconds/)
    expect(open().getSettings().pollIntervalSeconds).toBe(DEFAULT_SETTINGS.pollIntervalSeconds)
  })

  it('pins and unpins groups per account', () => {
    const store = open()
    store.setPinnedGroup('acme.bitrix24.com/1', '7', true)
    store.setPinnedGroup('acme.bitrix24.com/1', '9', true)
    store.setPinnedGroup('acme.bitrix24.com/1', '7', true)
    expect(open().getSettings().pinnedGroups).toEqual({ 'acme.bitrix24.com/1': ['9', '7'] })
    store.setPinnedGroup('acme.bitrix24.com/1', '9', false)
    store.setPinnedGroup('acme.bitrix24.com/1', '7', false)
    expect(open().getSettings().pinnedGroups).toEqual({})
  })

  it('hands out copies, so a caller cannot change the stored settings by mutating them', () => {
    const store = open()
    store.getSettings().notifications.kinds.joined = false
    expect(store.getSettings().notifications.kinds.joined).toBe(true)
  })
})

describe('account records', () => {
  it('are saved, replaced by id in place, and removed together with their pinned groups', () => {
    const store = open()
    store.saveAccount(account())
    store.saveAccount(account({ id: 'beta.bitrix24.de/5', portal: 'https://beta.bitrix24.de', userId: '5' }))
    store.saveAccount(account({ label: 'Renamed' }))
    store.setPinnedGroup('acme.bitrix24.com/1', '7', true)
    expect(
      open()
        .listAccounts()
        .map((record) => [record.id, record.label]),
    ).toEqual([
      ['acme.bitrix24.com/1', 'Renamed'],
      ['beta.bitrix24.de/5', 'Acme'],
    ])
    expect(store.removeAccount('acme.bitrix24.com/1')).toBe(true)
    expect(store.removeAccount('acme.bitrix24.com/1')).toBe(false)
    const reopened = open()
    expect(reopened.listAccounts().map((record) => record.id)).toEqual(['beta.bitrix24.de/5'])
    expect(reopened.getSettings().pinnedGroups).toEqual({})
  })

  it('refuses a record that would not survive the next read', () => {
    expect(() => open().saveAccount(account({ portal: 'not a url' }))).toThrow(SettingsInputError)
  })

  it('tells subscribers about every change until they unsubscribe', () => {
    const store = open()
    const seen: string[][] = []
    const unsubscribe = store.onDidChange((state) => seen.push(state.accounts.map((record) => record.id)))
    store.saveAccount(account())
    unsubscribe()
    store.removeAccount('acme.bitrix24.com/1')
    expect(seen).toEqual([['acme.bitrix24.com/1']])
  })
})

describe('a settings file with bad values', () => {
  it('is repaired field by field: bad values clamped or defaulted, good values and good accounts kept', () => {
    const bad = {
      accounts: [account(), { id: 'x/1', portal: 42 }, account({ id: 'ok.example.com/2', enabled: 'yes' as never })],
      settings: {
        pollIntervalSeconds: 5,
        theme: 'purple',
        language: 'ru',
        launchAtLogin: true,
        trayMenuGroupCount: 500,
        showArchived: 'no',
        groupSort: 'activity',
        notifications: { kinds: { joined: false, left: 'no' }, mutedUntil: 'soon' },
        pinnedGroups: { 'acme.bitrix24.com/1': ['7', 8, '7'] },
      },
      __internal__: { migrations: { version: SETTINGS_VERSION } },
    }
    writeFileSync(file(), JSON.stringify(bad))
    const store = open()
    const settings = store.getSettings()
    expect(settings.pollIntervalSeconds).toBe(15)
    expect(settings.trayMenuGroupCount).toBe(50)
    expect(settings.theme).toBe('system')
    expect(settings.language).toBe('ru')
    expect(settings.launchAtLogin).toBe(true)
    expect(settings.showArchived).toBe(true)
    expect(settings.groupSort).toBe('activity')
    expect(settings.notifications).toEqual({
      kinds: { ...DEFAULT_SETTINGS.notifications.kinds, joined: false },
      mutedUntil: null,
    })
    expect(settings.pinnedGroups).toEqual({ 'acme.bitrix24.com/1': ['7'] })
    expect(store.listAccounts().map((record) => [record.id, record.enabled])).toEqual([
      ['acme.bitrix24.com/1', true],
      ['ok.example.com/2', true],
    ])
    expect(store.repairedFields).toEqual(
      expect.arrayContaining([
        'accounts.1',
        'accounts.2.enabled',
        'settings.pollIntervalSeconds',
        'settings.theme',
        'settings.showArchived',
      ]),
    )
    expect(store.settingsRecovered).toBe(false)
    expect(store.takeNotice()).toBe('accounts:notices.settingsRepaired')
    expect(store.takeNotice()).toBeNull()
  })

  it('keeps the original file beside the repaired one', () => {
    const original = JSON.stringify({
      settings: { pollIntervalSeconds: 'often' },
      accounts: [],
      __internal__: { migrations: { version: SETTINGS_VERSION } },
    })
    writeFileSync(file(), original)
    open()
    expect(readFileSync(join(dir, 'config.json.repaired-2025-01-02T03-04-05-678Z'), 'utf8')).toBe(original)
    expect((readJson(file()).settings as Record<string, unknown>).pollIntervalSeconds).toBe(60)
  })
})

describe('an unreadable settings file', () => {
  it.each([
    ['not JSON', '{"settings": {"theme": "dark"'],
    ['a JSON array', '[1, 2, 3]'],
    [
      'the wrong top-level shape',
      JSON.stringify({ settings: 'dark', __internal__: { migrations: { version: '1.0.0' } } }),
    ],
  ])('(%s) is moved aside with its bytes intact and the store starts on defaults', (_kind, content) => {
    writeFileSync(file(), content)
    const store = open()
    const aside = join(dir, 'config.json.corrupt-2025-01-02T03-04-05-678Z')
    expect(store.recoveredFile).toBe(aside)
    expect(readFileSync(aside, 'utf8')).toBe(content)
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS)
    expect(store.settingsRecovered).toBe(true)
  })

  it('is reported once, as an i18n key, and the next start is quiet', () => {
    writeFileSync(file(), '\u0000\u0001garbage')
    const store = open()
    expect(store.takeNotice()).toBe('accounts:notices.settingsRecovered')
    expect(store.takeNotice()).toBeNull()
    store.updateSettings({ theme: 'light' })
    const next = open()
    expect(next.settingsRecovered).toBe(false)
    expect(next.takeNotice()).toBeNull()
    expect(next.getSettings().theme).toBe('light')
  })

  it('never overwrites an earlier moved-aside file', () => {
    writeFileSync(file(), 'first')
    open()
    writeFileSync(file(), 'second')
    open()
    const aside = readdirSync(dir).filter((name) => name.includes('.corrupt-'))
    expect(aside.map((name) => readFileSync(join(dir, name), 'utf8')).sort()).toEqual(['first', 'second'])
  })

  it('(a directory where the file should be) is moved aside too', () => {
    mkdirSync(file())
    const store = open()
    expect(store.settingsRecovered).toBe(true)
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS)
  })
})

describe('migration from a version-0 file', () => {
  const v0 = {
    pollInterval: 30,
    notify: false,
    theme: 'dark',
    language: 'de',
    autostart: true,
    shortcut: '',
    accounts: [
      {
        portal: 'https://acme.bitrix24.com/',
        userId: 1,
        label: 'Acme',
        enabled: false,
        createdAt: '2024-03-01T08:00:00Z',
      },
      { portal: 'http://127.0.0.1:8080', userId: '7' },
    ],
  }

  it('moves the flat preferences into settings and keeps every value', () => {
    writeFileSync(file(), JSON.stringify(v0))
    const settings = open().getSettings()
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      pollIntervalSeconds: 30,
      theme: 'dark',
      language: 'de',
      launchAtLogin: true,
      globalShortcut: null,
      notifications: {
        kinds: {
          joined: false,
          left: false,
          role_changed: false,
          renamed: false,
          image_changed: false,
          extranet_changed: false,
          // The old single switch was off: no kind is notified, the later ones included.
          archived: false,
          restored: false,
        },
        mutedUntil: null,
      },
    })
  })

  it('turns the accounts into records whose ids match the keychain entries (HOST/USER_ID, port kept)', () => {
    writeFileSync(file(), JSON.stringify(v0))
    const accounts = open().listAccounts()
    expect(accounts.map(({ id, portal, userId, label, enabled }) => ({ id, portal, userId, label, enabled }))).toEqual([
      { id: 'acme.bitrix24.com/1', portal: 'https://acme.bitrix24.com', userId: '1', label: 'Acme', enabled: false },
      { id: '127.0.0.1:8080/7', portal: 'http://127.0.0.1:8080', userId: '7', label: '127.0.0.1:8080', enabled: true },
    ])
    expect(accounts[0]?.createdAt).toBe('2024-03-01T08:00:00Z')
  })

  it('fills in what version 0 did not record once, so it stays the same on later starts', () => {
    writeFileSync(file(), JSON.stringify(v0))
    open()
    const later = track(createSettingsStore({ cwd: dir, now: () => new Date('2030-01-01T00:00:00.000Z') }))
    expect(later.getAccount('127.0.0.1:8080/7')?.createdAt).toBe(fixedNow().toISOString())
  })

  it('leaves the current layout on disk: no legacy keys, the version recorded', () => {
    writeFileSync(file(), JSON.stringify(v0))
    open()
    const onDisk = readJson(file())
    expect(Object.keys(onDisk).sort()).toEqual(['__internal__', 'accounts', 'settings'])
    expect(onDisk.__internal__).toEqual({ migrations: { version: SETTINGS_VERSION } })
    expect(open().takeNotice()).toBeNull()
  })
})

describe('the backing store', () => {
  it('is built by the caller’s factory from the shared options (the app passes electron-store there)', () => {
    const received: SettingsStoreOptions[] = []
    const store = track(
      createSettingsStore({
        cwd: dir,
        store: (options) => {
          received.push(options)
          return new Conf<SettingsFile>(options)
        },
      }),
    )
    store.updateSettings({ theme: 'dark' })
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ cwd: dir, projectVersion: SETTINGS_VERSION })
    expect(Object.keys(received[0]?.migrations ?? {})).toEqual([SETTINGS_VERSION])
    expect(received[0]?.defaults).toEqual({ accounts: [], settings: DEFAULT_SETTINGS })
  })

  it('reports changes another process wrote, when the backing store sees them', () => {
    const backing = new Conf<SettingsFile>(settingsStoreOptions(dir))
    const store = track(createSettingsStore({ cwd: dir, store: () => backing }))
    const themes: string[] = []
    store.onDidChange((state) => themes.push(state.settings.theme))
    // Another Conf instance on the same file stands in for the other process; `events` is how a watching store
    // reports what its watcher saw.
    new Conf<SettingsFile>({ ...settingsStoreOptions(dir), watch: false }).set('settings', {
      ...DEFAULT_SETTINGS,
      theme: 'light',
    })
    backing.events.dispatchEvent(new Event('change'))
    expect(themes).toEqual(['light'])
    expect(store.getSettings().theme).toBe('light')
  })
})

describe('reading the settings while the file stays the same', () => {
  it('parses the file again only after it changed on disk, so a poll does not re-read it', () => {
    let reads = 0
    const store = track(
      createSettingsStore({
        cwd: dir,
        store: (options) => {
          const backing = new Conf<SettingsFile>({ ...options, watch: false })
          return new Proxy(backing, {
            get(target, key) {
              if (key === 'store') reads++
              const value: unknown = Reflect.get(target, key, target)
              return typeof value === 'function' ? value.bind(target) : value
            },
          })
        },
      }),
    )
    store.getSettings()
    const before = reads
    for (let poll = 0; poll < 5; poll++) {
      store.getSettings()
      store.listAccounts()
    }
    expect(reads).toBe(before)
    new Conf<SettingsFile>({ ...settingsStoreOptions(dir), watch: false }).set('settings', {
      ...DEFAULT_SETTINGS,
      theme: 'light',
    })
    expect(store.getSettings().theme).toBe('light')
    expect(reads).toBe(before + 1)
  })
})

describe('two processes on one settings file (the app and the command line)', () => {
  const beta = () => account({ id: 'beta.bitrix24.de/5', portal: 'https://beta.bitrix24.de', userId: '5' })
  const idsOnDisk = () => (readJson(file()).accounts as AccountRecord[]).map((record) => record.id)

  it('keeps an account the other process added when this one writes next', () => {
    const app = open()
    const cli = open()
    cli.saveAccount(account())
    app.setPinnedGroup('acme.bitrix24.com/1', '7', true)
    expect(idsOnDisk()).toEqual(['acme.bitrix24.com/1'])
    expect(open().getSettings().pinnedGroups).toEqual({ 'acme.bitrix24.com/1': ['7'] })
  })

  it('does not write back an account the other process removed', () => {
    const app = open()
    app.saveAccount(account())
    app.saveAccount(beta())
    open().removeAccount('acme.bitrix24.com/1')
    app.updateSettings({ theme: 'dark' })
    app.saveAccount(beta())
    expect(idsOnDisk()).toEqual(['beta.bitrix24.de/5'])
  })

  it('refuses to save an edit of an account the other process removed, instead of bringing it back', () => {
    const app = open()
    app.saveAccount(account())
    open().removeAccount('acme.bitrix24.com/1')
    expect(() => app.saveAccount(account({ label: 'Renamed' }))).toThrow(
      expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }),
    )
    expect(idsOnDisk()).toEqual([])
    expect(app.listAccounts()).toEqual([])
  })

  it('still adds an account that was removed and is added again after this process saw it gone', () => {
    const app = open()
    app.saveAccount(account())
    open().removeAccount('acme.bitrix24.com/1')
    expect(app.getAccount('acme.bitrix24.com/1')).toBeNull()
    app.saveAccount(account({ label: 'Back' }))
    expect(open().getAccount('acme.bitrix24.com/1')?.label).toBe('Back')
  })

  it('applies each settings change to what the file holds, so neither process undoes the other', () => {
    const app = open()
    const cli = open()
    app.updateSettings({ theme: 'dark' })
    cli.updateSettings({ pollIntervalSeconds: 300 })
    app.setPinnedGroup('acme.bitrix24.com/1', '7', true)
    cli.setPinnedGroup('acme.bitrix24.com/1', '9', true)
    const settings = open().getSettings()
    expect(settings.theme).toBe('dark')
    expect(settings.pollIntervalSeconds).toBe(300)
    expect(settings.pinnedGroups).toEqual({ 'acme.bitrix24.com/1': ['7', '9'] })
  })

  it('reads what the other process wrote, and tells subscribers once', () => {
    const app = open()
    const seen: string[][] = []
    app.onDidChange((state) => seen.push(state.accounts.map((record) => record.id)))
    open().saveAccount(account())
    expect(app.listAccounts().map((record) => record.id)).toEqual(['acme.bitrix24.com/1'])
    expect(app.getAccount('acme.bitrix24.com/1')?.label).toBe('Acme')
    expect(seen).toEqual([['acme.bitrix24.com/1']])
  })

  it('tells subscribers about the other process’s change without being asked to read', async () => {
    const app = open()
    const themes: string[] = []
    app.onDidChange((state) => themes.push(state.settings.theme))
    open().updateSettings({ theme: 'light' })
    // The watcher polls the file on Linux; waiting for it is the behaviour under test, not its timing.
    await vi.waitFor(() => expect(themes).toEqual(['light']), { timeout: 5000, interval: 50 })
  })

  it('repairs a bad value the other process wrote before changing the file, keeping the original beside it', () => {
    const app = open()
    app.saveAccount(account())
    const onDisk = readJson(file())
    writeFileSync(file(), JSON.stringify({ ...onDisk, settings: { ...DEFAULT_SETTINGS, theme: 'purple' } }))
    app.setPinnedGroup('acme.bitrix24.com/1', '7', true)
    expect((readJson(file()).settings as Record<string, unknown>).theme).toBe('system')
    expect(idsOnDisk()).toEqual(['acme.bitrix24.com/1'])
    expect(readdirSync(dir).filter((name) => name.includes('.repaired-'))).toHaveLength(1)
  })
})
