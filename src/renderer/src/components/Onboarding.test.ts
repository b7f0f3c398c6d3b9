import { screen } from '@testing-library/svelte'
import { makeState } from '../../harness/builders'
import { renderApp, requestsOn } from '../test-support'

describe('onboarding', () => {
  it('explains how to create an inbound webhook with the sonet_group scope when there is no account', async () => {
    await renderApp(makeState())
    const steps = screen.getAllByRole('listitem').map((item) => item.textContent)
    expect(steps).toEqual([
      'In Bitrix24, open Developer resources → Other → Inbound webhook.',
      'Tick the sonet_group scope and save.',
      'Copy the webhook URL, paste it here and test it.',
    ])
    expect(screen.getByLabelText('Webhook URL')).toHaveFocus()
  })

  it('adds the pasted webhook and then lists its groups', async () => {
    const { user, api } = await renderApp(makeState())
    await user.type(screen.getByLabelText('Webhook URL'), 'https://acme.bitrix24.com/rest/1/abcd1234/')
    await user.click(screen.getByRole('button', { name: 'Add account' }))
    expect(requestsOn(api, 'accounts:addWebhook')).toHaveLength(1)
    expect(await screen.findByRole('listbox', { name: 'Your groups' })).toBeInTheDocument()
    expect(screen.queryByTestId('onboarding')).not.toBeInTheDocument()
  })

  it('starts the demo portal', async () => {
    const { user, api } = await renderApp(makeState())
    await user.click(screen.getByRole('button', { name: 'Try the demo portal' }))
    expect(requestsOn(api, 'demo:start')).toEqual([undefined])
    expect(await screen.findAllByRole('option')).not.toHaveLength(0)
  })

  it('lets the user change the language before adding an account', async () => {
    const { user } = await renderApp(makeState())
    await user.click(screen.getByRole('button', { name: /^Settings/ }))
    await user.selectOptions(screen.getByLabelText('Language'), 'ru')
    await user.click(screen.getByRole('button', { name: /^Группы/ }))
    expect(screen.getByRole('heading', { name: 'Подключите Битрикс24' })).toBeInTheDocument()
  })
})
