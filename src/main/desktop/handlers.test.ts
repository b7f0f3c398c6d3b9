import { createTranslator } from '@shared/i18n'
import type { AccountView, AppSettings } from '@shared/types'
import type { HandlerDeps } from './handlers'
import { createHandlers } from './handlers'
import { createShortcutManager } from './shortcut'
import { account, appState, group, NOW, status } from './state-fixtures'

const acme = account('acme.bitrix24.com')
const secret = 'https://acme.bitrix24.com/rest/1/SECRETCODE42/'

class TypedError extends Error {
  constructor(
    readonly code: string,
    readonly kind: 'auth' | 'scope',
    readonly messageKey: string,
  ) {
    super(`failed for ${secret}`)
  }
}

/** An account service whose every call fails with `error`. */
function failingAccounts(error: Error): HandlerDeps['accounts'] {
  const reject = async (): Promise<never> => {
    throw error
  }
  return { test: reject, addWebhook: reject, addOAuth: reject, update: reject, remove: reject, acceptMove: reject }
}

/** Typed fakes of every port; `calls` records what reached them, in order. */
function fakeDeps(overrides: Partial<HandlerDeps> = {}) {
  const calls: unknown[][] = []
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push([name, ...args])
  let settings: AppSettings = appState().settings
  const state = appState({}, [group('7', 'Marketing'), { ...group('8', 'Evil'), url: 'https://evil.io/x' }])
  const registered = new Set<string>(['CommandOrControl+Alt+G'])
  const shortcut = createShortcutManager(
    {
      register: (accelerator) => (accelerator === 'Alt+Tab' ? false : (registered.add(accelerator), true)),
      unregister: (accelerator) => void registered.delete(accelerator),
    },
    () => {},
  )
  shortcut.apply('CommandOrControl+Alt+G')
  const deps: HandlerDeps = {
    state: () => state,
    translator: () => createTranslator('en'),
    now: () => NOW,
    accounts: {
      test: async (url) => (calls.push(['test', url]), { userName: 'Ann Lee', groupCount: 3 }),
      addWebhook: async (input) => (calls.push(['addWebhook', input]), acme),
      addOAuth: async (input) => (calls.push(['addOAuth', input]), acme),
      update: async (input) => (calls.push(['update', input]), { ...acme, label: input.label ?? '' }),
      remove: async (id) => record('remove')(id),
      acceptMove: async (id, movedTo) => (calls.push(['acceptMove', id, movedTo]), { ...acme, portal: movedTo }),
    },
    engine: { refresh: record('refresh'), markSeen: record('markSeen') },
    settings: {
      get: () => settings,
      update: (patch) => {
        calls.push(['settings.update', patch])
        settings = {
          ...settings,
          ...patch,
          notifications: { ...settings.notifications, ...patch.notifications } as AppSettings['notifications'],
        }
        return settings
      },
      setPinned: record('setPinned'),
    },
    openExternal: async (url) => (calls.push(['openExternal', url]), 'opened'),
    clipboard: { writeText: record('clipboard') },
    window: { hide: record('hide') },
    shortcut,
    launchAtLogin: { apply: async (enabled) => record('launchAtLogin')(enabled) },
    demo: { start: async () => account('127.0.0.1:4000', { portal: 'http://127.0.0.1:4000' }) },
    app: { quit: record('quit'), getVersion: () => '1.2.3' },
    logs: { open: async () => (calls.push(['openLogs']), '') },
    log: { warn: record('log.warn'), error: record('log.error') },
    ...overrides,
  }
  return { handlers: createHandlers(deps), calls, registered, settings: () => settings, state }
}

describe('IPC handlers', () => {
  it('returns the whole state', async () => {
    const { handlers, state } = fakeDeps()
    expect(await handlers['state:get'](undefined)).toBe(state)
  })

  describe('groups', () => {
    it('opens a group page through the guarded opener', async () => {
      const { handlers, calls } = fakeDeps()
      expect(await handlers['groups:open']({ accountId: acme.id, groupId: '7' })).toEqual({ ok: true, value: null })
      expect(calls).toEqual([['openExternal', 'https://acme.bitrix24.com/workgroups/group/7/']])
    })

    it("opens one of the group's sub-pages through the same opener", async () => {
      const { handlers, calls } = fakeDeps()
      expect(await handlers['groups:open']({ accountId: acme.id, groupId: '7', page: 'drive' })).toEqual({
        ok: true,
        value: null,
      })
      expect(calls).toEqual([['openExternal', 'https://acme.bitrix24.com/workgroups/group/7/disk/path/']])
    })

    it('opens a collab on its chat, since collabs are chat-first, unless another page is asked for', async () => {
      const collab = { type: 'collab', archived: false, memberCount: 3, activityAt: null } as const
      const details = { ...collab, projectStart: null, projectFinish: null, pendingRequests: null }
      const state = appState({ groupDetails: { [acme.id]: { '7': details } } }, [group('7', 'Partners')])
      const { handlers, calls } = fakeDeps({ state: () => state })
      await handlers['groups:open']({ accountId: acme.id, groupId: '7' })
      await handlers['groups:open']({ accountId: acme.id, groupId: '7', page: 'tasks' })
      expect(calls).toEqual([
        ['openExternal', 'https://acme.bitrix24.com/workgroups/group/7/chat/'],
        ['openExternal', 'https://acme.bitrix24.com/workgroups/group/7/tasks/'],
      ])
    })

    it('says so when the group is not in the list', async () => {
      const { handlers, calls } = fakeDeps()
      const result = await handlers['groups:open']({ accountId: acme.id, groupId: '999' })
      expect(result).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_FOUND', kind: 'not_found' } })
      expect(calls).toEqual([])
    })

    it('reports a refused link and a browser that failed', async () => {
      const refused = fakeDeps({ openExternal: async () => 'refused' })
      expect(await refused.handlers['groups:open']({ accountId: acme.id, groupId: '7' })).toMatchObject({
        ok: false,
        error: { code: 'LINK_REFUSED' },
      })
      const failed = fakeDeps({ openExternal: async () => 'failed' })
      expect(await failed.handlers['groups:open']({ accountId: acme.id, groupId: '7' })).toMatchObject({
        ok: false,
        error: { code: 'OPEN_FAILED' },
      })
    })

    it('copies the link of a group and returns it', async () => {
      const { handlers, calls } = fakeDeps()
      const url = 'https://acme.bitrix24.com/workgroups/group/7/'
      expect(await handlers['groups:copyLink']({ accountId: acme.id, groupId: '7' })).toEqual({ ok: true, value: url })
      expect(calls).toEqual([['clipboard', url]])
    })

    it('says the link was not copied when the clipboard refuses it, and logs no words of the system', async () => {
      for (const writeText of [
        () => {
          throw new Error('X11 selection owner gone: https://acme.bitrix24.com/secret')
        },
        async () => Promise.reject(new Error('clipboard busy')),
      ]) {
        const { handlers, calls } = fakeDeps({ clipboard: { writeText } })
        expect(await handlers['groups:copyLink']({ accountId: acme.id, groupId: '7' })).toEqual({
          ok: false,
          error: expect.objectContaining({
            code: 'COPY_FAILED',
            message: 'The link could not be copied to the clipboard.',
          }),
        })
        expect(calls.map(([name]) => name)).toEqual(['log.warn'])
        expect(JSON.stringify(calls)).not.toMatch(/X11|busy|secret/)
      }
    })

    it('does not copy a link that leads off the portal', async () => {
      const { handlers, calls } = fakeDeps()
      expect(await handlers['groups:copyLink']({ accountId: acme.id, groupId: '8' })).toMatchObject({ ok: false })
      expect(calls).toEqual([])
    })

    it('pins and unpins', async () => {
      const { handlers, calls } = fakeDeps()
      await handlers['groups:setPinned']({ accountId: acme.id, groupId: '7', pinned: true })
      expect(calls).toEqual([['setPinned', acme.id, '7', true]])
    })

    it.each(['__proto__', 'no-such-account'])('refuses to pin for an account that does not exist (%s)', async (id) => {
      const { handlers, calls } = fakeDeps()
      await expect(handlers['groups:setPinned']({ accountId: id, groupId: '7', pinned: true })).rejects.toThrow(
        'ACCOUNT_NOT_FOUND',
      )
      expect(calls.filter(([name]) => name === 'setPinned')).toEqual([])
    })
  })

  it('refreshes one account or all, and marks changes seen', async () => {
    const { handlers, calls } = fakeDeps()
    await handlers['sync:refresh']({ accountId: acme.id })
    await handlers['sync:refresh']({})
    await handlers['changes:markSeen']({ ids: ['c1'] })
    await handlers['changes:markSeen']({})
    expect(calls).toEqual([
      ['refresh', acme.id],
      ['refresh', undefined],
      ['markSeen', ['c1']],
      ['markSeen', undefined],
    ])
  })

  describe('a request whose reply carries no error', () => {
    /** A disk failure as Node raises it, its message naming a secret. */
    const diskFailure = (code: string) => () => {
      throw Object.assign(new Error(`${code}: cannot write ${secret}settings.json`), { code })
    }

    function failingDeps(code: string) {
      return fakeDeps({
        engine: { refresh: diskFailure(code), markSeen: diskFailure(code) },
        settings: { get: () => appState().settings, update: diskFailure(code), setPinned: diskFailure(code) },
      })
    }

    it.each([
      ['groups:setPinned', { accountId: acme.id, groupId: '7', pinned: true }],
      ['sync:refresh', { accountId: acme.id }],
      ['changes:markSeen', { ids: ['c1'] }],
      ['notifications:pause', { until: 'hour' }],
    ] as const)('%s logs a failure and rejects with a plain, secret-free error', async (channel, request) => {
      const { handlers, calls } = failingDeps('ENOSPC')
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>
      const rejection = await handler(request).then(
        () => null,
        (error: unknown) => error,
      )
      expect(rejection).toBeInstanceOf(Error)
      const { message } = rejection as Error
      expect(message).toBe(`${channel} failed (UNEXPECTED)`)
      expect(rejection).not.toHaveProperty('code')
      expect(calls).toEqual([
        ['log.warn', { channel, code: 'UNEXPECTED', kind: 'protocol', errno: 'ENOSPC' }, 'IPC request failed'],
      ])
      expect(JSON.stringify(calls)).not.toContain('SECRETCODE42')
    })
  })

  describe('accounts', () => {
    it('tests, adds, updates and removes through the account service', async () => {
      const { handlers } = fakeDeps()
      expect(await handlers['accounts:test']({ webhookUrl: secret })).toEqual({
        ok: true,
        value: { userName: 'Ann Lee', groupCount: 3 },
      })
      expect(await handlers['accounts:addWebhook']({ webhookUrl: secret, label: 'Work' })).toEqual({
        ok: true,
        value: acme,
      })
      const oauth = {
        portal: 'https://acme.bitrix24.com',
        accessToken: 'a',
        refreshToken: 'r',
        clientId: 'c',
        clientSecret: 's',
      }
      expect(await handlers['accounts:addOAuth'](oauth)).toMatchObject({ ok: true })
      expect(await handlers['accounts:update']({ accountId: acme.id, label: 'Renamed' })).toMatchObject({
        ok: true,
        value: { label: 'Renamed' },
      })
      expect(await handlers['accounts:remove']({ accountId: acme.id })).toEqual({ ok: true, value: null })
    })

    describe('accepting a moved portal', () => {
      const movedError = (movedTo?: string) => ({
        code: 'PORTAL_MOVED',
        kind: 'moved' as const,
        messageKey: 'errors:portalMoved',
        message: 'moved',
        retryAt: null,
        ...(movedTo ? { movedTo } : {}),
      })
      const withError = (error: ReturnType<typeof movedError> | null) =>
        fakeDeps({ state: () => appState({ statuses: [status(acme.id, { state: 'error', error })] }) })

      it('moves the account to the address its own error names, and to nothing the renderer says', async () => {
        const { handlers, calls } = withError(movedError('https://groups.acme.example'))
        const result = await handlers['accounts:acceptMove']({ accountId: acme.id })
        expect(result).toMatchObject({ ok: true, value: { portal: 'https://groups.acme.example' } })
        expect(calls).toEqual([['acceptMove', acme.id, 'https://groups.acme.example']])
      })

      it.each([
        ['no error', null],
        ['a moved error without an address', movedError()],
        ['another error', { ...movedError('https://x.example'), code: 'NETWORK', kind: 'network' as const }],
      ])('refuses when the account has %s, and changes nothing', async (_, error) => {
        const { handlers, calls } = withError(error as ReturnType<typeof movedError> | null)
        const result = await handlers['accounts:acceptMove']({ accountId: acme.id })
        expect(result).toMatchObject({ ok: false, error: { code: 'NO_MOVE_PENDING' } })
        expect(calls).toEqual([])
      })

      it('refuses an unknown account', async () => {
        const { handlers, calls } = withError(movedError('https://groups.acme.example'))
        const result = await handlers['accounts:acceptMove']({ accountId: 'other.bitrix24.com/1' })
        expect(result).toMatchObject({ ok: false, error: { code: 'NO_MOVE_PENDING' } })
        expect(calls).toEqual([])
      })
    })

    it('turns a typed failure into a translated, secret-free error', async () => {
      const failing = fakeDeps({
        accounts: failingAccounts(new TypedError('NO_AUTH_FOUND', 'auth', 'tray:errors.linkRefused')),
      })
      const result = await failing.handlers['accounts:test']({ webhookUrl: secret })
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'NO_AUTH_FOUND',
          kind: 'auth',
          messageKey: 'tray:errors.linkRefused',
          message: 'This link does not lead to one of your portals, so it was not opened.',
          retryAt: null,
        },
      })
      expect(JSON.stringify(result) + JSON.stringify(failing.calls)).not.toContain('SECRETCODE42')
      expect(failing.calls).toEqual([
        ['log.warn', { channel: 'accounts:test', code: 'NO_AUTH_FOUND', kind: 'auth' }, 'IPC request failed'],
      ])
    })

    it('turns an unexpected failure into UNEXPECTED without its message', async () => {
      const { handlers } = fakeDeps({ accounts: failingAccounts(new Error(secret)) })
      const result = await handlers['accounts:remove']({ accountId: acme.id })
      expect(result).toMatchObject({ ok: false, error: { code: 'UNEXPECTED' } })
      expect(JSON.stringify(result)).not.toContain('SECRETCODE42')
    })
  })

  describe('settings', () => {
    it('saves a patch and returns the new settings', async () => {
      const { handlers } = fakeDeps()
      const result = await handlers['settings:update']({ pollIntervalSeconds: 120, theme: 'dark' })
      expect(result).toMatchObject({ ok: true, value: { pollIntervalSeconds: 120, theme: 'dark' } })
    })

    it('registers a new shortcut before saving it', async () => {
      const { handlers, registered, settings } = fakeDeps()
      expect(await handlers['settings:update']({ globalShortcut: 'Alt+H' })).toMatchObject({ ok: true })
      expect([...registered]).toEqual(['Alt+H'])
      expect(settings().globalShortcut).toBe('Alt+H')
    })

    it('keeps the previous shortcut, saves nothing and says so when the new one is taken', async () => {
      const { handlers, registered, settings, calls } = fakeDeps()
      const result = await handlers['settings:update']({ globalShortcut: 'Alt+Tab', theme: 'dark' })
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'SHORTCUT_UNAVAILABLE',
          message: 'The shortcut Alt+Tab is taken or not valid here; CommandOrControl+Alt+G stays active.',
        },
      })
      expect([...registered]).toEqual(['CommandOrControl+Alt+G'])
      expect(settings().theme).toBe('system')
      expect(calls).toEqual([])
    })

    it('turns launch at login on through the OS before saving', async () => {
      const { handlers, calls } = fakeDeps()
      await handlers['settings:update']({ launchAtLogin: true })
      expect(calls.map((call) => call[0])).toEqual(['launchAtLogin', 'settings.update'])
    })

    it('does not save launch at login when the OS refuses, and puts a new shortcut back', async () => {
      const { handlers, registered, calls } = fakeDeps({
        launchAtLogin: {
          apply: async () => {
            throw new Error('EACCES')
          },
        },
      })
      const result = await handlers['settings:update']({ launchAtLogin: true, globalShortcut: 'Alt+H' })
      expect(result).toMatchObject({ ok: false, error: { code: 'LOGIN_ITEM_FAILED' } })
      expect([...registered]).toEqual(['CommandOrControl+Alt+G'])
      expect(calls.filter((call) => call[0] === 'settings.update')).toEqual([])
    })

    it('undoes the shortcut when the store refuses the patch', async () => {
      const { handlers, registered } = fakeDeps({
        settings: {
          get: () => appState().settings,
          update: () => {
            throw new TypedError('SETTINGS_INVALID', 'auth', 'tray:errors.unexpected')
          },
          setPinned: () => {},
        },
      })
      const result = await handlers['settings:update']({ globalShortcut: 'Alt+H' })
      expect(result).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID' } })
      expect([...registered]).toEqual(['CommandOrControl+Alt+G'])
    })
  })

  it.each([
    ['hour', new Date(NOW.getTime() + 3_600_000).toISOString()],
    ['resume', null],
  ] as const)('pauses notifications: %s', async (until, mutedUntil) => {
    const { handlers, settings } = fakeDeps()
    await handlers['notifications:pause']({ until })
    expect(settings().notifications.mutedUntil).toBe(mutedUntil)
  })

  it('hides the window and quits', async () => {
    const { handlers, calls } = fakeDeps()
    await handlers['window:hide'](undefined)
    await handlers['app:quit'](undefined)
    expect(calls).toEqual([['hide'], ['quit']])
  })

  it('starts the demo portal and returns its account', async () => {
    const { handlers } = fakeDeps()
    const result = await handlers['demo:start'](undefined)
    expect(result.ok && (result.value as AccountView).portal).toBe('http://127.0.0.1:4000')
  })

  it('says the demo could not start rather than showing a generic error', async () => {
    const { handlers } = fakeDeps({
      demo: {
        start: async () => {
          throw new Error('EADDRINUSE')
        },
      },
    })
    expect(await handlers['demo:start'](undefined)).toMatchObject({ ok: false, error: { code: 'DEMO_FAILED' } })
  })
})

describe('the About section', () => {
  it('tells the app version', async () => {
    const { handlers } = fakeDeps()
    expect(await handlers['app:info'](undefined)).toEqual({ version: '1.2.3' })
  })

  it('opens the log folder', async () => {
    const { handlers, calls } = fakeDeps()
    expect(await handlers['app:openLogs'](undefined)).toEqual({ ok: true, value: null })
    expect(calls).toContainEqual(['openLogs'])
  })

  it('says the folder did not open, without the file manager’s words (they may name the path)', async () => {
    const { handlers, calls } = fakeDeps({ logs: { open: async () => 'Failed to open /home/ann/.config/logs' } })
    const result = await handlers['app:openLogs'](undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'LOGS_OPEN_FAILED' } })
    expect(JSON.stringify(result)).not.toContain('/home/ann')
    expect(JSON.stringify(calls)).not.toContain('/home/ann')
  })

  it('says so too when opening throws', async () => {
    const { handlers } = fakeDeps({ logs: { open: async () => Promise.reject(new Error('no shell')) } })
    expect(await handlers['app:openLogs'](undefined)).toMatchObject({ ok: false, error: { code: 'LOGS_OPEN_FAILED' } })
  })
})
