// Messages of the 'notifications' namespace. Keep the three languages' keys identical (a test checks it).
export const notifications = {
  en: {},
  ru: {},
  de: {},
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
