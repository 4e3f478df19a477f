#pragma once

#include <QString>

class QCoreApplication;

namespace Translations {
// Loads Qt's and AlertDeck's translations: for `language` ("en", "zh_CN") if given,
// else for the system locale. An explicit language also becomes the default locale,
// so dates and numbers follow it. Returns the language loaded ("en" when none).
QString install(QCoreApplication &app, const QString &language = {});
// The languages AlertDeck has a translation for, as (code, name in that language).
QList<std::pair<QString, QString>> available();
} // namespace Translations
