// Messages of the 'roles' namespace: the one place a role is named. `title` where a role stands alone (the window,
// the tray menu, notifications), `inText` inside a sentence or a table column (the command line).
// Keep the three languages' keys identical (a test checks it).
import type { Role } from '../model/values'

export const roles = {
  en: {
    title: {
      owner: 'Owner',
      moderator: 'Moderator',
      member: 'Member',
      banned: 'Banned',
      requested: 'Request pending',
      unknown: 'Unknown role',
    },
    inText: {
      owner: 'owner',
      moderator: 'moderator',
      member: 'member',
      banned: 'banned',
      requested: 'requested',
      unknown: 'unknown',
    },
  },
  ru: {
    title: {
      owner: 'Владелец',
      moderator: 'Модератор',
      member: 'Участник',
      banned: 'Заблокирован',
      requested: 'Заявка отправлена',
      unknown: 'Роль неизвестна',
    },
    inText: {
      owner: 'владелец',
      moderator: 'модератор',
      member: 'участник',
      banned: 'заблокирован',
      requested: 'запрос',
      unknown: 'неизвестно',
    },
  },
  de: {
    title: {
      owner: 'Besitzer',
      moderator: 'Moderator',
      member: 'Mitglied',
      banned: 'Gesperrt',
      requested: 'Anfrage offen',
      unknown: 'Unbekannte Rolle',
    },
    inText: {
      owner: 'Besitzer',
      moderator: 'Moderator',
      member: 'Mitglied',
      banned: 'gesperrt',
      requested: 'angefragt',
      unknown: 'unbekannt',
    },
  },
} satisfies Record<'en' | 'ru' | 'de', { title: Record<Role, string>; inText: Record<Role, string> }>
