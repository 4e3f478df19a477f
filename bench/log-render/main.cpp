// Logs tab benchmark: (1) 5,000 parsed log lines (mixed levels, a few multi-line) to a
// painted Logs tab with its volume histogram; (2) narrowing to error-like lines and back;
// (3) one keystroke in the LogQL field with those lines shown (the UI thread's work per
// key, painting included). Prints medians and maxima over several runs.
//
// Usage: alertdeck_log_render [RUNS]   (default 20)

#include "LogsPane.h"
#include "UiResources.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

LogResult lines(int count, qint64 firstNs, qint64 stepNs)
{
    static const QStringList shapes{
        u"level=info ts=2026-11-22T11:50:00Z caller=http.go:%1 msg=\"GET /api/v1/items 200\" duration=12ms"_s,
        u"{\"level\":\"warn\",\"msg\":\"slow query\",\"ms\":%1,\"table\":\"orders\"}"_s,
        u"level=error caller=db.go:%1 msg=\"query failed\" err=\"context deadline exceeded\""_s,
        u"Out of memory: Killed process %1 (java) total-vm:8123456kB"_s,
        u"level=debug msg=\"cache tick\" n=%1"_s,
        u"panic: runtime error: index out of range [%1]\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:42"_s,
    };
    LogResult result;
    result.ok = true;
    result.lines.reserve(count);
    for (int i = 0; i < count; ++i) {
        // Mostly info, some warnings and errors, a rare stack trace.
        const int shape = i % 50 == 0 ? 5 : i % 23 == 0 ? 3 : i % 7 == 0 ? 2 : i % 5 == 0 ? 1 : i % 11 == 0 ? 4 : 0;
        result.lines.append({firstNs + i * stepNs,
                             shapes.at(shape).arg(i),
                             {{u"job"_s, u"api"_s}, {u"instance"_s, u"10.0.0.%1:8080"_s.arg(i % 4)}}});
    }
    return result;
}

struct Stats {
    QList<double> ms;
    void add(double value) { ms << value; }
    QString text() const
    {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return u"median %1 ms, max %2 ms"_s.arg(sorted.at(sorted.size() / 2), 0, 'f', 2).arg(sorted.last(), 0, 'f', 2);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    UiResources::initialize();
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 20;
    const QDateTime start = QDateTime(QDate(2026, 11, 22), QTime(11, 50), Qt::UTC);
    const ContextPlan::Window window{start.addSecs(-1800), start.addSecs(600), 15};
    const LogResult result = lines(5000, window.start.toMSecsSinceEpoch() * 1'000'000, 480'000'000);
    ContextPlan::LogQuery query;
    query.selector = u"{job=\"api\"}"_s;

    LogsPane pane;
    pane.resize(1300, 800);
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane))
        return 1;
    Stats render;
    Stats narrow;
    for (int run = 0; run < runs; ++run) {
        pane.clear();
        QElapsedTimer timer;
        timer.start();
        pane.showLines(query, result, start, window);
        pane.repaint();
        render.add(timer.nsecsElapsed() / 1e6);
        timer.restart();
        pane.setErrorLinesOnly(true);
        pane.repaint();
        pane.setErrorLinesOnly(false);
        pane.repaint();
        narrow.add(timer.nsecsElapsed() / 1e6 / 2);
    }
    auto *field = pane.findChild<QLineEdit *>(u"logQuery"_s);
    field->setFocus();
    field->end(false);
    Stats key;
    const QString typed = u" |= \"connection refused\" != \"health\""_s;
    for (int run = 0; run < runs; ++run) {
        for (const QChar c : typed) {
            QElapsedTimer timer;
            timer.start();
            QTest::keyClick(field, c.toLatin1());
            pane.repaint();
            key.add(timer.nsecsElapsed() / 1e6);
        }
        field->setText(query.selector);
    }
    Stats levels;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        int errors = 0;
        for (const LogLine &line : result.lines)
            errors += LogLevel::isErrorLike(line.line) ? 1 : 0;
        levels.add(timer.nsecsElapsed() / 1e6);
        Q_UNUSED(errors);
    }
    std::printf("of which: level and error-word detection:         %s\n", qPrintable(levels.text()));
    std::printf("5,000 lines + histogram to a painted Logs tab: %s\n", qPrintable(render.text()));
    std::printf("narrow to error-like lines (or back), painted:   %s\n", qPrintable(narrow.text()));
    std::printf("one keystroke in the LogQL field, painted:       %s\n", qPrintable(key.text()));
    return 0;
}
