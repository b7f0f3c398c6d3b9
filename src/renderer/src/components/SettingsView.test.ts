import { screen, waitFor, within } from '@testing-library/svelte'
import { makeAccount, makeGroup, makeState, makeStatus } from '../../harness/builders'
import { renderApp, requestsOn } from '../test-support'

const acme = makeAccount({ host: 'acme.bitrix24.com', label: 'Acme' })
const session = makeAccount({ host: 'client.bitrix24.ru', userId: '4', label: 'Client', persisted: false })

function state() {
  return makeState({
    accounts: [acme, session],
    groups: { [acme.id]: [makeGroup({ id: '1' })], [session.id]: [makeGroup({ id: '2' })] },
    statuses: [makeStatus(acme.id), makeStatus(session.id)],
  })
}

async function openSettings() {
  const rendered = await renderApp(state())
  await rendered.user.click(screen.getByRole('button', { name: /^Settings/ }))
  return rendered
}

const card = (name: string) => {
  const found = screen
    .getAllByTestId('account-card')
    .find((element) => within(element).queryByRole('heading', { name }))
  if (!found) throw new Error(`no card ${name}`)
  return found
}

describe('settings', () => {
  it('shows each account with its masked credential and marks a session-only one "not saved"', async () => {
    await openSettings()
    expect(card('Acme')).toHaveTextContent('https://acme.bitrix24.com/rest/1/••••/')
    expect(within(card('Acme')).queryByText('Not saved')).not.toBeInTheDocument()
    expect(within(card('Client')).getByText('Not saved')).toBeInTheDocument()
    // Session-only is the user's choice (also after a keychain error), so the hint gives no other reason for it.
    expect(card('Client')).toHaveTextContent(
      'Kept only until you quit: added for this session only, not to the keychain.',
    )
    expect(card('Client')).not.toHaveTextContent(/keychain was not available/)
  })

  it('renames an account', async () => {
    const { user, api } = await openSettings()
    const acmeCard = card('Acme')
    await user.click(within(acmeCard).getByRole('button', { name: 'Rename' }))
    const field = within(acmeCard).getByLabelText('Name')
    await user.clear(field)
    await user.type(field, 'Acme HQ{Enter}')
    expect(requestsOn(api, 'accounts:update')).toEqual([{ accountId: acme.id, label: 'Acme HQ' }])
    expect(await screen.findByRole('heading', { name: 'Acme HQ' })).toBeInTheDocument()
  })

  it('removes an account only after confirmation, and Escape cancels', async () => {
    const { user, api } = await openSettings()
    await user.click(within(card('Client')).getByRole('button', { name: 'Remove' }))
    expect(screen.getByText('Remove Client? Its change history goes too.')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByText(/Remove Client\?/)).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Accounts' })).toBeInTheDocument()
    await user.click(within(card('Client')).getByRole('button', { name: 'Remove' }))
    const confirm = screen.getByRole('group', { name: /Remove Client\?/ })
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }))
    expect(requestsOn(api, 'accounts:remove')).toEqual([{ accountId: session.id }])
    await waitFor(() => expect(screen.getAllByTestId('account-card')).toHaveLength(1))
  })

  it('turns an account off', async () => {
    const { user, api } = await openSettings()
    await user.click(within(card('Acme')).getByLabelText('Sync this account'))
    expect(requestsOn(api, 'accounts:update')).toEqual([{ accountId: acme.id, enabled: false }])
  })

  it('checks the group page template before saving it', async () => {
    const { user, api } = await openSettings()
    await user.click(within(card('Acme')).getByText('Advanced'))
    const field = within(card('Acme')).getByLabelText('Group page URL template')
    await user.clear(field)
    await user.type(field, '/workgroups/group/')
    expect(field).toHaveAccessibleDescription(/with \{id\} in it/)
    expect(within(card('Acme')).getByRole('button', { name: 'Save' })).toBeDisabled()
    await user.type(field, '{{id}/')
    await user.click(within(card('Acme')).getByRole('button', { name: 'Save' }))
    expect(requestsOn(api, 'accounts:update')).toEqual([
      { accountId: acme.id, groupUrlTemplate: '/workgroups/group/{id}/' },
    ])
  })

  it('validates OAuth fields and names every missing one', async () => {
    const { user, api } = await openSettings()
    await user.click(screen.getByRole('button', { name: 'Add OAuth tokens' }))
    const form = screen.getByTestId('oauth-form')
    await user.type(within(form).getByLabelText('Portal address'), 'acme')
    await user.click(within(form).getByRole('button', { name: 'Add account' }))
    expect(within(form).getByLabelText('Portal address')).toHaveAccessibleDescription(
      'Enter an address that starts with https://.',
    )
    expect(within(form).getByLabelText('Access token')).toHaveAccessibleDescription('Required.')
    expect(within(form).getByLabelText('Application key (client_secret)')).toHaveAccessibleDescription('Required.')
    expect(requestsOn(api, 'accounts:addOAuth')).toEqual([])
  })

  it('saves the theme, the language and the poll interval as they change', async () => {
    const { user, api } = await openSettings()
    await user.selectOptions(screen.getByLabelText('Theme'), 'dark')
    await user.selectOptions(screen.getByLabelText('Check for changes every'), '300')
    await user.selectOptions(screen.getByLabelText('Language'), 'de')
    expect(requestsOn(api, 'settings:update')).toEqual([
      { theme: 'dark' },
      { pollIntervalSeconds: 300 },
      { language: 'de' },
    ])
    expect(await screen.findByRole('heading', { name: 'Konten' })).toBeInTheDocument()
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark')
    expect(document.documentElement.lang).toBe('de')
  })

  it('turns a notification kind off and pauses notifications', async () => {
    const { user, api } = await openSettings()
    await user.click(screen.getByLabelText('Renamed groups'))
    await user.click(screen.getByRole('button', { name: 'For 1 hour' }))
    expect(requestsOn(api, 'settings:update')).toEqual([{ notifications: { kinds: { renamed: false } } }])
    expect(requestsOn(api, 'notifications:pause')).toEqual([{ until: 'hour' }])
    expect(await screen.findByTestId('paused-until')).toHaveTextContent(/^Paused until/)
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    expect(requestsOn(api, 'notifications:pause')).toContainEqual({ until: 'resume' })
  })

  it('shows the header’s paused indicator while notifications are paused, and not after Resume', async () => {
    const { user } = await openSettings()
    expect(screen.queryByTestId('header-paused')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'For 1 hour' }))
    expect(await screen.findByRole('img', { name: /^Notifications paused until/ })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    await waitFor(() => expect(screen.queryByTestId('header-paused')).not.toBeInTheDocument())
  })

  it('opens on the accounts section; the others open from their summary (one at a time: e2e/harness.spec.ts)', async () => {
    const { user } = await openSettings()
    const open = () => [...document.querySelectorAll('details[open] > summary')].map((s) => s.textContent)
    expect(open()).toEqual(['Accounts'])
    await user.click(screen.getByText('About', { selector: 'summary' }))
    expect(open()).toContain('About')
  })

  it('shows the version in About, opens the logs folder and quits', async () => {
    const { user, api } = await openSettings()
    await user.click(screen.getByText('About', { selector: 'summary' }))
    expect(await screen.findByTestId('app-version')).toHaveTextContent('Version 0.1.0')
    await user.click(screen.getByRole('button', { name: 'Open logs folder' }))
    expect(requestsOn(api, 'app:openLogs')).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Quit' }))
    expect(requestsOn(api, 'app:quit')).toHaveLength(1)
  })

  it('records the global shortcut from a key press and refuses one without a modifier', async () => {
    const { user, api } = await openSettings()
    const field = screen.getByLabelText('Global shortcut')
    await user.click(field)
    await user.keyboard('g')
    expect(field).toHaveAccessibleDescription(/Add Ctrl, Alt or another modifier key/)
    await user.keyboard('{Control>}{Shift>}k{/Shift}{/Control}')
    expect(requestsOn(api, 'settings:update')).toEqual([{ globalShortcut: 'CommandOrControl+Shift+K' }])
    expect(field).toHaveValue('Press the keys…')
    await user.tab()
    expect(field).toHaveValue('Ctrl+Shift+K')
  })

  it('shows main’s refusal of a shortcut another app holds', async () => {
    const { user } = await openSettings()
    await user.click(screen.getByLabelText('Global shortcut'))
    await user.keyboard('{Control>}{Alt>}t{/Alt}{/Control}')
    expect(await screen.findByRole('alert')).toHaveTextContent('Another app uses this shortcut.')
  })

  it('checks the tray menu size', async () => {
    const { user, api } = await openSettings()
    const field = screen.getByLabelText('Groups in the tray menu')
    await user.clear(field)
    await user.type(field, '99')
    expect(field).toHaveAccessibleDescription('A whole number from 0 to 50.')
    await user.clear(field)
    await user.type(field, '20')
    await user.tab()
    expect(requestsOn(api, 'settings:update')).toEqual([{ trayMenuGroupCount: 20 }])
  })
})
