import { createTranslator } from '@shared/i18n'
import { BitrixError, toErrorView } from '../../core/bitrix'
import { DESKTOP_UNEXPECTED, desktopError } from './error-view'

const en = createTranslator('en')
const viewOf = (error: unknown) => toErrorView(error, en.t, DESKTOP_UNEXPECTED)

describe('error view for the renderer', () => {
  it('keeps the code, kind, key and retry time of a typed error and translates its message', () => {
    const error = Object.assign(new Error('https://x/rest/1/SECRET/ failed'), {
      code: 'GROUP_GONE',
      kind: 'not_found' as const,
      messageKey: 'tray:errors.groupNotFound',
      retryAt: new Date('2025-01-01T00:00:00Z'),
    })
    expect(viewOf(error)).toEqual({
      code: 'GROUP_GONE',
      kind: 'not_found',
      messageKey: 'tray:errors.groupNotFound',
      message: 'This group is no longer in the list. Refresh and try again.',
      retryAt: '2025-01-01T00:00:00.000Z',
    })
  })

  it("carries a moved portal's new origin, which the banner offers to use", () => {
    const error = new BitrixError({ code: 'PORTAL_MOVED', movedTo: 'https://b24.example.org' })
    expect(viewOf(error)).toMatchObject({ code: 'PORTAL_MOVED', kind: 'moved', movedTo: 'https://b24.example.org' })
  })

  it('never passes on the message of an unknown error (it may hold a secret)', () => {
    const view = viewOf(new Error('auth=SECRETTOKEN'))
    expect(view.code).toBe('UNEXPECTED')
    expect(view).toMatchObject({ kind: 'protocol', messageKey: 'tray:errors.unexpected' })
    expect(JSON.stringify(view)).not.toContain('SECRETTOKEN')
  })

  it('falls back to a generic message when the key has no translation', () => {
    const view = viewOf({ code: 'X', kind: 'server', messageKey: 'errors:no.such.key' })
    expect(view.message).toBe('Something went wrong. The details are in the log file.')
    expect(view.retryAt).toBeNull()
  })

  it('builds the shell errors in the user language with their parameters', () => {
    const view = desktopError('SHORTCUT_UNAVAILABLE', 'protocol', 'shortcutUnavailable', createTranslator('de'), {
      accelerator: 'Alt+Tab',
      previous: 'Alt+G',
    })
    expect(view.message).toBe('Das Tastenkürzel Alt+Tab ist belegt oder hier ungültig; Alt+G bleibt aktiv.')
  })
})
