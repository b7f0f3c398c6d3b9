// Messages of the 'errors' namespace: one plain sentence or two per error the Bitrix24 client can report, for the
// person using the app (not the developer). Keys are referenced by BitrixError.messageKey (`errors:KEY`).
// Keep the three languages' keys identical (a test checks it).
export const errors = {
  en: {
    internalServerError: 'The Bitrix24 portal had an internal error. The app will try again shortly.',
    queryLimitExceeded: 'Too many requests to this Bitrix24 portal right now. The app slows down and tries again.',
    overloadLimit:
      'Bitrix24 has blocked the REST API for this portal because of overload. Contact Bitrix24 support to lift the block; the app will only check again rarely.',
    operationTimeLimit:
      'This Bitrix24 method has used up its time allowance for the last 10 minutes. The app waits until it is available again.',
    programmingError: 'The app sent a request the portal does not accept. Please report this problem.',
    methodNotFound:
      'The portal does not know the method the app needs. The Social network module may be switched off on this portal.',
    noAuthFound: 'The portal did not accept the webhook code or access token. Check the webhook URL and add it again.',
    invalidCredentials:
      'The portal refused these credentials: the webhook may have been deleted or blocked, or its user lacks permission. Create a new inbound webhook and add it again.',
    insufficientScope:
      'The webhook does not have the permission the app needs. Edit the inbound webhook in Bitrix24 and tick the "sonet_group" (Workgroups) scope.',
    detailsScope:
      'Group details (type, archive, members, activity, deadlines) need the "socialnetwork" scope. Edit the inbound webhook in Bitrix24 and tick "socialnetwork" (Social network); your groups and notifications work without it.',
    expiredToken: 'The sign-in has expired and could not be renewed. Please sign in again.',
    invalidToken: 'The portal did not accept the access token. Please sign in again.',
    userAccessError: 'The portal administrator has limited this application to certain users. Ask them for access.',
    accessDenied: 'REST API access is only available on commercial Bitrix24 plans or during a trial.',
    httpsRequired: 'The portal requires HTTPS. Use the https:// address of the portal.',
    methodConfirmWaiting:
      'The method is waiting for approval by the portal administrator. The app will check again later.',
    wrongAuthType: 'These credentials cannot be used for this request. Use an inbound webhook or sign in again.',
    wrongClient: 'The application keys do not belong to this portal. Check the client id and secret.',
    paymentRequired: "The portal's Bitrix24 plan does not allow this. Check the portal's subscription.",
    manifestNotAvailable: 'The portal does not offer what the app asked for. Please report this problem.',
    portalDeleted:
      'The public part of this portal is closed (for example for maintenance). The app will try again later.',
    invalidGrant: 'The sign-in is no longer valid. Please sign in to Bitrix24 again.',
    invalidClient: 'The token server did not accept the application keys. Check the client id and secret.',
    network: 'Could not reach the portal. Check your internet connection; the app will try again.',
    connectionRefused: 'The portal refused the connection. Check the address; the app will try again.',
    dnsNotFound: 'The portal address could not be found. Check it for typos.',
    timeout: 'The portal did not answer in time. The app will try again.',
    tls: "The portal's security certificate is not trusted, so the app did not send anything to it.",
    aborted: 'The request was cancelled.',
    badResponse: 'The portal sent an answer the app cannot read. Nothing was changed; the app will try again.',
    tooManyRedirects: 'The portal keeps redirecting the app elsewhere. Check the portal address.',
    insecureRedirect: 'The portal redirected the app to an insecure (http) address, so the app did not follow.',
    portalMoved: "The portal's address has changed.",
    webhookUrl: {
      invalid: 'This is not a valid inbound webhook URL.',
      notUrl:
        'This is not a web address. Paste the whole inbound webhook URL, like https://your-portal.bitrix24.com/rest/1/abc123/.',
      notHttps: 'The webhook URL must start with https:// (plain http only for a self-hosted portal marked as such).',
      noRest:
        'This address has no /rest/ part. An inbound webhook URL looks like https://your-portal.bitrix24.com/rest/1/abc123/.',
      userIdNotNumber: 'After /rest/ the webhook URL must have the user number, like /rest/1/abc123/.',
      codeMissing: 'The webhook code is missing after the user number, like /rest/1/abc123/.',
      extras:
        'The webhook URL must end after the code: remove the ?query, the #fragment or the name:password@ part and paste it again.',
    },
    portalUrl: {
      invalid: 'This is not a valid portal address.',
      notUrl: 'This is not a portal address. Enter it like your-portal.bitrix24.com.',
      notHttps: 'The portal address must use https:// (plain http only for a self-hosted portal marked as such).',
    },
    oauthCredentials: 'The sign-in details are incomplete or invalid.',
    insecureOrigin:
      'The app talks to portals only over https. Plain http is allowed only for a self-hosted portal marked as such.',
    groupUrlTemplate:
      'The group link template must be a path like /workgroups/group/{id}/ or an https address containing {id}.',
    httpAuth: 'The portal refused access. Check the credentials.',
    httpNotFound: 'Nothing was found at this address. Check the portal address.',
    httpServer: 'The portal or a server in front of it has a problem. The app will try again.',
    unknownPortalError: 'The portal reported an error the app does not know.',
    unexpected: 'Something unexpected went wrong. The app will try again.',
  },
  ru: {
    internalServerError: 'На портале Битрикс24 произошла внутренняя ошибка. Приложение скоро повторит попытку.',
    queryLimitExceeded:
      'Сейчас к этому порталу Битрикс24 слишком много запросов. Приложение замедлится и повторит попытку.',
    overloadLimit:
      'Битрикс24 заблокировал REST API этого портала из-за перегрузки. Обратитесь в техподдержку Битрикс24, чтобы снять блокировку; приложение будет проверять лишь изредка.',
    operationTimeLimit:
      'Этот метод Битрикс24 исчерпал лимит времени выполнения за последние 10 минут. Приложение подождёт, пока он снова станет доступен.',
    programmingError: 'Приложение отправило запрос, который портал не принимает. Пожалуйста, сообщите об этой ошибке.',
    methodNotFound:
      'Портал не знает метода, нужного приложению. Возможно, на портале отключён модуль «Социальная сеть».',
    noAuthFound: 'Портал не принял код вебхука или токен доступа. Проверьте адрес вебхука и добавьте его заново.',
    invalidCredentials:
      'Портал отклонил эти учётные данные: вебхук мог быть удалён или заблокирован, или у его пользователя нет прав. Создайте новый входящий вебхук и добавьте его заново.',
    insufficientScope:
      'У вебхука нет нужного приложению права. Откройте входящий вебхук в Битрикс24 и отметьте право «sonet_group» (Рабочие группы).',
    detailsScope:
      'Для сведений о группах (тип, архив, участники, активность, сроки) нужно право «socialnetwork». Откройте входящий вебхук в Битрикс24 и отметьте право «socialnetwork» (Социальная сеть); группы и уведомления работают и без него.',
    expiredToken: 'Срок входа истёк, и продлить его не удалось. Войдите снова.',
    invalidToken: 'Портал не принял токен доступа. Войдите снова.',
    userAccessError: 'Администратор портала разрешил это приложение только некоторым пользователям. Попросите доступ.',
    accessDenied: 'REST API доступен только на коммерческих тарифах Битрикс24 или в пробный период.',
    httpsRequired: 'Портал требует HTTPS. Используйте адрес портала, начинающийся с https://.',
    methodConfirmWaiting: 'Метод ожидает подтверждения администратором портала. Приложение проверит позже.',
    wrongAuthType:
      'Эти учётные данные нельзя использовать для такого запроса. Используйте входящий вебхук или войдите снова.',
    wrongClient: 'Ключи приложения не относятся к этому порталу. Проверьте client id и client secret.',
    paymentRequired: 'Тариф Битрикс24 этого портала этого не позволяет. Проверьте подписку портала.',
    manifestNotAvailable: 'Портал не предоставляет то, что запросило приложение. Пожалуйста, сообщите об этой ошибке.',
    portalDeleted:
      'Публичная часть этого портала закрыта (например, на время обслуживания). Приложение повторит попытку позже.',
    invalidGrant: 'Вход больше не действителен. Войдите в Битрикс24 снова.',
    invalidClient: 'Сервер авторизации не принял ключи приложения. Проверьте client id и client secret.',
    network: 'Не удалось связаться с порталом. Проверьте подключение к интернету; приложение повторит попытку.',
    connectionRefused: 'Портал отклонил соединение. Проверьте адрес; приложение повторит попытку.',
    dnsNotFound: 'Адрес портала не найден. Проверьте, нет ли в нём опечатки.',
    timeout: 'Портал не ответил вовремя. Приложение повторит попытку.',
    tls: 'Сертификату безопасности портала нет доверия, поэтому приложение ничего ему не отправило.',
    aborted: 'Запрос отменён.',
    badResponse:
      'Портал прислал ответ, который приложение не может прочитать. Ничего не изменено; приложение повторит попытку.',
    tooManyRedirects: 'Портал всё время перенаправляет приложение в другое место. Проверьте адрес портала.',
    insecureRedirect:
      'Портал перенаправил приложение на незащищённый адрес (http), поэтому приложение не перешло по нему.',
    portalMoved: 'Адрес портала изменился.',
    webhookUrl: {
      invalid: 'Это неверный адрес входящего вебхука.',
      notUrl:
        'Это не веб-адрес. Вставьте полный адрес входящего вебхука, например https://your-portal.bitrix24.ru/rest/1/abc123/.',
      notHttps:
        'Адрес вебхука должен начинаться с https:// (http допустим только для коробочного портала, отмеченного как таковой).',
      noRest:
        'В этом адресе нет части /rest/. Адрес входящего вебхука выглядит так: https://your-portal.bitrix24.ru/rest/1/abc123/.',
      userIdNotNumber: 'После /rest/ в адресе вебхука должен стоять номер пользователя, например /rest/1/abc123/.',
      codeMissing: 'После номера пользователя не хватает кода вебхука, например /rest/1/abc123/.',
      extras:
        'Адрес вебхука должен заканчиваться кодом: уберите часть ?запрос, #фрагмент или имя:пароль@ и вставьте его снова.',
    },
    portalUrl: {
      invalid: 'Это неверный адрес портала.',
      notUrl: 'Это не адрес портала. Введите его в виде your-portal.bitrix24.ru.',
      notHttps:
        'Адрес портала должен использовать https:// (http допустим только для коробочного портала, отмеченного как таковой).',
    },
    oauthCredentials: 'Данные для входа неполны или неверны.',
    insecureOrigin:
      'Приложение работает с порталами только по https. Обычный http допустим только для коробочного портала, отмеченного как таковой.',
    groupUrlTemplate:
      'Шаблон ссылки на группу должен быть путём вида /workgroups/group/{id}/ или https-адресом, содержащим {id}.',
    httpAuth: 'Портал отказал в доступе. Проверьте учётные данные.',
    httpNotFound: 'По этому адресу ничего не найдено. Проверьте адрес портала.',
    httpServer: 'У портала или у сервера перед ним проблема. Приложение повторит попытку.',
    unknownPortalError: 'Портал сообщил об ошибке, неизвестной приложению.',
    unexpected: 'Произошло что-то непредвиденное. Приложение повторит попытку.',
  },
  de: {
    internalServerError:
      'Im Bitrix24-Portal ist ein interner Fehler aufgetreten. Die App versucht es gleich noch einmal.',
    queryLimitExceeded:
      'Gerade gehen zu viele Anfragen an dieses Bitrix24-Portal. Die App wird langsamer und versucht es erneut.',
    overloadLimit:
      'Bitrix24 hat die REST-API dieses Portals wegen Überlastung gesperrt. Wenden Sie sich an den Bitrix24-Support, um die Sperre aufzuheben; die App prüft nur noch selten.',
    operationTimeLimit:
      'Diese Bitrix24-Methode hat ihr Zeitkontingent der letzten 10 Minuten aufgebraucht. Die App wartet, bis sie wieder verfügbar ist.',
    programmingError:
      'Die App hat eine Anfrage gesendet, die das Portal nicht annimmt. Bitte melden Sie dieses Problem.',
    methodNotFound:
      'Das Portal kennt die Methode nicht, die die App braucht. Vielleicht ist das Modul „Soziales Netzwerk“ auf diesem Portal ausgeschaltet.',
    noAuthFound:
      'Das Portal hat den Webhook-Code oder das Zugriffstoken nicht angenommen. Prüfen Sie die Webhook-URL und fügen Sie sie neu hinzu.',
    invalidCredentials:
      'Das Portal hat diese Zugangsdaten abgelehnt: Der Webhook wurde vielleicht gelöscht oder gesperrt, oder seinem Benutzer fehlen Rechte. Legen Sie einen neuen eingehenden Webhook an und fügen Sie ihn neu hinzu.',
    insufficientScope:
      'Dem Webhook fehlt die Berechtigung, die die App braucht. Bearbeiten Sie den eingehenden Webhook in Bitrix24 und setzen Sie das Häkchen bei „sonet_group“ (Arbeitsgruppen).',
    detailsScope:
      'Gruppendetails (Typ, Archiv, Mitglieder, Aktivität, Termine) brauchen die Berechtigung „socialnetwork“. Bearbeiten Sie den eingehenden Webhook in Bitrix24 und setzen Sie das Häkchen bei „socialnetwork“ (Soziales Netzwerk); Ihre Gruppen und Benachrichtigungen funktionieren auch ohne sie.',
    expiredToken: 'Die Anmeldung ist abgelaufen und konnte nicht erneuert werden. Bitte melden Sie sich erneut an.',
    invalidToken: 'Das Portal hat das Zugriffstoken nicht angenommen. Bitte melden Sie sich erneut an.',
    userAccessError:
      'Der Portal-Administrator hat diese Anwendung auf bestimmte Benutzer beschränkt. Bitten Sie ihn um Zugang.',
    accessDenied: 'Die REST-API gibt es nur in kostenpflichtigen Bitrix24-Tarifen oder während einer Testphase.',
    httpsRequired: 'Das Portal verlangt HTTPS. Verwenden Sie die https://-Adresse des Portals.',
    methodConfirmWaiting:
      'Die Methode wartet auf die Freigabe durch den Portal-Administrator. Die App prüft später erneut.',
    wrongAuthType:
      'Diese Zugangsdaten passen nicht zu dieser Anfrage. Verwenden Sie einen eingehenden Webhook oder melden Sie sich erneut an.',
    wrongClient: 'Die Anwendungsschlüssel gehören nicht zu diesem Portal. Prüfen Sie Client-ID und Client-Secret.',
    paymentRequired: 'Der Bitrix24-Tarif des Portals erlaubt das nicht. Prüfen Sie das Abonnement des Portals.',
    manifestNotAvailable: 'Das Portal bietet nicht an, was die App angefragt hat. Bitte melden Sie dieses Problem.',
    portalDeleted:
      'Der öffentliche Teil dieses Portals ist geschlossen (zum Beispiel wegen Wartung). Die App versucht es später erneut.',
    invalidGrant: 'Die Anmeldung ist nicht mehr gültig. Bitte melden Sie sich erneut bei Bitrix24 an.',
    invalidClient:
      'Der Token-Server hat die Anwendungsschlüssel nicht angenommen. Prüfen Sie Client-ID und Client-Secret.',
    network: 'Das Portal ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung; die App versucht es erneut.',
    connectionRefused: 'Das Portal hat die Verbindung abgelehnt. Prüfen Sie die Adresse; die App versucht es erneut.',
    dnsNotFound: 'Die Portaladresse wurde nicht gefunden. Prüfen Sie sie auf Tippfehler.',
    timeout: 'Das Portal hat nicht rechtzeitig geantwortet. Die App versucht es erneut.',
    tls: 'Dem Sicherheitszertifikat des Portals wird nicht vertraut, daher hat die App nichts an das Portal gesendet.',
    aborted: 'Die Anfrage wurde abgebrochen.',
    badResponse:
      'Das Portal hat eine Antwort geschickt, die die App nicht lesen kann. Es wurde nichts geändert; die App versucht es erneut.',
    tooManyRedirects: 'Das Portal leitet die App immer wieder woandershin um. Prüfen Sie die Portaladresse.',
    insecureRedirect:
      'Das Portal hat die App auf eine unsichere (http-)Adresse umgeleitet, daher ist die App nicht gefolgt.',
    portalMoved: 'Die Adresse des Portals hat sich geändert.',
    webhookUrl: {
      invalid: 'Das ist keine gültige URL eines eingehenden Webhooks.',
      notUrl:
        'Das ist keine Webadresse. Fügen Sie die ganze URL des eingehenden Webhooks ein, etwa https://ihr-portal.bitrix24.de/rest/1/abc123/.',
      notHttps:
        'Die Webhook-URL muss mit https:// beginnen (http nur für ein als solches markiertes selbst gehostetes Portal).',
      noRest:
        'Diese Adresse hat keinen /rest/-Teil. Die URL eines eingehenden Webhooks sieht so aus: https://ihr-portal.bitrix24.de/rest/1/abc123/.',
      userIdNotNumber: 'Nach /rest/ muss in der Webhook-URL die Benutzernummer stehen, etwa /rest/1/abc123/.',
      codeMissing: 'Nach der Benutzernummer fehlt der Webhook-Code, etwa /rest/1/abc123/.',
      extras:
        'Die Webhook-URL muss nach dem Code enden: entfernen Sie den ?Query-, #Fragment- oder Name:Passwort@-Teil und fügen Sie sie erneut ein.',
    },
    portalUrl: {
      invalid: 'Das ist keine gültige Portaladresse.',
      notUrl: 'Das ist keine Portaladresse. Geben Sie sie so ein: ihr-portal.bitrix24.de.',
      notHttps:
        'Die Portaladresse muss https:// verwenden (http nur für ein als solches markiertes selbst gehostetes Portal).',
    },
    oauthCredentials: 'Die Anmeldedaten sind unvollständig oder ungültig.',
    insecureOrigin:
      'Die App spricht mit Portalen nur über https. Einfaches http ist nur für ein als solches markiertes selbst gehostetes Portal erlaubt.',
    groupUrlTemplate:
      'Die Vorlage für Gruppenlinks muss ein Pfad wie /workgroups/group/{id}/ sein oder eine https-Adresse mit {id}.',
    httpAuth: 'Das Portal hat den Zugriff verweigert. Prüfen Sie die Zugangsdaten.',
    httpNotFound: 'Unter dieser Adresse wurde nichts gefunden. Prüfen Sie die Portaladresse.',
    httpServer: 'Das Portal oder ein vorgeschalteter Server hat ein Problem. Die App versucht es erneut.',
    unknownPortalError: 'Das Portal hat einen Fehler gemeldet, den die App nicht kennt.',
    unexpected: 'Etwas Unerwartetes ist schiefgegangen. Die App versucht es erneut.',
  },
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
