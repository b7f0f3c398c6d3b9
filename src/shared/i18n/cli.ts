// Messages of the 'cli' namespace: the command line's human output. Keep the three languages' keys identical.
export const cli = {
  en: {
    table: {
      id: 'ID',
      role: 'ROLE',
      type: 'TYPE',
      archived: 'ARCHIVED',
      name: 'NAME',
      extranet: 'extranet',
      account: 'ACCOUNT',
      user: 'USER',
      status: 'STATUS',
      credential: 'CREDENTIAL',
    },
    groupCount_one: '{{count}} group',
    groupCount_other: '{{count}} groups',
    noGroups: 'You are not a member of any group or project.',
    groupType: { group: 'group', project: 'project', scrum: 'scrum', collab: 'collab' },
    archivedMark: 'archived',
    detailsUnavailable: '{{account}}: no group details. {{message}}',
    noAccounts:
      'No account is set up. Add one with `b24-groups accounts add` (it asks for the webhook URL), or try `b24-groups list --demo`.',
    accountFailed: '{{account}}: {{message}}',
    added: 'Added {{account}} ({{user}}).',
    removed: 'Removed {{account}}.',
    notSaved: 'not saved',
    disabled: 'disabled',
    enabled: 'enabled',
    unknownUser: 'unknown user',
    intervalWarning:
      'Polling every {{seconds}} s is faster than the app allows (15 s); Bitrix24 may rate-limit this portal.',
    watchStarted: 'Watching {{count}} account(s) every {{seconds}} s. Press Ctrl+C to stop.',
    synced: '{{time}}  {{account}}  synced: {{groups}}',
    baseline: '(first sync, nothing to compare)',
    retryAt: 'retrying at {{time}}',
    change: {
      joined: 'joined “{{name}}” as {{to}}',
      left: 'left “{{name}}”',
      role_changed: 'role in “{{name}}” changed from {{from}} to {{to}}',
      renamed: '“{{from}}” was renamed to “{{to}}”',
      image_changed: 'the picture of “{{name}}” changed',
      extranet_changed_on: '“{{name}}” is now an extranet group',
      extranet_changed_off: '“{{name}}” is no longer an extranet group',
      archived: '“{{name}}” was archived',
      restored: '“{{name}}” was restored from the archive',
      whileAway: '(while away)',
    },
    open: {
      notFound: 'Group {{group}} is not one of your groups.',
      ambiguous: 'Group {{group}} exists in several accounts ({{accounts}}); choose one with --account.',
      unknownAccount: 'There is no account {{account}}.',
      opening: 'Opening {{url}}',
    },
    demo: {
      listening: 'Demo portal listening on {{origin}}',
      webhook: 'Webhook URL: {{url}}',
      hint: 'Try: b24-groups watch --webhook {{url}}   (Ctrl+C stops the portal)',
    },
    usage: {
      webhookAndDemo: 'Use either --webhook or --demo, not both.',
      badInterval: 'The interval must be a whole number of seconds from 1 to 3600.',
      badPort: 'The port must be a whole number from 0 to 65535.',
      badGroupId: 'The group id must be a number, such as 77.',
      onePage: 'Choose at most one page to open: --tasks, --calendar, --drive, --chat or --members.',
      badLanguage: 'The language must be en, ru or de.',
      webhookRequired: 'Give the webhook to add with --webhook URL, --webhook - (standard input) or B24_WEBHOOK_URL.',
      cancelled: 'Cancelled; nothing was added.',
    },
    setPortal: {
      done: '{{account}} now uses {{portal}} ({{user}}).',
      notUrl: 'Give the portal address as a URL, such as https://company.bitrix24.com.',
      notHttps:
        'The portal address must start with https:// (plain http only to this computer, as for the demo portal).',
      notOrigin: 'Give only the portal address, without a path or query: {{origin}}',
    },
    moved: {
      stored: 'Portal moved to {{origin}}; if that is right, run: {{command}}',
      adHoc: 'Portal moved to {{origin}}; if that is right, use the webhook of that address instead.',
    },
    recovered: '{{account}}: working again.',
    allHaltedHeader: 'No account can be polled until you act, so watch stops:',
    prompt: {
      webhook: 'Inbound webhook URL (input hidden): ',
    },
    help: {
      program: 'Your Bitrix24 groups and projects, from the command line.',
      configDir: 'where accounts, settings and snapshots live (B24_GROUPS_CONFIG_DIR)',
      webhook: 'use this inbound webhook instead of stored accounts (B24_WEBHOOK_URL)',
      json: 'machine-readable output',
      lang: 'en, ru or de (default: from LANG)',
      demo: 'use a demo portal started in-process instead of stored accounts',
      version: 'print the version',
      help: 'show help for a command',
      list: 'list the groups of every enabled account',
      watch: 'poll until Ctrl+C and print every membership change',
      interval: 'seconds between polls (default: the app setting)',
      verbose: 'also print a line for every sync',
      open: "open a group's page in the default browser",
      groupId: 'the group id, e.g. 77',
      account: 'the account (HOST/USER_ID) when several have the group',
      print: 'print the URL instead of opening it',
      page: {
        tasks: "open the group's tasks",
        calendar: "open the group's calendar",
        drive: "open the group's drive",
        chat: "open the group's chat (a collab opens there anyway)",
        members: "open the group's member list",
      },
      accounts: 'manage stored accounts (secrets in the OS keychain)',
      accountsList: 'list stored accounts',
      accountsAdd: 'prove an inbound webhook and store it (asks for the URL when --webhook is not given)',
      addWebhook: 'the inbound webhook URL; - reads it from standard input',
      label: 'a name for the account',
      accountsRemove: 'remove an account, its keychain entry, snapshot and history',
      accountId: 'the account id, HOST/USER_ID',
      setPortal: "accept a portal's move: check the new address answers for the same user, then store it",
      portalUrl: 'the new portal address, https://HOST (no path)',
      demoPortal: 'run the demo portal in the foreground and print a webhook URL for it',
      port: 'port to listen on (default: random)',
      titles: {
        usage: 'Usage:',
        options: 'Options:',
        globalOptions: 'Global options:',
        commands: 'Commands:',
        arguments: 'Arguments:',
      },
    },
    messages: {
      errors: {
        internalServerError: 'The Bitrix24 portal had an internal error.',
        queryLimitExceeded: 'Bitrix24 is limiting requests to this portal right now.',
        overloadLimit:
          'Bitrix24 has blocked the REST API for this portal because of overload. Contact Bitrix24 support to lift the block.',
        operationTimeLimit:
          'This Bitrix24 method has used up its time allowance for the last 10 minutes; it is available again within 10 minutes.',
        programmingError: 'b24-groups sent a request the portal does not accept. Please report this problem.',
        methodNotFound:
          'The portal does not know the method b24-groups needs. The Social network module may be switched off on this portal.',
        noAuthFound:
          'The portal did not accept the webhook code. Copy the webhook URL again, then remove this account and add it with `b24-groups accounts add`.',
        noAuthFound_adHoc: 'The portal did not accept the webhook code. Check the webhook URL you gave.',
        invalidCredentials:
          'The portal refused this webhook: it may have been deleted or blocked, or its user lacks permission. Create a new inbound webhook, then remove this account and add the new one with `b24-groups accounts add`.',
        invalidCredentials_adHoc:
          'The portal refused this webhook: it may have been deleted or blocked, or its user lacks permission. Create a new inbound webhook and use its URL.',
        insufficientScope:
          'The webhook lacks the "sonet_group" (Workgroups) scope. Edit the inbound webhook in Bitrix24 and tick it.',
        methodConfirmWaiting: 'The method is waiting for approval by the portal administrator; ask them to approve it.',
        manifestNotAvailable: 'The portal does not offer what b24-groups asked for. Please report this problem.',
        portalDeleted: 'The public part of this portal is closed (for example for maintenance).',
        network: 'Could not reach the portal. Check the internet connection.',
        connectionRefused: 'The portal refused the connection. Check the address.',
        timeout: 'The portal did not answer in time.',
        tls: "The portal's security certificate is not trusted, so nothing was sent to it.",
        badResponse: 'The portal sent an answer that cannot be read. Nothing was changed.',
        tooManyRedirects: 'The portal keeps redirecting elsewhere. Check the portal address.',
        insecureRedirect: 'The portal redirected to an insecure (http) address, which was not followed.',
        webhookUrl: {
          notHttps:
            'The webhook URL must start with https:// (plain http only to this computer, as for the demo portal).',
        },
        portalUrl: {
          notHttps:
            'The portal address must start with https:// (plain http only to this computer, as for the demo portal).',
        },
        insecureOrigin:
          'Portals are reached only over https (plain http only to this computer, as for the demo portal).',
        httpServer: 'The portal or a server in front of it has a problem.',
        unknownPortalError: 'The portal reported an error b24-groups does not know.',
        unexpected: 'Something unexpected went wrong.',
      },
      accounts: {
        keychain: {
          unavailable: {
            linux:
              'No keychain is available. Install and start a Secret Service such as GNOME Keyring (gnome-keyring) or KWallet, together with libsecret (libsecret-1-0), then try again; or give the webhook with --webhook each time instead of storing it.',
            darwin:
              'The macOS Keychain is not available. Open Keychain Access, make sure the login keychain exists, then try again; or give the webhook with --webhook each time instead of storing it.',
            win32:
              'Windows Credential Manager is not available. Make sure the Credential Manager service is running, then try again; or give the webhook with --webhook each time instead of storing it.',
            other:
              'No keychain is available on this system. Give the webhook with --webhook each time instead of storing it.',
          },
        },
      },
    },
    unexpected: 'Something unexpected went wrong: {{message}}',
  },
  ru: {
    table: {
      id: 'ID',
      role: 'РОЛЬ',
      type: 'ТИП',
      archived: 'АРХИВ',
      name: 'НАЗВАНИЕ',
      extranet: 'экстранет',
      account: 'АККАУНТ',
      user: 'ПОЛЬЗОВАТЕЛЬ',
      status: 'СОСТОЯНИЕ',
      credential: 'ДОСТУП',
    },
    groupCount_one: '{{count}} группа',
    groupCount_few: '{{count}} группы',
    groupCount_many: '{{count}} групп',
    groupCount_other: '{{count}} группы',
    noGroups: 'Вы не состоите ни в одной группе или проекте.',
    groupType: { group: 'группа', project: 'проект', scrum: 'скрам', collab: 'коллаба' },
    archivedMark: 'в архиве',
    detailsUnavailable: '{{account}}: нет сведений о группах. {{message}}',
    noAccounts:
      'Аккаунт не настроен. Добавьте его командой `b24-groups accounts add` (она спросит URL вебхука) или попробуйте `b24-groups list --demo`.',
    accountFailed: '{{account}}: {{message}}',
    added: 'Добавлен {{account}} ({{user}}).',
    removed: 'Удалён {{account}}.',
    notSaved: 'не сохранён',
    disabled: 'выключен',
    enabled: 'включён',
    unknownUser: 'неизвестный пользователь',
    intervalWarning:
      'Опрос каждые {{seconds}} с чаще, чем позволяет приложение (15 с); Битрикс24 может ограничить запросы к порталу.',
    watchStarted: 'Слежу за аккаунтами ({{count}}) каждые {{seconds}} с. Ctrl+C — остановить.',
    synced: '{{time}}  {{account}}  синхронизировано: {{groups}}',
    baseline: '(первая синхронизация, сравнивать не с чем)',
    retryAt: 'повтор в {{time}}',
    change: {
      joined: 'вы вступили в «{{name}}» как {{to}}',
      left: 'вы покинули «{{name}}»',
      role_changed: 'роль в «{{name}}» изменилась: {{from}} → {{to}}',
      renamed: '«{{from}}» переименована в «{{to}}»',
      image_changed: 'изменилась картинка «{{name}}»',
      extranet_changed_on: '«{{name}}» теперь экстранет-группа',
      extranet_changed_off: '«{{name}}» больше не экстранет-группа',
      archived: '«{{name}}» отправлена в архив',
      restored: '«{{name}}» возвращена из архива',
      whileAway: '(пока вас не было)',
    },
    open: {
      notFound: 'Группа {{group}} не входит в ваши группы.',
      ambiguous: 'Группа {{group}} есть в нескольких аккаунтах ({{accounts}}); выберите один через --account.',
      unknownAccount: 'Аккаунта {{account}} нет.',
      opening: 'Открываю {{url}}',
    },
    demo: {
      listening: 'Демо-портал работает на {{origin}}',
      webhook: 'URL вебхука: {{url}}',
      hint: 'Попробуйте: b24-groups watch --webhook {{url}}   (Ctrl+C останавливает портал)',
    },
    usage: {
      webhookAndDemo: 'Укажите либо --webhook, либо --demo, но не оба.',
      badInterval: 'Интервал — целое число секунд от 1 до 3600.',
      badPort: 'Порт — целое число от 0 до 65535.',
      badGroupId: 'ID группы — число, например 77.',
      onePage: 'Выберите не больше одной страницы: --tasks, --calendar, --drive, --chat или --members.',
      badLanguage: 'Язык: en, ru или de.',
      webhookRequired: 'Укажите добавляемый вебхук: --webhook URL, --webhook - (стандартный ввод) или B24_WEBHOOK_URL.',
      cancelled: 'Отменено; ничего не добавлено.',
    },
    setPortal: {
      done: '{{account}} теперь работает с {{portal}} ({{user}}).',
      notUrl: 'Укажите адрес портала как URL, например https://company.bitrix24.com.',
      notHttps: 'Адрес портала должен начинаться с https:// (http — только к этому компьютеру, как для демо-портала).',
      notOrigin: 'Укажите только адрес портала, без пути и параметров: {{origin}}',
    },
    moved: {
      stored: 'Портал переехал на {{origin}}; если это верно, выполните: {{command}}',
      adHoc: 'Портал переехал на {{origin}}; если это верно, используйте вебхук с этого адреса.',
    },
    recovered: '{{account}}: снова работает.',
    allHaltedHeader: 'Ни один аккаунт нельзя опрашивать, пока вы не вмешаетесь, поэтому watch останавливается:',
    prompt: {
      webhook: 'URL входящего вебхука (ввод скрыт): ',
    },
    help: {
      program: 'Ваши группы и проекты Битрикс24 в командной строке.',
      configDir: 'где хранятся аккаунты, настройки и снимки (B24_GROUPS_CONFIG_DIR)',
      webhook: 'использовать этот входящий вебхук вместо сохранённых аккаунтов (B24_WEBHOOK_URL)',
      json: 'машиночитаемый вывод',
      lang: 'en, ru или de (по умолчанию из LANG)',
      demo: 'использовать демо-портал, запущенный в процессе, вместо сохранённых аккаунтов',
      version: 'показать версию',
      help: 'показать справку по команде',
      list: 'показать группы всех включённых аккаунтов',
      watch: 'опрашивать до Ctrl+C и сообщать о каждом изменении участия',
      interval: 'секунд между опросами (по умолчанию — настройка приложения)',
      verbose: 'печатать строку и о каждой синхронизации',
      open: 'открыть страницу группы в браузере по умолчанию',
      groupId: 'ID группы, например 77',
      account: 'аккаунт (HOST/USER_ID), если группа есть в нескольких',
      print: 'напечатать URL вместо открытия',
      page: {
        tasks: 'открыть задачи группы',
        calendar: 'открыть календарь группы',
        drive: 'открыть диск группы',
        chat: 'открыть чат группы (коллаба и так открывается в чате)',
        members: 'открыть список участников группы',
      },
      accounts: 'управление сохранёнными аккаунтами (секреты в хранилище паролей ОС)',
      accountsList: 'показать сохранённые аккаунты',
      accountsAdd: 'проверить входящий вебхук и сохранить его (спросит URL, если --webhook не указан)',
      addWebhook: 'URL входящего вебхука; - читает его со стандартного ввода',
      label: 'название аккаунта',
      accountsRemove: 'удалить аккаунт, его запись в хранилище паролей, снимок и историю',
      accountId: 'ID аккаунта, HOST/USER_ID',
      setPortal:
        'принять переезд портала: проверить, что новый адрес отвечает за того же пользователя, и сохранить его',
      portalUrl: 'новый адрес портала, https://HOST (без пути)',
      demoPortal: 'запустить демо-портал и напечатать URL вебхука для него',
      port: 'порт (по умолчанию — случайный)',
      titles: {
        usage: 'Использование:',
        options: 'Параметры:',
        globalOptions: 'Общие параметры:',
        commands: 'Команды:',
        arguments: 'Аргументы:',
      },
    },
    messages: {
      errors: {
        internalServerError: 'На портале Битрикс24 произошла внутренняя ошибка.',
        queryLimitExceeded: 'Битрикс24 сейчас ограничивает запросы к этому порталу.',
        overloadLimit:
          'Битрикс24 заблокировал REST API этого портала из-за перегрузки. Обратитесь в техподдержку Битрикс24, чтобы снять блокировку.',
        operationTimeLimit:
          'Этот метод Битрикс24 исчерпал лимит времени выполнения за последние 10 минут; он снова станет доступен в течение 10 минут.',
        programmingError:
          'b24-groups отправил запрос, который портал не принимает. Пожалуйста, сообщите об этой ошибке.',
        methodNotFound:
          'Портал не знает метода, нужного b24-groups. Возможно, на портале отключён модуль «Социальная сеть».',
        noAuthFound:
          'Портал не принял код вебхука. Скопируйте URL вебхука заново, затем удалите этот аккаунт и добавьте его командой `b24-groups accounts add`.',
        noAuthFound_adHoc: 'Портал не принял код вебхука. Проверьте указанный URL вебхука.',
        invalidCredentials:
          'Портал отклонил этот вебхук: он мог быть удалён или заблокирован, или у его пользователя нет прав. Создайте новый входящий вебхук, затем удалите этот аккаунт и добавьте новый командой `b24-groups accounts add`.',
        invalidCredentials_adHoc:
          'Портал отклонил этот вебхук: он мог быть удалён или заблокирован, или у его пользователя нет прав. Создайте новый входящий вебхук и используйте его URL.',
        insufficientScope:
          'У вебхука нет права «sonet_group» (Рабочие группы). Откройте входящий вебхук в Битрикс24 и отметьте его.',
        methodConfirmWaiting: 'Метод ожидает подтверждения администратором портала; попросите его подтвердить.',
        manifestNotAvailable:
          'Портал не предоставляет то, что запросил b24-groups. Пожалуйста, сообщите об этой ошибке.',
        portalDeleted: 'Публичная часть этого портала закрыта (например, на время обслуживания).',
        network: 'Не удалось связаться с порталом. Проверьте подключение к интернету.',
        connectionRefused: 'Портал отклонил соединение. Проверьте адрес.',
        timeout: 'Портал не ответил вовремя.',
        tls: 'Сертификату безопасности портала нет доверия, поэтому ему ничего не отправлено.',
        badResponse: 'Портал прислал ответ, который нельзя прочитать. Ничего не изменено.',
        tooManyRedirects: 'Портал всё время перенаправляет в другое место. Проверьте адрес портала.',
        insecureRedirect: 'Портал перенаправил на незащищённый адрес (http); переход не выполнен.',
        webhookUrl: {
          notHttps:
            'Адрес вебхука должен начинаться с https:// (http — только к этому компьютеру, как для демо-портала).',
        },
        portalUrl: {
          notHttps:
            'Адрес портала должен начинаться с https:// (http — только к этому компьютеру, как для демо-портала).',
        },
        insecureOrigin: 'Порталы доступны только по https (http — только к этому компьютеру, как для демо-портала).',
        httpServer: 'У портала или сервера перед ним проблема.',
        unknownPortalError: 'Портал сообщил об ошибке, которую b24-groups не знает.',
        unexpected: 'Произошла непредвиденная ошибка.',
      },
      accounts: {
        keychain: {
          unavailable: {
            linux:
              'Хранилище паролей недоступно. Установите и запустите Secret Service, например GNOME Keyring (gnome-keyring) или KWallet, вместе с libsecret (libsecret-1-0) и попробуйте снова; или указывайте вебхук через --webhook каждый раз, не сохраняя его.',
            darwin:
              'Связка ключей macOS недоступна. Откройте «Связку ключей» и убедитесь, что связка «вход» существует, затем попробуйте снова; или указывайте вебхук через --webhook каждый раз, не сохраняя его.',
            win32:
              'Диспетчер учётных данных Windows недоступен. Убедитесь, что служба диспетчера учётных данных запущена, и попробуйте снова; или указывайте вебхук через --webhook каждый раз, не сохраняя его.',
            other:
              'В этой системе нет хранилища паролей. Указывайте вебхук через --webhook каждый раз, не сохраняя его.',
          },
        },
      },
    },
    unexpected: 'Произошла непредвиденная ошибка: {{message}}',
  },
  de: {
    table: {
      id: 'ID',
      role: 'ROLLE',
      type: 'TYP',
      archived: 'ARCHIV',
      name: 'NAME',
      extranet: 'Extranet',
      account: 'KONTO',
      user: 'BENUTZER',
      status: 'STATUS',
      credential: 'ZUGANG',
    },
    groupCount_one: '{{count}} Gruppe',
    groupCount_other: '{{count}} Gruppen',
    noGroups: 'Sie sind in keiner Gruppe und keinem Projekt Mitglied.',
    groupType: { group: 'Gruppe', project: 'Projekt', scrum: 'Scrum', collab: 'Collab' },
    archivedMark: 'archiviert',
    detailsUnavailable: '{{account}}: keine Gruppendetails. {{message}}',
    noAccounts:
      'Es ist kein Konto eingerichtet. Fügen Sie eines mit `b24-groups accounts add` hinzu (es fragt nach der Webhook-URL) oder probieren Sie `b24-groups list --demo`.',
    accountFailed: '{{account}}: {{message}}',
    added: '{{account}} hinzugefügt ({{user}}).',
    removed: '{{account}} entfernt.',
    notSaved: 'nicht gespeichert',
    disabled: 'deaktiviert',
    enabled: 'aktiv',
    unknownUser: 'unbekannter Benutzer',
    intervalWarning:
      'Abfragen alle {{seconds}} s sind häufiger, als die App erlaubt (15 s); Bitrix24 kann dieses Portal drosseln.',
    watchStarted: 'Beobachte {{count}} Konto/Konten alle {{seconds}} s. Strg+C beendet.',
    synced: '{{time}}  {{account}}  synchronisiert: {{groups}}',
    baseline: '(erste Synchronisierung, nichts zu vergleichen)',
    retryAt: 'neuer Versuch um {{time}}',
    change: {
      joined: '„{{name}}“ beigetreten als {{to}}',
      left: '„{{name}}“ verlassen',
      role_changed: 'Rolle in „{{name}}“ geändert: {{from}} → {{to}}',
      renamed: '„{{from}}“ heißt jetzt „{{to}}“',
      image_changed: 'das Bild von „{{name}}“ wurde geändert',
      extranet_changed_on: '„{{name}}“ ist jetzt eine Extranet-Gruppe',
      extranet_changed_off: '„{{name}}“ ist keine Extranet-Gruppe mehr',
      archived: '„{{name}}“ wurde archiviert',
      restored: '„{{name}}“ wurde aus dem Archiv geholt',
      whileAway: '(während Sie weg waren)',
    },
    open: {
      notFound: 'Die Gruppe {{group}} gehört nicht zu Ihren Gruppen.',
      ambiguous: 'Die Gruppe {{group}} gibt es in mehreren Konten ({{accounts}}); wählen Sie eines mit --account.',
      unknownAccount: 'Es gibt kein Konto {{account}}.',
      opening: 'Öffne {{url}}',
    },
    demo: {
      listening: 'Demo-Portal läuft auf {{origin}}',
      webhook: 'Webhook-URL: {{url}}',
      hint: 'Probieren Sie: b24-groups watch --webhook {{url}}   (Strg+C beendet das Portal)',
    },
    usage: {
      webhookAndDemo: 'Verwenden Sie entweder --webhook oder --demo, nicht beide.',
      badInterval: 'Das Intervall ist eine ganze Zahl von Sekunden zwischen 1 und 3600.',
      badPort: 'Der Port ist eine ganze Zahl zwischen 0 und 65535.',
      badGroupId: 'Die Gruppen-ID ist eine Zahl, etwa 77.',
      onePage: 'Wählen Sie höchstens eine Seite: --tasks, --calendar, --drive, --chat oder --members.',
      badLanguage: 'Die Sprache ist en, ru oder de.',
      webhookRequired:
        'Geben Sie den Webhook mit --webhook URL, --webhook - (Standardeingabe) oder B24_WEBHOOK_URL an.',
      cancelled: 'Abgebrochen; nichts wurde hinzugefügt.',
    },
    setPortal: {
      done: '{{account}} verwendet jetzt {{portal}} ({{user}}).',
      notUrl: 'Geben Sie die Portaladresse als URL an, etwa https://company.bitrix24.com.',
      notHttps: 'Die Portaladresse muss mit https:// beginnen (http nur zu diesem Computer, wie beim Demo-Portal).',
      notOrigin: 'Geben Sie nur die Portaladresse an, ohne Pfad und Parameter: {{origin}}',
    },
    moved: {
      stored: 'Das Portal ist nach {{origin}} umgezogen; wenn das stimmt, führen Sie aus: {{command}}',
      adHoc:
        'Das Portal ist nach {{origin}} umgezogen; wenn das stimmt, verwenden Sie stattdessen den Webhook dieser Adresse.',
    },
    recovered: '{{account}}: funktioniert wieder.',
    allHaltedHeader: 'Kein Konto kann abgefragt werden, bevor Sie handeln, deshalb endet watch:',
    prompt: {
      webhook: 'URL des eingehenden Webhooks (Eingabe verborgen): ',
    },
    help: {
      program: 'Ihre Bitrix24-Gruppen und -Projekte auf der Kommandozeile.',
      configDir: 'wo Konten, Einstellungen und Schnappschüsse liegen (B24_GROUPS_CONFIG_DIR)',
      webhook: 'diesen eingehenden Webhook statt der gespeicherten Konten verwenden (B24_WEBHOOK_URL)',
      json: 'maschinenlesbare Ausgabe',
      lang: 'en, ru oder de (Standard: aus LANG)',
      demo: 'ein im Prozess gestartetes Demo-Portal statt der gespeicherten Konten verwenden',
      version: 'die Version ausgeben',
      help: 'Hilfe zu einem Befehl anzeigen',
      list: 'die Gruppen aller aktiven Konten auflisten',
      watch: 'bis Strg+C abfragen und jede Änderung der Mitgliedschaften ausgeben',
      interval: 'Sekunden zwischen den Abfragen (Standard: die Einstellung der App)',
      verbose: 'auch eine Zeile für jede Synchronisierung ausgeben',
      open: 'die Seite einer Gruppe im Standardbrowser öffnen',
      groupId: 'die Gruppen-ID, etwa 77',
      account: 'das Konto (HOST/USER_ID), wenn mehrere die Gruppe haben',
      print: 'die URL ausgeben statt sie zu öffnen',
      page: {
        tasks: 'die Aufgaben der Gruppe öffnen',
        calendar: 'den Kalender der Gruppe öffnen',
        drive: 'das Laufwerk der Gruppe öffnen',
        chat: 'den Chat der Gruppe öffnen (ein Collab öffnet ohnehin dort)',
        members: 'die Mitgliederliste der Gruppe öffnen',
      },
      accounts: 'gespeicherte Konten verwalten (Geheimnisse im Schlüsselbund des Systems)',
      accountsList: 'gespeicherte Konten auflisten',
      accountsAdd: 'einen eingehenden Webhook prüfen und speichern (fragt nach der URL, wenn --webhook fehlt)',
      addWebhook: 'die URL des eingehenden Webhooks; - liest sie von der Standardeingabe',
      label: 'ein Name für das Konto',
      accountsRemove: 'ein Konto mit Schlüsselbund-Eintrag, Schnappschuss und Verlauf entfernen',
      accountId: 'die Konto-ID, HOST/USER_ID',
      setPortal:
        'den Umzug eines Portals annehmen: prüfen, dass die neue Adresse für denselben Benutzer antwortet, dann speichern',
      portalUrl: 'die neue Portaladresse, https://HOST (ohne Pfad)',
      demoPortal: 'das Demo-Portal im Vordergrund starten und eine Webhook-URL dafür ausgeben',
      port: 'Port (Standard: zufällig)',
      titles: {
        usage: 'Aufruf:',
        options: 'Optionen:',
        globalOptions: 'Globale Optionen:',
        commands: 'Befehle:',
        arguments: 'Argumente:',
      },
    },
    messages: {
      errors: {
        internalServerError: 'Im Bitrix24-Portal ist ein interner Fehler aufgetreten.',
        queryLimitExceeded: 'Bitrix24 begrenzt gerade die Anfragen an dieses Portal.',
        overloadLimit:
          'Bitrix24 hat die REST-API dieses Portals wegen Überlastung gesperrt. Wenden Sie sich an den Bitrix24-Support, um die Sperre aufzuheben.',
        operationTimeLimit:
          'Diese Bitrix24-Methode hat ihr Zeitkontingent der letzten 10 Minuten aufgebraucht; sie ist innerhalb von 10 Minuten wieder verfügbar.',
        programmingError:
          'b24-groups hat eine Anfrage gesendet, die das Portal nicht annimmt. Bitte melden Sie das Problem.',
        methodNotFound:
          'Das Portal kennt die Methode nicht, die b24-groups braucht. Vielleicht ist das Modul „Soziales Netzwerk“ ausgeschaltet.',
        noAuthFound:
          'Das Portal hat den Webhook-Code nicht angenommen. Kopieren Sie die Webhook-URL erneut, entfernen Sie dann dieses Konto und fügen Sie es mit `b24-groups accounts add` hinzu.',
        noAuthFound_adHoc: 'Das Portal hat den Webhook-Code nicht angenommen. Prüfen Sie die angegebene Webhook-URL.',
        invalidCredentials:
          'Das Portal hat diesen Webhook abgelehnt: Er wurde vielleicht gelöscht oder gesperrt, oder seinem Benutzer fehlen Rechte. Erstellen Sie einen neuen eingehenden Webhook, entfernen Sie dann dieses Konto und fügen Sie den neuen mit `b24-groups accounts add` hinzu.',
        invalidCredentials_adHoc:
          'Das Portal hat diesen Webhook abgelehnt: Er wurde vielleicht gelöscht oder gesperrt, oder seinem Benutzer fehlen Rechte. Erstellen Sie einen neuen eingehenden Webhook und verwenden Sie dessen URL.',
        insufficientScope:
          'Dem Webhook fehlt die Berechtigung „sonet_group“ (Arbeitsgruppen). Bearbeiten Sie den eingehenden Webhook in Bitrix24 und aktivieren Sie sie.',
        methodConfirmWaiting:
          'Die Methode wartet auf die Freigabe durch den Portaladministrator; bitten Sie ihn darum.',
        manifestNotAvailable: 'Das Portal bietet nicht an, was b24-groups angefragt hat. Bitte melden Sie das Problem.',
        portalDeleted: 'Der öffentliche Teil dieses Portals ist geschlossen (etwa wegen Wartung).',
        network: 'Das Portal ist nicht erreichbar. Prüfen Sie die Internetverbindung.',
        connectionRefused: 'Das Portal hat die Verbindung abgelehnt. Prüfen Sie die Adresse.',
        timeout: 'Das Portal hat nicht rechtzeitig geantwortet.',
        tls: 'Dem Sicherheitszertifikat des Portals wird nicht vertraut, deshalb wurde nichts gesendet.',
        badResponse: 'Das Portal hat eine unlesbare Antwort gesendet. Nichts wurde geändert.',
        tooManyRedirects: 'Das Portal leitet immer wieder woandershin um. Prüfen Sie die Portaladresse.',
        insecureRedirect: 'Das Portal hat auf eine unsichere (http-)Adresse umgeleitet, der nicht gefolgt wurde.',
        webhookUrl: {
          notHttps: 'Die Webhook-URL muss mit https:// beginnen (http nur zu diesem Computer, wie beim Demo-Portal).',
        },
        portalUrl: {
          notHttps: 'Die Portaladresse muss mit https:// beginnen (http nur zu diesem Computer, wie beim Demo-Portal).',
        },
        insecureOrigin: 'Portale werden nur über https erreicht (http nur zu diesem Computer, wie beim Demo-Portal).',
        httpServer: 'Das Portal oder ein Server davor hat ein Problem.',
        unknownPortalError: 'Das Portal hat einen Fehler gemeldet, den b24-groups nicht kennt.',
        unexpected: 'Etwas Unerwartetes ist schiefgegangen.',
      },
      accounts: {
        keychain: {
          unavailable: {
            linux:
              'Kein Schlüsselbund verfügbar. Installieren und starten Sie einen Secret Service wie GNOME Keyring (gnome-keyring) oder KWallet, dazu libsecret (libsecret-1-0), und versuchen Sie es erneut; oder geben Sie den Webhook jedes Mal mit --webhook an, statt ihn zu speichern.',
            darwin:
              'Der macOS-Schlüsselbund ist nicht verfügbar. Öffnen Sie die Schlüsselbundverwaltung, stellen Sie sicher, dass der Anmeldeschlüsselbund existiert, und versuchen Sie es erneut; oder geben Sie den Webhook jedes Mal mit --webhook an.',
            win32:
              'Die Windows-Anmeldeinformationsverwaltung ist nicht verfügbar. Stellen Sie sicher, dass der Dienst läuft, und versuchen Sie es erneut; oder geben Sie den Webhook jedes Mal mit --webhook an.',
            other:
              'Auf diesem System ist kein Schlüsselbund verfügbar. Geben Sie den Webhook jedes Mal mit --webhook an, statt ihn zu speichern.',
          },
        },
      },
    },
    unexpected: 'Etwas Unerwartetes ist schiefgegangen: {{message}}',
  },
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
