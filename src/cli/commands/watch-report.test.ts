import { createTranslator } from '@shared/i18n'
import type { ErrorView, SyncStatus } from '@shared/types'
import type { CliContext } from '../context'
import { createWatchReporter } from './watch-report'

const ACCOUNT = 'acme.bitrix24.com/1'
const scope: ErrorView = {
  code: 'insufficient_scope',
  kind: 'scope',
  messageKey: 'errors:detailsScope',
  message: 'Tick "socialnetwork".',
  retryAt: null,
}
const status = (detailsError: ErrorView | null): SyncStatus => ({
  accountId: ACCOUNT,
  state: 'ok',
  lastSyncAt: null,
  nextSyncAt: null,
  groupCount: 3,
  error: null,
  detailsError,
})

function reporter(json: boolean) {
  const out: string[] = []
  const err: string[] = []
  const events: unknown[] = []
  const context = {
    i18n: createTranslator('en'),
    options: { json },
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    json: (event: unknown) => events.push(event),
  } as unknown as CliContext
  return { report: createWatchReporter(context, [], {}), out, err, events }
}

describe("watch's word on group details", () => {
  it('says a details error once when it begins and once when details are back, not at every status', () => {
    const { report, out, err } = reporter(false)
    report.status(status(null))
    report.status(status(scope))
    report.status(status(scope))
    report.status({ ...status(scope), state: 'syncing' })
    report.status(status(null))
    report.status(status(null))
    expect(err).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d {2}acme\.bitrix24\.com\/1: no group details\. Tick/)])
    expect(out).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d {2}acme\.bitrix24\.com\/1: group details are back\.$/)])
  })

  it('with --json, as a details event each time it changes', () => {
    const { report, events } = reporter(true)
    report.status(status(null))
    report.status(status(scope))
    report.status(status(scope))
    report.status(status(null))
    expect(events).toEqual([
      {
        type: 'details',
        account: ACCOUNT,
        available: false,
        code: 'insufficient_scope',
        kind: 'scope',
        message: 'Tick "socialnetwork".',
      },
      { type: 'details', account: ACCOUNT, available: true, code: null, kind: null, message: null },
    ])
  })
})
