// A scripted BitrixClient for engine tests: answers from a queue, else the portal's current list; can hold a call.
import type { ErrorKind, Group } from '@shared/types'
import type { GroupDetails } from '@shared/model/details'
import type {
  BitrixClient,
  BitrixErrorShape,
  DetailsRequest,
  DetailsResult,
  GroupsResult,
  Profile,
} from '../../bitrix/types'

/** An error with the client's documented shape (what `BitrixError` implements). */
export function clientError(kind: ErrorKind, code: string, retryAt: Date | null = null): BitrixErrorShape {
  return Object.assign(new Error(code), {
    code,
    kind,
    retryable: ['network', 'server', 'rate_limit'].includes(kind),
    retryAt,
    messageKey: `errors:${code}`,
    movedTo: null,
    status: null,
    reason: null,
    excerpt: null,
  })
}

export class FakeClient implements BitrixClient {
  readonly origin = 'https://acme.bitrix24.com'
  /** What the portal holds now; answered when the queue is empty. */
  current: Group[] = []
  /** One-off answers, in turn: a list, an error to throw, or a raw result (to test bad shapes). */
  queue: (Group[] | Error | { raw: unknown })[] = []
  calls = 0
  /** While true, calls wait for release() (or their abort). */
  hold = false
  private waiting: (() => void)[] = []

  release(): void {
    this.waiting.splice(0).forEach((resume) => resume())
  }

  /** The stored groups each call was given. */
  storedGiven: (readonly Group[] | undefined)[] = []

  async getUserGroups(signal?: AbortSignal, stored?: readonly Group[]): Promise<GroupsResult> {
    this.calls++
    this.storedGiven.push(stored)
    if (this.hold) {
      await new Promise<void>((resume) => {
        this.waiting.push(resume)
        signal?.addEventListener('abort', () => resume(), { once: true })
      })
    }
    if (signal?.aborted) throw clientError('network', 'ABORTED')
    const answer = this.queue.shift() ?? this.current
    if (answer instanceof Error) throw answer
    if ('raw' in answer) return answer.raw as GroupsResult
    return { groups: answer.map((group) => ({ ...group })), time: null, movedTo: null }
  }

  /** The portal's details by group id; answered for the asked ids when the details queue is empty. */
  details: Record<string, GroupDetails> = {}
  /** One-off details answers, in turn: a map or an error to throw. */
  detailsQueue: (Record<string, GroupDetails> | Error)[] = []
  /** The ids of each details call. */
  detailsCalls: string[][] = []

  async getGroupDetails(groups: readonly DetailsRequest[]): Promise<DetailsResult> {
    this.detailsCalls.push(groups.map((group) => group.id))
    const answer = this.detailsQueue.shift() ?? this.details
    if (answer instanceof Error) throw answer
    const details: Record<string, GroupDetails> = {}
    for (const { id } of groups) if (answer[id]) details[id] = { ...answer[id] }
    return { details, requests: 1 }
  }

  async getProfile(): Promise<Profile> {
    return { id: '1', name: null, photoUrl: null }
  }
}
