import { denyAllPermissions, hardenWebContents, isAllowedNavigation, secureWebPreferences } from './security'

describe('window security baseline', () => {
  it('isolates and sandboxes every window', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    })
  })

  it.each([
    ['file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html#settings', true],
    ['file:///app/out/renderer/index.html', 'file:///etc/passwd', false],
    ['http://localhost:5173/', 'http://localhost:5173/?x=1', true],
    ['http://localhost:5173/', 'https://evil.example/', false],
    ['file:///app/index.html', 'javascript:alert(1)', false],
    ['file:///app/index.html', 'not a url', false],
  ])('navigation from %s to %s allowed: %s', (from, to, allowed) => {
    expect(isAllowedNavigation(from, to)).toBe(allowed)
  })

  it('denies new windows and blocks navigation away', () => {
    let openHandler: (() => { action: string }) | undefined
    let navigate: ((event: { preventDefault(): void }, url: string) => void) | undefined
    const contents = {
      getURL: () => 'file:///app/index.html',
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
      on: (_name: string, listener: typeof navigate) => (navigate = listener),
    }
    hardenWebContents(contents as never)
    expect(openHandler?.()).toEqual({ action: 'deny' })
    const prevented: string[] = []
    navigate?.({ preventDefault: () => prevented.push('evil') }, 'https://evil.example/')
    navigate?.({ preventDefault: () => prevented.push('self') }, 'file:///app/index.html')
    expect(prevented).toEqual(['evil'])
  })

  it('answers every permission request and check with no', () => {
    const answers: boolean[] = []
    let check: (() => boolean) | undefined
    denyAllPermissions({
      setPermissionRequestHandler: (handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void) =>
        handler({}, 'notifications', (ok) => answers.push(ok)),
      setPermissionCheckHandler: (handler: () => boolean) => (check = handler),
    } as never)
    expect(answers).toEqual([false])
    expect(check?.()).toBe(false)
  })
})
