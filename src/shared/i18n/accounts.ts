// Messages of the 'accounts' namespace. Keep the three languages' keys identical (a test checks it).
// `errors.*` keys are the plain messages of adding, testing and using an account; `keychain.*` say what to install or
// unlock per platform; `notices.*` are one-time notices shown at start.
export const accounts = {
  en: {
    errors: {
      invalidWebhookUrl:
        'This is not an inbound webhook URL. It looks like https://your-portal.bitrix24.com/rest/1/abc123xyz/ — copy it from Developer resources → Other → Inbound webhook.',
      invalidPortal: 'This is not a portal address. It looks like https://your-portal.bitrix24.com.',
      unreachable: 'Could not reach the portal. Check the address and your internet connection, then try again.',
      wrongCode:
        'The portal does not recognise this webhook code. Copy the whole webhook URL again from Developer resources → Other → Inbound webhook.',
      missingScope:
        'The webhook is missing a permission. Edit the inbound webhook on the portal, tick “sonet_group” (Workgroups) and save.',
      planRequired: 'This portal’s plan does not include the REST API. It needs a paid plan or a trial.',
      webhookRevoked:
        'The portal refused this webhook: it was deleted or blocked, or its owner changed. Create a new inbound webhook and add it again.',
      signInAgain: 'The portal no longer accepts this sign-in. Sign in again.',
      appRestricted: 'The portal administrator has limited this application to certain users.',
      httpsRequired: 'The portal requires a secure connection. Use an https:// address.',
      awaitingApproval: 'The portal administrator has not approved this method yet. Try again later.',
      notFound: 'This address does not answer like a Bitrix24 portal with workgroups enabled.',
      busy: 'The portal is busy right now. Try again in a few minutes.',
      badAnswer: 'The portal gave an answer that could not be used. Try again later.',
      accountNotFound: 'There is no such account.',
      userMismatch: 'The new address answers for a different user, so the account was left as it was.',
      secretMissing: 'The saved key of this account is no longer in the keychain. Add the account again.',
      secretUnreadable: 'The saved key of this account in the keychain cannot be read. Add the account again.',
      sessionSecretGone: 'This account was not saved and its key was forgotten when the app quit. Add it again.',
      invalidInput: 'Some of the details are missing or invalid.',
      templateOtherHost: "The group page address must be on the account's own portal.",
    },
    keychain: {
      unavailable: {
        linux:
          'No keychain is available. Install and start a Secret Service such as GNOME Keyring (gnome-keyring) or KWallet, together with libsecret (libsecret-1-0), then try again. You can also keep the account for this session only.',
        darwin:
          'The macOS Keychain is not available. Open Keychain Access, make sure the login keychain exists, then try again. You can also keep the account for this session only.',
        win32:
          'Windows Credential Manager is not available. Make sure the Credential Manager service is running, then try again. You can also keep the account for this session only.',
        other:
          'No keychain is available on this system. You can keep the account for this session only: it is forgotten when the app quits.',
      },
      locked: {
        linux:
          'The keyring is locked or was not unlocked. Unlock your default keyring (for example in Passwords and Keys, “seahorse”) or create one, then try again.',
        darwin:
          'The login keychain is locked or access was refused. Unlock it in Keychain Access and allow Bitrix24 Groups when asked, then try again.',
        win32: 'Windows refused access to Credential Manager. Sign in to Windows again, then try again.',
        other: 'The keychain is locked or refused access. Unlock it, then try again.',
      },
    },
    status: {
      notSaved: 'Not saved: forgotten when the app quits',
    },
    notices: {
      settingsRecovered:
        'The settings file could not be read, so the app started with default settings. The old file was kept beside it, with “.corrupt” added to its name.',
      settingsRepaired: 'Some settings had invalid values and were reset to their defaults.',
    },
  },
  ru: {
    errors: {
      invalidWebhookUrl:
        'Это не адрес входящего вебхука. Он выглядит так: https://your-portal.bitrix24.ru/rest/1/abc123xyz/ — скопируйте его в разделе Разработчикам → Другое → Входящий вебхук.',
      invalidPortal: 'Это не адрес портала. Он выглядит так: https://your-portal.bitrix24.ru.',
      unreachable: 'Не удалось связаться с порталом. Проверьте адрес и подключение к интернету и попробуйте снова.',
      wrongCode:
        'Портал не узнаёт код этого вебхука. Скопируйте адрес вебхука целиком ещё раз: Разработчикам → Другое → Входящий вебхук.',
      missingScope:
        'У вебхука не хватает прав. Откройте входящий вебхук на портале, отметьте «sonet_group» (Рабочие группы) и сохраните.',
      planRequired: 'Тариф этого портала не включает REST API. Нужен платный тариф или пробный период.',
      webhookRevoked:
        'Портал отклонил этот вебхук: он удалён или заблокирован, либо сменился его владелец. Создайте новый входящий вебхук и добавьте его снова.',
      signInAgain: 'Портал больше не принимает этот вход. Войдите снова.',
      appRestricted: 'Администратор портала разрешил это приложение только некоторым пользователям.',
      httpsRequired: 'Портал требует защищённое соединение. Используйте адрес https://.',
      awaitingApproval: 'Администратор портала ещё не подтвердил этот метод. Попробуйте позже.',
      notFound: 'По этому адресу не отвечает портал Битрикс24 с включёнными рабочими группами.',
      busy: 'Портал сейчас перегружен. Попробуйте через несколько минут.',
      badAnswer: 'Ответ портала не удалось использовать. Попробуйте позже.',
      accountNotFound: 'Такой учётной записи нет.',
      userMismatch: 'По новому адресу отвечает другой пользователь, поэтому учётная запись осталась прежней.',
      secretMissing: 'Сохранённого ключа этой учётной записи больше нет в хранилище паролей. Добавьте её снова.',
      secretUnreadable: 'Сохранённый ключ этой учётной записи в хранилище паролей не читается. Добавьте её снова.',
      sessionSecretGone:
        'Эта учётная запись не была сохранена, и её ключ забыт при выходе из приложения. Добавьте её снова.',
      invalidInput: 'Некоторые данные отсутствуют или неверны.',
      templateOtherHost: 'Адрес страницы группы должен быть на портале этого аккаунта.',
    },
    keychain: {
      unavailable: {
        linux:
          'Хранилище паролей недоступно. Установите и запустите Secret Service, например GNOME Keyring (gnome-keyring) или KWallet, вместе с libsecret (libsecret-1-0) и попробуйте снова. Можно также сохранить учётную запись только до выхода из приложения.',
        darwin:
          'Связка ключей macOS недоступна. Откройте «Связку ключей» и убедитесь, что связка «вход» существует, затем попробуйте снова. Можно также сохранить учётную запись только до выхода из приложения.',
        win32:
          'Диспетчер учётных данных Windows недоступен. Убедитесь, что служба диспетчера учётных данных запущена, и попробуйте снова. Можно также сохранить учётную запись только до выхода из приложения.',
        other:
          'В этой системе нет хранилища паролей. Можно сохранить учётную запись только до выхода из приложения: после выхода она будет забыта.',
      },
      locked: {
        linux:
          'Связка ключей заблокирована или не была разблокирована. Разблокируйте связку ключей по умолчанию (например, в «Пароли и ключи», seahorse) или создайте её и попробуйте снова.',
        darwin:
          'Связка ключей «вход» заблокирована или доступ запрещён. Разблокируйте её в «Связке ключей», разрешите доступ Bitrix24 Groups и попробуйте снова.',
        win32: 'Windows запретила доступ к диспетчеру учётных данных. Войдите в Windows снова и попробуйте ещё раз.',
        other: 'Хранилище паролей заблокировано или запретило доступ. Разблокируйте его и попробуйте снова.',
      },
    },
    status: {
      notSaved: 'Не сохранена: будет забыта при выходе',
    },
    notices: {
      settingsRecovered:
        'Файл настроек не удалось прочитать, поэтому приложение запущено с настройками по умолчанию. Старый файл сохранён рядом, к его имени добавлено «.corrupt».',
      settingsRepaired: 'Некоторые настройки имели неверные значения и были сброшены к значениям по умолчанию.',
    },
  },
  de: {
    errors: {
      invalidWebhookUrl:
        'Das ist keine Adresse eines eingehenden Webhooks. Sie sieht so aus: https://ihr-portal.bitrix24.de/rest/1/abc123xyz/ — kopieren Sie sie unter Entwicklerressourcen → Andere → Eingehender Webhook.',
      invalidPortal: 'Das ist keine Portaladresse. Sie sieht so aus: https://ihr-portal.bitrix24.de.',
      unreachable:
        'Das Portal ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Internetverbindung und versuchen Sie es erneut.',
      wrongCode:
        'Das Portal kennt diesen Webhook-Code nicht. Kopieren Sie die ganze Webhook-Adresse erneut unter Entwicklerressourcen → Andere → Eingehender Webhook.',
      missingScope:
        'Dem Webhook fehlt eine Berechtigung. Bearbeiten Sie den eingehenden Webhook im Portal, aktivieren Sie „sonet_group“ (Arbeitsgruppen) und speichern Sie.',
      planRequired:
        'Der Tarif dieses Portals enthält die REST-API nicht. Nötig ist ein bezahlter Tarif oder eine Testphase.',
      webhookRevoked:
        'Das Portal hat diesen Webhook abgelehnt: Er wurde gelöscht oder gesperrt, oder sein Besitzer hat gewechselt. Erstellen Sie einen neuen eingehenden Webhook und fügen Sie ihn erneut hinzu.',
      signInAgain: 'Das Portal akzeptiert diese Anmeldung nicht mehr. Melden Sie sich erneut an.',
      appRestricted: 'Der Portaladministrator hat diese Anwendung auf bestimmte Benutzer beschränkt.',
      httpsRequired: 'Das Portal verlangt eine sichere Verbindung. Verwenden Sie eine https://-Adresse.',
      awaitingApproval:
        'Der Portaladministrator hat diese Methode noch nicht freigegeben. Versuchen Sie es später erneut.',
      notFound: 'Unter dieser Adresse antwortet kein Bitrix24-Portal mit aktivierten Arbeitsgruppen.',
      busy: 'Das Portal ist gerade ausgelastet. Versuchen Sie es in einigen Minuten erneut.',
      badAnswer: 'Das Portal hat eine unbrauchbare Antwort gegeben. Versuchen Sie es später erneut.',
      accountNotFound: 'Dieses Konto gibt es nicht.',
      userMismatch: 'Unter der neuen Adresse antwortet ein anderer Benutzer, daher blieb das Konto unverändert.',
      secretMissing:
        'Der gespeicherte Schlüssel dieses Kontos ist nicht mehr im Schlüsselbund. Fügen Sie das Konto erneut hinzu.',
      secretUnreadable:
        'Der gespeicherte Schlüssel dieses Kontos im Schlüsselbund ist nicht lesbar. Fügen Sie das Konto erneut hinzu.',
      sessionSecretGone:
        'Dieses Konto wurde nicht gespeichert, und sein Schlüssel wurde beim Beenden vergessen. Fügen Sie es erneut hinzu.',
      invalidInput: 'Einige Angaben fehlen oder sind ungültig.',
      templateOtherHost: 'Die Adresse der Gruppenseite muss auf dem Portal dieses Kontos liegen.',
    },
    keychain: {
      unavailable: {
        linux:
          'Kein Schlüsselbund verfügbar. Installieren und starten Sie einen Secret Service wie GNOME Keyring (gnome-keyring) oder KWallet zusammen mit libsecret (libsecret-1-0) und versuchen Sie es erneut. Sie können das Konto auch nur für diese Sitzung behalten.',
        darwin:
          'Der macOS-Schlüsselbund ist nicht verfügbar. Öffnen Sie die Schlüsselbundverwaltung, stellen Sie sicher, dass der Anmeldeschlüsselbund existiert, und versuchen Sie es erneut. Sie können das Konto auch nur für diese Sitzung behalten.',
        win32:
          'Die Windows-Anmeldeinformationsverwaltung ist nicht verfügbar. Stellen Sie sicher, dass ihr Dienst läuft, und versuchen Sie es erneut. Sie können das Konto auch nur für diese Sitzung behalten.',
        other:
          'Auf diesem System ist kein Schlüsselbund verfügbar. Sie können das Konto nur für diese Sitzung behalten: Beim Beenden wird es vergessen.',
      },
      locked: {
        linux:
          'Der Schlüsselbund ist gesperrt oder wurde nicht entsperrt. Entsperren Sie Ihren Standard-Schlüsselbund (zum Beispiel in „Passwörter und Verschlüsselung“, seahorse) oder legen Sie einen an und versuchen Sie es erneut.',
        darwin:
          'Der Anmeldeschlüsselbund ist gesperrt oder der Zugriff wurde verweigert. Entsperren Sie ihn in der Schlüsselbundverwaltung, erlauben Sie Bitrix24 Groups den Zugriff und versuchen Sie es erneut.',
        win32:
          'Windows hat den Zugriff auf die Anmeldeinformationsverwaltung verweigert. Melden Sie sich erneut bei Windows an und versuchen Sie es erneut.',
        other:
          'Der Schlüsselbund ist gesperrt oder verweigert den Zugriff. Entsperren Sie ihn und versuchen Sie es erneut.',
      },
    },
    status: {
      notSaved: 'Nicht gespeichert: wird beim Beenden vergessen',
    },
    notices: {
      settingsRecovered:
        'Die Einstellungsdatei war nicht lesbar, daher startete die App mit Standardeinstellungen. Die alte Datei wurde daneben aufbewahrt, mit „.corrupt“ im Namen.',
      settingsRepaired: 'Einige Einstellungen hatten ungültige Werte und wurden auf ihre Standardwerte zurückgesetzt.',
    },
  },
} satisfies Record<'en' | 'ru' | 'de', Record<string, unknown>>
