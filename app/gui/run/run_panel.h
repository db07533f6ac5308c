#pragma once

// The Run panel: the state of the live gateway (with a busy bar and Cancel while it starts in
// the background), the listener → local address table with copyable curl lines, and the request
// tester.

#include <QtWidgets/QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Torii::Gui {

class ListenersModel;
class LiveRun;
class RequestTester;

class RunPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RunPanel(LiveRun *live, QWidget *parent = nullptr);

    RequestTester *tester() const { return m_tester; }
    ListenersModel *listenersModel() const { return m_model; }
    void copyCurlLine();

private:
    void refresh();

    LiveRun *m_live;
    QLabel *m_state;
    QProgressBar *m_busy;         // while the gateway starts
    QPushButton *m_cancelStart;
    ListenersModel *m_model;
    QTableView *m_table;
    RequestTester *m_tester;
};

} // namespace Torii::Gui
