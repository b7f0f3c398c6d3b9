// The demo's believable data: a person in a mid-sized company with groups of every kind, and the small changes a
// real portal sees (joined, left, promoted, renamed), one at a time, so that a new user watches notifications happen.
import type { DemoGroup, DemoProfile } from './types'

export const DEMO_AVATAR_PATH = '/_demo/avatars/'

function avatar(origin: string | undefined, slug: string, format: 'svg' | 'png'): string {
  return `${origin ?? ''}${DEMO_AVATAR_PATH}${slug}.${format}`
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** An ISO time `offsetMs` from `now`, to the second, as a portal sends datetimes. */
function isoAt(now: number, offsetMs: number): string {
  return new Date(Math.floor((now + offsetMs) / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

/**
 * The groups of demo user 1: owner, moderator and member roles, an extranet group, avatars the portal serves itself
 * (one as a portal-relative path, as self-hosted portals send it), long and non-Latin names and one with markup; and
 * their workgroup details: every type, a group without TYPE (as older portals send it), archived ones, projects with
 * start and finish dates, activity times around `now`, and pending join requests on groups the user owns or moderates.
 */
export function demoScenarioGroups(origin?: string, now: number = Date.now()): DemoGroup[] {
  const at = (offsetMs: number) => isoAt(now, offsetMs)
  return [
    {
      id: '1',
      name: 'Marketing',
      role: 'K',
      image: avatar(origin, 'marketing', 'svg'),
      details: { type: 'group', memberCount: 24, activityAt: at(-2 * HOUR_MS) },
    },
    {
      id: '7',
      name: 'Website relaunch 2026',
      role: 'A',
      image: avatar(origin, 'website', 'png'),
      details: {
        type: 'project',
        memberCount: 9,
        activityAt: at(-25 * 60_000),
        projectStart: at(-40 * DAY_MS),
        projectFinish: at(3 * DAY_MS),
        pendingRequests: 2,
      },
    },
    {
      id: '12',
      name: 'Sales — Northern Europe',
      role: 'E',
      image: null,
      details: { type: 'group', memberCount: 41, activityAt: at(-5 * HOUR_MS), pendingRequests: 1 },
    },
    {
      id: '15',
      name: 'Отдел продаж: Москва',
      role: 'K',
      image: avatar(origin, 'sales-moscow', 'svg'),
      details: { type: 'group', memberCount: 17, activityAt: at(-3 * DAY_MS) },
    },
    {
      id: '21',
      name: 'Partner portal (external)',
      role: 'K',
      image: null,
      extranet: true,
      details: { type: 'collab', memberCount: 6, activityAt: at(-40 * 60_000) },
    },
    {
      id: '24',
      name: 'Qualitätssicherung & Tests',
      role: 'E',
      image: avatar(undefined, 'qa', 'svg'),
      details: { type: 'scrum', memberCount: 8, activityAt: at(-HOUR_MS), pendingRequests: 0 },
    },
    // An older group whose portal sends no TYPE.
    { id: '31', name: 'Ideas <b>bold</b> & "quoted"', role: 'K', image: null, details: { memberCount: 112 } },
    {
      id: '38',
      name: 'Quarterly planning for customer success, onboarding and support operations across all regions and time zones',
      role: 'K',
      image: avatar(origin, 'planning', 'png'),
      details: {
        type: 'project',
        archived: true,
        memberCount: 14,
        activityAt: at(-90 * DAY_MS),
        projectStart: at(-200 * DAY_MS),
        projectFinish: at(-95 * DAY_MS),
      },
    },
    {
      id: '42',
      name: '製品開発チーム 🚀',
      role: 'A',
      image: avatar(origin, 'product', 'svg'),
      details: {
        type: 'project',
        memberCount: 5,
        activityAt: at(-10 * 60_000),
        projectStart: at(-7 * DAY_MS),
        projectFinish: at(60 * DAY_MS),
        pendingRequests: 4,
      },
    },
    {
      id: '47',
      name: 'Mobile app (Scrum)',
      role: 'K',
      image: null,
      details: { type: 'scrum', archived: true, memberCount: 11, activityAt: at(-30 * DAY_MS) },
    },
  ]
}

/** Groups the demo user may join later. */
const JOINABLE: readonly DemoGroup[] = [
  { id: '53', name: 'Company picnic 2026', role: 'K', image: null, details: { type: 'group', memberCount: 63 } },
  { id: '58', name: 'Security champions', role: 'K', image: null, details: { type: 'group', memberCount: 12 } },
  { id: '61', name: 'Новогодний корпоратив', role: 'K', image: null, details: { type: 'group', memberCount: 88 } },
  {
    id: '66',
    name: 'Kundenbeirat',
    role: 'K',
    image: null,
    extranet: true,
    details: { type: 'collab', memberCount: 7 },
  },
  { id: '70', name: 'Data platform migration', role: 'E', image: null, details: { type: 'project', memberCount: 10 } },
]

export const DEMO_PROFILE: DemoProfile = { name: 'Alex', lastName: 'Morgan', photo: null }

const ROLES = ['A', 'E', 'K'] as const
const RENAME_SUFFIXES = [' (archive)', ' 2.0', ' — team', ' (new)']

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length) % items.length]
  if (item === undefined) throw new RangeError('pick from an empty list')
  return item
}

/**
 * One membership change, chosen at random: join a group, leave one, change the role in one, or see one renamed.
 * Pure: returns a new list and leaves the given one alone.
 */
export function nextScenarioChange(groups: readonly DemoGroup[], random: () => number): DemoGroup[] {
  const memberOf = new Set(groups.map((group) => group.id))
  const joinable = [...JOINABLE, ...demoScenarioGroups()].filter((group) => !memberOf.has(group.id))
  const kinds: ('join' | 'leave' | 'role' | 'rename')[] = []
  if (joinable.length > 0) kinds.push('join')
  if (groups.length > 3) kinds.push('leave')
  if (groups.length > 0) kinds.push('role', 'rename')
  if (kinds.length === 0) return [...groups]
  const kind = pick(kinds, random)
  if (kind === 'join') {
    const joined = pick(joinable, random)
    return [...groups, { ...joined }]
  }
  const target = pick(groups, random)
  if (kind === 'leave') return groups.filter((group) => group.id !== target.id)
  return groups.map((group) => {
    if (group.id !== target.id) return group
    if (kind === 'role')
      return {
        ...group,
        role: pick(
          ROLES.filter((role) => role !== group.role),
          random,
        ),
      }
    const base = RENAME_SUFFIXES.reduce(
      (name, suffix) => (name.endsWith(suffix) ? name.slice(0, -suffix.length) : name),
      group.name,
    )
    const renamed = `${base}${pick(RENAME_SUFFIXES, random)}`
    return { ...group, name: renamed === group.name ? base : renamed }
  })
}

/** A small, seedable PRNG (mulberry32) so a demo run or a test can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
