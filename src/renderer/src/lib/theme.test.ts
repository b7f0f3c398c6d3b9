import { contrastRatio } from './contrast'
import { cssVariables, PALETTES, resolveTheme, TEXT_ON_BACKGROUND } from './theme'

describe('palettes', () => {
  describe.each(['light', 'dark'] as const)('%s', (name) => {
    const palette = PALETTES[name]
    it.each(TEXT_ON_BACKGROUND.map(([fg, bg]) => [fg, bg]))('%s on %s has a contrast of at least 4.5:1', (fg, bg) => {
      expect(contrastRatio(palette[fg], palette[bg])).toBeGreaterThanOrEqual(4.5)
    })

    it('draws the focus ring and the unseen dot (accent) at 3:1 or more against every background', () => {
      for (const bg of [palette.bg, palette.surface, palette.hover, palette.selection]) {
        expect(contrastRatio(palette.accent, bg)).toBeGreaterThanOrEqual(3)
      }
    })
  })
})

describe('resolveTheme', () => {
  it('follows the system when set to system', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
  })

  it('keeps an explicit choice whatever the system prefers', () => {
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })
})

describe('cssVariables', () => {
  it('names custom properties in kebab case', () => {
    expect(cssVariables(PALETTES.light)).toMatchObject({ '--text-muted': '#5b6571', '--accent-bg': '#0b66c3' })
  })
})
