import { createTranslator } from '@shared/i18n'
import type { AppState } from '@shared/types'
import { createChangeNotifications } from './change-notifications'
import type { NotificationSpec } from './notification-plan'
import { appState, change, group, NOW } from './state-fixtures'

function setup(state: AppState, language: 'en' | 'de' = 'en') {
  const shown: NotificationSpec[] = []
  const listener = createChangeNotifications({
    notifier: { show: (specs) => void shown.push(...specs) },
    state: () => state,
    translator: () => createTranslator(language),
    now: () => NOW,
    platform: 'linux',
  })
  return { listener, shown }
}

describe('notifications for the changes of a sync', () => {
  it('shows them in the current language, escaped for Linux', () => {
    const { listener, shown } = setup(appState(), 'de')
    listener([change('acme.bitrix24.com/1', 'left', group('1', 'R&D'))])
    expect(shown).toEqual([
      {
        title: 'Nicht mehr in einer Gruppe',
        body: '\u2068R&amp;D\u2069',
        target: {
          type: 'group',
          accountId: 'acme.bitrix24.com/1',
          groupId: '1',
          url: 'https://acme.bitrix24.com/workgroups/group/1/',
        },
        imageUrl: null,
      },
    ])
  })

  it('follows the settings of the moment: a pause shows nothing', () => {
    const state = appState()
    state.settings.notifications.mutedUntil = new Date(NOW.getTime() + 60_000).toISOString()
    const { listener, shown } = setup(state)
    listener([change('acme.bitrix24.com/1', 'joined', group('1', 'A'))])
    expect(shown).toEqual([])
  })
})
