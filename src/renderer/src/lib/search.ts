// Search that forgives case and diacritics, so "zurich" finds "Zürich" and "елка" finds "Ёлка".

const COMBINING_MARK = /\p{M}/gu
const BREVE = '\u0306'

/**
 * Folds text for matching: lower case, compatibility forms, marks dropped, ß as ss.
 * Russian й keeps its breve: it is a letter of its own, not a decorated и, and "мой" must not find "мои".
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARK, (mark, offset: number, whole: string) =>
      mark === BREVE && whole[offset - 1] === 'и' ? mark : '',
    )
    .normalize('NFC')
    .replace(/ß/g, 'ss')
}

/** The folded words of a query; an empty list matches everything. */
export function queryTokens(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((token) => token.length > 0)
}

/** Every token must occur somewhere in the folded text, in any order. */
export function matchesTokens(foldedText: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (!foldedText.includes(token)) return false
  return true
}

export interface TextPart {
  text: string
  match: boolean
}

/**
 * `text` cut into the parts a query's tokens match and the rest, for highlighting. Folding changes lengths ("ß" is
 * "ss", "é" loses its mark), so each character is folded alone and the match is mapped back to the characters it
 * came from; a match that ends inside a character's folding ("s" of "ß") marks the whole character.
 */
export function highlightParts(text: string, query: string): TextPart[] {
  const tokens = queryTokens(query)
  if (tokens.length === 0 || text === '') return [{ text, match: false }]
  const chars = [...text]
  let folded = ''
  /** For each position in `folded`, the index of the character in `chars` it comes from. */
  const source: number[] = []
  chars.forEach((char, index) => {
    const part = foldForSearch(char)
    folded += part
    for (let offset = 0; offset < part.length; offset += 1) source.push(index)
  })
  const marked = new Uint8Array(chars.length)
  for (const token of tokens) {
    for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + token.length)) {
      for (let offset = at; offset < at + token.length; offset += 1) marked[source[offset] ?? 0] = 1
    }
  }
  const parts: TextPart[] = []
  chars.forEach((char, index) => {
    const match = marked[index] === 1
    const last = parts[parts.length - 1]
    if (last && last.match === match) last.text += char
    else parts.push({ text: char, match })
  })
  return parts
}
