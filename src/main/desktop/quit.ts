// A clean quit: Electron does not wait for promises in `before-quit`, so the first quit request is held back while
// the pollers stop and the stores are written, then the app exits. A cleanup that hangs (a keychain prompt, a stuck
// write) is cut off after a deadline: a quit must always end the app.

export const QUIT_DEADLINE_MS = 5_000

export interface QuitDeps {
  cleanup(): Promise<void>
  /** `app.exit(0)`: ends the app without another `before-quit`. */
  exit(): void
  setTimeout(callback: () => void, ms: number): unknown
  log: { warn(fields: Record<string, unknown>, message: string): void }
  deadlineMs?: number
}

/** The `before-quit` listener. */
export function createQuitSequence(deps: QuitDeps): (event: { preventDefault(): void }) => void {
  let quitting = false
  return (event) => {
    event.preventDefault()
    if (quitting) return
    quitting = true
    let exited = false
    const exitOnce = () => {
      if (exited) return
      exited = true
      deps.exit()
    }
    deps.setTimeout(() => {
      deps.log.warn({ deadlineMs: deps.deadlineMs ?? QUIT_DEADLINE_MS }, 'Cleanup did not finish; quitting anyway')
      exitOnce()
    }, deps.deadlineMs ?? QUIT_DEADLINE_MS)
    deps.cleanup().then(exitOnce, (error: unknown) => {
      deps.log.warn({ error: error instanceof Error ? error.name : 'unknown' }, 'Cleanup failed while quitting')
      exitOnce()
    })
  }
}
