// Text for people in a terminal: widths in columns, truncation and tables. Loaded only by the commands that print for
// people (a `--json` run never needs it): string-width and the grapheme segmenter cost more to load than the rest of a
// small `list`.
import { inertText } from '@shared/inert-text'
import stringWidth from 'string-width'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
/**
 * Characters that are one column and a grapheme of their own: printable ASCII, Latin-1 and the Latin extensions,
 * Greek and Cyrillic, dashes, quotes and other general punctuation, without the soft hyphen, the combining marks and
 * the invisible formatting characters among them.
 */
const ONE_COLUMN = '\\x20-\\x7e\\xa0-\\xac\\xae-\\u02ff\\u0370-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u205e'
/** Characters that are two columns and a grapheme of their own: kana, CJK ideographs, Hangul syllables. */
const TWO_COLUMNS = '\\u3041-\\u3096\\u30a1-\\u30fa\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3'
/** Text made only of the two kinds above (a test holds every character of both to string-width). */
export const SIMPLE_TEXT = new RegExp(`^[${ONE_COLUMN}${TWO_COLUMNS}]*$`)
export const TWO_COLUMN_CHARACTER = new RegExp(`[${TWO_COLUMNS}]`)
const TWO_COLUMN_CHARACTERS = new RegExp(`[${TWO_COLUMNS}]`, 'g')
/** Runs of every other character: emoji, combining marks, joiners, variation selectors, jamo, controls. */
const OTHER_RUNS = new RegExp(`[^${ONE_COLUMN}${TWO_COLUMNS}]+`, 'g')
/** The start of a terminal escape sequence, which string-width strips over the whole text before it counts. */
// eslint-disable-next-line no-control-regex -- the escape characters are exactly what this finds
const ESCAPE = /[\x1b\x9b]/

function simpleColumns(text: string): number {
  return text.length + (text.match(TWO_COLUMN_CHARACTERS)?.length ?? 0)
}

/**
 * How many terminal columns text takes: East Asian wide characters (製, 한) and emoji take two, combining marks and
 * joiners none (string-width, which follows Unicode's East Asian Width and emoji data). string-width segments the
 * whole text into graphemes, which made a 50,000-group table cost 1.8 times its --json; here simple text is counted
 * by character, and only the pieces around other characters go to string-width, each with the character on either
 * side of it (the base an accent or a keycap belongs to, a Hangul syllable a jamo joins, the © an emoji joiner ties
 * in). Two simple characters are never one grapheme, so the pieces' graphemes are the text's and the sum is
 * string-width's (a property test holds it to string-width over any mix).
 */
export function columns(text: string): number {
  if (SIMPLE_TEXT.test(text)) return simpleColumns(text)
  if (ESCAPE.test(text)) return stringWidth(text)
  let total = 0
  let pieceStart = -1
  let pieceEnd = 0
  for (const run of text.matchAll(OTHER_RUNS)) {
    const start = Math.max(run.index - 1, 0)
    const end = Math.min(run.index + run[0].length + 1, text.length)
    // One simple character between two runs belongs to both pieces: they are measured as one.
    if (pieceStart >= 0 && start < pieceEnd) {
      pieceEnd = end
      continue
    }
    total += pieceStart < 0 ? simpleColumns(text.slice(0, start)) : measured(text, pieceStart, pieceEnd, start)
    pieceStart = start
    pieceEnd = end
  }
  return total + measured(text, pieceStart, pieceEnd, text.length)
}

/**
 * The widths of pieces measured so far. The same few emoji and accents recur across a portal's names, and
 * string-width's emoji test costs about 15 µs a grapheme; kept to a bounded number of pieces, emptied when full.
 */
const pieceWidths = new Map<string, number>()
export const PIECES_KEPT = 4096

/** string-width of text[start, end), and the simple text after it up to `next`. */
function measured(text: string, start: number, end: number, next: number): number {
  const piece = text.slice(start, end)
  let width = pieceWidths.get(piece)
  if (width === undefined) {
    width = stringWidth(piece)
    if (pieceWidths.size >= PIECES_KEPT) pieceWidths.clear()
    pieceWidths.set(piece, width)
  }
  return width + simpleColumns(text.slice(end, next))
}

/** Cuts text to at most `width` columns, whole grapheme clusters only (so emoji and accents stay whole), with "…". */
export function truncate(text: string, width: number): string {
  if (columns(text) <= width) return text
  if (SIMPLE_TEXT.test(text)) {
    // Every character a grapheme of one or two columns: cut by counting them, without the segmenter.
    let used = 0
    let at = 0
    for (; at < text.length; at++) {
      const needed = TWO_COLUMN_CHARACTER.test(text[at] as string) ? 2 : 1
      if (used + needed > width - 1) break
      used += needed
    }
    return `${text.slice(0, at)}…`
  }
  let kept = ''
  let used = 0
  for (const { segment } of segmenter.segment(text)) {
    const needed = columns(segment)
    if (used + needed > width - 1) break
    kept += segment
    used += needed
  }
  return `${kept}…`
}

/**
 * A plain-text table with a header row, one line per row; columns padded to the widest cell, in terminal columns. Cells may hold text from
 * a portal or a file: each is made inert first, so no cell can move the cursor or break its row into two lines.
 */
export function renderTable(header: string[], rows: string[][]): string[] {
  // Flat, one pass per step: a 50,000-row table made an array or two per row and a string of spaces per cell.
  const count = header.length
  const all = [header, ...rows]
  const cells = new Array<string>(all.length * count)
  const lengths = new Int32Array(all.length * count)
  const widths = new Int32Array(count)
  for (let row = 0; row < all.length; row++) {
    const source = all[row] as string[]
    for (let column = 0; column < count; column++) {
      const at = row * count + column
      const cell = inertText(source[column] ?? '')
      const length = columns(cell)
      cells[at] = cell
      lengths[at] = length
      if (length > (widths[column] as number)) widths[column] = length
    }
  }
  const spaces = ' '.repeat(Math.max(0, ...widths))
  const lines = new Array<string>(all.length)
  for (let row = 0; row < all.length; row++) {
    let line = ''
    for (let column = 0; column < count; column++) {
      const at = row * count + column
      if (column > 0) line += '  '
      line += cells[at] as string
      if (column < count - 1) line += spaces.slice(0, (widths[column] as number) - (lengths[at] as number))
    }
    lines[row] = line.trimEnd()
  }
  return lines
}
