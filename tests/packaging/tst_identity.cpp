// SPDX-License-Identifier: GPL-3.0-or-later
// The identity set once: QSettings, QStandardPaths, the desktop file name, the window
// icon and the translations all follow app/identity.h.
#include "identity_gui.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class TestIdentity final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { volley::applyGuiIdentity(); }

    void names()
    {
        QCOMPARE(QCoreApplication::organizationName(), QStringLiteral("Volley"));
        QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("volley"));
        QCOMPARE(QCoreApplication::applicationVersion(), QStringLiteral(VOLLEY_VERSION));
        QCOMPARE(QGuiApplication::desktopFileName(), QStringLiteral("org.volley.Volley"));
    }

    void pathsFollowTheNames()
    {
        QVERIFY2(QSettings().fileName().endsWith(QStringLiteral("/Volley/volley.conf")),
                 qPrintable(QSettings().fileName()));
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY2(data.endsWith(QStringLiteral("/Volley/volley")), qPrintable(data));
    }

    void windowIconIsBuiltIn()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/icons/org.volley.Volley.svg")));
        QVERIFY(!QGuiApplication::windowIcon().isNull() || !VOLLEY_TEST_ICON_PNGS);
        if (VOLLEY_TEST_ICON_PNGS) {
            const QList<QSize> sizes = QGuiApplication::windowIcon().availableSizes();
            QVERIFY(sizes.contains(QSize(16, 16)));
            QVERIFY(sizes.contains(QSize(256, 256)));
        }
    }

    void translationsAreBuiltIn()
    {
        if (!VOLLEY_TEST_TRANSLATIONS)
            QSKIP("built without Qt LinguistTools");
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/volley_en.qm")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(volley::installTranslations());
    }
};

QTEST_MAIN(TestIdentity)
#include "tst_identity.moc"
