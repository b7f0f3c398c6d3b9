import { expectTypeOf } from 'vitest'
import type { Api, Handler, Handlers, ResponseOf } from './ipc'
import type { AppState, GroupPage } from './types'

test('a handler must return the response type of its channel', () => {
  expectTypeOf<ResponseOf<'state:get'>>().toEqualTypeOf<AppState>()
  const good: Handler<'sync:refresh'> = () => null
  expectTypeOf(good).returns.toEqualTypeOf<ResponseOf<'sync:refresh'> | Promise<ResponseOf<'sync:refresh'>>>()

  // @ts-expect-error -- 'sync:refresh' answers null, not a string
  const wrongResponse: Handler<'sync:refresh'> = () => 'done'
  // @ts-expect-error -- 'groups:open' must answer a Result, not a boolean
  const wrongAsync: Handler<'groups:open'> = async () => true
  void wrongResponse
  void wrongAsync
})

test('a handler map must cover every channel', () => {
  // @ts-expect-error -- an empty map misses every channel
  const missing: Handlers = {}
  void missing
})

test('the renderer api checks requests against the channel', () => {
  const api = {} as Api
  expectTypeOf(api.invoke<'groups:open'>)
    .parameter(1)
    .toEqualTypeOf<{ accountId: string; groupId: string; page?: GroupPage | undefined }>()
  // @ts-expect-error -- a request for groups:open needs a groupId
  void (() => api.invoke('groups:open', { accountId: 'a' }))
  // @ts-expect-error -- unknown channel
  void (() => api.invoke('nope'))
  expectTypeOf(api.invoke('state:get')).resolves.toEqualTypeOf<AppState>()
})
