#include "core/Translations.h"

#include "logging/LogCategories.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

QString Translations::install(QCoreApplication &app, const QString &language)
{
    QLocale locale;
    if (!language.isEmpty()) {
        locale = QLocale(language);
        QLocale::setDefault(locale);
    }
    // Installed translators belong to the application; those that find nothing are dropped.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qtTranslator->setParent(&app);
        QCoreApplication::installTranslator(qtTranslator.release());
    }
    auto appTranslator = std::make_unique<QTranslator>();
    // Without a catalogue for the locale (C, de…), the English one: it holds the plural
    // forms ("1 update", "3 updates") that the source texts write as "update(s)".
    if (!appTranslator->load(locale, u"alertdeck"_s, u"_"_s, u":/i18n"_s)) {
        if (appTranslator->load(u"alertdeck_en"_s, u":/i18n"_s)) {
            appTranslator->setParent(&app);
            QCoreApplication::installTranslator(appTranslator.release());
        }
        return u"en"_s;
    }
    qCDebug(lcApp) << "translation loaded for" << locale.name();
    const QString loaded = appTranslator->language();
    appTranslator->setParent(&app);
    QCoreApplication::installTranslator(appTranslator.release());
    return loaded;
}

QList<std::pair<QString, QString>> Translations::available()
{
    // Each language's own name: whoever cannot read the current one finds theirs.
    return {{u"en"_s, u"English"_s}, {u"zh_CN"_s, u"简体中文"_s}};
}
