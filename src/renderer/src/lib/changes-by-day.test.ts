import { makeChange, makeGroup } from '../../harness/builders'
import {
  describeChange,
  dayLabel,
  effectiveChangeFilter,
  filterChanges,
  groupChangesByDay,
  timeOfDay,
} from './changes-by-day'
import { createUiTranslate } from './i18n'

// Local times, so the tests hold in every time zone.
const now = new Date(2025, 2, 10, 15, 0)
const at = (day: number, hour: number) => new Date(2025, 2, day, hour, 0).toISOString()
const group = makeGroup({ id: '7', name: 'Design', roleCode: 'E' })
const en = createUiTranslate('en')

describe('dayLabel', () => {
  it('says Today and Yesterday in the language', () => {
    expect(dayLabel(new Date(2025, 2, 10, 1, 0), now, 'en')).toBe('Today')
    expect(dayLabel(new Date(2025, 2, 9, 23, 0), now, 'en')).toBe('Yesterday')
    expect(dayLabel(new Date(2025, 2, 9, 23, 0), now, 'ru')).toBe('Вчера')
    expect(dayLabel(new Date(2025, 2, 10, 1, 0), now, 'de')).toBe('Heute')
  })

  it('writes older days as a date, with the year only for another year', () => {
    expect(dayLabel(new Date(2025, 2, 3, 12, 0), now, 'en')).toBe('Monday, March 3')
    expect(dayLabel(new Date(2024, 11, 31, 12, 0), now, 'en')).toBe('Tuesday, December 31, 2024')
  })
})

describe('groupChangesByDay', () => {
  it('puts the newest day first and keeps the newest change first within a day', () => {
    const changes = [
      makeChange({ id: 'old', group, at: at(8, 9) }),
      makeChange({ id: 'today-early', group, at: at(10, 8) }),
      makeChange({ id: 'today-late', group, at: at(10, 14) }),
      makeChange({ id: 'yesterday', group, at: at(9, 12) }),
    ]
    const days = groupChangesByDay(changes, now, 'en')
    expect(days.map((day) => [day.label, day.changes.map((change) => change.id)])).toEqual([
      ['Today', ['today-late', 'today-early']],
      ['Yesterday', ['yesterday']],
      ['Saturday, March 8', ['old']],
    ])
  })

  it('keeps a change with an unreadable time, at the end', () => {
    const days = groupChangesByDay([makeChange({ id: 'bad', group, at: 'not a date' })], now, 'en')
    expect(days).toEqual([{ day: 'unknown', label: '—', changes: [expect.objectContaining({ id: 'bad' })] }])
  })
})

describe('describeChange', () => {
  it('tells a role change from the old role to the new one', () => {
    const change = makeChange({ id: '1', group, kind: 'role_changed', from: 'K', to: 'E' })
    expect(describeChange(change, en)).toEqual({ title: 'Role changed', detail: 'Member → Moderator' })
  })

  it('reads normalised role names as well as letters', () => {
    const change = makeChange({ id: '1', group, kind: 'role_changed', from: 'member', to: 'owner' })
    expect(describeChange(change, en).detail).toBe('Member → Owner')
  })

  it('tells the role a group was joined with', () => {
    const change = makeChange({ id: '1', group, kind: 'joined', to: 'A' })
    expect(describeChange(change, en)).toEqual({ title: 'Joined', detail: 'as Owner' })
  })

  it('tells a rename from the old name to the new one', () => {
    const change = makeChange({ id: '1', group, kind: 'renamed', from: 'Desgin', to: 'Design' })
    expect(describeChange(change, en)).toEqual({ title: 'Renamed', detail: 'Desgin → Design' })
  })

  it('tells whether a group became or stopped being extranet', () => {
    expect(describeChange(makeChange({ id: '1', group, kind: 'extranet_changed', to: true }), en).title).toBe(
      'Now an extranet group',
    )
    expect(describeChange(makeChange({ id: '1', group, kind: 'extranet_changed', to: false }), en).title).toBe(
      'No longer an extranet group',
    )
  })

  it('needs no detail for leaving or a new image', () => {
    expect(describeChange(makeChange({ id: '1', group, kind: 'left' }), en)).toEqual({ title: 'Left', detail: null })
    expect(describeChange(makeChange({ id: '1', group, kind: 'image_changed' }), en).detail).toBeNull()
  })

  it('names a role code it does not know as an unknown role, without failing', () => {
    const change = makeChange({ id: '1', group, kind: 'role_changed', from: 'K', to: 'Q' })
    expect(describeChange(change, en).detail).toBe('Member → Unknown role')
  })

  it('speaks Russian', () => {
    const change = makeChange({ id: '1', group, kind: 'role_changed', from: 'K', to: 'E' })
    expect(describeChange(change, createUiTranslate('ru'))).toEqual({
      title: 'Смена роли',
      detail: 'Участник → Модератор',
    })
  })
})

describe('timeOfDay', () => {
  it('writes the local time the way the language does', () => {
    const at = new Date(2025, 2, 10, 14, 5).toISOString()
    expect(timeOfDay(at, 'de')).toBe('14:05')
    expect(timeOfDay(at, 'en')).toBe('2:05 PM')
    expect(timeOfDay(at, 'ru')).toBe('14:05')
  })

  it('writes a morning hour without a leading zero in English, as the language does', () => {
    const morning = new Date(2025, 2, 10, 9, 5).toISOString()
    expect(timeOfDay(morning, 'en')).toBe('9:05 AM')
    expect(timeOfDay(morning, 'de')).toBe('09:05')
  })

  it('gives nothing for a time that cannot be read, instead of throwing', () => {
    expect(timeOfDay('not a date', 'en')).toBe('')
  })
})

describe('filterChanges', () => {
  const changes = [
    makeChange({ id: 'a', accountId: 'acme/1', group, kind: 'joined' }),
    makeChange({ id: 'b', accountId: 'beta/7', group, kind: 'joined' }),
    makeChange({ id: 'c', accountId: 'acme/1', group, kind: 'left' }),
  ]
  const ids = (list: { id: string }[]) => list.map((change) => change.id)

  it('keeps everything without a filter', () => {
    expect(ids(filterChanges(changes, { accountId: null, kind: null }))).toEqual(['a', 'b', 'c'])
  })

  it('keeps one account, one kind, or both', () => {
    expect(ids(filterChanges(changes, { accountId: 'acme/1', kind: null }))).toEqual(['a', 'c'])
    expect(ids(filterChanges(changes, { accountId: null, kind: 'joined' }))).toEqual(['a', 'b'])
    expect(ids(filterChanges(changes, { accountId: 'beta/7', kind: 'left' }))).toEqual([])
  })
})

describe('effectiveChangeFilter', () => {
  it('keeps an account filter while its account exists', () => {
    expect(effectiveChangeFilter({ accountId: 'beta/7', kind: 'left' }, ['acme/1', 'beta/7'])).toEqual({
      accountId: 'beta/7',
      kind: 'left',
    })
  })

  it('falls back to all accounts, keeping the kind, once the chosen account is removed', () => {
    expect(effectiveChangeFilter({ accountId: 'beta/7', kind: 'left' }, ['acme/1'])).toEqual({
      accountId: null,
      kind: 'left',
    })
    expect(effectiveChangeFilter({ accountId: 'beta/7', kind: null }, [])).toEqual({ accountId: null, kind: null })
  })

  it('leaves "all accounts" as it is', () => {
    expect(effectiveChangeFilter({ accountId: null, kind: null }, ['acme/1'])).toEqual({ accountId: null, kind: null })
  })
})
