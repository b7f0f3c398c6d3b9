// A state file written by an earlier release keeps loading: a field added to the model's Group or change must read
// such files too (a default, or a new STATE_FILE_VERSION with a migration), or every user's history would be set
// aside as damaged at the next start. The file below is the layout of STATE_FILE_VERSION 1 (before details), written
// by hand once.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createSyncStore, STATE_FILE_NAME } from './store'
import { STATE_FILE_VERSION } from './store-schema'
import { tempDirEachTest } from './test-support/temp-dir'

const marketing = {
  id: '7',
  name: 'Marketing',
  roleCode: 'K',
  role: 'member',
  extranet: false,
  imageUrl: null,
  url: 'https://acme.bitrix24.com/workgroups/group/7/',
}

const VERSION_1_FILE = {
  version: 1,
  accounts: { 'acme.bitrix24.com/1': { groups: [marketing], lastSyncAt: '2026-11-27T10:00:00.000Z' } },
  history: [
    {
      id: 'c1',
      accountId: 'acme.bitrix24.com/1',
      kind: 'joined',
      group: marketing,
      from: null,
      to: 'K',
      whileAway: false,
      at: '2026-11-27T10:00:00.000Z',
      seen: true,
    },
  ],
}

let dir: string
tempDirEachTest('b24-sync-compat-', (made) => (dir = made))

describe('a state file of an earlier release', () => {
  it('loads with its snapshot and history, not as a damaged file', () => {
    writeFileSync(path.join(dir, STATE_FILE_NAME), JSON.stringify(VERSION_1_FILE))
    const store = createSyncStore({ dir })
    expect(store.recoveredFrom).toBeNull()
    expect(store.snapshot('acme.bitrix24.com/1')?.groups).toEqual([expect.objectContaining(marketing)])
    expect(store.history()).toEqual([expect.objectContaining({ id: 'c1', kind: 'joined' })])
  })

  it('is migrated to the current version at the next write, with the details the account gains', async () => {
    writeFileSync(path.join(dir, STATE_FILE_NAME), JSON.stringify(VERSION_1_FILE))
    const store = createSyncStore({ dir })
    const groupDetails = {
      type: null,
      archived: true,
      memberCount: 3,
      activityAt: '2026-11-27T09:00:00+03:00',
      projectStart: null,
      projectFinish: null,
      pendingRequests: null,
    }
    await store.recordDetails(
      'acme.bitrix24.com/1',
      { at: '2026-11-27T10:01:00.000Z', groups: { '7': groupDetails } },
      [],
    )
    const written = JSON.parse(readFileSync(path.join(dir, STATE_FILE_NAME), 'utf8')) as Record<string, unknown>
    expect(written.version).toBe(STATE_FILE_VERSION)
    const reread = createSyncStore({ dir, readOnly: true })
    expect(reread.snapshot('acme.bitrix24.com/1')?.details).toEqual({
      at: '2026-11-27T10:01:00.000Z',
      groups: { '7': groupDetails },
    })
    expect(reread.history()).toHaveLength(1)
  })

  it('refuses details of the wrong shape as a damaged file', () => {
    const file = structuredClone(VERSION_1_FILE) as Record<string, unknown> & typeof VERSION_1_FILE
    const broken = {
      ...file,
      version: STATE_FILE_VERSION,
      accounts: {
        'acme.bitrix24.com/1': { ...file.accounts['acme.bitrix24.com/1'], details: { at: 'x', groups: { '7': {} } } },
      },
    }
    writeFileSync(path.join(dir, STATE_FILE_NAME), JSON.stringify(broken))
    expect(createSyncStore({ dir }).recoveredFrom).not.toBeNull()
  })
})
