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
}

export interface Notifier {
  show(specs: readonly NotificationSpec[]): void
  /** How many notifications are held for their click handlers (for tests and leak checks). */
  pending(): number
}

export function createNotifier(deps: NotifierDeps): Notifier {
  // A Notification nobody references can be garbage-collected while still on screen, and its click handler with
  // it (the click then does nothing). Each one is held until it is clicked, closed or fails.
  const live = new Set<NotificationLike>()
  return {
    show(specs) {
      if (!deps.isSupported()) return
      for (const spec of specs) {
        const notification = deps.create({
          title: spec.title,
          body: spec.body,
          ...(deps.icon ? { icon: deps.icon } : {}),
        })
        live.add(notification)
        const release = () => live.delete(notification)
        notification.on('click', () => {
          release()
          deps.onClick(spec.target)
        })
        notification.on('close', release)
        notification.on('failed', release)
        notification.show()
      }
    },
    pending: () => live.size,
  }
}
