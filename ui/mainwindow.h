// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/target.h"

#include <QMainWindow>

class QTreeWidget;

namespace volley {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setTargets(const QList<Target> &targets);

private:
    QTreeWidget *m_hosts = nullptr;
};

} // namespace volley
