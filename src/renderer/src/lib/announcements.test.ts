import { makeAccount, makeError, makeState, makeStatus } from '../../harness/builders'
import { stateAnnouncements } from './announcements'
import { createUiTranslate } from './i18n'

const t = createUiTranslate('en')
const account = makeAccount({ host: 'acme.bitrix24.com' })

describe('stateAnnouncements', () => {
  it('says nothing for the first state', () => {
    expect(stateAnnouncements(null, makeState({ online: false }), t)).toEqual([])
  })

  it('announces going offline and coming back', () => {
    expect(stateAnnouncements(makeState(), makeState({ online: false }), t)).toEqual([
      'You are offline. Showing the groups from the last sync.',
    ])
    expect(stateAnnouncements(makeState({ online: false }), makeState(), t)).toEqual(['Back online'])
  })

  it('announces an account that starts failing, once', () => {
    const failing = makeState({
      accounts: [account],
      statuses: [
        makeStatus(account.id, {
          state: 'error',
          error: makeError('network', { messageKey: 'errors:notInTheDictionary', message: 'No network.' }),
        }),
      ],
    })
    const fine = makeState({ accounts: [account], statuses: [makeStatus(account.id, { state: 'ok' })] })
    expect(stateAnnouncements(fine, failing, t)).toEqual(['acme.bitrix24.com: No network.'])
    expect(stateAnnouncements(failing, failing, t)).toEqual([])
  })

  it('stays quiet about ordinary syncs', () => {
    const syncing = makeState({ accounts: [account], statuses: [makeStatus(account.id, { state: 'syncing' })] })
    const ok = makeState({ accounts: [account], statuses: [makeStatus(account.id, { state: 'ok' })] })
    expect(stateAnnouncements(syncing, ok, t)).toEqual([])
  })
})
