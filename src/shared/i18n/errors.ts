// Messages of the 'errors' namespace. Keep the three languages' keys identical (a test checks it).
export const errors = {
  en: {},
  ru: {},
  de: {},
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
