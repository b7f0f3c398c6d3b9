// Which row becomes active after a navigation key. Only some rows can be active (account headers cannot).

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end'

const MOVE_BY_KEY: Readonly<Record<string, Move>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'home',
  End: 'end',
}

/** The move a key asks for, or null when the key is not a list key (modifier keys leave the list alone). */
export function moveForKey(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): Move | null {
  if (event.altKey || event.metaKey || event.shiftKey) return null
  // Ctrl+Home/End are the usual "very first/last" keys; Ctrl with arrows or pages means something else.
  if (event.ctrlKey && event.key !== 'Home' && event.key !== 'End') return null
  return MOVE_BY_KEY[event.key] ?? null
}

function nearestSelectable(selectable: readonly boolean[], from: number, step: 1 | -1): number {
  for (let index = from; index >= 0 && index < selectable.length; index += step) if (selectable[index]) return index
  return -1
}

/**
 * The index to activate. `current` is -1 when nothing is active yet; `pageSize` is how many rows fit in view.
 * A move that would leave the list stops at its first or last selectable row; nothing selectable gives -1.
 */
export function moveActive(selectable: readonly boolean[], current: number, move: Move, pageSize: number): number {
  const first = nearestSelectable(selectable, 0, 1)
  if (first === -1) return -1
  const last = nearestSelectable(selectable, selectable.length - 1, -1)
  if (current < 0 || current >= selectable.length) return move === 'end' || move === 'up' ? last : first
  const page = Math.max(1, pageSize - 1)
  switch (move) {
    case 'home':
      return first
    case 'end':
      return last
    case 'down': {
      const next = nearestSelectable(selectable, current + 1, 1)
      return next === -1 ? current : next
    }
    case 'up': {
      const previous = nearestSelectable(selectable, current - 1, -1)
      return previous === -1 ? current : previous
    }
    case 'pageDown': {
      const target = Math.min(current + page, selectable.length - 1)
      const forward = nearestSelectable(selectable, target, 1)
      return forward === -1 ? last : forward
    }
    case 'pageUp': {
      const target = Math.max(current - page, 0)
      const backward = nearestSelectable(selectable, target, -1)
      return backward === -1 ? first : backward
    }
  }
}
