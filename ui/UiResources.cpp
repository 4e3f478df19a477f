#include "UiResources.h"

#include <QtCore/qglobal.h>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initAlertDeckResource()
{
    Q_INIT_RESOURCE(alertdeck);
}

void UiResources::initialize()
{
    initAlertDeckResource();
}
