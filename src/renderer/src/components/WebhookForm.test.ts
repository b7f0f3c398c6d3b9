import { screen } from '@testing-library/svelte'
import { makeState } from '../../harness/builders'
import { renderWithApp, requestsOn } from '../test-support'
import WebhookForm from './WebhookForm.svelte'

const GOOD = 'https://acme.bitrix24.com/rest/1/fake_code_abcd1234/'

function renderForm(language: 'en' | 'ru' | 'de' = 'en') {
  return renderWithApp(WebhookForm, { idPrefix: 'test' }, { language, state: makeState() })
}

const urlField = () => screen.getByLabelText(/Webhook URL|Адрес вебхука|Webhook-URL/)

describe('adding an account by webhook', () => {
  it('does not complain while the first URL is being typed', async () => {
    const { user } = renderForm()
    await user.type(urlField(), 'https://acme')
    expect(screen.queryByTestId('url-issue')).not.toBeInTheDocument()
    expect(urlField()).toHaveAttribute('aria-invalid', 'false')
  })

  it('asks for the URL when the form is sent empty', async () => {
    const { user, api } = renderForm()
    await user.click(screen.getByRole('button', { name: 'Add account' }))
    expect(screen.getByTestId('url-issue')).toHaveTextContent('Paste the webhook URL.')
    expect(urlField()).toHaveFocus()
    expect(requestsOn(api, 'accounts:addWebhook')).toEqual([])
  })

  it('says a text is not a web address once the field is left', async () => {
    const { user } = renderForm()
    await user.type(urlField(), 'not a url')
    await user.tab()
    expect(screen.getByTestId('url-issue')).toHaveTextContent(/This is not a web address/)
    expect(urlField()).toHaveAttribute('aria-invalid', 'true')
    expect(urlField()).toHaveAccessibleDescription(/This is not a web address/)
  })

  it('says a portal address is not an inbound webhook URL', async () => {
    const { user } = renderForm()
    await user.type(urlField(), 'https://acme.bitrix24.com/stream/')
    await user.tab()
    expect(screen.getByTestId('url-issue')).toHaveTextContent(
      'This is not an inbound webhook URL: it ends in /rest/USER_ID/CODE/.',
    )
  })

  it('asks for https', async () => {
    const { user } = renderForm()
    await user.type(urlField(), 'http://acme.bitrix24.com/rest/1/abcd1234/')
    await user.tab()
    expect(screen.getByTestId('url-issue')).toHaveTextContent(/Use https:\/\//)
  })

  it('clears the message as soon as the URL is right', async () => {
    const { user } = renderForm()
    await user.type(urlField(), 'https://acme.bitrix24.com/')
    await user.tab()
    expect(screen.getByTestId('url-issue')).toBeInTheDocument()
    await user.type(urlField(), 'rest/1/abcd1234/')
    expect(screen.queryByTestId('url-issue')).not.toBeInTheDocument()
  })

  it('speaks the validation messages in Russian and German', async () => {
    for (const [language, expected] of [
      ['ru', 'Вставьте адрес вебхука.'],
      ['de', 'Fügen Sie die Webhook-URL ein.'],
    ] as const) {
      const { user, unmount } = renderForm(language)
      await user.click(
        screen.getByRole('button', { name: language === 'ru' ? 'Добавить аккаунт' : 'Konto hinzufügen' }),
      )
      expect(screen.getByTestId('url-issue')).toHaveTextContent(expected)
      unmount()
    }
  })

  it('tests the connection and shows the user and the group count', async () => {
    const { user, api } = renderForm()
    await user.type(urlField(), GOOD)
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(requestsOn(api, 'accounts:test')).toEqual([{ webhookUrl: GOOD }])
    expect(screen.getByTestId('test-result')).toHaveTextContent('Connected as Anna Schmidt · 12 groups')
  })

  it('shows the group count of a connection test with Russian plurals', async () => {
    const { user } = renderForm('ru')
    await user.type(urlField(), GOOD)
    await user.click(screen.getByRole('button', { name: 'Проверить подключение' }))
    expect(screen.getByTestId('test-result')).toHaveTextContent('Подключено: Anna Schmidt · 12 групп')
  })

  it('shows why a connection test failed, in plain words', async () => {
    const { user } = renderForm()
    await user.type(urlField(), 'https://acme.bitrix24.com/rest/1/badcode/')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(screen.getByTestId('form-error')).toHaveTextContent(/did not accept the webhook code/)
  })

  it('explains the scope when the webhook lacks sonet_group', async () => {
    const { user } = renderForm()
    await user.type(urlField(), 'https://acme.bitrix24.com/rest/1/noscope1/')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(screen.getByText('Add the sonet_group scope')).toBeInTheDocument()
  })

  it('adds the account with its label and the session-only choice, then forgets the URL', async () => {
    const { user, api, announced } = renderForm()
    await user.type(urlField(), GOOD)
    await user.type(screen.getByLabelText('Name (optional)'), 'Acme')
    await user.click(screen.getByLabelText('Do not save: keep for this session only'))
    await user.click(screen.getByRole('button', { name: 'Add account' }))
    expect(requestsOn(api, 'accounts:addWebhook')).toEqual([{ webhookUrl: GOOD, label: 'Acme', sessionOnly: true }])
    expect(urlField()).toHaveValue('')
    expect(announced).toEqual(['Acme added'])
  })

  it('keeps no trace of the webhook code after adding: not on screen, not announced', async () => {
    const { user, announced, container } = renderForm()
    await user.type(urlField(), GOOD)
    await user.click(screen.getByRole('button', { name: 'Add account' }))
    expect(container.innerHTML).not.toContain('fake_code_abcd1234')
    expect(announced.join(' ')).not.toContain('fake_code_abcd1234')
  })
})
