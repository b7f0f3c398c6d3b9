// Every call to main goes through here: a rejected invoke (main threw, the channel is gone) must not leave an
// unhandled rejection and a silent button, so it becomes null plus one reported failure.
import type { Api, Channel, RequestOf, ResponseOf } from '@shared/ipc'

export type Call = <C extends Channel>(
  channel: C,
  ...request: RequestOf<C> extends void ? [] : [RequestOf<C>]
) => Promise<ResponseOf<C> | null>

export function createCall(api: Api, onFailure: (channel: Channel) => void): Call {
  return async (channel, ...request) => {
    try {
      return await api.invoke(channel, ...request)
    } catch {
      onFailure(channel)
      return null
    }
  }
}
