import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger, LOG_ROTATE_BYTES } from './logger'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b24-log-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('file logger', () => {
  it('writes JSON lines to logs/main.log in the user-data directory', async () => {
    const { logger, file } = createLogger({ userDataDir: dir, sync: true })
    logger.info({ accountId: 'acme.bitrix24.com/1' }, 'synced')
    expect(file).toBe(join(dir, 'logs', 'main.log'))
    const [line] = (await readFile(file, 'utf8')).trim().split('\n')
    expect(JSON.parse(line!)).toMatchObject({ level: 30, msg: 'synced', accountId: 'acme.bitrix24.com/1' })
  })

  it('never writes a secret, whether in the message, a nested field or an error stack', async () => {
    const token = 'oauth-token-1234567890'
    const { logger, file } = createLogger({ userDataDir: dir, sync: true, knownSecrets: () => [token] })
    logger.warn(`request to https://acme.bitrix24.com/rest/1/fake_code_webhook/profile failed`)
    logger.info({ request: { body: { refresh_token: 'refresh-abcdef', nested: [token] } } }, 'token refresh')
    logger.error({ err: new Error(`bad answer for auth=${token}`) }, 'sync failed')
    const text = await readFile(file, 'utf8')
    for (const secret of ['fake_code_webhook', 'refresh-abcdef', token]) expect(text).not.toContain(secret)
    expect(text.trim().split('\n')).toHaveLength(3)
    text
      .trim()
      .split('\n')
      .forEach((line) => expect(() => JSON.parse(line)).not.toThrow())
  })

  it('moves a large log aside at start, keeping one old file', async () => {
    await mkdir(join(dir, 'logs'))
    await writeFile(join(dir, 'logs', 'main.log'), 'x'.repeat(LOG_ROTATE_BYTES + 1))
    const { logger, flush } = createLogger({ userDataDir: dir, sync: true })
    logger.info('fresh')
    flush()
    expect((await readdir(join(dir, 'logs'))).sort()).toEqual(['main.log', 'main.old.log'])
    expect(await readFile(join(dir, 'logs', 'main.log'), 'utf8')).toContain('fresh')
  })

  it('honours the level', async () => {
    const { logger, file } = createLogger({ userDataDir: dir, sync: true, level: 'warn' })
    logger.info('hidden')
    logger.warn('shown')
    expect(await readFile(file, 'utf8')).not.toContain('hidden')
  })
})
