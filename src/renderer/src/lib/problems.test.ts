import { makeAccount, makeError, makeStatus } from '../../harness/builders'
import { createUiTranslate } from './i18n'
import { problemRank, rankProblems, stateProblemRank, transientLine } from './problems'

const now = new Date('2025-03-10T12:00:00Z')
const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()
const acme = makeAccount({ host: 'acme.bitrix24.com' })
const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7' })
const box = makeAccount({ host: 'intranet.example.com', userId: '3' })

describe('problemRank', () => {
  it.each(['auth', 'permission', 'scope', 'plan', 'moved', 'not_found'] as const)('asks the user to fix %s', (kind) =>
    expect(problemRank(kind)).toBe('fixable'),
  )

  it.each(['network', 'rate_limit', 'overload', 'server', 'method_time', 'protocol'] as const)(
    'waits out %s quietly',
    (kind) => expect(problemRank(kind)).toBe('transient'),
  )
})

describe('stateProblemRank', () => {
  it('keeps waiting for another copy quiet, and makes a disk or a lost directory a banner', () => {
    const problem = (kind: 'disk' | 'lease_held' | 'lease_lost') => ({ kind, dir: '/d', holder: null, message: 'm' })
    expect(stateProblemRank(problem('lease_held'))).toBe('transient')
    expect(stateProblemRank(problem('disk'))).toBe('fixable')
    expect(stateProblemRank(problem('lease_lost'))).toBe('fixable')
  })
})

describe('rankProblems', () => {
  it('splits the failing accounts into banners and the quiet line, in account order', () => {
    const ranked = rankProblems(
      [acme, beta, box],
      [
        makeStatus(box.id, { state: 'error', error: makeError('auth') }),
        makeStatus(acme.id, { state: 'error', error: makeError('network', { retryAt: inMinutes(4) }) }),
        makeStatus(beta.id, { state: 'ok' }),
      ],
      now,
    )
    expect(ranked.fixable.map((problem) => problem.account.id)).toEqual([box.id])
    expect(ranked.transient.map((problem) => problem.account.id)).toEqual([acme.id])
  })

  it('says the soonest retry still ahead, ignoring one already past', () => {
    const ranked = rankProblems(
      [acme, beta, box],
      [
        makeStatus(acme.id, { state: 'error', error: makeError('network', { retryAt: inMinutes(4) }) }),
        makeStatus(beta.id, { state: 'error', error: makeError('rate_limit', { retryAt: inMinutes(1) }) }),
        makeStatus(box.id, { state: 'error', error: makeError('server', { retryAt: inMinutes(-2) }) }),
      ],
      now,
    )
    expect(ranked.nextTryAt).toBe(inMinutes(1))
  })

  it('finds nothing when every account syncs', () => {
    expect(rankProblems([acme], [makeStatus(acme.id, { state: 'ok' })], now)).toEqual({
      fixable: [],
      transient: [],
      nextTryAt: null,
    })
  })
})

describe('transientLine', () => {
  const context = (language: 'en' | 'ru' | 'de', named: boolean) => ({
    named,
    now,
    language,
    t: createUiTranslate(language),
  })
  const network = makeStatus(acme.id, { state: 'error', error: makeError('network', { retryAt: inMinutes(4) }) })
  const limited = makeStatus(beta.id, { state: 'error', error: makeError('rate_limit', { retryAt: inMinutes(2) }) })

  it('says what is wrong and when the next try is, naming the account when there are several', () => {
    expect(transientLine(rankProblems([acme], [network], now), context('en', false))).toBe(
      'Portal not reachable · next try in 4 minutes',
    )
    expect(transientLine(rankProblems([acme, beta], [network], now), context('de', true))).toBe(
      `${acme.label || acme.host}: Portal nicht erreichbar · nächster Versuch in 4 Minuten`,
    )
  })

  it('folds several accounts into one count with the soonest try', () => {
    expect(transientLine(rankProblems([acme, beta], [network, limited], now), context('ru', true))).toBe(
      '2 аккаунта сейчас не синхронизируются · следующая попытка через 2 минуты',
    )
  })

  it('leaves the time out when no retry is planned, and is empty without a problem', () => {
    const unplanned = makeStatus(acme.id, { state: 'error', error: makeError('server') })
    expect(transientLine(rankProblems([acme], [unplanned], now), context('en', false))).toBe('Error on the portal')
    expect(transientLine(rankProblems([acme], [], now), context('en', false))).toBe('')
  })
})
