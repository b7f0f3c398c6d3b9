// Messages of the 'accounts' namespace. Keep the three languages' keys identical (a test checks it).
export const accounts = {
  en: {},
  ru: {},
  de: {},
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
