import { makeAccount, makeError, makeStatus } from '../../harness/builders'
import { createUiTranslate } from './i18n'
import { statusLine, statusSummary, statusTone, type StatusLineContext } from './status-line'

const now = new Date('2025-03-10T12:00:00Z')
const twoMinutesAgo = '2025-03-10T11:58:00Z'
const context = (language: 'en' | 'ru' | 'de', online = true): StatusLineContext => ({
  online,
  now,
  language,
  t: createUiTranslate(language),
})

describe('statusLine', () => {
  it('says when the account last synced and how many groups it has', () => {
    const status = makeStatus('a', { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: 42 })
    expect(statusLine(status, context('en'))).toBe('Synced 2 minutes ago · 42 groups')
  })

  it.each([
    [1, 'Обновлено 2 минуты назад · 1 группа'],
    [2, 'Обновлено 2 минуты назад · 2 группы'],
    [5, 'Обновлено 2 минуты назад · 5 групп'],
  ])('uses Russian plurals for %i groups', (count, expected) => {
    const status = makeStatus('a', { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: count })
    expect(statusLine(status, context('ru'))).toBe(expected)
  })

  it('speaks German', () => {
    const status = makeStatus('a', { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: 1 })
    expect(statusLine(status, context('de'))).toBe('Synchronisiert vor 2 Minuten · 1 Gruppe')
  })

  it('shows syncing while a sync runs', () => {
    const status = makeStatus('a', { state: 'syncing', lastSyncAt: twoMinutesAgo, groupCount: 3 })
    expect(statusLine(status, context('en'))).toBe('Syncing… · 3 groups')
  })

  it('says offline, with the last sync time, when the machine is offline', () => {
    const status = makeStatus('a', { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: 3 })
    expect(statusLine(status, context('en', false))).toBe('Offline · last synced 2 minutes ago · 3 groups')
  })

  it('says the sync failed on an error', () => {
    const status = makeStatus('a', { state: 'error', lastSyncAt: null, groupCount: null })
    expect(statusLine(status, context('en'))).toBe('Sync failed')
  })

  it('says not synced yet before the first sync', () => {
    expect(statusLine(undefined, context('en'))).toBe('Not synced yet')
  })
})

describe('statusTone', () => {
  it('is offline whenever the machine is offline', () => {
    expect(statusTone(makeStatus('a', { state: 'ok' }), false)).toBe('offline')
    expect(statusTone(makeStatus('a', { state: 'offline' }), true)).toBe('offline')
  })

  it('follows the sync state otherwise', () => {
    expect(statusTone(makeStatus('a', { state: 'ok' }), true)).toBe('ok')
    expect(statusTone(makeStatus('a', { state: 'syncing' }), true)).toBe('syncing')
    expect(statusTone(makeStatus('a', { state: 'error' }), true)).toBe('error')
    expect(statusTone(makeStatus('a', { state: 'paused' }), true)).toBe('idle')
    expect(statusTone(undefined, true)).toBe('idle')
  })
})

describe('statusSummary', () => {
  const acme = makeAccount({ host: 'acme.bitrix24.com', label: 'Acme' })
  const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7', label: 'Beta' })
  const box = makeAccount({ host: 'intranet.example.com', userId: '3', label: '' })
  const fiveMinutesAgo = '2025-03-10T11:55:00Z'

  it("is the account's own line for a single account", () => {
    const status = makeStatus(acme.id, { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: 42 })
    expect(statusSummary([acme], [status], context('en'))).toEqual({
      text: 'Synced 2 minutes ago · 42 groups',
      tone: 'ok',
      detail: 'Acme: Synced 2 minutes ago · 42 groups',
    })
  })

  it('says one "Synced" for several accounts, dated by the one that synced longest ago', () => {
    const summary = statusSummary(
      [acme, beta],
      [
        makeStatus(acme.id, { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: 4 }),
        makeStatus(beta.id, { state: 'ok', lastSyncAt: fiveMinutesAgo, groupCount: 3 }),
      ],
      context('en'),
    )
    expect(summary.text).toBe('Synced 5 minutes ago · 7 groups')
    expect(summary.detail).toBe('Acme: Synced 2 minutes ago · 4 groups\nBeta: Synced 5 minutes ago · 3 groups')
  })

  it('counts the synced and the failed accounts in one line when some fail', () => {
    const statuses = [
      makeStatus(acme.id, { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: 4 }),
      makeStatus(beta.id, { state: 'error', error: makeError('auth') }),
      makeStatus(box.id, { state: 'error', error: makeError('network') }),
    ]
    expect(statusSummary([acme, beta, box], statuses, context('en'))).toMatchObject({
      text: '1 of 3 accounts synced · 2 failed',
      tone: 'error',
    })
    expect(statusSummary([acme, beta, box], statuses, context('ru')).text).toBe(
      'Синхронизировано 1 из 3 аккаунтов · с ошибкой: 2',
    )
    expect(statusSummary([acme, beta, box], statuses, context('de')).text).toBe(
      '1 von 3 Konten synchronisiert · 2 fehlgeschlagen',
    )
  })

  it('says syncing while any account syncs, and offline over everything but a failure', () => {
    const statuses = [
      makeStatus(acme.id, { state: 'ok', lastSyncAt: twoMinutesAgo, groupCount: 4 }),
      makeStatus(beta.id, { state: 'syncing', lastSyncAt: twoMinutesAgo, groupCount: 1 }),
    ]
    expect(statusSummary([acme, beta], statuses, context('en')).text).toBe('Syncing… · 5 groups')
    expect(statusSummary([acme, beta], statuses, context('ru', false))).toMatchObject({
      text: 'Нет сети · 5 групп',
      tone: 'offline',
    })
  })
})
