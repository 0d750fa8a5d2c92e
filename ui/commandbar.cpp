// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandbar.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QWidgetAction>

namespace volley {

namespace {
constexpr int kHistoryMax = 200;
constexpr int kHistoryShown = 25;
} // namespace

bool isDestructiveCommand(const QString &command)
{
    // Word-bounded so "dd" in "add" or "reboot" in a path does not count.
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral(R"(\brm\s+(-\S*\s+)*-\S*[rR]\S*)")),
        QRegularExpression(QStringLiteral(R"(\brm\s+.*--recursive)")),
        QRegularExpression(
            QStringLiteral(R"((^|[;&|\s])(sudo\s+)?(reboot|shutdown|halt|poweroff)\b)")),
        QRegularExpression(QStringLiteral(R"(\bmkfs(\.\w+)?\b)")),
        QRegularExpression(QStringLiteral(R"((^|[;&|\s])(sudo\s+)?dd\s)")),
    };
    for (const QRegularExpression &re : patterns) {
        if (re.match(command).hasMatch())
            return true;
    }
    return false;
}

CommandBar::CommandBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("commandBar"));

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("commandEdit"));
    m_editor->setPlaceholderText(
        tr("Command to run, e.g. uptime — several lines run in order on one connection"));
    m_editor->setAccessibleName(tr("Command"));
    m_editor->setToolTip(tr("One command per line; Ctrl+Enter runs"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setTabChangesFocus(true);
    const QFontMetrics fm(m_editor->font());
    m_editor->setFixedHeight(fm.lineSpacing() * 3 + 12);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &CommandBar::commandChanged);

    m_historyButton = new QToolButton(this);
    m_historyButton->setObjectName(QStringLiteral("historyButton"));
    m_historyButton->setText(tr("History"));
    m_historyButton->setToolTip(tr("Commands you ran before (searchable)"));
    m_historyButton->setAccessibleName(tr("Command history"));
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    m_historyMenu = new QMenu(m_historyButton);
    m_historyMenu->setObjectName(QStringLiteral("historyMenu"));
    m_historyButton->setMenu(m_historyMenu);
    connect(m_historyMenu, &QMenu::aboutToShow, this, [this] { rebuildHistoryMenu(QString()); });

    m_snippetsButton = new QToolButton(this);
    m_snippetsButton->setObjectName(QStringLiteral("snippetsButton"));
    m_snippetsButton->setText(tr("Snippets"));
    m_snippetsButton->setToolTip(tr("Saved commands"));
    m_snippetsButton->setAccessibleName(tr("Saved snippets"));
    m_snippetsButton->setPopupMode(QToolButton::InstantPopup);
    m_snippetsMenu = new QMenu(m_snippetsButton);
    m_snippetsMenu->setObjectName(QStringLiteral("snippetsMenu"));
    m_snippetsButton->setMenu(m_snippetsMenu);
    rebuildSnippetsMenu();

    m_fanout = new QSpinBox(this);
    m_fanout->setObjectName(QStringLiteral("fanoutSpin"));
    m_fanout->setRange(1, 1024);
    m_fanout->setValue(32);
    m_fanout->setToolTip(tr("How many targets run at the same time"));
    m_fanout->setAccessibleName(tr("Fanout"));

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setRange(0, 24 * 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("none"));
    m_timeout->setToolTip(tr("Per-command timeout; none = wait as long as it takes"));
    m_timeout->setAccessibleName(tr("Command timeout"));

    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("hostKeyPolicyCombo"));
    m_policy->addItem(tr("strict"), int(HostKeyPolicy::Strict));
    m_policy->addItem(tr("accept new"), int(HostKeyPolicy::AcceptNew));
    m_policy->addItem(tr("ask"), int(HostKeyPolicy::Ask));
    m_policy->setToolTip(tr("Unknown host keys: refuse (strict), record them (accept new) or "
                            "ask you"));
    m_policy->setAccessibleName(tr("Host-key policy"));

    m_runButton = new QToolButton(this);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_runButton->setMinimumWidth(160);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_retryButton = new QToolButton(this);
    m_retryButton->setObjectName(QStringLiteral("retryFailedButton"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_historyButton);
    controls->addWidget(m_snippetsButton);
    controls->addSpacing(12);
    auto addLabelled = [&](const QString &text, QWidget *w) {
        auto *l = new QLabel(text, this);
        l->setBuddy(w);
        controls->addWidget(l);
        controls->addWidget(w);
    };
    addLabelled(tr("&Fanout"), m_fanout);
    addLabelled(tr("&Timeout"), m_timeout);
    addLabelled(tr("Host &keys"), m_policy);
    controls->addStretch(1);
    controls->addWidget(m_retryButton);
    controls->addWidget(m_cancelButton);
    controls->addWidget(m_runButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_editor);
    layout->addLayout(controls);
}

CommandBar::~CommandBar() = default;

void CommandBar::setActions(QAction *run, QAction *cancel, QAction *retryFailed)
{
    m_runButton->setDefaultAction(run);
    m_cancelButton->setDefaultAction(cancel);
    m_retryButton->setDefaultAction(retryFailed);
}

QStringList CommandBar::commands() const
{
    QStringList out;
    const QStringList lines = m_editor->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

QString CommandBar::commandText() const
{
    return commands().join(QLatin1Char('\n'));
}

void CommandBar::setCommandText(const QString &text)
{
    m_editor->setPlainText(text);
    QTextCursor c = m_editor->textCursor();
    c.movePosition(QTextCursor::End);
    m_editor->setTextCursor(c);
}

void CommandBar::focusEditor()
{
    m_editor->setFocus(Qt::ShortcutFocusReason);
}

int CommandBar::fanout() const
{
    return m_fanout->value();
}

void CommandBar::setFanout(int n)
{
    m_fanout->setValue(n);
}

int CommandBar::timeoutSec() const
{
    return m_timeout->value();
}

void CommandBar::setTimeoutSec(int s)
{
    m_timeout->setValue(s);
}

HostKeyPolicy CommandBar::hostKeyPolicy() const
{
    return HostKeyPolicy(m_policy->currentData().toInt());
}

void CommandBar::setHostKeyPolicy(HostKeyPolicy p)
{
    m_policy->setCurrentIndex(m_policy->findData(int(p)));
}

void CommandBar::setHistory(const QStringList &history)
{
    m_history = history.mid(0, kHistoryMax);
}

void CommandBar::addToHistory(const QString &command)
{
    if (command.isEmpty())
        return;
    m_history.removeAll(command);
    m_history.prepend(command);
    while (m_history.size() > kHistoryMax)
        m_history.removeLast();
}

void CommandBar::rebuildHistoryMenu(const QString &filter)
{
    m_historyMenu->clear();
    // A search field inside the menu: typing narrows the list in place.
    auto *search = new QLineEdit(m_historyMenu);
    search->setObjectName(QStringLiteral("historySearch"));
    search->setPlaceholderText(tr("Search history"));
    search->setAccessibleName(tr("Search history"));
    search->setText(filter);
    auto *wa = new QWidgetAction(m_historyMenu);
    wa->setDefaultWidget(search);
    m_historyMenu->addAction(wa);
    m_historyMenu->addSeparator();
    int shown = 0;
    for (const QString &cmd : std::as_const(m_history)) {
        if (!filter.isEmpty() && !cmd.contains(filter, Qt::CaseInsensitive))
            continue;
        QString label = cmd;
        label.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *a =
            m_historyMenu->addAction(QFontMetrics(font()).elidedText(label, Qt::ElideRight, 500));
        a->setToolTip(cmd);
        connect(a, &QAction::triggered, this, [this, cmd] { setCommandText(cmd); });
        if (++shown >= kHistoryShown)
            break;
    }
    if (shown == 0)
        m_historyMenu->addAction(m_history.isEmpty() ? tr("No commands yet") : tr("No match"))
            ->setEnabled(false);
    connect(search, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Rebuilding deletes the line edit we are in; do it after this event.
        QMetaObject::invokeMethod(
            this,
            [this, text] {
                rebuildHistoryMenu(text);
                if (auto *s =
                        m_historyMenu->findChild<QLineEdit *>(QStringLiteral("historySearch"))) {
                    s->setFocus();
                    s->setCursorPosition(int(text.size()));
                }
            },
            Qt::QueuedConnection);
    });
    search->setFocus();
}

void CommandBar::setSnippets(const QList<std::pair<QString, QString>> &snippets)
{
    m_snippets = snippets;
    rebuildSnippetsMenu();
}

void CommandBar::rebuildSnippetsMenu()
{
    m_snippetsMenu->clear();
    for (const auto &[name, cmd] : std::as_const(m_snippets)) {
        QString label = name;
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *a = m_snippetsMenu->addAction(label);
        a->setToolTip(cmd);
        const QString command = cmd;
        connect(a, &QAction::triggered, this, [this, command] { setCommandText(command); });
    }
    if (!m_snippets.isEmpty())
        m_snippetsMenu->addSeparator();
    QAction *save = m_snippetsMenu->addAction(tr("Save current command as snippet…"));
    save->setObjectName(QStringLiteral("saveSnippetAction"));
    save->setToolTip(tr("Keep the command in the bar under a name, to run it again later"));
    connect(save, &QAction::triggered, this, [this] {
        const QString cmd = commandText();
        if (cmd.isEmpty())
            return;
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Save snippet"), tr("Name:"), QLineEdit::Normal,
                                  cmd.section(QLatin1Char('\n'), 0, 0), &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        m_snippets.removeIf([&](const auto &s) { return s.first == name.trimmed(); });
        m_snippets.append({name.trimmed(), cmd});
        rebuildSnippetsMenu();
    });
}

} // namespace volley
