import { screen, within } from '@testing-library/svelte'
import type { ErrorKind } from '@shared/types'
import { makeAccount, makeError, makeGroup, makeState, makeStatus } from '../../harness/builders'
import { renderApp } from '../test-support'

const acme = makeAccount({ host: 'acme.bitrix24.com', label: 'Acme' })
const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7', label: 'Beta GmbH' })
const box = makeAccount({ host: 'intranet.example.com', userId: '3', label: 'Intranet' })
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000 + 30_000).toISOString()

function failing(problems: [typeof acme, ErrorKind, string?][], online = true) {
  const accounts = [acme, beta, box]
  return makeState({
    online,
    accounts,
    groups: Object.fromEntries(accounts.map((account) => [account.id, [makeGroup({ id: '1', name: 'Design' })]])),
    statuses: accounts.map((account) => {
      const problem = problems.find(([candidate]) => candidate === account)
      return problem
        ? makeStatus(account.id, {
            state: 'error',
            error: makeError(problem[1], {
              messageKey: problem[2] ?? `errors:${problem[1]}`,
              message: '',
              retryAt: inMinutes(4),
            }),
          })
        : makeStatus(account.id, { state: 'ok', lastSyncAt: new Date().toISOString() })
    }),
  })
}

describe('the problems above the list', () => {
  it('shows a problem that passes by itself as one quiet line with the next try, not as a banner', async () => {
    await renderApp(failing([[box, 'network', 'errors:network']]))
    expect(screen.getByTestId('transient-problem')).toHaveTextContent(
      'Intranet: Portal not reachable · next try in 4 minutes',
    )
    expect(screen.queryByTestId('error-banner')).toBeNull()
  })

  it('shows one problem only the user can fix as a banner with its whole sentence and action', async () => {
    await renderApp(
      failing([
        [acme, 'auth', 'errors:noAuthFound'],
        [box, 'rate_limit'],
      ]),
    )
    const banner = screen.getByTestId('error-banner')
    expect(banner).toHaveTextContent(
      'Acme: The portal did not accept the webhook code or access token. Check the webhook URL and add it again.',
    )
    expect(within(banner).getByRole('button', { name: 'Update credentials' })).toBeVisible()
    expect(screen.getByTestId('transient-problem')).toHaveTextContent('Intranet: Portal asks to slow down')
  })

  it('folds several accounts to fix into one summary that expands to every banner', async () => {
    const { user } = await renderApp(
      failing([
        [acme, 'auth', 'errors:noAuthFound'],
        [beta, 'scope', 'errors:insufficientScope'],
      ]),
    )
    expect(screen.queryAllByTestId('error-banner')).toHaveLength(0)
    const toggle = screen.getByRole('button', { name: /2 accounts need your attention/ })
    expect(toggle).toHaveTextContent('Acme, Beta GmbH')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const banners = screen.getAllByTestId('error-banner')
    expect(banners.map((banner) => banner.dataset.kind)).toEqual(['auth', 'scope'])
    expect(within(banners[1]!).getByRole('button', { name: 'How to add the scope' })).toBeVisible()
    await user.click(toggle)
    expect(screen.queryAllByTestId('error-banner')).toHaveLength(0)
  })

  it('says offline once instead of every account failing to connect', async () => {
    await renderApp(
      failing(
        [
          [box, 'network'],
          [beta, 'network'],
        ],
        false,
      ),
    )
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('You are offline.')
    expect(screen.queryByTestId('transient-problem')).toBeNull()
  })

  it("shows the state directory's problem as main words it: a disk as a banner with the whole sentence", async () => {
    const disk = 'Cannot save to /data: the disk is full. Free some space; changes are kept until they can be saved.'
    await renderApp({ ...failing([]), stateProblem: { kind: 'disk', dir: '/data', holder: null, message: disk } })
    expect(screen.getByRole('alert')).toHaveTextContent(disk)
  })

  it('says quietly that another copy saves to the directory', async () => {
    const waiting = 'Another copy of Bitrix24 Groups (b24-groups watch, pid 123) is saving to /data; this window shows…'
    await renderApp({
      ...failing([]),
      stateProblem: { kind: 'lease_held', dir: '/data', holder: 'b24-groups watch', message: waiting },
    })
    const line = screen.getByTestId('state-problem')
    expect(line).toHaveTextContent(waiting)
    expect(line).not.toHaveAttribute('role', 'alert')
  })
})
