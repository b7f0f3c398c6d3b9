// Messages of the 'cli' namespace. Keep the three languages' keys identical (a test checks it).
export const cli = {
  en: {},
  ru: {},
  de: {},
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
