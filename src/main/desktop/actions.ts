// What a click in the tray menu or on a notification does, routed to the same ports the IPC handlers use.
import type { EventMap } from '@shared/ipc'
import { groupOpenUrl, groupTypeIn } from '@shared/group-pages'
import type { AppState } from '@shared/types'
import type { NotificationTarget } from './notification-plan'
import { pauseUntil } from './pause'
import type { TrayAction, WindowView } from './tray-menu'

export interface ActionDeps {
  state(): AppState
  now(): Date
  /** The guarded opener (external-links.ts). */
  openExternal(url: string): Promise<unknown>
  window: { show(): void }
  /** Tells the renderer which view to show. */
  navigate(payload: EventMap['ui:navigate']): void
  engine: { refresh(accountId?: string): Promise<void> | void }
  settings: { update(patch: { notifications: { mutedUntil: string | null } }): unknown }
  demo: { start(): Promise<unknown> }
  app: { quit(): void }
  log: { warn(fields: Record<string, unknown>, message: string): void }
}

export function createActionDispatcher(deps: ActionDeps) {
  function showWindow(view: WindowView): void {
    deps.window.show()
    deps.navigate({ view })
  }

  async function openGroup(accountId: string, groupId: string): Promise<void> {
    const state = deps.state()
    const group = state.groups[accountId]?.find((candidate) => candidate.id === groupId)
    if (group) await deps.openExternal(groupOpenUrl(group.url, groupTypeIn(state, accountId, groupId)))
    else deps.log.warn({ accountId, groupId }, 'Group to open is no longer listed')
  }

  async function run(action: TrayAction): Promise<void> {
    switch (action.type) {
      case 'openGroup':
        return openGroup(action.accountId, action.groupId)
      case 'openPortal': {
        const account = deps.state().accounts.find((candidate) => candidate.id === action.accountId)
        if (account) await deps.openExternal(account.portal)
        return
      }
      case 'showWindow':
        return showWindow(action.view)
      case 'refresh':
        await deps.engine.refresh(action.accountId)
        return
      case 'pause':
        await deps.settings.update({ notifications: { mutedUntil: pauseUntil(action.until, deps.now()) } })
        return
      case 'startDemo':
        showWindow('groups')
        await deps.demo.start()
        return
      case 'quit':
        return deps.app.quit()
    }
  }

  return {
    /** Menu clicks cannot await; a failure is logged by kind rather than lost as an unhandled rejection. */
    dispatch(action: TrayAction): Promise<void> {
      return run(action).catch((error: unknown) => {
        deps.log.warn({ action: action.type, error: error instanceof Error ? error.name : 'unknown' }, 'Action failed')
      })
    },
    /**
     * A click on a notification: its group page, or the history of changes for a summary. The page is opened from
     * the notification's own URL because a group the user has left is no longer in the list; it is still checked
     * by the guarded opener.
     */
    async openTarget(target: NotificationTarget): Promise<void> {
      if (target.type === 'window') return showWindow(target.view)
      // A collab opens on its chat, from a notification as from the menu (its type is in the details, if known).
      await deps.openExternal(groupOpenUrl(target.url, groupTypeIn(deps.state(), target.accountId, target.groupId)))
    },
  }
}
