// The app's log: JSON lines in `<userData>/logs/main.log`, every line scrubbed of secrets before it is written.
import { renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { pino } from 'pino'
import { redactSecrets } from './log-redaction'

export const LOG_FILE_NAME = 'main.log'
/** Past this size the log is moved to `main.old.log` at start, so two files bound the disk used. */
export const LOG_ROTATE_BYTES = 5 * 1024 * 1024

export interface LoggerOptions {
  /** The user-data directory; the log goes to its `logs` folder. */
  userDataDir: string
  level?: 'debug' | 'info' | 'warn' | 'error'
  /** Secrets known right now (webhook codes, tokens), removed verbatim wherever they appear. */
  knownSecrets?: () => readonly string[]
  /** Write synchronously: for tests and for the last lines before quitting. */
  sync?: boolean
}

export interface AppLogger {
  logger: Logger
  file: string
  /** Writes out what is buffered; call before quitting. */
  flush(): void
}

function rotateIfLarge(file: string): void {
  try {
    if (statSync(file).size > LOG_ROTATE_BYTES) renameSync(file, file.replace(/\.log$/, '.old.log'))
  } catch {
    // No log yet, or it cannot be moved: keep appending rather than lose the log.
  }
}

export function createLogger(options: LoggerOptions): AppLogger {
  const file = join(options.userDataDir, 'logs', LOG_FILE_NAME)
  rotateIfLarge(file)
  const destination = pino.destination({ dest: file, mkdir: true, sync: options.sync ?? false })
  const knownSecrets = options.knownSecrets ?? (() => [])
  const logger = pino(
    { level: options.level ?? 'info', base: { pid: process.pid } },
    { write: (line: string) => destination.write(redactSecrets(line, knownSecrets())) },
  )
  return {
    logger,
    file,
    flush() {
      // flushSync throws while the file is still opening (nothing is buffered yet then).
      try {
        destination.flushSync()
      } catch {
        /* nothing to flush */
      }
    },
  }
}
