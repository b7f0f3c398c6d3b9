import type { ErrorView } from '@shared/types'
import { createContext, type CliDeps } from './context'
import { movedHint, movedToOf, parsePortalAddress, shellWord } from './portal-move'

const deps: CliDeps = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: { LANG: 'en_US.UTF-8' },
  cwd: '/tmp',
  platform: 'linux',
  home: '/tmp',
  openUrl: async () => {},
  readStdin: async () => '',
  untilStopped: () => new Promise(() => {}),
}

const movedView: ErrorView = {
  code: 'PORTAL_MOVED',
  kind: 'moved',
  messageKey: 'errors:portalMoved',
  message: "The portal's address has changed.",
  retryAt: null,
}

describe('parsePortalAddress', () => {
  it.each([
    ['https://acme.bitrix24.com', 'https://acme.bitrix24.com'],
    ['  https://acme.bitrix24.com/  ', 'https://acme.bitrix24.com'],
    ['https://acme.example.com:8443', 'https://acme.example.com:8443'],
    ['https://acme.example.com:443/', 'https://acme.example.com'],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['http://localhost:5000/', 'http://localhost:5000'],
    ['http://[::1]:5000', 'http://[::1]:5000'],
  ])('takes %j as %s', (text, origin) => {
    expect(parsePortalAddress(text)).toEqual({ ok: true, origin })
  })

  it.each([
    ['https://acme.example.com/rest/1/fake_code_x/', 'notOrigin'],
    ['https://acme.example.com/?', 'notOrigin'],
    ['https://acme.example.com#', 'notOrigin'],
    ['https://user@acme.example.com', 'notOrigin'],
    ['http://acme.example.com', 'notHttps'],
    ['file:///etc/passwd', 'notHttps'],
    ['acme.example.com', 'notUrl'],
    ['', 'notUrl'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parsePortalAddress(text)).toMatchObject({ ok: false, problem })
  })
})

describe('the new origin of a moved portal', () => {
  it('is read from the view, and only for PORTAL_MOVED', () => {
    expect(movedToOf({ ...movedView, movedTo: 'https://new.example.com' })).toBe('https://new.example.com')
    expect(movedToOf(movedView)).toBeNull()
    const other = { ...movedView, code: 'NO_AUTH_FOUND', kind: 'auth' as const, movedTo: 'https://new.example.com' }
    expect(movedToOf(other)).toBeNull()
  })
})

describe('the hint to accept a move', () => {
  it('quotes what the shell would split or expand', () => {
    expect(shellWord('127.0.0.1:5000/1')).toBe('127.0.0.1:5000/1')
    expect(shellWord('https://new.example.com')).toBe('https://new.example.com')
    expect(shellWord('/home/ann/My Config')).toBe("'/home/ann/My Config'")
    expect(shellWord("it's")).toBe("'it'\\''s'")
    expect(shellWord('http://[::1]:5000')).toBe("'http://[::1]:5000'")
  })

  it('repeats --config-dir when one was given, so the command changes the account that was reported', () => {
    const withDir = createContext(deps, { configDir: '/home/ann/My Config' })
    expect(movedHint(withDir, { id: 'acme.bitrix24.com/1', stored: true }, 'https://new.example.com')).toBe(
      "Portal moved to https://new.example.com; if that is right, run: b24-groups --config-dir '/home/ann/My Config' " +
        'accounts set-portal acme.bitrix24.com/1 https://new.example.com',
    )
    const plain = createContext(deps, {})
    expect(movedHint(plain, { id: 'acme.bitrix24.com/1', stored: true }, 'https://new.example.com')).toBe(
      'Portal moved to https://new.example.com; if that is right, run: b24-groups accounts set-portal ' +
        'acme.bitrix24.com/1 https://new.example.com',
    )
  })
})
