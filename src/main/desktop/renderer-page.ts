// Loads the renderer into the tray window: the dev server's page under electron-vite, the built file otherwise.

export interface PageWindowLike {
  loadURL(url: string): Promise<void>
  loadFile(filePath: string): Promise<void>
}

export interface RendererPageLog {
  error(fields: Record<string, unknown>, message: string): void
}

/**
 * A page that fails to load (a missing build, a dev server that is down) leaves a blank window; it is logged, since
 * an unhandled rejection would say nothing useful and the tray and notifications still work without the page.
 */
export function loadRendererPage(
  window: PageWindowLike,
  source: { devServerUrl: string | undefined; file: string },
  log: RendererPageLog,
): Promise<void> {
  const loading = source.devServerUrl ? window.loadURL(source.devServerUrl) : window.loadFile(source.file)
  return loading.catch((error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code
    log.error({ code: typeof code === 'string' ? code : 'unknown' }, 'Window page did not load')
  })
}
