#include "Translations.h"

#include "logging/LogCategories.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

void Translations::install(QCoreApplication &app)
{
    const QLocale locale;
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, u"alertdeck"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(appTranslator);
        qCDebug(lcApp) << "translation loaded for" << locale.name();
    }
}
