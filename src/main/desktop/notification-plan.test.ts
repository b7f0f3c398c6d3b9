import { createTranslator } from '@shared/i18n'
import type { Language, MembershipChange, NotificationSettings } from '@shared/types'
import { DEFAULT_SETTINGS } from '@shared/model'
import type { PlanInput } from './notification-plan'
import { planNotifications } from './notification-plan'
import { account, change, group, NOW } from './state-fixtures'

const acme = account('acme.bitrix24.com')
const FSI = '\u2068'
const PDI = '\u2069'
const plain = (text: string) => text.replaceAll(FSI, '').replaceAll(PDI, '')

const allKinds: NotificationSettings = {
  kinds: {
    joined: true,
    left: true,
    role_changed: true,
    renamed: true,
    image_changed: true,
    extranet_changed: true,
    archived: true,
    restored: true,
  },
  mutedUntil: null,
}

function plan(changes: MembershipChange[], overrides: Partial<PlanInput> = {}) {
  return planNotifications({
    changes,
    settings: allKinds,
    accounts: [acme],
    translator: createTranslator('en'),
    now: NOW,
    platform: 'darwin',
    ...overrides,
  })
}

const marketing = group('7', 'Marketing', 'E')
const examples: Record<string, MembershipChange> = {
  joined: change(acme.id, 'joined', marketing, { to: 'E' }),
  left: change(acme.id, 'left', marketing, { from: 'K' }),
  role_changed: change(acme.id, 'role_changed', marketing, { from: 'K', to: 'A' }),
  renamed: change(acme.id, 'renamed', marketing, { from: 'Sales', to: 'Marketing' }),
  image_changed: change(acme.id, 'image_changed', marketing),
  extranet_on: change(acme.id, 'extranet_changed', marketing, { from: false, to: true }),
  extranet_off: change(acme.id, 'extranet_changed', marketing, { from: true, to: false }),
  archived: change(acme.id, 'archived', marketing, { from: false, to: true }),
  restored: change(acme.id, 'restored', marketing, { from: true, to: false }),
}

describe('notification text for every kind in every language', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'joined', 'Added to a group', 'Marketing · Moderator'],
    ['en', 'left', 'No longer in a group', 'Marketing'],
    ['en', 'role_changed', 'Your role changed', 'Marketing: Member → Owner'],
    ['en', 'renamed', 'Group renamed', 'Sales → Marketing'],
    ['en', 'image_changed', 'Group picture changed', 'Marketing'],
    ['en', 'extranet_on', 'Group opened to external users', 'Marketing'],
    ['en', 'extranet_off', 'Group closed to external users', 'Marketing'],
    ['en', 'archived', 'Group archived', 'Marketing'],
    ['en', 'restored', 'Group restored from the archive', 'Marketing'],
    ['ru', 'joined', 'Вас добавили в группу', 'Marketing · Модератор'],
    ['ru', 'left', 'Вы больше не в группе', 'Marketing'],
    ['ru', 'role_changed', 'Ваша роль изменилась', 'Marketing: Участник → Владелец'],
    ['ru', 'renamed', 'Группа переименована', 'Sales → Marketing'],
    ['ru', 'image_changed', 'Изменилась картинка группы', 'Marketing'],
    ['ru', 'extranet_on', 'Группа открыта для внешних пользователей', 'Marketing'],
    ['ru', 'extranet_off', 'Группа закрыта для внешних пользователей', 'Marketing'],
    ['ru', 'archived', 'Группа отправлена в архив', 'Marketing'],
    ['ru', 'restored', 'Группа возвращена из архива', 'Marketing'],
    ['de', 'joined', 'Zu einer Gruppe hinzugefügt', 'Marketing · Moderator'],
    ['de', 'left', 'Nicht mehr in einer Gruppe', 'Marketing'],
    ['de', 'role_changed', 'Ihre Rolle hat sich geändert', 'Marketing: Mitglied → Besitzer'],
    ['de', 'renamed', 'Gruppe umbenannt', 'Sales → Marketing'],
    ['de', 'image_changed', 'Gruppenbild geändert', 'Marketing'],
    ['de', 'extranet_on', 'Gruppe für externe Benutzer geöffnet', 'Marketing'],
    ['de', 'extranet_off', 'Gruppe für externe Benutzer geschlossen', 'Marketing'],
    ['de', 'archived', 'Gruppe archiviert', 'Marketing'],
    ['de', 'restored', 'Gruppe aus dem Archiv geholt', 'Marketing'],
  ])('%s %s: "%s" / "%s"', (language, example, title, body) => {
    const [notification] = plan([examples[example]!], { translator: createTranslator(language) })
    expect(notification?.title).toBe(title)
    expect(plain(notification?.body ?? '')).toBe(body)
  })

  it.each<[Language, string, string]>([
    ['en', '5 membership changes', 'G0, G1, G2 and 2 more'],
    ['ru', '5 изменений в группах', 'G0, G1, G2 и ещё 2'],
    ['de', '5 Änderungen der Mitgliedschaften', 'G0, G1, G2 und 2 weitere'],
  ])('%s summary: "%s" / "%s"', (language, title, body) => {
    const changes = Array.from({ length: 5 }, (_, index) =>
      change(acme.id, 'joined', group(String(index), `G${index}`)),
    )
    const notifications = plan(changes, { translator: createTranslator(language) })
    expect(notifications).toHaveLength(1)
    expect(notifications[0]?.title).toBe(title)
    expect(plain(notifications[0]?.body ?? '')).toBe(body)
  })

  it.each<[Language, string]>([
    ['en', 'While you were away: 2 changes'],
    ['ru', 'Пока вас не было: 2 изменения'],
    ['de', 'Während Ihrer Abwesenheit: 2 Änderungen'],
  ])('%s while-away summary: "%s"', (language, title) => {
    const changes = [examples.joined!, examples.renamed!].map((c) => ({ ...c, whileAway: true }))
    const notifications = plan(changes, { translator: createTranslator(language) })
    expect(notifications.map((n) => n.title)).toEqual([title])
    expect(plain(notifications[0]?.body ?? '')).toBe('Marketing')
  })

  it('uses the Russian singular and "few" forms', () => {
    const ru = { translator: createTranslator('ru') }
    const away = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        change(acme.id, 'left', group(String(index), `G${index}`), { whileAway: true }),
      )
    expect(plan(away(1), ru)[0]?.title).toBe('Пока вас не было: 1 изменение')
    expect(plan(away(21), ru)[0]?.title).toBe('Пока вас не было: 21 изменение')
    expect(plan(away(4), ru)[0]?.title).toBe('Пока вас не было: 4 изменения')
  })
})

describe('how many notifications one sync gets', () => {
  const changes = (count: number) =>
    Array.from({ length: count }, (_, index) => change(acme.id, 'joined', group(String(index), `G${index}`)))

  it('gives each of up to three changes its own notification, opening its group page', () => {
    const notifications = plan(changes(3))
    expect(notifications).toHaveLength(3)
    expect(notifications[2]?.target).toEqual({
      type: 'group',
      accountId: acme.id,
      groupId: '2',
      url: 'https://acme.bitrix24.com/workgroups/group/2/',
    })
  })

  it('sums up four or more in one notification that opens the window', () => {
    const notifications = plan(changes(4))
    expect(notifications).toHaveLength(1)
    expect(notifications[0]?.target).toEqual({ type: 'window', view: 'changes' })
  })

  it('names a group once in a summary even when it changed in several ways', () => {
    const g = group('1', 'Only')
    const kinds = ['role_changed', 'renamed', 'image_changed', 'extranet_changed'] as const
    const [summary] = plan(kinds.map((kind) => change(acme.id, kind, g)))
    expect(plain(summary?.body ?? '')).toBe('Only')
  })

  it('keeps the while-away summary apart from the changes of this sync', () => {
    const away = changes(2).map((c) => ({ ...c, whileAway: true }))
    const notifications = plan([...away, examples.left!])
    expect(notifications.map((n) => n.title)).toEqual(['While you were away: 2 changes', 'No longer in a group'])
  })

  it('gives nothing for no changes', () => {
    expect(plan([])).toEqual([])
  })
})

describe('preferences and pause', () => {
  it('notifies archived and restored by default, each with its own switch', () => {
    const both = [examples.archived!, examples.restored!]
    expect(plan(both, { settings: DEFAULT_SETTINGS.notifications })).toHaveLength(2)
    const settings = {
      ...DEFAULT_SETTINGS.notifications,
      kinds: { ...DEFAULT_SETTINGS.notifications.kinds, archived: false },
    }
    expect(plan(both, { settings }).map((n) => n.title)).toEqual(['Group restored from the archive'])
  })

  it('drops kinds the user turned off, before counting', () => {
    const settings = DEFAULT_SETTINGS.notifications
    const images = Array.from({ length: 5 }, (_, index) =>
      change(acme.id, 'image_changed', group(String(index), `G${index}`)),
    )
    const notifications = plan([...images, examples.left!], { settings })
    expect(notifications.map((n) => n.title)).toEqual(['No longer in a group'])
  })

  it('shows nothing while paused, and everything once the pause has run out', () => {
    const pausedUntil = (ms: number) => ({ ...allKinds, mutedUntil: new Date(NOW.getTime() + ms).toISOString() })
    expect(plan([examples.joined!], { settings: pausedUntil(60_000) })).toEqual([])
    expect(plan([examples.joined!], { settings: pausedUntil(0) })).toHaveLength(1)
  })

  it('ignores a mute time that is not a date rather than muting forever', () => {
    expect(plan([examples.joined!], { settings: { ...allKinds, mutedUntil: 'soon' } })).toHaveLength(1)
  })
})

describe('hostile group names', () => {
  const hostile = (name: string, platform: PlanInput['platform'] = 'linux') =>
    plan([change(acme.id, 'left', group('1', name))], { platform })[0]?.body ?? ''

  it('escapes markup on Linux, where notification servers read the body as markup', () => {
    expect(plain(hostile('<b>Bold</b> & <a href="x">link</a>'))).toBe(
      '&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;a href="x"&gt;link&lt;/a&gt;',
    )
  })

  it('shows names literally on macOS and Windows, which do not read markup', () => {
    expect(plain(hostile('<b>R&D</b>', 'darwin'))).toBe('<b>R&D</b>')
    expect(plain(hostile('<b>R&D</b>', 'win32'))).toBe('<b>R&D</b>')
  })

  it('cuts a 300-character name before escaping, so no entity is cut in half', () => {
    const body = plain(hostile('&'.repeat(300)))
    expect(body).toBe('&amp;'.repeat(79) + '…')
  })

  it('isolates right-to-left names so the role stays on its side', () => {
    const [notification] = plan([change(acme.id, 'joined', group('1', 'فريق التسويق'), { to: 'K' })])
    expect(notification?.body).toBe(`${FSI}فريق التسويق${PDI} · Member`)
  })

  it('keeps a name with line breaks on one line, the breaks shown', () => {
    expect(plain(hostile('a\nb\r\nc'))).toBe('a\\x0Ab\\x0D\\x0Ac')
  })

  it('neutralises bidi controls, so a name cannot close its isolate or reorder the role', () => {
    const [notification] = plan([change(acme.id, 'joined', group('1', '\u202eevil\u2069'), { to: 'K' })])
    expect(notification?.body).toBe(`${FSI}\\u202Eevil\\u2069${PDI} · Member`)
  })

  it('keeps a forged line out of the portal label of a multi-account notification', () => {
    const other = account('other.bitrix24.com', { label: 'Client' })
    const forged = account('acme.bitrix24.com', { label: 'Acme\nYou were removed from “Payroll”' })
    const [notification] = plan([examples.left!], { accounts: [forged, other] })
    expect(notification?.body.split('\n')).toHaveLength(2)
  })

  it('escapes names inside a Linux summary too', () => {
    const changes = Array.from({ length: 4 }, (_, index) =>
      change(acme.id, 'left', group(String(index), `<i>${index}</i>`)),
    )
    const [summary] = plan(changes, { platform: 'linux' })
    expect(summary?.body).not.toContain('<i>')
    expect(plain(summary?.body ?? '')).toContain('&lt;i&gt;0&lt;/i&gt;')
  })
})

describe('several accounts', () => {
  it('names the portal under the change', () => {
    const other = account('other.bitrix24.com', { label: 'Client' })
    const [notification] = plan([examples.left!], { accounts: [acme, other] })
    expect(plain(notification?.body ?? '')).toBe('Marketing\nacme.bitrix24.com')
  })
})

describe('notification images', () => {
  it("carries the group's avatar on a notification about one group, and none on a summary", () => {
    const withImage = { ...marketing, imageUrl: 'https://acme.bitrix24.com/upload/7.png' }
    const [single] = plan([change(acme.id, 'joined', withImage, { to: 'E' })])
    expect(single?.imageUrl).toBe('https://acme.bitrix24.com/upload/7.png')
    const many = plan(['1', '2', '3', '4'].map((id) => change(acme.id, 'joined', { ...withImage, id }, { to: 'K' })))
    expect(many).toHaveLength(1)
    expect(many[0]?.imageUrl).toBeUndefined()
  })
})
