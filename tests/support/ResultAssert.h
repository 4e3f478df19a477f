#pragma once

#include <QTest>

// QVERIFY for a Result: passes on success, and on failure names the error.
#define QVERIFY_OK(expression)                                                                                         \
    do {                                                                                                               \
        const auto &verifiedResult = (expression);                                                                     \
        QVERIFY2(verifiedResult.ok(), verifiedResult.ok() ? "" : qPrintable(verifiedResult.error()));                  \
    } while (false)
