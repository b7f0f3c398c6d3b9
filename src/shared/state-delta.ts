// What main sends the window after a change: only what changed since the last message, never the whole state. The
// window keeps its own copy and applies each delta to it. Generic over AppState's keys, so a key added to AppState
// flows through without code here:
// - a top-level key whose value changed is sent whole (`set`), unless both values are plain objects (groups per
//   account, settings, any per-account map): then per entry, a removed entry as `null`;
// - a list whose length stayed and of which few items changed (a group renamed, one account's status) is sent as
//   those items with their places (`patch`); the other items keep their objects on the window's side.
// Pure and zod-free: main builds deltas with it, the window (and the preview harness) validates and applies them.
import type { AppState } from './types'
import { isPlainObject } from './plain-object'

/** A list's changed items by place; the list keeps its length. */
export interface ListPatch {
  length: number
  at: number[]
  items: unknown[]
}

export type ValueChange = { set: unknown } | { patch: ListPatch }

/** A top-level key's change: the whole value, a list patch, or per entry of a map (null: the entry is gone). */
export type KeyChange = ValueChange | { entries: Record<string, ValueChange | null> }

export interface StateDelta {
  /** Counts the deltas main sent (from 1); a gap or a repeat means the copy is out of step and is fetched again. */
  seq: number
  changes: Record<string, KeyChange>
}

/** At most this share of a list's items may differ for a patch; beyond it the list is sent whole. */
const PATCH_SHARE = 0.25

type Plain = Record<string, unknown>

/** Structural equality of JSON-like values (what crosses IPC). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let index = 0; index < a.length; index++) if (!sameValue(a[index], b[index])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const keysA = Object.keys(a)
  if (keysA.length !== Object.keys(b).length) return false
  for (const key of keysA) {
    if (!Object.hasOwn(b, key) || !sameValue((a as Plain)[key], (b as Plain)[key])) return false
  }
  return true
}

/** How `next` differs from `previous` as one value, or null when it does not. */
function valueChange(previous: unknown, next: unknown): ValueChange | null {
  if (previous === next) return null
  if (Array.isArray(previous) && Array.isArray(next) && previous.length === next.length) {
    const at: number[] = []
    const limit = Math.floor(next.length * PATCH_SHARE)
    for (let index = 0; index < next.length; index++) {
      if (sameValue(previous[index], next[index])) continue
      if (at.length >= limit) return { set: next }
      at.push(index)
    }
    return at.length === 0 ? null : { patch: { length: next.length, at, items: at.map((index) => next[index]) } }
  }
  return sameValue(previous, next) ? null : { set: next }
}

function keyChange(previous: unknown, next: unknown): KeyChange | null {
  if (previous === next) return null
  if (!isPlainObject(previous) || !isPlainObject(next)) return valueChange(previous, next)
  const entries: Record<string, ValueChange | null> = {}
  let changed = false
  for (const key of Object.keys(previous)) {
    if (Object.hasOwn(next, key)) continue
    entries[key] = null
    changed = true
  }
  for (const key of Object.keys(next)) {
    const change = Object.hasOwn(previous, key) ? valueChange(previous[key], next[key]) : { set: next[key] }
    if (change === null) continue
    entries[key] = change
    changed = true
  }
  return changed ? { entries } : null
}

/** What changed from `previous` to `next` (everything, when there is no previous), or null when nothing did. */
export function diffState(previous: AppState | null, next: AppState): Record<string, KeyChange> | null {
  const before = (previous ?? {}) as unknown as Plain
  const after = next as unknown as Plain
  const changes: Record<string, KeyChange> = {}
  let changed = false
  for (const key of Object.keys(after)) {
    const change = Object.hasOwn(before, key) ? keyChange(before[key], after[key]) : { set: after[key] }
    if (change === null) continue
    changes[key] = change
    changed = true
  }
  for (const key of Object.keys(before)) {
    if (Object.hasOwn(after, key)) continue
    changes[key] = { set: undefined }
    changed = true
  }
  return changed ? changes : null
}

/**
 * The sender's side: remembers what it last sent and hands `send` only what changed since, numbered. Nothing is
 * sent when nothing changed (a periodic publish, a status event that repeats the status).
 */
export function createDeltaFeed(send: (delta: StateDelta) => void): (state: AppState) => void {
  let last: AppState | null = null
  let seq = 0
  return (state) => {
    const changes = diffState(last, state)
    last = state
    if (changes !== null) send({ seq: ++seq, changes })
  }
}

function applyValue(base: unknown, change: ValueChange): { ok: true; value: unknown } | { ok: false } {
  if ('set' in change) return { ok: true, value: change.set }
  const { length, at, items } = change.patch
  if (!Array.isArray(base) || base.length !== length) return { ok: false }
  // slice, not a spread: one copy without the iteration protocol (a list of 50,000 groups).
  const value = (base as unknown[]).slice()
  at.forEach((index, position) => (value[index] = items[position]))
  return { ok: true, value }
}

/**
 * `base` with the delta's changes; what did not change keeps its objects (the window's caches compare by identity).
 * Null when the delta does not fit `base` (a patch for a list of another length): the copy must be fetched again.
 */
export function applyStateDelta(base: AppState, delta: StateDelta): AppState | null {
  const next: Plain = { ...(base as unknown as Plain) }
  for (const [key, change] of Object.entries(delta.changes)) {
    if ('entries' in change) {
      const current = next[key]
      if (!isPlainObject(current)) return null
      const map: Plain = { ...current }
      for (const [entry, entryChange] of Object.entries(change.entries)) {
        if (entryChange === null) {
          delete map[entry]
          continue
        }
        const applied = applyValue(map[entry], entryChange)
        if (!applied.ok) return null
        map[entry] = applied.value
      }
      next[key] = map
      continue
    }
    const applied = applyValue(next[key], change)
    if (!applied.ok) return null
    if (applied.value === undefined) delete next[key]
    else next[key] = applied.value
  }
  return next as unknown as AppState
}

/** Keys that would reach an object's prototype when assigned. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function isSafeRecord(value: unknown): value is Plain {
  return isPlainObject(value) && Object.keys(value).every((key) => !UNSAFE_KEYS.has(key))
}

function isValueChange(value: unknown): value is ValueChange {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  if (keys.length !== 1) return false
  if (keys[0] === 'set') return true
  if (keys[0] !== 'patch' || !isPlainObject(value.patch)) return false
  const { length, at, items } = value.patch
  return (
    Number.isInteger(length) &&
    (length as number) >= 0 &&
    Array.isArray(at) &&
    Array.isArray(items) &&
    at.length === items.length &&
    at.every((index) => Number.isInteger(index) && index >= 0 && index < (length as number))
  )
}

/**
 * Whether a payload that arrived over IPC is a delta this module can apply: its shape, place numbers inside their
 * lists, and no key that would reach a prototype. The values themselves are main's AppState, as `state:get` answers.
 */
export function isStateDelta(value: unknown): value is StateDelta {
  if (!isPlainObject(value) || !Number.isInteger(value.seq) || (value.seq as number) < 1) return false
  if (!isSafeRecord(value.changes)) return false
  return Object.values(value.changes).every((change) => {
    if (!isPlainObject(change)) return false
    if (!Object.hasOwn(change, 'entries')) return isValueChange(change)
    return (
      Object.keys(change).length === 1 &&
      isSafeRecord(change.entries) &&
      Object.values(change.entries).every((entry) => entry === null || isValueChange(entry))
    )
  })
}
