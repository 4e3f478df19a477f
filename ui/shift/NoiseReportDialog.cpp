#include "shift/NoiseReportDialog.h"

#include "ProgressRun.h"
#include "ReportRows.h"
#include "core/Background.h"
#include "shift/NoiseRuleTableModel.h"
#include "shift/SparklineDelegate.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

NoiseReportDialog::NoiseReportDialog(const Services &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_span(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_build(new QPushButton(tr("Build report"), this))
    , m_progressBar(new QProgressBar(this))
    , m_run(new ProgressRun(m_progressBar, this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_model(new NoiseRuleTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_whatIfBox(new QGroupBox(tr("What if"), this))
    , m_newFor(new QSpinBox(this))
    , m_presentFor(new QSpinBox(this))
    , m_whatIf(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy rule snippet"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Noise report"));
    resize(900, 640);

    m_span->addItem(tr("Last 24 hours"), int(Span::Hours24));
    m_span->addItem(tr("Last 7 days"), int(Span::Days7));
    m_span->addItem(tr("Last 30 days"), int(Span::Days30));
    m_span->addItem(tr("Custom"), int(Span::Custom));
    m_span->setCurrentIndex(1);
    QHBoxLayout *periodRow = ReportRows::span(this, tr("Period:"), m_span, m_from, m_to, m_build);
    QHBoxLayout *progressRow = ReportRows::progress(m_progressBar, m_cancelButton);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(NoiseRuleTableModel::SortRole);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NoiseRuleTableModel::Firings, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(NoiseRuleTableModel::Trend,
                                      new SparklineDelegate(NoiseRuleTableModel::TrendRole, m_table));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NoiseRuleTableModel::Rule, QHeaderView::Stretch);
    header->setSectionResizeMode(NoiseRuleTableModel::Trend, QHeaderView::Fixed);
    header->resizeSection(NoiseRuleTableModel::Trend, 140);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    // The what-if of the selected rule.
    for (QSpinBox *spin : {m_newFor, m_presentFor}) {
        spin->setRange(0, 24 * 60);
        spin->setSuffix(tr(" min"));
    }
    m_newFor->setValue(10);
    m_presentFor->setValue(0);
    m_presentFor->setToolTip(tr("The rule's present `for:`: the stored times already include it."));
    m_whatIf->setTextFormat(Qt::PlainText);
    m_whatIf->setWordWrap(true);
    m_whatIf->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for the result's three lines from the start: the panel does not jump as it fills.
    m_whatIf->setMinimumHeight(m_whatIf->fontMetrics().lineSpacing() * 3);
    m_whatIf->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *forRow = new QHBoxLayout;
    forRow->addWidget(new QLabel(tr("With for:"), this));
    forRow->addWidget(m_newFor);
    forRow->addWidget(new QLabel(tr("instead of"), this));
    forRow->addWidget(m_presentFor);
    forRow->addStretch();
    forRow->addWidget(m_copy);
    auto *whatIfLayout = new QVBoxLayout(m_whatIfBox);
    whatIfLayout->addLayout(forRow);
    whatIfLayout->addWidget(m_whatIf);

    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(periodRow);
    layout->addLayout(progressRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_whatIfBox);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_span, &QComboBox::currentIndexChanged, this, &NoiseReportDialog::chooseSpan);
    connect(m_build, &QPushButton::clicked, this, &NoiseReportDialog::build);
    connect(m_cancelButton, &QPushButton::clicked, this, &NoiseReportDialog::cancel);
    connect(m_copy, &QPushButton::clicked, this, [this] { copyRuleSnippet(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NoiseReportDialog::computeWhatIf);
    connect(m_newFor, &QSpinBox::valueChanged, this, &NoiseReportDialog::computeWhatIf);
    connect(m_presentFor, &QSpinBox::valueChanged, this, &NoiseReportDialog::computeWhatIf);
    chooseSpan();
    updateButtons();
    m_whatIf->setText(tr("Select a rule to see what a longer `for:` would have changed."));
}

NoiseReportDialog::~NoiseReportDialog()
{
    cancel();
    if (m_whatIfCancel)
        m_whatIfCancel->store(true);
}

void NoiseReportDialog::setSilences(const QList<Silence> &silences)
{
    m_silences = silences;
    m_silencesUnknownReason.clear();
}

void NoiseReportDialog::setSilencesUnavailable(const QString &why)
{
    m_silences.reset();
    m_silencesUnknownReason = why;
}

void NoiseReportDialog::chooseSpan()
{
    const auto span = Span(m_span->currentData().toInt());
    m_from->setEnabled(span == Span::Custom);
    m_to->setEnabled(span == Span::Custom);
    if (span == Span::Custom)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_from->setDateTime(span == Span::Hours24 ? now.addSecs(-24 * 3600) : now.addDays(span == Span::Days7 ? -7 : -30));
    m_to->setDateTime(now);
}

void NoiseReportDialog::build()
{
    cancel();
    if (Span(m_span->currentData().toInt()) != Span::Custom)
        chooseSpan(); // "last 7 days" means up to now
    NoiseReportBuilder::Request request;
    request.storePath = QDir(m_services.dataDir).filePath(u"alerts.sqlite"_s);
    request.since = m_from->dateTime().toUTC();
    request.until = m_to->dateTime().toUTC();
    request.silences = m_silences;
    request.silencesUnknownReason = m_silencesUnknownReason;

    m_run->start(
        [request](const ProgressRun::Progress &progress) { return NoiseReportBuilder::build(request, progress); },
        [this](const Result<NoiseReportBuilder::Report> &report) { showReport(report); });
    showStatus(tr("Building the report…"), false);
    updateButtons();
}

bool NoiseReportDialog::isBuilding() const
{
    return m_run->isRunning();
}

void NoiseReportDialog::cancel()
{
    if (!m_run->cancel())
        return;
    showStatus(tr("Cancelled."), false);
    updateButtons();
}

void NoiseReportDialog::showReport(const Result<NoiseReportBuilder::Report> &report)
{
    if (!report) {
        showStatus(report.error(), true);
        updateButtons();
        emit buildFailed(report.error());
        return;
    }
    m_report = *report;
    m_model->setRules(report->rules, report->acknowledgementUnknownReason);
    m_table->sortByColumn(NoiseRuleTableModel::Firings, Qt::DescendingOrder);
    const QLocale locale;
    QString summary = report->rules.isEmpty() ? tr("No alert fired in this period.")
        : report->rules.size() == report->rulesTotal
        ? tr("%1 firings of %2 rules.").arg(locale.toString(report->firingsTotal), locale.toString(report->rulesTotal))
        : tr("%1 firings of %2 rules; the %3 noisiest are listed.")
              .arg(locale.toString(report->firingsTotal), locale.toString(report->rulesTotal))
              .arg(report->rules.size());
    if (!report->acknowledgementKnown)
        summary += u' ' + tr("Never acked: unknown (%1)").arg(report->acknowledgementUnknownReason);
    else if (report->acknowledgementLimited)
        summary += u' '
            + tr("Never acked: only the first %1 alerts were matched against silences; the others count as never "
                 "acknowledged.")
                  .arg(locale.toString(NoiseReportBuilder::maxAcknowledgeAlerts));
    m_summary->setText(summary);
    showStatus(tr("Noise report for %1 – %2 (UTC).")
                   .arg(report->since.toString(u"yyyy-MM-dd HH:mm"_s), report->until.toString(u"yyyy-MM-dd HH:mm"_s)),
               false);
    m_whatIf->setText(tr("Select a rule to see what a longer `for:` would have changed."));
    updateButtons();
    emit reportReady();
}

std::optional<NoiseReport::RuleStats> NoiseReportDialog::selectedRule() const
{
    const QModelIndex current = m_sorted->mapToSource(m_table->selectionModel()->currentIndex());
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->rule(current.row());
}

std::chrono::seconds NoiseReportDialog::newFor() const
{
    return std::chrono::minutes(m_newFor->value());
}

std::chrono::seconds NoiseReportDialog::presentFor() const
{
    return std::chrono::minutes(m_presentFor->value());
}

void NoiseReportDialog::setFor(std::chrono::seconds newFor, std::chrono::seconds presentFor)
{
    const QSignalBlocker blockNew(m_newFor);
    const QSignalBlocker blockPresent(m_presentFor);
    m_newFor->setValue(int(newFor.count() / 60));
    m_presentFor->setValue(int(presentFor.count() / 60));
    computeWhatIf();
}

void NoiseReportDialog::computeWhatIf()
{
    if (m_whatIfCancel)
        m_whatIfCancel->store(true);
    m_whatIfCancel.reset();
    updateButtons();
    const std::optional<NoiseReport::RuleStats> rule = selectedRule();
    if (!rule || !m_report)
        return;
    if (newFor() < presentFor()) {
        m_whatIf->setText(tr("A shorter `for:` notifies sooner and more often; the stored occurrences cannot tell "
                             "how much more."));
        return;
    }
    NoiseReportBuilder::WhatIfRequest request;
    request.storePath = QDir(m_services.dataDir).filePath(u"alerts.sqlite"_s);
    request.rule = rule->rule;
    request.since = m_report->since;
    request.until = m_report->until;
    request.extraFor = newFor() - presentFor();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_whatIfCancel = cancelled;
    m_whatIf->setText(tr("Counting…"));
    Background::run(
        this,
        [request, cancelled] {
            return NoiseReportBuilder::whatIf(request, [cancelled](int, int) { return !cancelled->load(); });
        },
        [this, cancelled, name = rule->rule](const Result<NoiseReportBuilder::WhatIfResult> &result) {
            if (cancelled != m_whatIfCancel)
                return; // another rule or duration was chosen meanwhile
            m_whatIfCancel.reset();
            showWhatIf(result, name);
        });
}

void NoiseReportDialog::showWhatIf(const Result<NoiseReportBuilder::WhatIfResult> &result, const QString &rule)
{
    if (!result) {
        m_whatIf->setText(result.error());
        return;
    }
    const NoiseReport::WhatIf &whatIf = result->whatIf;
    const QLocale locale;
    const int vanished = whatIf.notificationsBefore - whatIf.notificationsAfter;
    QString text = tr("%1 with for: %2 — %3 of %4 notifications would remain (%5 would not happen).")
                       .arg(NoiseRuleTableModel::plainName(rule), NoiseReport::promDuration(newFor()),
                            locale.toString(whatIf.notificationsAfter), locale.toString(whatIf.notificationsBefore),
                            locale.toString(vanished));
    if (whatIf.notificationsAfter > 0)
        text += u'\n'
            + tr("Cost: each remaining notification comes %1 later (median and maximum delay: %1; %2 of delay in all).")
                  .arg(NoiseRuleTableModel::durationText(whatIf.delayEachMs),
                       NoiseRuleTableModel::durationText(whatIf.delayCostMs));
    if (result->capped)
        text += u'\n'
            + tr("Counted over the first %1 occurrences of the rule only.")
                  .arg(locale.toString(NoiseReportBuilder::maxWhatIfOccurrences));
    m_whatIf->setText(text);
    emit whatIfReady();
}

QString NoiseReportDialog::whatIfText() const
{
    return m_whatIf->text();
}

QString NoiseReportDialog::copyRuleSnippet()
{
    const std::optional<NoiseReport::RuleStats> rule = selectedRule();
    if (!rule)
        return {};
    const QString snippet = NoiseReport::ruleSnippet(*rule, newFor());
    QGuiApplication::clipboard()->setText(snippet);
    showStatus(
        rule->expression.isEmpty()
            ? tr("Copied the rule with for: %1. Its expression is unknown: replace the placeholder.")
                  .arg(NoiseReport::promDuration(newFor()))
            : tr("Copied the rule with for: %1 as a Prometheus rule snippet.").arg(NoiseReport::promDuration(newFor())),
        false);
    return snippet;
}

void NoiseReportDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #c62828;"_s : QString());
}

QString NoiseReportDialog::statusText() const
{
    return m_status->text();
}

void NoiseReportDialog::updateButtons()
{
    const bool building = isBuilding();
    m_progressBar->setVisible(building);
    m_cancelButton->setVisible(building);
    m_build->setEnabled(!building);
    const bool selected = selectedRule().has_value();
    m_whatIfBox->setEnabled(selected && !building);
    m_copy->setEnabled(selected && !building);
}
