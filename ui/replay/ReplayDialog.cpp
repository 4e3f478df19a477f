#include "ReplayDialog.h"

#include "replay/ReplayHttpTarget.h"
#include "replay/ReplaySession.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString durationText(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return ReplayDialog::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return ReplayDialog::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return ReplayDialog::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

} // namespace

ReplayDialog::ReplayDialog(ReplaySession *session, const QString &storePath, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_storePath(storePath)
    , m_fromFiles(new QRadioButton(tr("&Files")))
    , m_fromHistory(new QRadioButton(tr("AlertDeck's &history")))
    , m_inputs(new QListWidget)
    , m_since(new QDateTimeEdit(QDateTime::currentDateTime().addDays(-1)))
    , m_until(new QDateTimeEdit(QDateTime::currentDateTime()))
    , m_matchers(new QLineEdit)
    , m_toConsole(new QRadioButton(tr("This &console (a replay session, kept apart from live alerts)")))
    , m_toUrl(new QRadioButton(tr("Another &listener")))
    , m_rulesReact(new QCheckBox(tr("Let automatic analysis and forwarding rules react")))
    , m_url(new QLineEdit)
    , m_authKind(new QComboBox)
    , m_token(new QLineEdit)
    , m_speed(new QComboBox)
    , m_skipGaps(new QCheckBox(tr("Skip quiet stretches longer than 1 min")))
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_problems(new QPlainTextEdit)
    , m_start(new QPushButton(tr("&Start")))
    , m_pause(new QPushButton(tr("&Pause")))
    , m_step(new QPushButton(tr("S&tep")))
    , m_stop(new QPushButton(tr("St&op")))
    , m_clear(new QPushButton(tr("&Clear replayed alerts")))
{
    setObjectName(u"replayDialog"_s);
    setWindowTitle(tr("Replay payloads"));
    m_fromFiles->setChecked(true);
    m_inputs->setObjectName(u"replayInputs"_s);
    m_inputs->setMaximumHeight(90);
    auto *addFiles = new QPushButton(tr("Add files…"));
    auto *addFolder = new QPushButton(tr("Add folder…"));
    auto *clearInputs = new QPushButton(tr("Remove all"));
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    }
    m_matchers->setPlaceholderText(tr("optional matchers, e.g. severity=\"critical\""));
    m_toConsole->setChecked(true);
    m_rulesReact->setToolTip(tr("Off: replayed alerts never start an analysis or a forward. On: a drill that "
                                "exercises them; forwards say [REPLAY]."));
    m_url->setPlaceholderText(u"http://127.0.0.1:9095"_s);
    m_authKind->addItems({tr("No authentication"), tr("Bearer token"), tr("Basic user:password")});
    m_authKind->setObjectName(u"replayAuthKind"_s);
    m_token->setObjectName(u"replayCredentials"_s);
    m_token->setPlaceholderText(tr("not saved"));
    m_token->setEchoMode(QLineEdit::Password);
    for (const QString &speed :
         {tr("×1 (as it happened)"), tr("×10"), tr("×60"), tr("×600"), tr("As fast as possible")})
        m_speed->addItem(speed);
    m_speed->setObjectName(u"replaySpeed"_s);
    m_progress->setObjectName(u"replayProgress"_s);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Not started"));
    m_status->setObjectName(u"replayStatus"_s);
    m_status->setWordWrap(true);
    m_problems->setObjectName(u"replayProblems"_s);
    m_problems->setReadOnly(true);
    m_problems->setPlaceholderText(tr("Lines that could not be read and payloads that were refused are listed here."));
    m_problems->setMaximumHeight(110);
    m_start->setObjectName(u"replayStart"_s);
    m_pause->setObjectName(u"replayPause"_s);
    m_step->setObjectName(u"replayStep"_s);
    m_stop->setObjectName(u"replayStop"_s);
    m_clear->setObjectName(u"replayClear"_s);
    m_start->setDefault(true);

    auto *source = new QGroupBox(tr("Replay"));
    auto *sourceLayout = new QVBoxLayout(source);
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_fromFiles);
    filesRow->addStretch();
    filesRow->addWidget(addFiles);
    filesRow->addWidget(addFolder);
    filesRow->addWidget(clearInputs);
    sourceLayout->addLayout(filesRow);
    sourceLayout->addWidget(m_inputs);
    sourceLayout->addWidget(m_fromHistory);
    auto *historyForm = new QFormLayout;
    auto *range = new QHBoxLayout;
    range->addWidget(m_since);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_until);
    range->addStretch();
    historyForm->addRow(tr("Received from"), range);
    historyForm->addRow(tr("Alerts matching"), m_matchers);
    sourceLayout->addLayout(historyForm);

    auto *target = new QGroupBox(tr("Into"));
    auto *targetLayout = new QVBoxLayout(target);
    targetLayout->addWidget(m_toConsole);
    auto *rules = new QHBoxLayout;
    rules->addSpacing(24);
    rules->addWidget(m_rulesReact);
    targetLayout->addLayout(rules);
    targetLayout->addWidget(m_toUrl);
    auto *urlRow = new QHBoxLayout;
    urlRow->addSpacing(24);
    urlRow->addWidget(m_url, 2);
    urlRow->addWidget(m_authKind);
    urlRow->addWidget(m_token, 1);
    targetLayout->addLayout(urlRow);

    auto *pacing = new QHBoxLayout;
    pacing->addWidget(new QLabel(tr("Speed")));
    pacing->addWidget(m_speed);
    pacing->addWidget(m_skipGaps);
    pacing->addStretch();

    auto *controls = new QHBoxLayout;
    for (QPushButton *button : {m_start, m_pause, m_step, m_stop})
        controls->addWidget(button);
    controls->addStretch();
    controls->addWidget(m_clear);
    auto *close = new QPushButton(tr("Close"));
    controls->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(source);
    layout->addWidget(target);
    layout->addLayout(pacing);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_problems);
    layout->addLayout(controls);
    resize(640, sizeHint().height());

    connect(addFiles, &QPushButton::clicked, this, [this] {
        auto *chooser
            = new QFileDialog(this, tr("Payload files"), {}, tr("Payloads (*.json *.ndjson *.jsonl);;All files (*)"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFiles);
        connect(chooser, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
            for (const QString &file : files)
                m_inputs->addItem(file);
            m_fromFiles->setChecked(true);
            updateButtons();
        });
        chooser->open();
    });
    connect(addFolder, &QPushButton::clicked, this, [this] {
        auto *chooser = new QFileDialog(this, tr("A folder of payload files"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::Directory);
        connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &folder) {
            m_inputs->addItem(folder);
            m_fromFiles->setChecked(true);
            updateButtons();
        });
        chooser->open();
    });
    connect(clearInputs, &QPushButton::clicked, this, [this] {
        m_inputs->clear();
        updateButtons();
    });
    for (QRadioButton *radio : {m_fromFiles, m_fromHistory, m_toConsole, m_toUrl})
        connect(radio, &QRadioButton::toggled, this, &ReplayDialog::updateButtons);
    connect(m_url, &QLineEdit::textChanged, this, &ReplayDialog::updateButtons);
    connect(m_authKind, &QComboBox::currentIndexChanged, this, &ReplayDialog::updateButtons);
    connect(m_start, &QPushButton::clicked, this, &ReplayDialog::start);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_player)
            return;
        if (m_player->state() == ReplayPlayer::State::Paused)
            m_player->resume();
        else
            m_player->pause();
    });
    connect(m_step, &QPushButton::clicked, this, [this] {
        if (m_player)
            m_player->step();
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_player)
            m_player->stop();
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (m_player)
            m_player->setSpeed(speed());
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_player)
            m_player->stop();
        m_session->clear();
        m_status->setText(tr("Replayed alerts cleared."));
        updateButtons();
    });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    m_tick.setInterval(500);
    connect(&m_tick, &QTimer::timeout, this, &ReplayDialog::showProgress);
    updateButtons();
}

ReplayDialog::~ReplayDialog() = default;

void ReplayDialog::setInputs(const QStringList &paths)
{
    m_inputs->clear();
    m_inputs->addItems(paths);
    m_fromFiles->setChecked(true);
    updateButtons();
}

void ReplayDialog::setSpeedIndex(int index)
{
    m_speed->setCurrentIndex(index);
}

double ReplayDialog::speed() const
{
    static const double speeds[] = {1, 10, 60, 600, 0};
    return speeds[std::clamp(m_speed->currentIndex(), 0, 4)];
}

QString ReplayDialog::problemsText() const
{
    return m_problems->toPlainText();
}

QString ReplayDialog::statusText() const
{
    return m_status->text();
}

void ReplayDialog::updateButtons()
{
    const bool running = m_player
        && (m_player->state() == ReplayPlayer::State::Playing || m_player->state() == ReplayPlayer::State::Paused);
    const bool haveSource = m_fromHistory->isChecked() || m_inputs->count() > 0;
    const bool haveTarget = m_toConsole->isChecked() || QUrl(m_url->text().trimmed()).isValid();
    m_start->setEnabled(!running && !m_loading && haveSource && haveTarget);
    m_pause->setEnabled(running);
    m_pause->setText(m_player && m_player->state() == ReplayPlayer::State::Paused ? tr("&Resume") : tr("&Pause"));
    m_step->setEnabled(running && m_player->state() == ReplayPlayer::State::Paused);
    m_stop->setEnabled(running);
    m_rulesReact->setEnabled(m_toConsole->isChecked());
    m_url->setEnabled(m_toUrl->isChecked());
    m_authKind->setEnabled(m_toUrl->isChecked());
    m_token->setEnabled(m_toUrl->isChecked() && m_authKind->currentIndex() > 0);
    m_clear->setEnabled(!m_session->isEmpty());
}

void ReplayDialog::start()
{
    if (m_loading || (m_player && m_player->state() == ReplayPlayer::State::Playing))
        return;
    if (m_toUrl->isChecked()) {
        const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
            m_status->setText(tr("\"%1\" is not an http(s) URL.").arg(m_url->text()));
            return;
        }
    }
    load();
}

void ReplayDialog::load()
{
    m_loading = true;
    m_problems->clear();
    m_status->setText(tr("Reading the payloads…"));
    updateButtons();
    // Files and the store are read off the UI thread.
    QStringList inputs;
    for (int row = 0; row < m_inputs->count(); ++row)
        inputs << m_inputs->item(row)->text();
    const bool history = m_fromHistory->isChecked();
    const QString storePath = m_storePath;
    const QDateTime since = m_since->dateTime().toUTC();
    const QDateTime until = m_until->dateTime().toUTC();
    const QString matchers = m_matchers->text().trimmed();
    const PayloadLimits limits = m_session->payloadLimits();
    QPointer<ReplayDialog> self(this);
    QThread *reader = QThread::create([self, inputs, history, storePath, since, until, matchers, limits] {
        const ReplaySource::Result result = history
            ? ReplaySource::fromHistory(storePath, since, until, matchers, limits)
            : ReplaySource::read(inputs, limits);
        QMetaObject::invokeMethod(qApp, [self, result] {
            if (self)
                self->play(result);
        });
    });
    connect(reader, &QThread::finished, reader, &QObject::deleteLater);
    reader->start();
}

void ReplayDialog::play(const ReplaySource::Result &source)
{
    m_loading = false;
    QStringList problems;
    for (const ReplayProblem &problem : source.problems)
        problems << tr("skipped %1").arg(problem.text());
    m_problems->setPlainText(problems.join(u'\n'));
    if (source.items.isEmpty()) {
        m_status->setText(tr("Nothing to replay."));
        updateButtons();
        return;
    }
    ReplayPlayer::Deliver deliver;
    ReplayTiming timing{speed(), {}, 512}; // as fast as possible: the store commits them in groups
    if (m_skipGaps->isChecked())
        timing.idleGapLimit = std::chrono::minutes(1);
    if (m_toUrl->isChecked()) {
        ReplayHttpTarget::Options options{QUrl(m_url->text().trimmed())};
        if (m_authKind->currentIndex() == 1)
            options.authorization = "Bearer " + m_token->text().toUtf8();
        else if (m_authKind->currentIndex() == 2)
            options.authorization = "Basic " + m_token->text().toUtf8().toBase64();
        m_target = std::make_unique<ReplayHttpTarget>(options);
        timing.inFlight = 1; // another listener: one at a time
        deliver = [target = m_target.get()](const ReplayItem &item, auto done) { target->deliver(item, done); };
    } else {
        m_session->setTriggersRules(m_rulesReact->isChecked());
        deliver = [session = m_session](const ReplayItem &item, auto done) { session->deliver(item, done); };
    }
    m_player = std::make_unique<ReplayPlayer>(source.items, timing, deliver);
    m_progress->setRange(0, m_player->total());
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m payloads"));
    connect(m_player.get(), &ReplayPlayer::delivered, this,
            [this, items = source.items](int index, const ReplayOutcome &outcome) {
                if (!outcome.ok)
                    m_problems->appendPlainText(tr("refused %1: %2").arg(items.at(index).origin, outcome.message));
                m_progress->setValue(m_player->sent());
            });
    connect(m_player.get(), &ReplayPlayer::stateChanged, this, [this] {
        showProgress();
        updateButtons();
    });
    m_tick.start();
    m_player->start();
}

void ReplayDialog::showProgress()
{
    if (!m_player)
        return;
    const QLocale locale;
    QStringList parts;
    if (const QDateTime at = m_player->simulatedTime(); at.isValid())
        parts << tr("Replay time %1 UTC").arg(at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    parts << tr("%1 of %2 sent").arg(locale.toString(m_player->sent()), locale.toString(m_player->total()));
    if (m_player->failed() > 0)
        parts << tr("%1 refused").arg(locale.toString(m_player->failed()));
    switch (m_player->state()) {
    case ReplayPlayer::State::Playing:
        if (const auto left = m_player->remaining())
            parts << tr("about %1 left").arg(durationText(left->count()));
        break;
    case ReplayPlayer::State::Paused: parts << tr("paused"); break;
    case ReplayPlayer::State::Finished:
        parts << tr("finished");
        m_tick.stop();
        break;
    case ReplayPlayer::State::Stopped:
        parts << tr("stopped");
        m_tick.stop();
        break;
    case ReplayPlayer::State::Ready: break;
    }
    m_status->setText(parts.join(u" · "_s));
    m_progress->setValue(m_player->sent());
}
