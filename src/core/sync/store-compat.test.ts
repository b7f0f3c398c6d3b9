// A state file written by an earlier release keeps loading: a field added to the model's Group or change must read
// such files too (a default, or a new STATE_FILE_VERSION with a migration), or every user's history would be set
// aside as damaged at the next start. The file below is the layout of STATE_FILE_VERSION 1, written by hand once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createSyncStore, STATE_FILE_NAME } from './store'

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
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'b24-sync-compat-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('a state file of an earlier release', () => {
  it('loads with its snapshot and history, not as a damaged file', () => {
    writeFileSync(path.join(dir, STATE_FILE_NAME), JSON.stringify(VERSION_1_FILE))
    const store = createSyncStore({ dir })
    expect(store.recoveredFrom).toBeNull()
    expect(store.snapshot('acme.bitrix24.com/1')?.groups).toEqual([expect.objectContaining(marketing)])
    expect(store.history()).toEqual([expect.objectContaining({ id: 'c1', kind: 'joined' })])
  })
})
