import { screen, waitFor, within } from '@testing-library/svelte'
import { makeAccount, makeGroup, makeSettings, makeState, makeStatus } from '../../harness/builders'
import { renderApp, requestsOn } from '../test-support'

const account = makeAccount({ host: 'acme.bitrix24.com' })
const names = ['Büro Zürich', 'Marketing', 'Отдел продаж', 'Ёлка проекта', 'Sales Berlin', 'Office Paris']
const state = makeState({
  accounts: [account],
  groups: { [account.id]: names.map((name, index) => makeGroup({ id: String(index + 1), name })) },
  statuses: [makeStatus(account.id, { groupCount: names.length })],
})

const optionNames = () => screen.queryAllByRole('option').map((option) => option.querySelector('[title]')?.textContent)

describe('searching groups', () => {
  it('focuses the search field when the window opens', async () => {
    await renderApp(state)
    expect(screen.getByRole('combobox', { name: 'Search groups' })).toHaveFocus()
  })

  it('focuses the search field again when main shows the window', async () => {
    const { api, user } = await renderApp(state)
    await user.click(screen.getByRole('button', { name: /Settings/ }))
    await user.click(screen.getByRole('button', { name: /Groups/ }))
    screen.getByRole('button', { name: /Changes/ }).focus()
    api.emit('window:shown', null)
    await waitFor(() => expect(screen.getByRole('combobox')).toHaveFocus())
  })

  it('filters without regard to case or diacritics and shows the match count', async () => {
    const { user } = await renderApp(state)
    await user.type(screen.getByRole('combobox'), 'ZURICH')
    expect(optionNames()).toEqual(['Büro Zürich'])
    expect(screen.getByTestId('match-count')).toHaveTextContent('1 of 6')
  })

  it('finds Cyrillic names typed with е for ё', async () => {
    const { user } = await renderApp(state)
    await user.type(screen.getByRole('combobox'), 'елка')
    expect(optionNames()).toEqual(['Ёлка проекта'])
  })

  it('says so when nothing matches', async () => {
    const { user } = await renderApp(state)
    await user.type(screen.getByRole('combobox'), 'nothing like this')
    expect(screen.getByText('No group matches “nothing like this”.')).toBeInTheDocument()
    expect(screen.getByTestId('match-count')).toHaveTextContent('0 of 6')
  })

  it('announces the number of matches to screen readers once typing pauses', async () => {
    const { user } = await renderApp(state)
    await user.type(screen.getByRole('combobox'), 'o')
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent(/^\d groups found$/), {
      timeout: 2000,
    })
  })

  it('clears the search with Escape first, and hides the window with the next Escape', async () => {
    const { api, user } = await renderApp(state)
    await user.type(screen.getByRole('combobox'), 'sales')
    await user.keyboard('{Escape}')
    expect(screen.getByRole('combobox')).toHaveValue('')
    expect(screen.getAllByRole('option')).toHaveLength(names.length)
    expect(requestsOn(api, 'window:hide')).toHaveLength(0)
    await user.keyboard('{Escape}')
    expect(requestsOn(api, 'window:hide')).toHaveLength(1)
  })

  it('clears the search with its clear button and gives the field the focus back', async () => {
    const { user } = await renderApp(state)
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull()
    await user.type(screen.getByRole('combobox'), 'sales')
    await user.click(screen.getByRole('button', { name: 'Clear search' }))
    expect(screen.getByRole('combobox')).toHaveValue('')
    expect(screen.getByRole('combobox')).toHaveFocus()
    expect(screen.getAllByRole('option')).toHaveLength(names.length)
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull()
  })

  it('marks the words of the search in each name', async () => {
    const { user } = await renderApp(state)
    await user.type(screen.getByRole('combobox'), 'ber sal')
    const marks = [...screen.getByRole('option').querySelectorAll('mark')].map((mark) => mark.textContent)
    expect(marks).toEqual(['Sal', 'Ber'])
  })

  it('keeps every group of a large list reachable by search', async () => {
    const many = Array.from({ length: 2000 }, (_, index) => makeGroup({ id: String(index), name: `Team ${index}` }))
    const { user } = await renderApp({ ...state, groups: { [account.id]: many } })
    await user.type(screen.getByRole('combobox'), 'team 1999')
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(1)
    expect(screen.getByTestId('match-count')).toHaveTextContent('1 of 2,000')
  })

  it('shows names with markup characters as plain text', async () => {
    const hostile = '<b>Bold</b> & "Quotes" <img src=x onerror=alert(1)>'
    await renderApp({ ...state, groups: { [account.id]: [makeGroup({ id: '1', name: hostile })] } })
    expect(screen.getByRole('option')).toHaveTextContent(hostile)
    expect(screen.getByTitle(hostile)).toHaveAttribute('dir', 'auto')
    expect(screen.getByRole('listbox').querySelector('b, img[src="x"]')).toBeNull()
  })
})

describe('the pinned heading', () => {
  it('is a plural heading in Russian, not the row word for one pinned group', async () => {
    await renderApp(
      makeState({
        ...state,
        settings: makeSettings({ language: 'ru', pinnedGroups: { [account.id]: ['2'] } }),
      }),
    )
    expect(screen.getByText('Закреплённые')).toBeInTheDocument()
  })
})
