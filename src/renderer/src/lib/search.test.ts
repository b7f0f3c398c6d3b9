import { foldForSearch, highlightParts, matchesTokens, queryTokens } from './search'

const matches = (name: string, query: string) => matchesTokens(foldForSearch(name), queryTokens(query))

describe('search folding', () => {
  it('ignores case', () => {
    expect(matches('Marketing Team', 'marketing')).toBe(true)
    expect(matches('marketing team', 'TEAM')).toBe(true)
  })

  it('ignores diacritics in Latin scripts', () => {
    expect(matches('Zürich Büro', 'zurich')).toBe(true)
    expect(matches('Équipe Café', 'equipe cafe')).toBe(true)
    expect(matches('Mañana', 'MANANA')).toBe(true)
  })

  it('treats German ß as ss', () => {
    expect(matches('Straße', 'strasse')).toBe(true)
  })

  it('treats Russian ё as е but keeps й distinct from и', () => {
    expect(matches('Ёлка проекта', 'елка')).toBe(true)
    expect(matches('Мои задачи', 'мой')).toBe(false)
    expect(matches('Мой отдел', 'мой')).toBe(true)
  })

  it('requires every word of the query, in any order', () => {
    expect(matches('Sales Berlin 2025', 'berlin sales')).toBe(true)
    expect(matches('Sales Berlin 2025', 'berlin hamburg')).toBe(false)
  })

  it('matches everything with an empty or blank query', () => {
    expect(queryTokens('   ')).toEqual([])
    expect(matches('Anything', '')).toBe(true)
  })

  it('folds compatibility forms such as full-width letters', () => {
    expect(matches('ＡＢＣ team', 'abc')).toBe(true)
  })
})

describe('highlightParts', () => {
  const marked = (text: string, query: string) =>
    highlightParts(text, query)
      .map((part) => (part.match ? `[${part.text}]` : part.text))
      .join('')

  it('marks every place each word of the query occurs, in any case', () => {
    expect(marked('Marketing team Berlin', 'BER mar')).toBe('[Mar]keting team [Ber]lin')
    expect(marked('Sales and sales', 'sales')).toBe('[Sales] and [sales]')
  })

  it('maps a folded match back to the original characters', () => {
    expect(marked('Zürich Büro', 'zurich')).toBe('[Zürich] Büro')
    expect(marked('Straße 5', 'strasse')).toBe('[Straße] 5')
    expect(marked('Проект «Ёлка»', 'елка')).toBe('Проект «[Ёлка]»')
  })

  it('keeps emoji and astral characters whole', () => {
    expect(marked('🚀 Launch 🚀', 'launch')).toBe('🚀 [Launch] 🚀')
  })

  it('returns the text unmarked for an empty query or no match', () => {
    expect(highlightParts('Design', '  ')).toEqual([{ text: 'Design', match: false }])
    expect(highlightParts('Design', 'xyz')).toEqual([{ text: 'Design', match: false }])
  })
})
