import type { NotificationConstructorOptions } from 'electron'
import type { NotificationSpec, NotificationTarget } from './notification-plan'
import { createNotifier, MAX_LIVE_NOTIFICATIONS } from './notifier'

function fakeNotifications() {
  const created: { options: NotificationConstructorOptions; emit(event: string): void; shown: boolean }[] = []
  const create = (options: NotificationConstructorOptions) => {
    const listeners = new Map<string, () => void>()
    const entry = { options, shown: false, emit: (event: string) => listeners.get(event)?.() }
    created.push(entry)
    return {
      on: (event: string, listener: () => void) => listeners.set(event, listener),
      show: () => void (entry.shown = true),
    }
  }
  return { created, create }
}

const groupSpec: NotificationSpec = {
  title: 'Added to a group',
  body: 'Marketing · Member',
  target: { type: 'group', accountId: 'a/1', groupId: '7', url: 'https://a/workgroups/group/7/' },
}
const summarySpec: NotificationSpec = { title: '5 changes', body: 'A, B', target: { type: 'window', view: 'changes' } }

describe('notifier', () => {
  it('shows each planned notification with its title, body and the app icon', () => {
    const fake = fakeNotifications()
    createNotifier({ create: fake.create, isSupported: () => true, onClick: () => {}, icon: '/app/icon.png' }).show([
      groupSpec,
      summarySpec,
    ])
    expect(fake.created.map((entry) => [entry.options, entry.shown])).toEqual([
      [{ title: 'Added to a group', body: 'Marketing · Member', icon: '/app/icon.png' }, true],
      [{ title: '5 changes', body: 'A, B', icon: '/app/icon.png' }, true],
    ])
  })

  it("shows a group's avatar as the icon once it has loaded, and the app icon when it cannot be had", async () => {
    const fake = fakeNotifications()
    const loaded: string[] = []
    const notifier = createNotifier({
      create: fake.create,
      isSupported: () => true,
      onClick: () => {},
      icon: '/app/icon.png',
      loadIcon: async (url) => {
        loaded.push(url)
        if (url.includes('broken')) throw new Error('unreachable')
        return url.includes('missing') ? undefined : '/tmp/avatar.png'
      },
    })
    notifier.show([
      { ...groupSpec, imageUrl: 'https://a/avatar.png' },
      { ...groupSpec, imageUrl: 'https://a/missing.png' },
      { ...groupSpec, imageUrl: 'https://a/broken.png' },
      summarySpec,
    ])
    await vi.waitFor(() => expect(fake.created).toHaveLength(4))
    expect(loaded).toEqual(['https://a/avatar.png', 'https://a/missing.png', 'https://a/broken.png'])
    expect(fake.created.map((entry) => [entry.options.icon, entry.shown])).toEqual([
      ['/app/icon.png', true],
      ['/tmp/avatar.png', true],
      ['/app/icon.png', true],
      ['/app/icon.png', true],
    ])
  })

  it('routes a click to the notification target', () => {
    const fake = fakeNotifications()
    const clicked: NotificationTarget[] = []
    createNotifier({ create: fake.create, isSupported: () => true, onClick: (target) => clicked.push(target) }).show([
      groupSpec,
      summarySpec,
    ])
    fake.created[1]?.emit('click')
    fake.created[0]?.emit('click')
    expect(clicked).toEqual([summarySpec.target, groupSpec.target])
  })

  it('holds each notification until it is clicked, closed or fails, so its click is not lost', () => {
    const fake = fakeNotifications()
    const notifier = createNotifier({ create: fake.create, isSupported: () => true, onClick: () => {} })
    notifier.show([groupSpec, groupSpec, summarySpec])
    expect(notifier.pending()).toBe(3)
    fake.created[0]?.emit('click')
    fake.created[1]?.emit('close')
    fake.created[2]?.emit('failed')
    expect(notifier.pending()).toBe(0)
  })

  it('does nothing where the system has no notifications', () => {
    const fake = fakeNotifications()
    createNotifier({ create: fake.create, isSupported: () => false, onClick: () => {} }).show([groupSpec])
    expect(fake.created).toEqual([])
  })

  it('holds at most a bounded number of notifications that never report close (notification centres)', () => {
    const fake = fakeNotifications()
    const notifier = createNotifier({ create: fake.create, isSupported: () => true, onClick: () => {} })
    for (let round = 0; round < MAX_LIVE_NOTIFICATIONS + 30; round++) notifier.show([groupSpec])
    expect(notifier.pending()).toBe(MAX_LIVE_NOTIFICATIONS)
  })
})
