// Shows planned notifications with Electron's Notification and routes their clicks.
import type { NotificationConstructorOptions } from 'electron'
import type { NotificationSpec, NotificationTarget } from './notification-plan'

/** The part of Electron's Notification this uses (a fake in tests). */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown
  show(): void
}

export interface NotifierDeps {
  create(options: NotificationConstructorOptions): NotificationLike
  isSupported(): boolean
  onClick(target: NotificationTarget): void
  /** App icon for the platforms that show one (Linux, Windows); macOS uses the bundle's. */
  icon?: string
  /**
   * The group's avatar as a notification icon (notification-icon.ts), where the platform shows one; undefined when
   * it cannot be had, and the app icon is used. Left out on macOS, which always shows the app's icon.
   */
  loadIcon?(url: string): Promise<NotificationConstructorOptions['icon'] | undefined>
}

export interface Notifier {
  show(specs: readonly NotificationSpec[]): void
  /** How many notifications are held for their click handlers (for tests and leak checks). */
  pending(): number
}

/**
 * How many notifications are held at most. Notifications left in the macOS or Windows notification centre may never
 * report `close`, so without a cap the set would grow for as long as the app runs; the oldest are let go first (a
 * click on one of those may then do nothing, which beats a slow leak).
 */
export const MAX_LIVE_NOTIFICATIONS = 50

export function createNotifier(deps: NotifierDeps): Notifier {
  // A Notification nobody references can be garbage-collected while still on screen, and its click handler with
  // it (the click then does nothing). Each one is held until it is clicked, closed or fails.
  const live = new Set<NotificationLike>()

  function present(spec: NotificationSpec, icon: NotificationConstructorOptions['icon'] | undefined): void {
    const notification = deps.create({ title: spec.title, body: spec.body, ...(icon ? { icon } : {}) })
    live.add(notification)
    // A Set iterates in insertion order, so its first entry is the oldest notification.
    if (live.size > MAX_LIVE_NOTIFICATIONS) live.delete(live.values().next().value as NotificationLike)
    const release = () => live.delete(notification)
    notification.on('click', () => {
      release()
      deps.onClick(spec.target)
    })
    notification.on('close', release)
    notification.on('failed', release)
    notification.show()
  }

  return {
    show(specs) {
      if (!deps.isSupported()) return
      for (const spec of specs) {
        const { imageUrl } = spec
        if (imageUrl && deps.loadIcon) {
          // A slow or failing avatar must not lose the notification: it then comes with the app icon.
          void deps
            .loadIcon(imageUrl)
            .catch(() => undefined)
            .then((icon) => present(spec, icon ?? deps.icon))
        } else present(spec, deps.icon)
      }
    },
    pending: () => live.size,
  }
}
