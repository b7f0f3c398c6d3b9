// Messages of the 'state' namespace: the state directory (one writer at a time, disk problems) and what the app left
// out of a portal's answer, for the command line and the app alike. Keep the three languages' keys identical.
export const state = {
  en: {
    inUse: 'The directory {{dir}} is in use by {{holder}}. Stop it first, or give this one another --config-dir.',
    inUseUnknown:
      'The directory {{dir}} is in use by another b24-groups watch or the app. Stop it first, or give this one another --config-dir.',
    waiting:
      'Another copy of Bitrix24 Groups ({{holder}}) is saving to {{dir}}; this window shows what was saved and takes over when it stops.',
    waitingUnknown:
      'Another copy of Bitrix24 Groups is saving to {{dir}}; this window shows what was saved and takes over when it stops.',
    lost: 'Another process took over {{dir}} ({{holder}}); this one stops writing it.',
    newer: 'The state in {{dir}} was written by another process meanwhile; this one stops writing it.',
    disk: {
      ENOSPC: 'Cannot save to {{dir}}: the disk is full. Free some space; changes are kept until they can be saved.',
      EDQUOT:
        'Cannot save to {{dir}}: the disk quota is used up. Free some space; changes are kept until they can be saved.',
      EROFS: 'Cannot save to {{dir}}: it is on a read-only disk. Use a writable --config-dir.',
      EACCES: 'Cannot save to {{dir}}: permission denied. Fix its permissions or use another --config-dir.',
      other: 'Cannot save to {{dir}} ({{code}}). Check that it is a writable directory, or use another --config-dir.',
    },
    recovered: 'Saving to {{dir}} works again; everything is saved.',
    droppedIds_one: '{{account}}: left out {{count}} group whose id is not a number.',
    droppedIds_other: '{{account}}: left out {{count}} groups whose id is not a number.',
    unsavedAtExit:
      'Changes since the last save were not saved to {{dir}}; the next start reports them again as “while away”.',
  },
  ru: {
    inUse: 'Каталог {{dir}} занят: {{holder}}. Сначала остановите его или укажите этому другой --config-dir.',
    inUseUnknown:
      'Каталог {{dir}} занят другим b24-groups watch или приложением. Сначала остановите его или укажите этому другой --config-dir.',
    waiting:
      'Другая копия Bitrix24 Groups ({{holder}}) сохраняет в {{dir}}; это окно показывает сохранённое и продолжит работу, когда она остановится.',
    waitingUnknown:
      'Другая копия Bitrix24 Groups сохраняет в {{dir}}; это окно показывает сохранённое и продолжит работу, когда она остановится.',
    lost: 'Другой процесс занял {{dir}} ({{holder}}); этот больше не пишет туда.',
    newer: 'Состояние в {{dir}} тем временем записал другой процесс; этот больше не пишет туда.',
    disk: {
      ENOSPC:
        'Не удаётся сохранить в {{dir}}: диск заполнен. Освободите место; изменения хранятся, пока их нельзя сохранить.',
      EDQUOT:
        'Не удаётся сохранить в {{dir}}: квота диска исчерпана. Освободите место; изменения хранятся, пока их нельзя сохранить.',
      EROFS: 'Не удаётся сохранить в {{dir}}: диск только для чтения. Укажите доступный для записи --config-dir.',
      EACCES: 'Не удаётся сохранить в {{dir}}: нет прав. Исправьте права или укажите другой --config-dir.',
      other:
        'Не удаётся сохранить в {{dir}} ({{code}}). Проверьте, что это каталог с правом записи, или укажите другой --config-dir.',
    },
    recovered: 'Сохранение в {{dir}} снова работает; всё сохранено.',
    droppedIds_one: '{{account}}: пропущена {{count}} группа, чей id не число.',
    droppedIds_few: '{{account}}: пропущено {{count}} группы, чей id не число.',
    droppedIds_many: '{{account}}: пропущено {{count}} групп, чей id не число.',
    droppedIds_other: '{{account}}: пропущено {{count}} группы, чей id не число.',
    unsavedAtExit:
      'Изменения после последнего сохранения не записаны в {{dir}}; при следующем запуске они будут показаны снова как «пока вас не было».',
  },
  de: {
    inUse:
      'Das Verzeichnis {{dir}} wird von {{holder}} benutzt. Beenden Sie das zuerst oder geben Sie diesem ein anderes --config-dir.',
    inUseUnknown:
      'Das Verzeichnis {{dir}} wird von einem anderen b24-groups watch oder der App benutzt. Beenden Sie das zuerst oder geben Sie diesem ein anderes --config-dir.',
    waiting:
      'Eine andere Kopie von Bitrix24 Groups ({{holder}}) speichert in {{dir}}; dieses Fenster zeigt das Gespeicherte und übernimmt, wenn sie endet.',
    waitingUnknown:
      'Eine andere Kopie von Bitrix24 Groups speichert in {{dir}}; dieses Fenster zeigt das Gespeicherte und übernimmt, wenn sie endet.',
    lost: 'Ein anderer Prozess hat {{dir}} übernommen ({{holder}}); dieser schreibt nicht mehr hinein.',
    newer: 'Den Zustand in {{dir}} hat inzwischen ein anderer Prozess geschrieben; dieser schreibt nicht mehr hinein.',
    disk: {
      ENOSPC:
        'Speichern in {{dir}} nicht möglich: die Festplatte ist voll. Geben Sie Platz frei; Änderungen bleiben erhalten, bis sie gespeichert werden können.',
      EDQUOT:
        'Speichern in {{dir}} nicht möglich: das Kontingent ist erschöpft. Geben Sie Platz frei; Änderungen bleiben erhalten, bis sie gespeichert werden können.',
      EROFS:
        'Speichern in {{dir}} nicht möglich: das Laufwerk ist schreibgeschützt. Verwenden Sie ein beschreibbares --config-dir.',
      EACCES:
        'Speichern in {{dir}} nicht möglich: keine Berechtigung. Korrigieren Sie die Rechte oder verwenden Sie ein anderes --config-dir.',
      other:
        'Speichern in {{dir}} nicht möglich ({{code}}). Prüfen Sie, dass es ein beschreibbares Verzeichnis ist, oder verwenden Sie ein anderes --config-dir.',
    },
    recovered: 'Speichern in {{dir}} funktioniert wieder; alles ist gespeichert.',
    droppedIds_one: '{{account}}: {{count}} Gruppe ausgelassen, deren ID keine Zahl ist.',
    droppedIds_other: '{{account}}: {{count}} Gruppen ausgelassen, deren ID keine Zahl ist.',
    unsavedAtExit:
      'Änderungen seit dem letzten Speichern wurden nicht in {{dir}} gespeichert; der nächste Start meldet sie erneut als „während Sie weg waren“.',
  },
}
