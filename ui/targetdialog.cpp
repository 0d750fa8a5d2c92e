// SPDX-License-Identifier: GPL-3.0-or-later
#include "targetdialog.h"

#include "palette.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace volley {

namespace {
QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &s :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        out.append(s);
    return out;
}
} // namespace

TargetDialog::TargetDialog(const QStringList &existingNames, QWidget *parent)
    : QDialog(parent)
    , m_existing(existingNames)
{
    setObjectName(QStringLiteral("targetDialog"));
    setWindowTitle(tr("Target"));
    auto *form = new QFormLayout(this);
    m_spec = new QLineEdit(this);
    m_spec->setObjectName(QStringLiteral("targetSpecEdit"));
    m_spec->setPlaceholderText(tr("[user@]host[:port], [user@][v6addr]:port or local"));
    m_spec->setAccessibleName(tr("Address"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("targetNameEdit"));
    m_name->setPlaceholderText(tr("defaults to the address"));
    m_name->setAccessibleName(tr("Name"));
    m_groups = new QLineEdit(this);
    m_groups->setObjectName(QStringLiteral("targetGroupsEdit"));
    m_groups->setPlaceholderText(tr("web, production"));
    m_groups->setAccessibleName(tr("Groups"));
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("targetTagsEdit"));
    m_tags->setAccessibleName(tr("Tags"));
    m_identity = new QLineEdit(this);
    m_identity->setObjectName(QStringLiteral("targetIdentityEdit"));
    m_identity->setPlaceholderText(tr("~/.ssh/id_ed25519 (optional)"));
    m_identity->setAccessibleName(tr("Identity file"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("targetErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, errorColor(pal));
    m_error->setPalette(pal);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(tr("&Address:"), m_spec);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Groups:"), m_groups);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("&Identity file:"), m_identity);
    form->addRow(m_error);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_spec, m_name, m_groups, m_tags, m_identity})
        connect(e, &QLineEdit::textChanged, this, &TargetDialog::validate);
    validate();
}

TargetDialog::~TargetDialog() = default;

void TargetDialog::setTarget(const Target &t)
{
    m_base = t;
    QString spec;
    if (t.isLocal()) {
        spec = QStringLiteral("local");
    } else {
        spec = t.address.contains(QLatin1Char(':')) && t.port > 0
                   ? QStringLiteral("[%1]").arg(t.address)
                   : t.address;
        if (!t.user.isEmpty())
            spec = t.user + QLatin1Char('@') + spec;
        if (t.port > 0)
            spec += QLatin1Char(':') + QString::number(t.port);
    }
    m_spec->setText(spec);
    m_name->setText(t.name);
    m_groups->setText(t.groups.join(QStringLiteral(", ")));
    m_tags->setText(t.tags.join(QStringLiteral(", ")));
    m_identity->setText(t.identityFiles.value(0));
    validate();
}

QString TargetDialog::errorText() const
{
    return m_error->text();
}

void TargetDialog::validate()
{
    QString error;
    Target t;
    const QString spec = m_spec->text().trimmed();
    if (spec.isEmpty()) {
        error = tr("Enter an address, e.g. admin@web01:2222, or local.");
    } else if (!Target::fromSpec(spec, &t, &error)) {
        // fromSpec's message quotes the input and says what is wrong.
    } else {
        const QString name = m_name->text().trimmed();
        if (!name.isEmpty())
            t.name = name;
        if (t.name.contains(QRegularExpression(QStringLiteral("[\\s,\\[\\]]"))))
            error = tr("The name \"%1\" may not contain spaces, commas or brackets.").arg(t.name);
        else if (m_existing.contains(t.name))
            error = tr("A target called \"%1\" exists already; choose another name.").arg(t.name);
        if (!t.isLocal()) {
            t.groups = splitList(m_groups->text());
            t.tags = splitList(m_tags->text());
            const QString id = m_identity->text().trimmed();
            t.identityFiles = id.isEmpty() ? QStringList() : QStringList{id};
            t.knownHostsFile = m_base.knownHostsFile;
            t.proxyJump = m_base.proxyJump;
            t.note = m_base.note;
        }
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
    if (error.isEmpty())
        m_target = t;
}

} // namespace volley
