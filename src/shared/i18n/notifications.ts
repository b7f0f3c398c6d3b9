// Messages of the 'notifications' namespace. Keep the three languages' keys identical (a test checks it).
// Group names go in bodies only: a body may be read as markup and is escaped; a title is always plain text.
// Bodies take the placeholders of change-arguments.ts: {{name}}, {{from}}, {{to}}.
export const notifications = {
  en: {
    joined: { title: 'Added to a group', body: '{{name}} · {{to}}' },
    left: { title: 'No longer in a group', body: '{{name}}' },
    role_changed: { title: 'Your role changed', body: '{{name}}: {{from}} → {{to}}' },
    renamed: { title: 'Group renamed', body: '{{from}} → {{to}}' },
    image_changed: { title: 'Group picture changed', body: '{{name}}' },
    extranet_changed: {
      titleOn: 'Group opened to external users',
      titleOff: 'Group closed to external users',
      body: '{{name}}',
    },
    archived: { title: 'Group archived', body: '{{name}}' },
    restored: { title: 'Group restored from the archive', body: '{{name}}' },
    summary: {
      title_one: '{{count}} membership change',
      title_other: '{{count}} membership changes',
      more_one: 'and {{count}} more',
      more_other: 'and {{count}} more',
    },
    whileAway: {
      title_one: 'While you were away: {{count}} change',
      title_other: 'While you were away: {{count}} changes',
    },
  },
  ru: {
    joined: { title: 'Вас добавили в группу', body: '{{name}} · {{to}}' },
    left: { title: 'Вы больше не в группе', body: '{{name}}' },
    role_changed: { title: 'Ваша роль изменилась', body: '{{name}}: {{from}} → {{to}}' },
    renamed: { title: 'Группа переименована', body: '{{from}} → {{to}}' },
    image_changed: { title: 'Изменилась картинка группы', body: '{{name}}' },
    extranet_changed: {
      titleOn: 'Группа открыта для внешних пользователей',
      titleOff: 'Группа закрыта для внешних пользователей',
      body: '{{name}}',
    },
    archived: { title: 'Группа отправлена в архив', body: '{{name}}' },
    restored: { title: 'Группа возвращена из архива', body: '{{name}}' },
    summary: {
      title_one: '{{count}} изменение в группах',
      title_few: '{{count}} изменения в группах',
      title_many: '{{count}} изменений в группах',
      title_other: '{{count}} изменения в группах',
      more_one: 'и ещё {{count}}',
      more_few: 'и ещё {{count}}',
      more_many: 'и ещё {{count}}',
      more_other: 'и ещё {{count}}',
    },
    whileAway: {
      title_one: 'Пока вас не было: {{count}} изменение',
      title_few: 'Пока вас не было: {{count}} изменения',
      title_many: 'Пока вас не было: {{count}} изменений',
      title_other: 'Пока вас не было: {{count}} изменения',
    },
  },
  de: {
    joined: { title: 'Zu einer Gruppe hinzugefügt', body: '{{name}} · {{to}}' },
    left: { title: 'Nicht mehr in einer Gruppe', body: '{{name}}' },
    role_changed: { title: 'Ihre Rolle hat sich geändert', body: '{{name}}: {{from}} → {{to}}' },
    renamed: { title: 'Gruppe umbenannt', body: '{{from}} → {{to}}' },
    image_changed: { title: 'Gruppenbild geändert', body: '{{name}}' },
    extranet_changed: {
      titleOn: 'Gruppe für externe Benutzer geöffnet',
      titleOff: 'Gruppe für externe Benutzer geschlossen',
      body: '{{name}}',
    },
    archived: { title: 'Gruppe archiviert', body: '{{name}}' },
    restored: { title: 'Gruppe aus dem Archiv geholt', body: '{{name}}' },
    summary: {
      title_one: '{{count}} Änderung der Mitgliedschaften',
      title_other: '{{count}} Änderungen der Mitgliedschaften',
      more_one: 'und {{count}} weitere',
      more_other: 'und {{count}} weitere',
    },
    whileAway: {
      title_one: 'Während Ihrer Abwesenheit: {{count}} Änderung',
      title_other: 'Während Ihrer Abwesenheit: {{count}} Änderungen',
    },
  },
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
