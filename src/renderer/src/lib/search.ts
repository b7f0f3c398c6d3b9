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
