// Figure 8: what main sends the window per poll that found nothing new, at 5,000 groups. The app's core polls a
// static portal whose list never changes; after every engine event (status, groups, history: more often than the
// app's publisher, which coalesces a burst into one) the state is composed as main composes it and handed to the
// window's delta feed (shared/state-delta.ts), and each delta is counted as IPC carries it: structured-clone bytes
// (v8.serialize). Beside it, for context, the whole state per send, as main pushed it before.
import { serialize } from 'node:v8'
import { createDeltaFeed } from '../../src/shared/state-delta'
import { startCoreAccount, windowState } from '../core-account'
import { atMost, info, type Figure } from '../figures'
import { portalGroups } from '../groups'
import { startStaticPortalProcess } from '../static-portal'
import { median } from '../stats'

const USER = '1'
const GROUPS = 5_000
const POLLS = 40
const BUDGET_KB = 2

export async function run(): Promise<Figure[]> {
  const portal = await startStaticPortalProcess()
  try {
    await portal.setGroups(USER, portalGroups(GROUPS))
    const account = await startCoreAccount(portal.webhookUrl(USER), 'b24-bench-traffic-')
    const { core } = account
    const compose = () => windowState(core)
    let deltaBytes = 0
    let wholeBytes = 0
    const feed = createDeltaFeed((delta) => (deltaBytes += serialize(delta).length))
    const publish = () => {
      const state = compose()
      wholeBytes += serialize(state).length
      feed(state)
    }
    for (const event of ['status', 'groups', 'history'] as const) core.engine.on(event, publish)
    await account.durablePoll() // the first poll and the first delta (the whole state) are not counted
    publish()
    const perPoll = { delta: [] as number[], whole: [] as number[] }
    for (let poll = 0; poll < POLLS; poll++) {
      deltaBytes = 0
      wholeBytes = 0
      await account.durablePoll()
      perPoll.delta.push(deltaBytes)
      perPoll.whole.push(wholeBytes)
    }
    await account.stop()
    return [
      atMost(
        `window traffic per poll with nothing changed, ${GROUPS.toLocaleString('en-US')} groups: median`,
        median(perPoll.delta) / 1024,
        'KB',
        BUDGET_KB,
      ),
      info('the same, had main sent the whole state on every event', median(perPoll.whole) / 1024, 'KB'),
    ]
  } finally {
    await portal.close()
  }
}
