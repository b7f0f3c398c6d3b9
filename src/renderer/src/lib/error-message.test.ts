import { makeError } from '../../harness/builders'
import { errorMessage } from './error-message'
import { createUiTranslate } from './i18n'

describe('errorMessage', () => {
  it('translates the key into the window language', () => {
    const error = makeError('auth', { messageKey: 'errors:noAuthFound', message: 'English text from main' })
    expect(errorMessage(error, createUiTranslate('de'))).not.toBe('English text from main')
    expect(errorMessage(error, createUiTranslate('en'))).toMatch(/did not accept/)
  })

  it('reads a key given without its namespace as an errors key', () => {
    const error = makeError('auth', { messageKey: 'noAuthFound', message: 'x' })
    expect(errorMessage(error, createUiTranslate('en'))).toMatch(/did not accept/)
  })

  it("falls back to main's message for a key the window does not know", () => {
    const error = makeError('server', { messageKey: 'errors:somethingNew', message: 'A new problem.' })
    expect(errorMessage(error, createUiTranslate('en'))).toBe('A new problem.')
  })

  it('says something went wrong when there is neither', () => {
    const error = makeError('server', { messageKey: 'errors:somethingNew', message: '' })
    expect(errorMessage(error, createUiTranslate('en'))).toBe('Something went wrong. Please try again.')
  })
})
