// Faults of a hostile or merely odd world, through the shipped `b24-groups` entry point run as a subprocess.
import type { ServerResponse } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startRawServer, type RawServer } from '../core/bitrix/test-support/raw-server'
import { spawnCli } from './test-support-subprocess'

const dirs: string[] = []
const servers: RawServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function configDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'b24-rel-'))
  dirs.push(dir)
  return dir
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('a portal that throttles for good (watch, real loopback portal)', () => {
  it('waits as the backoff says when operating_reset_at comes in milliseconds, not at 1 ms per request', async () => {
    let groupRequests = 0
    const portal = await startRawServer((req, res) => {
      const time = {
        start: 0,
        finish: 0,
        duration: 0,
        processing: 0,
        operating: 480,
        operating_reset_at: Date.now() + 600_000,
      }
      if (req.url?.includes('sonet_group.user.groups')) groupRequests++
      if (groupRequests <= 1) return sendJson(res, 200, { result: [], time })
      sendJson(res, 429, {
        error: 'OPERATION_TIME_LIMIT',
        error_description: 'Method is blocked due to operation time limit.',
      })
    })
    servers.push(portal)
    const run = spawnCli(['--config-dir', configDir(), '--json', 'watch', '--interval', '1'], {
      env: { B24_WEBHOOK_URL: `${portal.origin}/rest/1/abcdef123/` },
    })
    await run.waitFor((r) => jsonLines(r.stdout()).some((event) => event.type === 'error'), 'the throttled answer')
    const after = groupRequests
    // Two seconds are many a 1 ms timer's worth; the backoff asks again only after the 10-minute window.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    run.stop()
    expect(await run.code).toBe(0)
    expect(groupRequests - after).toBe(0)
    const error = jsonLines(run.stdout()).find((event) => event.type === 'error')
    expect(Date.parse(String(error?.retryAt)) - Date.now()).toBeLessThanOrEqual(3_600_000)
    expect(run.stderr()).not.toContain('TimeoutOverflowWarning')
  })
})
