// The random world of the soak test: memberships that change between polls, and faults aimed at single requests.
import type { DemoFault, DemoGroup } from '../../demo'

/** Faults that make a request fail, each a different way a portal, a proxy or the network misbehaves. */
export const FAILING_FAULTS: readonly DemoFault[] = [
  { type: 'error', code: 'INTERNAL_SERVER_ERROR' },
  { type: 'error', code: 'ERROR_UNEXPECTED_ANSWER' },
  { type: 'error', code: 'QUERY_LIMIT_EXCEEDED' },
  { type: 'error', code: 'OVERLOAD_LIMIT' },
  { type: 'error', code: 'NO_AUTH_FOUND' },
  { type: 'error', code: 'insufficient_scope' },
  { type: 'error', code: 'INVALID_CREDENTIALS' },
  { type: 'html', status: 502 },
  { type: 'html', status: 504 },
  { type: 'malformed' },
  { type: 'truncated' },
  { type: 'drop' },
  { type: 'status', status: 200 },
  { type: 'status', status: 200, body: { error: 'INTERNAL_SERVER_ERROR', error_description: 'in a 200' } },
  { type: 'status', status: 200, body: { result: [{ GROUP_ID: null, GROUP_NAME: 7 }] } },
  { type: 'status', status: 200, body: { result: { not: 'a list' } } },
]
/** A well-formed answer that lies: "you are in no group". Only a confirming fetch can tell it from the truth. */
export const PHANTOM_EMPTY: DemoFault = { type: 'status', status: 200, body: { result: [], time: {} } }
/** Never answers: the client's timeout ends it. Rare, since each one costs that timeout in real time. */
export const HANG: DemoFault = { type: 'hang' }
/** Lets a request through untouched, so that a fault can be aimed at the second request of a cycle. */
export const PASS: DemoFault = { type: 'delay', ms: 0 }

const NAMES = ['Design', 'Отдел продаж', 'Vertrieb & Marketing', '<b>Ops</b>', 'Projekt „Ü“', '🚀 Launch', 'QA']
const ROLES = ['A', 'E', 'K', 'K', 'K', 'T', 'Z', 'Q']
const MAX_GROUPS = 60

export interface SoakScenario {
  newGroup(): DemoGroup
  /** One random step of real life between two polls: nothing, a few edits, a mass removal or a batch of joins. */
  mutate(list: readonly DemoGroup[]): DemoGroup[]
  /** The fault for one request, or null for most. The second request of a cycle never lies (see PHANTOM_EMPTY). */
  faultFor(request: 'first' | 'second'): DemoFault | null
}

export function soakScenario(random: () => number, faultRate: number): SoakScenario {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  let nextId = 100
  const avatar = (id: string) => `https://cdn.example.com/avatars/${id}-${nextId++}.png`

  function newGroup(): DemoGroup {
    const id = String(nextId++)
    return {
      id,
      name: `${pick(NAMES)} ${id}`,
      role: pick(ROLES),
      image: random() < 0.5 ? null : avatar(id),
      extranet: random() < 0.15,
    }
  }

  function edit(list: readonly DemoGroup[]): DemoGroup[] {
    let next = list.map((group) => ({ ...group }))
    for (let step = 0, steps = 1 + Math.floor(random() * 3); step < steps; step++) {
      const target = pick(next)
      switch (pick(['add', 'remove', 'role', 'rename', 'image', 'extranet'] as const)) {
        case 'add':
          next.push(newGroup())
          break
        case 'remove':
          next = next.filter((group) => group !== target)
          break
        case 'role':
          target.role = pick(ROLES)
          break
        case 'rename':
          target.name = `${pick(NAMES)} ${target.id}${random() < 0.5 ? '!' : ''}`
          break
        case 'image':
          target.image = target.image ? null : avatar(target.id)
          break
        case 'extranet':
          target.extranet = !target.extranet
          break
      }
    }
    return next
  }

  return {
    newGroup,
    mutate(list) {
      const roll = random()
      if (roll < 0.35) return [...list]
      if (roll < 0.43 && list.length >= 2) return list.filter(() => random() < 0.3)
      if (roll < 0.48 || list.length < 3) {
        return [...list, ...Array.from({ length: 1 + Math.floor(random() * 8) }, newGroup)].slice(0, MAX_GROUPS)
      }
      return edit(list).slice(0, MAX_GROUPS)
    },
    faultFor(request) {
      if (random() >= faultRate) return null
      const roll = random()
      if (roll < 0.01) return HANG
      // The same lie twice, 5 s apart, is beyond what any confirmation can catch; so only first requests lie.
      if (roll < 0.1 && request === 'first') return PHANTOM_EMPTY
      return pick(FAILING_FAULTS)
    },
  }
}
