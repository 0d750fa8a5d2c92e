// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/target.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace volley {

/// Adds or edits one target, with validation as you type: OK stays disabled
/// and the error says what is wrong until the target is valid.
class TargetDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetDialog)

public:
    /// existingNames: names already taken (the edited target's own excluded).
    explicit TargetDialog(const QStringList &existingNames, QWidget *parent = nullptr);
    ~TargetDialog() override;

    void setTarget(const Target &t);
    Target target() const { return m_target; }
    QString errorText() const;

private:
    void validate();

    QStringList m_existing;
    Target m_target;
    Target m_base; // fields the dialog does not show survive an edit
    QLineEdit *m_spec = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_groups = nullptr;
    QLineEdit *m_tags = nullptr;
    QLineEdit *m_identity = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace volley
