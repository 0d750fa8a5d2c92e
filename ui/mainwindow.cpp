// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QHeaderView>
#include <QTreeWidget>

namespace volley {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_hosts(new QTreeWidget(this))
{
    setWindowTitle(tr("Volley"));
    m_hosts->setObjectName(QStringLiteral("hostTree"));
    m_hosts->setHeaderLabels({tr("Target"), tr("Address")});
    setCentralWidget(m_hosts);
    resize(1100, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::setTargets(const QList<Target> &targets)
{
    m_hosts->clear();
    QHash<QString, QTreeWidgetItem *> groups;
    for (const Target &t : targets) {
        const QString group = t.isLocal() ? tr("local")
                                          : (t.groups.isEmpty() ? tr("ungrouped") : t.groups.first());
        QTreeWidgetItem *&g = groups[group];
        if (!g) {
            g = new QTreeWidgetItem(m_hosts, {group});
            g->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(g, {t.name, t.isLocal() ? tr("this machine")
                                                                 : QStringLiteral("%1:%2").arg(t.address).arg(t.port)});
        item->setCheckState(0, Qt::Checked);
    }
    m_hosts->header()->resizeSections(QHeaderView::ResizeToContents);
}

} // namespace volley
