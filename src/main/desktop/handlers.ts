// The IPC handlers: one per channel of src/shared/ipc.ts. Payloads arrive validated (registerHandlers); each handler
// talks to the core's commands (src/core/composition), so the app passes the real ones and the tests typed fakes.
import type { Translator } from '@shared/i18n'
import { groupOpenUrl, groupTypeIn } from '@shared/group-pages'
import type { Handlers, Result } from '@shared/ipc'
import type { AccountView, AppSettings, AppState, ErrorView, Group } from '@shared/types'
import type { SettingsPatch } from '../../core/accounts'
import { toErrorView } from '../../core/bitrix'
import type { AccountCommands, SettingsCommands, SyncCommands } from '../../core/composition'
import { DESKTOP_UNEXPECTED, desktopError } from './error-view'
import { checkExternalUrl } from './external-links'
import { pauseUntil } from './pause'
import type { ShortcutResult } from './shortcut'

export interface HandlerLog {
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

export interface HandlerDeps {
  state(): AppState
  translator(): Translator
  now(): Date
  accounts: AccountCommands
  engine: SyncCommands
  settings: SettingsCommands
  /** The guarded opener (external-links.ts), never Electron's shell directly. */
  openExternal(url: string): Promise<'opened' | 'refused' | 'failed'>
  /** Electron's clipboard.writeText is synchronous and throws when the system clipboard refuses; a double may be async. */
  clipboard: { writeText(text: string): void | Promise<void> }
  window: { hide(): void }
  shortcut: { apply(accelerator: string | null): ShortcutResult }
  launchAtLogin: { apply(enabled: boolean): Promise<void> }
  demo: { start(): Promise<AccountView> }
  app: { quit(): void; getVersion(): string }
  /** Opens the log folder in the file manager (Electron's shell.openPath): '' when it opened, else its error. */
  logs: { open(): Promise<string> }
  log: HandlerLog
}

/** A Node system error's code (EACCES, ENOSPC): what a disk failure was, and never a secret. */
function systemCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value })
const fail = <T>(error: ErrorView): Result<T> => ({ ok: false, error })

export function createHandlers(deps: HandlerDeps): Handlers {
  /** Runs a service call; a throw becomes a secret-free error (logged by code and kind only). */
  async function attempt<T>(channel: string, run: () => Promise<T> | T): Promise<Result<T>> {
    try {
      return ok(await run())
    } catch (error) {
      const view = toErrorView(error, deps.translator().t, DESKTOP_UNEXPECTED)
      deps.log.warn({ channel, code: view.code, kind: view.kind }, 'IPC request failed')
      return fail(view)
    }
  }

  /**
   * Runs a call whose reply carries no error (the contract says `null`): a throw (EACCES, ENOSPC) is logged by code
   * and kind, and the renderer gets a plain rejection that names the channel, never the error's own message.
   */
  async function settle(channel: string, run: () => Promise<unknown> | unknown): Promise<null> {
    try {
      await run()
      return null
    } catch (error) {
      const view = toErrorView(error, deps.translator().t, DESKTOP_UNEXPECTED)
      deps.log.warn({ channel, code: view.code, kind: view.kind, errno: systemCodeOf(error) }, 'IPC request failed')
      // No `cause` on purpose: the original's message may carry paths or secrets, and must not cross to the renderer.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`${channel} failed (${view.code})`)
    }
  }

  function isKnownAccount(accountId: string): boolean {
    return deps.state().accounts.some((account) => account.id === accountId)
  }

  function findGroup(accountId: string, groupId: string): Group | undefined {
    return deps.state().groups[accountId]?.find((group) => group.id === groupId)
  }

  const groupNotFound = () => desktopError('GROUP_NOT_FOUND', 'not_found', 'groupNotFound', deps.translator())
  const linkRefused = () => desktopError('LINK_REFUSED', 'protocol', 'linkRefused', deps.translator())

  /**
   * Applies what the shell itself owns (the shortcut, launch at login) before the patch is saved, so a shortcut that
   * cannot be registered is never saved. Returns the error, or a function that puts both back.
   */
  async function applyShellSettings(
    patch: SettingsPatch,
    current: AppSettings,
  ): Promise<{ error: ErrorView } | { undo: () => Promise<void> }> {
    const t = deps.translator()
    const undo: (() => Promise<void> | unknown)[] = []
    const undoAll = async () => {
      for (const step of undo.reverse()) {
        try {
          await step()
        } catch (error) {
          deps.log.error({ error: error instanceof Error ? error.name : 'unknown' }, 'Could not undo a setting')
        }
      }
    }
    if (patch.globalShortcut !== undefined && patch.globalShortcut !== current.globalShortcut) {
      const result = deps.shortcut.apply(patch.globalShortcut)
      if (!result.ok) {
        const params = { accelerator: result.rejected, previous: result.active ?? '' }
        const key = result.active ? 'shortcutUnavailable' : 'shortcutUnavailableNone'
        return { error: desktopError('SHORTCUT_UNAVAILABLE', 'protocol', key, t, params) }
      }
      undo.push(() => deps.shortcut.apply(current.globalShortcut))
    }
    if (patch.launchAtLogin !== undefined && patch.launchAtLogin !== current.launchAtLogin) {
      try {
        await deps.launchAtLogin.apply(patch.launchAtLogin)
      } catch (error) {
        deps.log.warn({ error: error instanceof Error ? error.name : 'unknown' }, 'Launch at login not changed')
        await undoAll()
        return { error: desktopError('LOGIN_ITEM_FAILED', 'protocol', 'loginItemFailed', t) }
      }
      undo.push(() => deps.launchAtLogin.apply(current.launchAtLogin))
    }
    return { undo: undoAll }
  }

  return {
    'state:get': () => deps.state(),

    'groups:open': async ({ accountId, groupId, page }) => {
      const group = findGroup(accountId, groupId)
      if (!group) return fail(groupNotFound())
      const outcome = await deps.openExternal(
        groupOpenUrl(group.url, groupTypeIn(deps.state(), accountId, groupId), page),
      )
      if (outcome === 'opened') return ok(null)
      if (outcome === 'refused') return fail(linkRefused())
      return fail(desktopError('OPEN_FAILED', 'protocol', 'openFailed', deps.translator()))
    },

    'groups:copyLink': async ({ accountId, groupId }) => {
      const group = findGroup(accountId, groupId)
      if (!group) return fail(groupNotFound())
      const verdict = checkExternalUrl(
        group.url,
        deps.state().accounts.map((account) => account.portal),
      )
      if (!verdict.allowed) return fail(linkRefused())
      try {
        await deps.clipboard.writeText(verdict.url)
      } catch (error) {
        // The system's words may carry what was on the clipboard: the log keeps only that it failed.
        deps.log.warn(
          { channel: 'groups:copyLink', error: error instanceof Error ? error.name : 'failed' },
          'Not copied',
        )
        return fail(desktopError('COPY_FAILED', 'protocol', 'copyFailed', deps.translator()))
      }
      return ok(verdict.url)
    },

    'groups:setPinned': async ({ accountId, groupId, pinned }) => {
      // Pins are stored under the account id as a key: an unknown one (`__proto__`) must not reach the settings.
      if (!isKnownAccount(accountId)) {
        deps.log.warn({ channel: 'groups:setPinned' }, 'IPC request for an unknown account refused')
        throw new Error('groups:setPinned failed (ACCOUNT_NOT_FOUND)')
      }
      return settle('groups:setPinned', () => deps.settings.setPinned(accountId, groupId, pinned))
    },

    'sync:refresh': ({ accountId }) => settle('sync:refresh', () => deps.engine.refresh(accountId)),

    'changes:markSeen': ({ ids }) => settle('changes:markSeen', () => deps.engine.markSeen(ids)),

    'accounts:test': ({ webhookUrl }) => attempt('accounts:test', () => deps.accounts.test(webhookUrl)),
    'accounts:addWebhook': (request) => attempt('accounts:addWebhook', () => deps.accounts.addWebhook(request)),
    'accounts:addOAuth': (request) => attempt('accounts:addOAuth', () => deps.accounts.addOAuth(request)),
    'accounts:update': (request) => attempt('accounts:update', () => deps.accounts.update(request)),
    'accounts:remove': ({ accountId }) =>
      attempt('accounts:remove', async () => {
        await deps.accounts.remove(accountId)
        return null
      }),

    'accounts:acceptMove': ({ accountId }) => {
      // The address comes from the account's own last error, never from the renderer: the credentials go there.
      const error = deps.state().statuses.find((status) => status.accountId === accountId)?.error
      const movedTo = error?.code === 'PORTAL_MOVED' ? error.movedTo : undefined
      if (!movedTo) return fail(desktopError('NO_MOVE_PENDING', 'protocol', 'noMovePending', deps.translator()))
      return attempt('accounts:acceptMove', () => deps.accounts.acceptMove(accountId, movedTo))
    },

    'settings:update': async (patch) => {
      const applied = await applyShellSettings(patch, deps.settings.get())
      if ('error' in applied) return fail(applied.error)
      const result = await attempt('settings:update', () => deps.settings.update(patch))
      // The store refused the patch: the shortcut and login item go back to what the saved settings say.
      if (!result.ok) await applied.undo()
      return result
    },

    'notifications:pause': ({ until }) =>
      settle('notifications:pause', () =>
        deps.settings.update({ notifications: { mutedUntil: pauseUntil(until, deps.now()) } }),
      ),

    'window:hide': () => {
      deps.window.hide()
      return null
    },

    'demo:start': async () => {
      const result = await attempt('demo:start', () => deps.demo.start())
      return result.ok || result.error.code !== 'UNEXPECTED'
        ? result
        : fail(desktopError('DEMO_FAILED', 'server', 'demoFailed', deps.translator()))
    },

    'app:quit': () => {
      deps.app.quit()
      return null
    },

    'app:info': () => ({ version: deps.app.getVersion() }),

    'app:openLogs': async () => {
      const problem = await deps.logs.open().catch((error: unknown) => (error instanceof Error ? error.name : 'failed'))
      if (problem === '') return ok(null)
      // The file manager's words may name the path (the user's name): the log keeps only that it failed.
      deps.log.warn({ channel: 'app:openLogs' }, 'Log folder not opened')
      return fail(desktopError('LOGS_OPEN_FAILED', 'protocol', 'logsOpenFailed', deps.translator()))
    },
  }
}
