import type { Api } from '@shared/ipc'
import { createCall } from './api-call'

function fakeApi(invoke: (channel: string, request?: unknown) => Promise<unknown>): Api {
  return { invoke: invoke as Api['invoke'], on: () => () => {} }
}

describe('createCall', () => {
  it('passes the channel and request through and returns the response', async () => {
    const seen: unknown[] = []
    const call = createCall(
      fakeApi(async (channel, request) => {
        seen.push([channel, request])
        return null
      }),
      () => {},
    )
    await expect(call('groups:setPinned', { accountId: 'a', groupId: '1', pinned: true })).resolves.toBeNull()
    expect(seen).toEqual([['groups:setPinned', { accountId: 'a', groupId: '1', pinned: true }]])
  })

  it('turns a rejected invoke into null and reports the channel once', async () => {
    const failures: string[] = []
    const call = createCall(
      fakeApi(() => Promise.reject(new Error('Invalid request'))),
      (channel) => failures.push(channel),
    )
    await expect(call('sync:refresh', {})).resolves.toBeNull()
    expect(failures).toEqual(['sync:refresh'])
  })
})
