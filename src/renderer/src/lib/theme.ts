// The two colour themes as data, so a test can prove every text/background pair readable (WCAG AA, 4.5:1), and
// the choice between them from the setting and the system preference.
import type { Theme } from '@shared/types'

export interface Palette {
  bg: string
  surface: string
  hover: string
  border: string
  text: string
  textMuted: string
  accent: string
  accentBg: string
  accentText: string
  selection: string
  dangerText: string
  dangerBg: string
  warningText: string
  warningBg: string
  successText: string
  successBg: string
  ownerText: string
  ownerBg: string
  moderatorText: string
  moderatorBg: string
  memberText: string
  memberBg: string
  extranetText: string
  extranetBg: string
}

export type ResolvedTheme = 'light' | 'dark'

export const PALETTES: Readonly<Record<ResolvedTheme, Palette>> = {
  light: {
    bg: '#ffffff',
    surface: '#f3f5f7',
    hover: '#eef2f6',
    border: '#d5dbe1',
    text: '#1f2933',
    textMuted: '#5b6571',
    accent: '#0b66c3',
    accentBg: '#0b66c3',
    accentText: '#ffffff',
    selection: '#e5effa',
    dangerText: '#b42318',
    dangerBg: '#fdecea',
    warningText: '#7a4100',
    warningBg: '#fff4e5',
    successText: '#1d6b38',
    successBg: '#e6f4ea',
    ownerText: '#0a4d94',
    ownerBg: '#d9e8f8',
    moderatorText: '#5b2d91',
    moderatorBg: '#efe8f8',
    memberText: '#3d4752',
    memberBg: '#eceff2',
    extranetText: '#8a4b00',
    extranetBg: '#fdf0df',
  },
  dark: {
    bg: '#1b1f24',
    surface: '#22272e',
    hover: '#2a3038',
    border: '#3a424c',
    text: '#e6edf3',
    textMuted: '#9aa5b1',
    accent: '#6cb6ff',
    accentBg: '#6cb6ff',
    accentText: '#0d1117',
    selection: '#243447',
    dangerText: '#ff938a',
    dangerBg: '#3a1f22',
    warningText: '#f0b46b',
    warningBg: '#3a2c17',
    successText: '#8fd19e',
    successBg: '#1c3324',
    ownerText: '#a5cdfa',
    ownerBg: '#1d3350',
    moderatorText: '#d2b8f5',
    moderatorBg: '#32264a',
    memberText: '#c9d1d9',
    memberBg: '#2d333b',
    extranetText: '#ffb86b',
    extranetBg: '#3d2e1a',
  },
}

type Token = keyof Palette

/** Every pair of text colour and the backgrounds it is drawn on. */
export const TEXT_ON_BACKGROUND: ReadonlyArray<readonly [Token, Token]> = [
  ...(['bg', 'surface', 'hover', 'selection'] as const).flatMap((bg) => [
    ['text', bg] as const,
    ['textMuted', bg] as const,
    ['accent', bg] as const,
    ['dangerText', bg] as const,
    // A project that ends within three days says so in the warning colour, on any row.
    ['warningText', bg] as const,
  ]),
  ['accentText', 'accentBg'],
  ['dangerText', 'dangerBg'],
  ['warningText', 'warningBg'],
  ['successText', 'successBg'],
  ['text', 'dangerBg'],
  ['text', 'warningBg'],
  ['ownerText', 'ownerBg'],
  ['moderatorText', 'moderatorBg'],
  ['memberText', 'memberBg'],
  ['extranetText', 'extranetBg'],
]

/** The theme to draw: the user's choice, or the system's when the choice is "system". */
export function resolveTheme(setting: Theme, systemPrefersDark: boolean): ResolvedTheme {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light'
  return setting
}

/** CSS custom properties (`--text-muted`) for a palette. */
export function cssVariables(palette: Palette): Record<string, string> {
  return Object.fromEntries(
    Object.entries(palette).map(([token, value]) => [
      `--${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      value,
    ]),
  )
}
