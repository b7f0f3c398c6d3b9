// Messages of the 'sync' namespace. Keep the three languages' keys identical (a test checks it).
export const sync = {
  en: {},
  ru: {},
  de: {},
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
