// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/credentialprovider.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QDialog;
class QTimer;
class QTreeWidget;
class QWidget;

namespace volley {

/// Answers the engine's questions with dialogs. The engine calls from its
/// worker threads; each call posts the question to the GUI thread and waits
/// (polling the run's cancel flag) until a person answers. The GUI thread never
/// waits. Unknown host keys that arrive close together are gathered into one
/// dialog listing them all, rather than one dialog per host.
///
/// Secrets are kept only for the current run, and only when the user asks
/// ("use for the other targets of this run"); clearSecrets() wipes them.
class GuiCredentialProvider final
    : public QObject
    , public CredentialProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiCredentialProvider)

public:
    explicit GuiCredentialProvider(QWidget *dialogParent);
    ~GuiCredentialProvider() override;

    QByteArray secret(const SecretRequest &request, const std::atomic_bool *cancelled) override;
    HostKeyAnswer hostKey(const HostKeyRequest &request,
                          const std::atomic_bool *cancelled) override;

    /// For tests and scripted sessions: a hook that may answer a host-key
    /// question without a dialog (return nullopt to fall through to the dialog).
    using HostKeyHook = std::function<std::optional<HostKeyAnswer>(const HostKeyRequest &)>;
    void setHostKeyHook(HostKeyHook hook) { m_hostKeyHook = std::move(hook); }

    /// Forgets every secret kept for the run and rejects open questions.
    void clearSecrets();

    /// The open host-key dialog, if any (tests).
    QDialog *hostKeyDialog() const { return m_hostKeyDialog; }

signals:
    /// A host-key dialog is shown (or grew) with count hosts.
    void hostKeyQuestionsShown(int count);

private:
    struct Pending;

    void wait(const std::shared_ptr<Pending> &p, const std::atomic_bool *cancelled);
    void queueHostKey(const HostKeyRequest &request, std::shared_ptr<Pending> p);
    void showHostKeyDialog();
    void answerHostKeys(HostKeyAnswer answer);
    void queueSecret(const SecretRequest &request, std::shared_ptr<Pending> p);
    void showNextSecret();

    QPointer<QWidget> m_dialogParent;
    HostKeyHook m_hostKeyHook;

    struct HostKeyQuestion
    {
        HostKeyRequest request;
        std::shared_ptr<Pending> pending;
    };
    QList<HostKeyQuestion> m_hostKeyQueue; // asked, waiting for the dialog
    QPointer<QDialog> m_hostKeyDialog;
    QTreeWidget *m_hostKeyList = nullptr;
    QTimer *m_gatherTimer = nullptr;

    struct SecretQuestion
    {
        SecretRequest request;
        std::shared_ptr<Pending> pending;
    };
    QList<SecretQuestion> m_secretQueue;
    QPointer<QDialog> m_secretDialog;
    QByteArray m_runPassword; // kept only when the user asked
};

} // namespace volley
