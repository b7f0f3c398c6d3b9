import type { Session, WebContents, WebPreferences } from 'electron'

/** Web preferences every window gets: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    spellcheck: false,
  }
}

/** The page may only navigate to itself (dev server reloads included); everything else is blocked. */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  try {
    const current = new URL(currentUrl)
    const target = new URL(targetUrl)
    if (current.protocol === 'file:') return target.protocol === 'file:' && target.pathname === current.pathname
    return target.origin === current.origin
  } catch {
    return false
  }
}

/** Blocks navigation away from the app, new windows and every permission request. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(contents.getURL(), url)) event.preventDefault()
  })
}

export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
