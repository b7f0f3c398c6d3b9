import { screen, within } from '@testing-library/svelte'
import type { ErrorKind } from '@shared/types'
import { makeAccount, makeError, makeGroup, makeState, makeStatus } from '../../harness/builders'
import { renderApp, renderWithApp, requestsOn } from '../test-support'
import ErrorBanner from './ErrorBanner.svelte'

const account = makeAccount({ host: 'acme.bitrix24.com' })

function failing(kind: ErrorKind, messageKey = `errors:${kind}`) {
  return makeState({
    accounts: [account],
    groups: { [account.id]: [makeGroup({ id: '1', name: 'Design' })] },
    statuses: [makeStatus(account.id, { state: 'error', error: makeError(kind, { messageKey, message: '' }) })],
  })
}

describe('the error banner', () => {
  it('shows the plain message in the window language', async () => {
    await renderApp(failing('auth', 'errors:noAuthFound'))
    expect(screen.getByTestId('error-banner')).toHaveTextContent('The portal did not accept the webhook code')
  })

  it('offers to update the credentials on an auth error, and opens that account’s credentials form', async () => {
    const { user } = await renderApp(failing('auth', 'errors:noAuthFound'))
    await user.click(within(screen.getByTestId('error-banner')).getByRole('button', { name: 'Update credentials' }))
    const form = screen.getByTestId('webhook-form')
    const url = within(form).getByLabelText('Webhook URL')
    expect(url).toHaveValue('https://acme.bitrix24.com/rest/1/')
    expect(url).toHaveFocus()
  })

  it.each(['permission', 'moved'] as const)('offers to update the credentials on a %s error', async (kind) => {
    await renderApp(failing(kind))
    expect(within(screen.getByTestId('error-banner')).getByRole('button')).toHaveTextContent('Update credentials')
  })

  describe('a moved portal that named its new address', () => {
    const movedTo = (origin: string) =>
      makeState({
        accounts: [account],
        groups: { [account.id]: [makeGroup({ id: '1', name: 'Design' })] },
        statuses: [
          makeStatus(account.id, {
            state: 'error',
            error: makeError('moved', {
              code: 'PORTAL_MOVED',
              messageKey: 'errors:portalMoved',
              message: '',
              movedTo: origin,
            }),
          }),
        ],
      })

    it('names the new address, says nothing is sent there unasked, and moves the account when confirmed', async () => {
      const { api, user } = await renderApp(movedTo('https://groups.acme.example'))
      const banner = screen.getByTestId('error-banner')
      expect(banner).toHaveTextContent("The portal's address has changed.")
      expect(banner).toHaveTextContent('It now answers at groups.acme.example.')
      expect(banner).toHaveTextContent('only if you confirm')
      await user.click(within(banner).getByRole('button', { name: 'Use groups.acme.example' }))
      expect(requestsOn(api, 'accounts:acceptMove')).toEqual([{ accountId: account.id }])
      expect(screen.queryByTestId('error-banner')).not.toBeInTheDocument()
      expect(api.state.accounts[0]?.portal).toBe('https://groups.acme.example')
    })

    it('keeps the banner and says why when the new address answers for another user', async () => {
      const { user } = await renderApp(movedTo('https://other-user.example'))
      await user.click(screen.getByRole('button', { name: 'Use other-user.example' }))
      expect(screen.getByRole('alert')).toHaveTextContent('answers for a different user')
      expect(screen.getByTestId('error-banner')).toBeInTheDocument()
    })
  })

  it('retries the failing account now on a plan error', async () => {
    const { api, user } = await renderApp(failing('plan', 'errors:paymentRequired'))
    await user.click(screen.getByRole('button', { name: 'Retry now' }))
    expect(requestsOn(api, 'sync:refresh')).toEqual([{ accountId: account.id }])
    // The fake main's retry succeeds, so the banner goes away.
    expect(screen.queryByTestId('error-banner')).not.toBeInTheDocument()
  })

  it.each(['plan', 'not_found'] as const)('offers a retry on a %s error', async (kind) => {
    await renderApp(failing(kind))
    expect(within(screen.getByTestId('error-banner')).getByRole('button')).toHaveTextContent('Retry now')
  })

  it('explains how to add the sonet_group scope on a scope error', async () => {
    const { user } = await renderApp(failing('scope', 'errors:insufficientScope'))
    await user.click(screen.getByRole('button', { name: 'How to add the scope' }))
    const banner = screen.getByTestId('error-banner')
    expect(
      within(banner)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'In Bitrix24, open Developer resources → Other → Inbound webhook.',
      'Open your webhook, tick the sonet_group scope and save.',
      'Come back and retry. The webhook URL stays the same.',
    ])
    await user.click(within(banner).getByRole('button', { name: 'Got it' }))
    expect(within(banner).queryByRole('listitem')).not.toBeInTheDocument()
  })

  it('says when the next automatic try is due', () => {
    const error = makeError('rate_limit', {
      messageKey: 'errors:queryLimitExceeded',
      retryAt: '2025-03-10T12:05:00.000Z',
    })
    renderWithApp(ErrorBanner, { account, error, onUpdateCredentials: () => {} })
    expect(screen.getByTestId('error-banner')).toHaveTextContent('Next try in 5 minutes.')
  })

  it('names the account when there are several', () => {
    const error = makeError('network', { messageKey: 'errors:network' })
    renderWithApp(ErrorBanner, {
      account: { ...account, label: 'Acme' },
      error,
      named: true,
      onUpdateCredentials: () => {},
    })
    expect(screen.getByTestId('error-banner')).toHaveTextContent(/^Acme:/)
  })

  it('speaks Russian', () => {
    const error = makeError('network', { messageKey: 'errors:network' })
    renderWithApp(ErrorBanner, { account, error, onUpdateCredentials: () => {} }, { language: 'ru' })
    expect(screen.getByRole('button')).toHaveTextContent('Повторить')
  })

  it('brings the scope steps into view when they open (the banners area may be scrolled)', async () => {
    const scrolled: Element[] = []
    const original = Element.prototype.scrollIntoView
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this)
    }
    try {
      const { user } = await renderApp(failing('scope', 'errors:insufficientScope'))
      await user.click(screen.getByRole('button', { name: 'How to add the scope' }))
      expect(scrolled).toContain(screen.getByTestId('error-banner'))
    } finally {
      Element.prototype.scrollIntoView = original
    }
  })
})
