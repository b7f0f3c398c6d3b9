// The demo's believable data: a person in a mid-sized company with groups of every kind (and two more portals of
// theirs, see demo-set.ts), and the small changes a real portal sees (joined, left, promoted, renamed), one at a time,
// so that a new user watches notifications happen.
import type { DemoGroup, DemoGroupDetails, DemoScenario } from './types'

export const DEMO_AVATAR_PATH = '/_demo/avatars/'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/** An ISO time `offsetMs` from `now`, to the second, as a portal sends datetimes. */
function isoAt(now: number, offsetMs: number): string {
  return new Date(Math.floor((now + offsetMs) / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

/**
 * One group of a scenario in one line: its membership, and its workgroup details with times as offsets from now
 * (`active`: how long ago; `project`: start and finish, negative in the past). `avatar` is a file the portal serves,
 * `relative` sends it as a portal-relative path (as self-hosted portals do).
 */
interface ScenarioRow {
  id: string
  name: string
  role: string
  avatar?: `${string}.${'svg' | 'png'}`
  relative?: true
  extranet?: true
  /** Absent: the portal sends no TYPE (as older portals do). */
  type?: DemoGroupDetails['type']
  archived?: true
  members: number
  active?: number
  project?: readonly [startMs: number, finishMs: number]
  pending?: number
}

function groupOf(row: ScenarioRow, origin: string | undefined, now: number): DemoGroup {
  const details: DemoGroupDetails = {
    ...(row.type === undefined ? {} : { type: row.type }),
    ...(row.archived ? { archived: true } : {}),
    memberCount: row.members,
    ...(row.active === undefined ? {} : { activityAt: isoAt(now, -row.active) }),
    ...(row.project ? { projectStart: isoAt(now, row.project[0]), projectFinish: isoAt(now, row.project[1]) } : {}),
    ...(row.pending === undefined ? {} : { pendingRequests: row.pending }),
  }
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    image: row.avatar ? `${row.relative ? '' : (origin ?? '')}${DEMO_AVATAR_PATH}${row.avatar}` : null,
    ...(row.extranet ? { extranet: true } : {}),
    details,
  }
}

function scenarioOf(
  profile: DemoScenario['profile'],
  rows: readonly ScenarioRow[],
  joinable: readonly ScenarioRow[],
): DemoScenario {
  return {
    profile,
    groups: (origin, now) => rows.map((row) => groupOf(row, origin, now)),
    joinable: joinable.map((row) => groupOf(row, undefined, Date.now())),
  }
}

const ALEX = { name: 'Alex', lastName: 'Morgan', avatar: 'alex-morgan' }

/**
 * Alex's own company portal: owner, moderator and member roles, an extranet group, avatars the portal serves itself
 * (one portal-relative), long and non-Latin names and one with markup; and their details: every type, a group
 * without TYPE, archived ones, projects with start and finish dates, activity times around now, and pending join
 * requests on groups the user owns or moderates.
 */
// prettier-ignore
export const COMPANY_SCENARIO: DemoScenario = scenarioOf(ALEX, [
  { id: '1', name: 'Marketing', role: 'K', avatar: 'marketing.svg', type: 'group', members: 24, active: 2 * HOUR_MS },
  { id: '7', name: 'Website relaunch 2026', role: 'A', avatar: 'website.png', type: 'project', members: 9, active: 25 * MINUTE_MS, project: [-40 * DAY_MS, 3 * DAY_MS], pending: 2 },
  { id: '12', name: 'Sales — Northern Europe', role: 'E', type: 'group', members: 41, active: 5 * HOUR_MS, pending: 1 },
  { id: '15', name: 'Отдел продаж: Москва', role: 'K', avatar: 'sales-moscow.svg', type: 'group', members: 17, active: 3 * DAY_MS },
  { id: '21', name: 'Partner portal (external)', role: 'K', extranet: true, type: 'collab', members: 6, active: 40 * MINUTE_MS },
  { id: '24', name: 'Qualitätssicherung & Tests', role: 'E', avatar: 'qa.svg', relative: true, type: 'scrum', members: 8, active: HOUR_MS, pending: 0 },
  { id: '31', name: 'Ideas <b>bold</b> & "quoted"', role: 'K', members: 112 },
  { id: '38', name: 'Quarterly planning for customer success, onboarding and support operations across all regions and time zones', role: 'K', avatar: 'planning.png', type: 'project', archived: true, members: 14, active: 90 * DAY_MS, project: [-200 * DAY_MS, -95 * DAY_MS] },
  { id: '42', name: '製品開発チーム 🚀', role: 'A', avatar: 'product.svg', type: 'project', members: 5, active: 10 * MINUTE_MS, project: [-7 * DAY_MS, 60 * DAY_MS], pending: 4 },
  { id: '47', name: 'Mobile app (Scrum)', role: 'K', type: 'scrum', archived: true, members: 11, active: 30 * DAY_MS },
], [
  { id: '53', name: 'Company picnic 2026', role: 'K', type: 'group', members: 63 },
  { id: '58', name: 'Security champions', role: 'K', type: 'group', members: 12 },
  { id: '61', name: 'Новогодний корпоратив', role: 'K', type: 'group', members: 88 },
  { id: '66', name: 'Kundenbeirat', role: 'K', extranet: true, type: 'collab', members: 7 },
  { id: '70', name: 'Data platform migration', role: 'E', type: 'project', members: 10 },
])

/** A client's portal where Alex is an extranet guest: the groups shared with the agency, details in camelCase. */
// prettier-ignore
export const PARTNER_SCENARIO: DemoScenario = scenarioOf(ALEX, [
  { id: '3', name: 'Northwind × Acme: online shop', role: 'K', extranet: true, type: 'project', members: 12, active: 3 * HOUR_MS, project: [-20 * DAY_MS, 10 * DAY_MS] },
  { id: '8', name: 'Northwind brand guidelines', role: 'K', avatar: 'northwind.svg', extranet: true, type: 'group', members: 30, active: 2 * DAY_MS },
  { id: '14', name: 'Joint launch team', role: 'E', extranet: true, type: 'collab', members: 7, active: 15 * MINUTE_MS, pending: 1 },
  { id: '19', name: 'Spring campaign 2026', role: 'K', extranet: true, type: 'project', archived: true, members: 9, active: 60 * DAY_MS, project: [-120 * DAY_MS, -65 * DAY_MS] },
], [
  { id: '25', name: 'Northwind trade fair 2027', role: 'K', extranet: true, type: 'group', members: 18 },
])

/** A running club's small portal, whose webhook Alex made with the groups scope alone (no details there). */
// prettier-ignore
export const CLUB_SCENARIO: DemoScenario = scenarioOf(ALEX, [
  { id: '2', name: 'Club board', role: 'E', type: 'group', members: 6, active: DAY_MS },
  { id: '5', name: 'Half marathon 2027', role: 'A', type: 'project', members: 23, active: 4 * HOUR_MS, project: [-30 * DAY_MS, 120 * DAY_MS] },
  { id: '9', name: 'Sunday long runs', role: 'K', avatar: 'runners.svg', type: 'group', members: 58, active: 6 * HOUR_MS },
], [
  { id: '11', name: 'Trail running trip', role: 'K', type: 'group', members: 14 },
])

/** The company portal's groups (the scenario of `startDemoPortal({ scenario: true })`). */
export function demoScenarioGroups(origin?: string, now: number = Date.now()): DemoGroup[] {
  return COMPANY_SCENARIO.groups(origin, now)
}

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
export function nextScenarioChange(
  groups: readonly DemoGroup[],
  random: () => number,
  scenario: DemoScenario = COMPANY_SCENARIO,
): DemoGroup[] {
  const memberOf = new Set(groups.map((group) => group.id))
  const joinable = [...scenario.joinable, ...scenario.groups(undefined, Date.now())].filter(
    (group) => !memberOf.has(group.id),
  )
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
