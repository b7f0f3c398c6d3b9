// Messages of the 'sync' namespace: what the sync engine's states and notices mean to the user.
// Keep the three languages' keys identical (a test checks it).
export const sync = {
  en: {
    state: {
      idle: 'Waiting for the first sync',
      syncing: 'Syncing…',
      ok: 'Up to date',
      error: 'Cannot sync',
      paused: 'Paused while the computer sleeps',
      offline: 'Offline',
      stopped: 'Turned off',
    },
    halted: 'Checking has stopped until the account is fixed or you retry.',
    nextTry: 'Next try {{time}}',
    historyReset:
      'The file with your sync history was damaged and has been set aside. Your groups are read again; changes made in the meantime are not announced.',
  },
  ru: {
    state: {
      idle: 'Ожидание первой синхронизации',
      syncing: 'Синхронизация…',
      ok: 'Всё актуально',
      error: 'Не удаётся синхронизировать',
      paused: 'Пауза, пока компьютер спит',
      offline: 'Нет сети',
      stopped: 'Выключено',
    },
    halted: 'Проверка остановлена, пока вы не исправите учётную запись или не повторите попытку.',
    nextTry: 'Следующая попытка {{time}}',
    historyReset:
      'Файл с историей синхронизации был повреждён и отложен в сторону. Группы будут прочитаны заново; изменения за это время не будут показаны.',
  },
  de: {
    state: {
      idle: 'Wartet auf die erste Synchronisierung',
      syncing: 'Wird synchronisiert…',
      ok: 'Aktuell',
      error: 'Synchronisierung nicht möglich',
      paused: 'Pausiert, solange der Computer schläft',
      offline: 'Offline',
      stopped: 'Ausgeschaltet',
    },
    halted: 'Die Prüfung ist angehalten, bis das Konto korrigiert ist oder Sie es erneut versuchen.',
    nextTry: 'Nächster Versuch {{time}}',
    historyReset:
      'Die Datei mit Ihrem Synchronisierungsverlauf war beschädigt und wurde beiseitegelegt. Ihre Gruppen werden neu gelesen; Änderungen in der Zwischenzeit werden nicht gemeldet.',
  },
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
