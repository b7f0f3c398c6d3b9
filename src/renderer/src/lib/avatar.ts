// A group without an image gets its initials on a colour that stays the same for the same group.

/** Background colours that all carry white initials at 4.5:1 or better (a test checks). */
export const AVATAR_COLOURS: readonly string[] = [
  '#1565c0',
  '#00796b',
  '#2e7d32',
  '#6a1b9a',
  '#ad1457',
  '#c62828',
  '#5d4037',
  '#455a64',
  '#b45309',
  '#0e7490',
  '#4338ca',
  '#9a3412',
]

/** FNV-1a: tiny, stable across runs and platforms, and spreads short ids such as "1", "2", "3" well. */
function hash(text: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index)
    value = Math.imul(value, 0x01000193)
  }
  return value >>> 0
}

export function colourFromId(id: string): string {
  return AVATAR_COLOURS[hash(id) % AVATAR_COLOURS.length] ?? '#455a64'
}

const WORD_START = /[\p{L}\p{N}]/u

/** Up to two initials from the first words that start with a letter or digit; the first character otherwise. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/)
  const letters: string[] = []
  for (const word of words) {
    const first = [...word].find((char) => WORD_START.test(char))
    if (first) letters.push(first)
    if (letters.length === 2) break
  }
  if (letters.length > 0) return letters.join('').toLocaleUpperCase()
  return [...name.trim()][0] ?? '?'
}
