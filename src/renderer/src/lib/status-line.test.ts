import { makeStatus } from '../../harness/builders'
import { createUiTranslate } from './i18n'
import { statusLine, statusTone, type StatusLineContext } from './status-line'

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
