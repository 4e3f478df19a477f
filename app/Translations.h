#pragma once

class QCoreApplication;

namespace Translations {
// Loads Qt's and AlertDeck's translations for the system locale (zh_CN, …).
void install(QCoreApplication &app);
} // namespace Translations
