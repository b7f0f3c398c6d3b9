// Messages of the 'ui' namespace. Keep the three languages' keys identical (a test checks it).
export const ui = {
  en: {},
  ru: {},
  de: {},
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
