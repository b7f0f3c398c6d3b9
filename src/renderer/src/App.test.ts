import { screen, waitFor } from '@testing-library/svelte'
import { makeAccount, makeError, makeGroup, makeSettings, makeState, makeStatus } from '../harness/builders'
import { renderApp, requestsOn } from './test-support'

const account = makeAccount({ host: 'acme.bitrix24.com' })
const withGroups = (overrides = {}) =>
  makeState({
    accounts: [account],
    groups: { [account.id]: [makeGroup({ id: '1', name: 'Design' })] },
    statuses: [makeStatus(account.id)],
    ...overrides,
  })

describe('the window', () => {
  it('shows a one-time notice from main in the window language, until dismissed', async () => {
    const { user } = await renderApp(withGroups({ notice: 'accounts:notices.settingsRepaired' }))
    const notice = screen.getByRole('note')
    expect(notice).toHaveTextContent('Some settings had invalid values and were reset to their defaults.')
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('note')).not.toBeInTheDocument()
  })

  it('follows the theme and language settings', async () => {
    await renderApp(withGroups({ settings: makeSettings({ theme: 'dark', language: 'ru' }) }))
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark')
    expect(document.documentElement.lang).toBe('ru')
    expect(getComputedStyle(document.documentElement).getPropertyValue('--bg')).toBe('#1b1f24')
    expect(screen.getByRole('combobox', { name: 'Поиск групп' })).toBeInTheDocument()
  })

  it('shows the view main asks for (from the tray menu)', async () => {
    const { api } = await renderApp(withGroups())
    api.emit('ui:navigate', { view: 'changes' })
    expect(await screen.findByRole('heading', { name: 'Change history' })).toBeInTheDocument()
  })

  it('replaces its state when main pushes a new one', async () => {
    const { api } = await renderApp(withGroups())
    api.setState(withGroups({ groups: { [account.id]: [makeGroup({ id: '2', name: 'Marketing' })] } }))
    expect(await screen.findByText('Marketing')).toBeInTheDocument()
    expect(screen.queryByText('Design')).not.toBeInTheDocument()
  })

  it('announces an account that starts failing', async () => {
    const { api } = await renderApp(withGroups())
    const error = makeError('network', { messageKey: 'errors:network' })
    api.setState(withGroups({ statuses: [makeStatus(account.id, { state: 'error', error })] }))
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent(/^acme\.bitrix24\.com: Could not reach/),
    )
  })

  it('shows an offline banner while offline', async () => {
    await renderApp(withGroups({ online: false }))
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('You are offline.')
  })

  it('refreshes every account from the header button', async () => {
    const { api, user } = await renderApp(withGroups())
    await user.click(screen.getByRole('button', { name: 'Refresh now' }))
    expect(requestsOn(api, 'sync:refresh')).toEqual([{}])
  })

  it('tells the user when main fails a request instead of failing silently', async () => {
    const { api, user } = await renderApp(withGroups())
    const invoke = api.invoke.bind(api)
    api.invoke = ((channel: string, ...rest: unknown[]) =>
      channel === 'sync:refresh'
        ? Promise.reject(new Error('Invalid request'))
        : invoke(channel as never, ...(rest as []))) as typeof api.invoke
    await user.click(screen.getByRole('button', { name: 'Refresh now' }))
    expect(await screen.findByTestId('toast')).toHaveTextContent('Something went wrong. Please try again.')
  })
})
