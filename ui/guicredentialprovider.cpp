// SPDX-License-Identifier: GPL-3.0-or-later
#include "guicredentialprovider.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace volley {

/// One question's answer slot, shared by the waiting worker and the GUI.
struct GuiCredentialProvider::Pending
{
    std::mutex mutex;
    std::condition_variable cv;
    bool answered = false;
    bool abandoned = false; // the worker gave up (run cancelled)
    HostKeyAnswer hostKey = HostKeyAnswer::Reject;
    QByteArray secret;

    void answer(HostKeyAnswer a)
    {
        std::lock_guard lock(mutex);
        if (answered)
            return;
        hostKey = a;
        answered = true;
        cv.notify_all();
    }
    void answerSecret(const QByteArray &s)
    {
        std::lock_guard lock(mutex);
        if (answered)
            return;
        secret = s;
        answered = true;
        cv.notify_all();
    }
    bool isOpen()
    {
        std::lock_guard lock(mutex);
        return !answered && !abandoned;
    }
};

namespace {
// How long unknown host keys are gathered before one dialog shows them all.
constexpr int kGatherMs = 150;
} // namespace

GuiCredentialProvider::GuiCredentialProvider(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_gatherTimer(new QTimer(this))
{
    m_gatherTimer->setSingleShot(true);
    m_gatherTimer->setInterval(kGatherMs);
    connect(m_gatherTimer, &QTimer::timeout, this, &GuiCredentialProvider::showHostKeyDialog);
}

GuiCredentialProvider::~GuiCredentialProvider()
{
    clearSecrets();
}

void GuiCredentialProvider::wait(const std::shared_ptr<Pending> &p,
                                 const std::atomic_bool *cancelled)
{
    std::unique_lock lock(p->mutex);
    while (!p->answered) {
        if (cancelled && cancelled->load()) {
            p->abandoned = true;
            return;
        }
        // Poll the cancel flag: the engine sets it without knowing about us.
        p->cv.wait_for(lock, std::chrono::milliseconds(50));
    }
}

HostKeyAnswer GuiCredentialProvider::hostKey(const HostKeyRequest &request,
                                             const std::atomic_bool *cancelled)
{
    auto p = std::make_shared<Pending>();
    QMetaObject::invokeMethod(
        this, [this, request, p] { queueHostKey(request, p); }, Qt::QueuedConnection);
    wait(p, cancelled);
    std::lock_guard lock(p->mutex);
    return p->answered ? p->hostKey : HostKeyAnswer::Reject;
}

QByteArray GuiCredentialProvider::secret(const SecretRequest &request,
                                         const std::atomic_bool *cancelled)
{
    auto p = std::make_shared<Pending>();
    QMetaObject::invokeMethod(
        this, [this, request, p] { queueSecret(request, p); }, Qt::QueuedConnection);
    wait(p, cancelled);
    std::lock_guard lock(p->mutex);
    QByteArray out;
    if (p->answered)
        std::swap(out, p->secret);
    return out;
}

void GuiCredentialProvider::clearSecrets()
{
    wipe(m_runPassword);
    for (HostKeyQuestion &q : m_hostKeyQueue)
        q.pending->answer(HostKeyAnswer::Reject);
    m_hostKeyQueue.clear();
    for (SecretQuestion &q : m_secretQueue)
        q.pending->answerSecret(QByteArray());
    m_secretQueue.clear();
    if (m_hostKeyDialog)
        m_hostKeyDialog->deleteLater();
    if (m_secretDialog)
        m_secretDialog->deleteLater();
}

// ---- host keys ---------------------------------------------------------------

void GuiCredentialProvider::queueHostKey(const HostKeyRequest &request, std::shared_ptr<Pending> p)
{
    if (m_hostKeyHook) {
        if (const auto answer = m_hostKeyHook(request)) {
            p->answer(*answer);
            return;
        }
    }
    m_hostKeyQueue.append(HostKeyQuestion{request, std::move(p)});
    if (m_hostKeyDialog)
        showHostKeyDialog(); // add to the list already shown
    else
        m_gatherTimer->start();
}

void GuiCredentialProvider::showHostKeyDialog()
{
    // Questions whose worker gave up (cancel) are not worth a dialog.
    m_hostKeyQueue.removeIf([](const HostKeyQuestion &q) { return !q.pending->isOpen(); });
    if (m_hostKeyQueue.isEmpty()) {
        if (m_hostKeyDialog)
            m_hostKeyDialog->deleteLater();
        return;
    }
    if (!m_hostKeyDialog) {
        auto *dlg = new QDialog(m_dialogParent);
        dlg->setObjectName(QStringLiteral("hostKeyDialog"));
        dlg->setWindowTitle(tr("Unknown host keys"));
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        auto *layout = new QVBoxLayout(dlg);
        auto *label = new QLabel(dlg);
        label->setObjectName(QStringLiteral("hostKeyLabel"));
        label->setWordWrap(true);
        layout->addWidget(label);
        m_hostKeyList = new QTreeWidget(dlg);
        m_hostKeyList->setObjectName(QStringLiteral("hostKeyList"));
        m_hostKeyList->setRootIsDecorated(false);
        m_hostKeyList->setHeaderLabels(
            {tr("Target"), tr("Host"), tr("Key type"), tr("Fingerprint")});
        m_hostKeyList->setAccessibleName(tr("Hosts with unknown keys"));
        layout->addWidget(m_hostKeyList, 1);
        auto *hint = new QLabel(tr("Compare the fingerprints with those the hosts' administrator "
                                   "gave you before accepting. A key you reject ends that "
                                   "target as host_key_rejected."),
                                dlg);
        hint->setWordWrap(true);
        layout->addWidget(hint);
        auto *buttons = new QDialogButtonBox(dlg);
        QPushButton *remember =
            buttons->addButton(tr("Accept and remember"), QDialogButtonBox::AcceptRole);
        remember->setObjectName(QStringLiteral("acceptRememberButton"));
        remember->setToolTip(tr("Trust these keys and add them to known_hosts"));
        QPushButton *once = buttons->addButton(tr("Accept once"), QDialogButtonBox::ApplyRole);
        once->setObjectName(QStringLiteral("acceptOnceButton"));
        once->setToolTip(tr("Trust these keys for this run only"));
        QPushButton *reject = buttons->addButton(tr("Reject"), QDialogButtonBox::RejectRole);
        reject->setObjectName(QStringLiteral("rejectButton"));
        reject->setToolTip(tr("Do not connect to these hosts"));
        reject->setDefault(true); // the safe answer on Enter
        layout->addWidget(buttons);
        connect(remember, &QPushButton::clicked, this,
                [this] { answerHostKeys(HostKeyAnswer::AcceptAndRemember); });
        connect(once, &QPushButton::clicked, this,
                [this] { answerHostKeys(HostKeyAnswer::AcceptOnce); });
        connect(reject, &QPushButton::clicked, this,
                [this] { answerHostKeys(HostKeyAnswer::Reject); });
        // Closing the window is a rejection too.
        connect(dlg, &QDialog::rejected, this, [this] { answerHostKeys(HostKeyAnswer::Reject); });
        dlg->resize(720, 320);
        m_hostKeyDialog = dlg;
    }
    m_hostKeyList->clear();
    for (const HostKeyQuestion &q : std::as_const(m_hostKeyQueue)) {
        auto *item = new QTreeWidgetItem(
            m_hostKeyList,
            {q.request.target, QStringLiteral("%1:%2").arg(q.request.host).arg(q.request.port),
             q.request.keyType, q.request.fingerprint});
        item->setToolTip(3, q.request.fingerprint);
    }
    m_hostKeyList->header()->resizeSections(QHeaderView::ResizeToContents);
    const int n = int(m_hostKeyQueue.size());
    m_hostKeyDialog->findChild<QLabel *>(QStringLiteral("hostKeyLabel"))
        ->setText(n == 1 ? tr("1 host presented a key that is not in known_hosts.")
                         : tr("%1 hosts presented a key that is not in known_hosts.").arg(n));
    m_hostKeyDialog->setWindowTitle(n == 1 ? tr("Unknown host key")
                                           : tr("%1 unknown host keys").arg(n));
    m_hostKeyDialog->open();
    emit hostKeyQuestionsShown(n);
}

void GuiCredentialProvider::answerHostKeys(HostKeyAnswer answer)
{
    const QList<HostKeyQuestion> questions = std::exchange(m_hostKeyQueue, {});
    for (const HostKeyQuestion &q : questions)
        q.pending->answer(answer);
    if (m_hostKeyDialog) {
        QDialog *dlg = m_hostKeyDialog;
        m_hostKeyDialog = nullptr;
        m_hostKeyList = nullptr;
        dlg->disconnect(this);
        dlg->close();
        dlg->deleteLater();
    }
}

// ---- passwords and passphrases ---------------------------------------------------

void GuiCredentialProvider::queueSecret(const SecretRequest &request, std::shared_ptr<Pending> p)
{
    if (request.kind == SecretKind::Password && !m_runPassword.isEmpty()) {
        p->answerSecret(m_runPassword);
        return;
    }
    m_secretQueue.append(SecretQuestion{request, std::move(p)});
    if (!m_secretDialog)
        showNextSecret();
}

void GuiCredentialProvider::showNextSecret()
{
    m_secretQueue.removeIf([](const SecretQuestion &q) { return !q.pending->isOpen(); });
    if (m_secretQueue.isEmpty())
        return;
    // A password the user chose to reuse answers the rest of the queue.
    if (!m_runPassword.isEmpty() && m_secretQueue.first().request.kind == SecretKind::Password) {
        m_secretQueue.takeFirst().pending->answerSecret(m_runPassword);
        showNextSecret();
        return;
    }
    const SecretQuestion q = m_secretQueue.first();
    auto *dlg = new QDialog(m_dialogParent);
    dlg->setObjectName(QStringLiteral("secretDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dlg);
    QString title;
    QString text;
    switch (q.request.kind) {
    case SecretKind::Password:
        title = tr("Password for %1").arg(q.request.target);
        text = tr("Password for %1@%2:").arg(q.request.user, q.request.host);
        break;
    case SecretKind::Passphrase:
        title = tr("Key passphrase");
        text =
            tr("Passphrase for the key %1 (target %2):").arg(q.request.keyFile, q.request.target);
        break;
    case SecretKind::KeyboardInteractive:
        title = tr("%1 asks").arg(q.request.target);
        // The server's prompt is untrusted text: shown as plain text only.
        text = q.request.prompt.isEmpty() ? tr("Response:") : q.request.prompt;
        break;
    }
    dlg->setWindowTitle(title);
    auto *label = new QLabel(text, dlg);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *edit = new QLineEdit(dlg);
    edit->setObjectName(QStringLiteral("secretEdit"));
    edit->setEchoMode(q.request.echo ? QLineEdit::Normal : QLineEdit::Password);
    edit->setAccessibleName(title);
    layout->addWidget(edit);
    QCheckBox *reuse = nullptr;
    if (q.request.kind == SecretKind::Password) {
        reuse = new QCheckBox(tr("Use for the other targets of this run"), dlg);
        reuse->setObjectName(QStringLiteral("reuseSecretCheck"));
        reuse->setToolTip(tr("Kept in memory until the run ends; never written to disk"));
        layout->addWidget(reuse);
    }
    auto *note =
        new QLabel(tr("Volley does not save this; no system keychain is configured."), dlg);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dlg);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dlg, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dlg, &QDialog::reject);
    connect(dlg, &QDialog::finished, this, [this, dlg, edit, reuse](int result) {
        QByteArray secret = result == QDialog::Accepted ? edit->text().toUtf8() : QByteArray();
        edit->clear();
        if (!m_secretQueue.isEmpty()) {
            if (reuse && reuse->isChecked() && !secret.isEmpty())
                m_runPassword = secret;
            m_secretQueue.takeFirst().pending->answerSecret(secret);
        }
        wipe(secret);
        m_secretDialog = nullptr;
        dlg->deleteLater();
        QTimer::singleShot(0, this, &GuiCredentialProvider::showNextSecret);
    });
    m_secretDialog = dlg;
    dlg->open();
}

} // namespace volley
