// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/runspec.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QMenu;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;
class QAction;

namespace volley {

/// The command editor and the run controls above the output: one line, or
/// several lines (several commands run in order on one connection), history
/// and snippets, fanout, timeout and host-key policy. The Run, Cancel and
/// Retry-failed buttons show the window's actions, so keyboard shortcuts and
/// buttons can never disagree.
class CommandBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandBar)

public:
    explicit CommandBar(QWidget *parent = nullptr);
    ~CommandBar() override;

    void setActions(QAction *run, QAction *cancel, QAction *retryFailed);

    /// Non-empty lines of the editor, trimmed of trailing blanks.
    QStringList commands() const;
    QString commandText() const;
    void setCommandText(const QString &text);
    void focusEditor();

    int fanout() const;
    void setFanout(int n);
    int timeoutSec() const;
    void setTimeoutSec(int s);
    HostKeyPolicy hostKeyPolicy() const;
    void setHostKeyPolicy(HostKeyPolicy p);

    /// Most recent first; persisted by the window.
    QStringList history() const { return m_history; }
    void setHistory(const QStringList &history);
    void addToHistory(const QString &command);
    /// name -> command
    QList<std::pair<QString, QString>> snippets() const { return m_snippets; }
    void setSnippets(const QList<std::pair<QString, QString>> &snippets);

    QPlainTextEdit *editor() const { return m_editor; }

signals:
    void commandChanged();

private:
    void rebuildHistoryMenu(const QString &filter);
    void rebuildSnippetsMenu();

    QPlainTextEdit *m_editor = nullptr;
    QToolButton *m_historyButton = nullptr;
    QMenu *m_historyMenu = nullptr;
    QToolButton *m_snippetsButton = nullptr;
    QMenu *m_snippetsMenu = nullptr;
    QSpinBox *m_fanout = nullptr;
    QSpinBox *m_timeout = nullptr;
    QComboBox *m_policy = nullptr;
    QToolButton *m_runButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QToolButton *m_retryButton = nullptr;
    QStringList m_history;
    QList<std::pair<QString, QString>> m_snippets;
};

/// True when a command looks destructive (rm -rf, reboot, shutdown, mkfs, dd)
/// and should be confirmed before it goes to many targets.
bool isDestructiveCommand(const QString &command);

} // namespace volley
