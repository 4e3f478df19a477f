#pragma once

#include "SettingsPage.h"

class QCheckBox;
class QPlainTextEdit;
class QSpinBox;

// The Metrics and Logs tabs: the window around an alert's start, how many log lines,
// the error-word line filter, and the user's extra queries and Loki label map (the
// text file ContextTemplates reads, edited here with its errors shown by line).
class ContextPage final : public SettingsPage
{
    Q_OBJECT

public:
    // `templatesFile`: where the extra queries are kept (tests use their own).
    explicit ContextPage(const QString &templatesFile, QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override;
    void save(AppSettings &settings) const override;

private:
    QString m_file;
    QSpinBox *m_before;
    QSpinBox *m_after;
    QSpinBox *m_lines;
    QCheckBox *m_filter;
    QPlainTextEdit *m_templates;
    QLabel *m_templatesMessage;
};
