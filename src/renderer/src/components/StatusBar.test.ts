import { screen } from '@testing-library/svelte'
import { makeAccount, makeState, makeStatus } from '../../harness/builders'
import { NOW, renderWithApp } from '../test-support'
import Header from './Header.svelte'
import StatusBar from './StatusBar.svelte'

const twoMinutesAgo = new Date(NOW.getTime() - 2 * 60_000).toISOString()
const account = makeAccount({ host: 'acme.bitrix24.com', label: 'Acme' })

function stateWith(groupCount: number, overrides = {}) {
  return makeState({
    accounts: [account],
    statuses: [makeStatus(account.id, { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount, ...overrides })],
  })
}

describe('the status line', () => {
  it.each([
    [1, 'Обновлено 2 минуты назад · 1 группа'],
    [2, 'Обновлено 2 минуты назад · 2 группы'],
    [5, 'Обновлено 2 минуты назад · 5 групп'],
    [21, 'Обновлено 2 минуты назад · 21 группа'],
  ])('uses the Russian plural for %i groups', (count, expected) => {
    renderWithApp(StatusBar, { appState: stateWith(count) }, { language: 'ru' })
    expect(screen.getByTestId('status-bar')).toHaveTextContent(expected)
  })

  it.each([
    ['en', 'Synced 2 minutes ago · 1 group'],
    ['de', 'Synchronisiert vor 2 Minuten · 1 Gruppe'],
  ] as const)('speaks %s', (language, expected) => {
    renderWithApp(StatusBar, { appState: stateWith(1) }, { language })
    expect(screen.getByTestId('status-bar')).toHaveTextContent(expected)
  })

  it('keeps to one line for several accounts, with each account’s own line in the tooltip', () => {
    const other = makeAccount({ host: 'beta.bitrix24.de', userId: '7', label: 'Beta' })
    const appState = makeState({
      accounts: [account, other],
      statuses: [
        makeStatus(account.id, { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: 3 }),
        makeStatus(other.id, { state: 'syncing', groupCount: 5 }),
      ],
    })
    renderWithApp(StatusBar, { appState })
    expect(screen.getAllByRole('paragraph').map((line) => line.textContent?.trim())).toEqual(['Syncing… · 8 groups'])
    expect(screen.getByTestId('status-bar')).toHaveAttribute(
      'title',
      'Acme: Synced 2 minutes ago · 3 groups\nBeta: Syncing… · 5 groups',
    )
  })

  it('says offline when the machine is offline', () => {
    renderWithApp(StatusBar, { appState: { ...stateWith(3), online: false } })
    expect(screen.getByTestId('status-bar')).toHaveTextContent('Offline · last synced 2 minutes ago · 3 groups')
  })
})

describe('the unseen-changes count in the header', () => {
  it.each([
    [1, '1 непросмотренное изменение'],
    [3, '3 непросмотренных изменения'],
    [7, '7 непросмотренных изменений'],
  ])('tells screen readers about %i changes with the Russian plural', (unseenCount, expected) => {
    const props = {
      view: 'groups' as const,
      unseenCount,
      syncing: false,
      canRefresh: true,
      onnavigate() {},
      onrefresh() {},
    }
    renderWithApp(Header, props, { language: 'ru' })
    expect(screen.getByRole('button', { name: new RegExp(`Изменения.*${expected}`) })).toBeInTheDocument()
  })
})
