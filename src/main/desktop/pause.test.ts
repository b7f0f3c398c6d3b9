import { pauseUntil } from './pause'

describe('pause notifications', () => {
  const now = new Date(2025, 2, 10, 22, 30) // local time, whatever the machine's zone

  it('pauses for one hour', () => {
    expect(pauseUntil('hour', now)).toBe(new Date(2025, 2, 10, 23, 30).toISOString())
  })

  it('pauses until eight in the morning of the next day', () => {
    expect(pauseUntil('tomorrow', now)).toBe(new Date(2025, 2, 11, 8, 0).toISOString())
  })

  it('crosses a month end', () => {
    expect(pauseUntil('tomorrow', new Date(2025, 0, 31, 9, 0))).toBe(new Date(2025, 1, 1, 8, 0).toISOString())
  })

  it('resumes by clearing the pause', () => {
    expect(pauseUntil('resume', now)).toBeNull()
  })
})
