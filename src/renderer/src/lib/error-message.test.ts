import { makeError } from '../../harness/builders'
import { detailsProblem, errorMessage } from './error-message'
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

describe('detailsProblem', () => {
  const en = createUiTranslate('en')

  it('says in one short line which scope to tick for details, main’s whole sentence as its explanation', () => {
    const error = makeError('scope', { code: 'insufficient_scope', messageKey: 'detailsScope', message: 'x' })
    expect(detailsProblem(error, en)).toEqual({
      line: 'For group details, tick the socialnetwork scope in Bitrix24.',
      explanation: expect.stringMatching(/tick "socialnetwork"/),
    })
    expect(detailsProblem(error, createUiTranslate('ru'))?.line).toMatch(/отметьте право socialnetwork/)
    expect(detailsProblem(error, createUiTranslate('de'))?.line).toMatch(/das Recht socialnetwork/)
  })

  it('gives the portal’s reason for another problem only the user can fix', () => {
    const error = makeError('permission', { messageKey: 'errors:unknownKey', message: 'Access denied.' })
    expect(detailsProblem(error, en)?.line).toBe('Group details unavailable: Access denied.')
  })

  it('says nothing when all is well or the problem passes by itself', () => {
    expect(detailsProblem(null, en)).toBeNull()
    expect(detailsProblem(makeError('network'), en)).toBeNull()
  })
})
