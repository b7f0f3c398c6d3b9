// Collects everything an error exposes (message, String(), stack, JSON, its views in every language) across a test
// file, so that the file's last test can assert that no secret used in it ever appeared.
import { createTranslator } from '@shared/i18n'
import { BitrixError, toErrorView } from '../errors'

export interface SecretCollector {
  /** Awaits a call that must fail with a BitrixError; records and returns the error. */
  failure(promise: Promise<unknown>): Promise<BitrixError>
  /** Records an error thrown some other way. */
  record(error: unknown): void
  /** How many errors were recorded. */
  readonly count: number
  /** The secrets that appear in any recorded text. */
  leaked(secrets: readonly string[]): string[]
}

const translators = (['en', 'ru', 'de'] as const).map((language) => createTranslator(language).t)

export function createSecretCollector(): SecretCollector {
  const texts: string[] = []
  let count = 0
  const collector: SecretCollector = {
    async failure(promise) {
      try {
        await promise
      } catch (error) {
        collector.record(error)
        if (error instanceof BitrixError) return error
        throw error
      }
      throw new Error('expected the call to fail')
    },
    record(error) {
      count += 1
      const candidate = error as Partial<Error> | null
      texts.push(String(error), candidate?.message ?? '', candidate?.stack ?? '', JSON.stringify(error) ?? '')
      for (const t of translators) texts.push(JSON.stringify(toErrorView(error, t)))
    },
    get count() {
      return count
    },
    leaked(secrets) {
      return secrets.filter((secret) => texts.some((text) => text.includes(secret)))
    },
  }
  return collector
}
