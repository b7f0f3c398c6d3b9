// The model's derived facts: the defaults, the patch the window may send, and the order and notification defaults
// of the change kinds, each read from the one schema or table they come from.
import {
  idAfter,
  CHANGE_KIND_TABLE,
  CHANGE_KINDS,
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  appSettingsSchema,
  SETTING_BOUNDS,
} from './index'

describe('the settings schema', () => {
  it('gives the defaults the app has always started with', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      pollIntervalSeconds: 60,
      notifications: {
        kinds: {
          joined: true,
          left: true,
          role_changed: true,
          renamed: true,
          image_changed: false,
          extranet_changed: true,
          archived: true,
          restored: true,
        },
        mutedUntil: null,
      },
      theme: 'system',
      language: 'system',
      launchAtLogin: false,
      globalShortcut: 'CommandOrControl+Alt+G',
      trayMenuGroupCount: 15,
      showArchived: true,
      groupSort: 'name',
      pinnedGroups: {},
    })
  })

  it('gives every parse its own copy of the defaults, so changing one changes no other', () => {
    const first = appSettingsSchema.parse({})
    first.pinnedGroups.x = ['1']
    first.notifications.kinds.joined = false
    expect(appSettingsSchema.parse({})).toEqual(DEFAULT_SETTINGS)
  })

  it.each([
    ['pollIntervalSeconds', SETTING_BOUNDS.pollIntervalSeconds],
    ['trayMenuGroupCount', SETTING_BOUNDS.trayMenuGroupCount],
  ] as const)('bounds %s by the shared bounds, which the window reads too', (field, { min, max }) => {
    expect(settingsPatchSchema.safeParse({ [field]: min }).success).toBe(true)
    expect(settingsPatchSchema.safeParse({ [field]: max }).success).toBe(true)
    expect(settingsPatchSchema.safeParse({ [field]: min - 1 }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ [field]: max + 1 }).success).toBe(false)
  })
})

describe('the settings patch', () => {
  it('leaves out what it does not name: no default fills a field in', () => {
    expect(settingsPatchSchema.parse({})).toEqual({})
    expect(settingsPatchSchema.parse({ notifications: { kinds: { renamed: false } } })).toEqual({
      notifications: { kinds: { renamed: false } },
    })
  })

  it.each([
    ['an unknown kind', { notifications: { kinds: { deleted: true } } }],
    ['a kind that is not on or off', { notifications: { kinds: { joined: 'yes' } } }],
    ['an unknown field', { colour: 'red' }],
    ['the pins, which have a channel of their own', { pinnedGroups: {} }],
    ['a theme that does not exist', { theme: 'purple' }],
    ['a group order the window does not offer', { groupSort: 'size' }],
    ['a show-archived switch that is not on or off', { showArchived: 'no' }],
    ['a mute time that is not a time', { notifications: { mutedUntil: 'soon' } }],
  ])('refuses %s', (_, patch) => {
    expect(settingsPatchSchema.safeParse(patch).success).toBe(false)
  })
})

describe('the change kinds', () => {
  it('are in the order the diff reports them', () => {
    expect(CHANGE_KINDS).toEqual([
      'joined',
      'left',
      'role_changed',
      'renamed',
      'image_changed',
      'extranet_changed',
      'archived',
      'restored',
    ])
  })

  it('say where each is seen: archived and restored only in the group details, with no Group field', () => {
    const bySource = (source: string) => CHANGE_KINDS.filter((kind) => CHANGE_KIND_TABLE[kind].source === source)
    expect(bySource('details')).toEqual(['archived', 'restored'])
    expect(bySource('details').map((kind) => CHANGE_KIND_TABLE[kind].field)).toEqual([null, null])
  })
})

describe('the order of ids that tells a list holds each once', () => {
  it('puts integer ids in numeric order and any two ids in one order, never an id after itself', () => {
    const ids = ['1', '2', '9', '10', '99', '100', '1000', 'a', 'ab', 'b', 'ба', '0', '']
    for (const a of ids) {
      expect(idAfter(a, a)).toBe(false)
      for (const b of ids) if (a !== b) expect(idAfter(a, b)).not.toBe(idAfter(b, a))
    }
    expect(
      ['1', '2', '9', '10', '99', '100', '1000'].every((id, index, all) => index === 0 || idAfter(all[index - 1]!, id)),
    ).toBe(true)
  })
})
