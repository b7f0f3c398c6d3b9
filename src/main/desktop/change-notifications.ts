// Connects the engine's "changes" event to notifications, planned with the settings and language of the moment.
import type { Translator } from '@shared/i18n'
import type { AppState, MembershipChange } from '@shared/types'
import type { NotificationSpec } from './notification-plan'
import { planNotifications } from './notification-plan'

export interface ChangeNotificationDeps {
  notifier: { show(specs: readonly NotificationSpec[]): void }
  state(): AppState
  translator(): Translator
  now(): Date
  platform: NodeJS.Platform
}

/** Returns the listener for the changes of one sync. */
export function createChangeNotifications(deps: ChangeNotificationDeps) {
  return (changes: readonly MembershipChange[]): void => {
    const state = deps.state()
    deps.notifier.show(
      planNotifications({
        changes,
        settings: state.settings.notifications,
        accounts: state.accounts,
        translator: deps.translator(),
        now: deps.now(),
        platform: deps.platform,
      }),
    )
  }
}
