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

const WORD_START = /^[\p{L}\p{N}]/u
/**
 * Scripts whose words are not abbreviated by their first letters: a Han, kana or Hangul character is a syllable or a
 * word of its own, so two of them read as a made-up word ("市上"); an Arabic letter changes its shape beside another.
 * Their names get one grapheme, the name's first.
 */
const ONE_GRAPHEME_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Thai}]/u

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** The first grapheme of a word that starts with a letter or digit (so "हि" keeps its vowel sign), or null. */
function firstGrapheme(word: string): string | null {
  for (const { segment } of graphemes.segment(word)) if (WORD_START.test(segment)) return segment
  return null
}

/**
 * Up to two initials from the first words that start with a letter or digit ("Marketing team" → "MT"); one grapheme
 * for scripts where two mean nothing ("製品開発チーム" → "製", "마케팅 팀" → "마"); the first grapheme otherwise.
 */
export function initials(name: string): string {
  const letters: string[] = []
  for (const word of name.trim().split(/\s+/)) {
    const first = firstGrapheme(word)
    if (!first) continue
    if (letters.length === 0 && ONE_GRAPHEME_SCRIPT.test(first)) return first
    letters.push(first)
    if (letters.length === 2) break
  }
  if (letters.length > 0) return letters.join('').toLocaleUpperCase()
  return graphemes.segment(name.trim())[Symbol.iterator]().next().value?.segment ?? '?'
}
