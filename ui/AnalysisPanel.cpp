#include "AnalysisPanel.h"

#include "model/Alert.h"

#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AnalysisPanel::AnalysisPanel(QWidget *parent)
    : QWidget(parent)
    , m_subject(new QLabel(this))
    , m_analyzeButton(new QPushButton(QIcon(u":/icons/analyze.svg"_s), tr("Analyze this alert"), this))
    , m_output(new QTextBrowser(this))
{
    setObjectName(u"analysisPanel"_s);
    m_subject->setObjectName(u"analysisSubject"_s);
    m_subject->setWordWrap(true);
    m_analyzeButton->setObjectName(u"analyzeButton"_s);
    m_analyzeButton->setEnabled(false);
    m_analyzeButton->setToolTip(tr("AI analysis needs a provider and API key; it is not set up in this version yet."));
    m_output->setObjectName(u"analysisOutput"_s);
    m_output->setOpenExternalLinks(true);
    m_output->setPlaceholderText(tr("The AI analysis of the selected alert appears here."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_subject);
    layout->addWidget(m_analyzeButton);
    layout->addWidget(m_output, 1);
    connect(m_analyzeButton, &QPushButton::clicked, this, &AnalysisPanel::analyzeRequested);
    clearAlert();
}

void AnalysisPanel::showAlert(const Alert &alert)
{
    m_subject->setText(tr("Alert: <b>%1</b>").arg(alert.name.toHtmlEscaped()));
}

void AnalysisPanel::clearAlert()
{
    m_subject->setText(tr("No alert selected."));
}
