// The logging the sync engine needs: pino's call shape (`logger.warn(fields, message)`), so a pino logger fits as is.
// Fields never carry secrets: account ids, error codes and kinds, counts and file paths only.

type LogMethod = (fields: Record<string, unknown>, message: string) => void

export interface SyncLogger {
  debug: LogMethod
  info: LogMethod
  warn: LogMethod
  error: LogMethod
}

const ignore: LogMethod = () => {}

export const silentLogger: SyncLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore }
