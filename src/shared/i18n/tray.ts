// Messages of the 'tray' namespace. Keep the three languages' keys identical (a test checks it).
export const tray = {
  en: {},
  ru: {},
  de: {},
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
