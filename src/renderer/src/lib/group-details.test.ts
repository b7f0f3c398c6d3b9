import { activityText, daysUntil, deadlineText, detailsLine, memberCountText, pendingRequests } from './group-details'
import { createUiTranslate } from './i18n'
import { makeDetails } from '../../harness/builders'

// Local noon, so that "today" is the same day whatever time zone the tests run in.
const now = new Date(2025, 2, 10, 12, 0, 0)
const HOUR = 3_600_000
const en = createUiTranslate('en')
const ru = createUiTranslate('ru')
const de = createUiTranslate('de')

const details = makeDetails

describe('activityText', () => {
  it('says how long ago the group was active, in each language', () => {
    const twoHoursAgo = new Date(now.getTime() - 2 * HOUR).toISOString()
    expect(activityText(twoHoursAgo, now, 'en', en)).toBe('active 2 hr. ago')
    expect(activityText(twoHoursAgo, now, 'ru', ru)).toBe('активность 2 ч назад')
    expect(activityText(twoHoursAgo, now, 'de', de)).toBe('aktiv vor 2 Std.')
  })

  it('says "now" for a portal clock a little ahead of ours, never a time in the future', () => {
    const ahead = new Date(now.getTime() + 5 * 60_000).toISOString()
    expect(activityText(ahead, now, 'en', en)).toBe('active now')
  })

  it('says nothing without a time, or with one that is not a time', () => {
    expect(activityText(null, now, 'en', en)).toBeNull()
    expect(activityText('soon', now, 'en', en)).toBeNull()
  })
})

describe('daysUntil', () => {
  it('counts calendar days to the day the portal wrote, whatever its offset', () => {
    expect(daysUntil('2025-03-13T00:00:00+03:00', now)).toBe(3)
    expect(daysUntil('2025-03-10T23:59:00-10:00', now)).toBe(0)
    expect(daysUntil('2025-03-09T00:00:00Z', now)).toBe(-1)
  })
})

describe('deadlineText', () => {
  it('says "ends in 3 days" for a project finishing in three days, and that it is soon', () => {
    expect(deadlineText('2025-03-13T00:00:00+03:00', now, 'en', en)).toEqual({
      text: 'ends in 3 days',
      ended: false,
      soon: true,
    })
  })

  it('says today and tomorrow in words, and larger spans in weeks and months', () => {
    expect(deadlineText('2025-03-10T00:00:00+01:00', now, 'en', en)?.text).toBe('ends today')
    expect(deadlineText('2025-03-11T00:00:00+01:00', now, 'en', en)?.text).toBe('ends tomorrow')
    expect(deadlineText('2025-03-31T00:00:00+01:00', now, 'en', en)?.text).toBe('ends in 3 weeks')
    expect(deadlineText('2025-06-10T00:00:00+01:00', now, 'en', en)?.text).toBe('ends in 3 months')
    expect(deadlineText('2025-03-20T00:00:00+01:00', now, 'en', en)?.soon).toBe(false)
  })

  it('says "ended" once the finish day has passed', () => {
    expect(deadlineText('2025-03-09T00:00:00+01:00', now, 'en', en)).toEqual({
      text: 'ended',
      ended: true,
      soon: false,
    })
  })

  it('uses each language’s forms', () => {
    expect(deadlineText('2025-03-13T00:00:00+03:00', now, 'ru', ru)?.text).toBe('завершение через 3 дня')
    expect(deadlineText('2025-03-13T00:00:00+03:00', now, 'de', de)?.text).toBe('endet in 3 Tagen')
    expect(deadlineText('2025-03-01T00:00:00+03:00', now, 'de', de)?.text).toBe('beendet')
  })

  it('says nothing without a finish date', () => {
    expect(deadlineText(null, now, 'en', en)).toBeNull()
  })
})

describe('memberCountText', () => {
  it('counts members with each language’s plural forms', () => {
    expect(memberCountText(1, en)).toBe('1 member')
    expect(memberCountText(1200, en)).toBe('1,200 members')
    expect(memberCountText(3, ru)).toBe('3 участника')
    expect(memberCountText(5, ru)).toBe('5 участников')
    expect(memberCountText(21, ru)).toBe('21 участник')
    expect(memberCountText(1, de)).toBe('1 Mitglied')
    expect(memberCountText(null, en)).toBeNull()
  })
})

describe('pendingRequests', () => {
  it('shows waiting requests to owners and moderators only', () => {
    expect(pendingRequests('owner', details({ pendingRequests: 3 }))).toBe(3)
    expect(pendingRequests('moderator', details({ pendingRequests: 1 }))).toBe(1)
    expect(pendingRequests('member', details({ pendingRequests: 3 }))).toBeNull()
  })

  it('shows nothing when nobody waits or the portal does not say', () => {
    expect(pendingRequests('owner', details({ pendingRequests: 0 }))).toBeNull()
    expect(pendingRequests('owner', details({ pendingRequests: null }))).toBeNull()
    expect(pendingRequests('owner', null)).toBeNull()
  })
})

describe('detailsLine', () => {
  it('says the members, the activity and the deadline', () => {
    const line = detailsLine(
      details({
        type: 'project',
        memberCount: 12,
        activityAt: new Date(now.getTime() - 2 * HOUR).toISOString(),
        projectFinish: '2025-03-13T00:00:00+03:00',
      }),
      now,
      'en',
      en,
    )
    expect(line).toEqual({
      type: 'project',
      parts: ['12 members', 'active 2 hr. ago'],
      deadline: { text: 'ends in 3 days', ended: false, soon: true },
    })
  })

  it('is null without details, or when they say nothing to show', () => {
    expect(detailsLine(null, now, 'en', en)).toBeNull()
    expect(detailsLine(details({ type: null }), now, 'en', en)).toBeNull()
  })
})
