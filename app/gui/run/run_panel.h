#pragma once

// The Run panel: the state of the live gateway, the listener → local address table with
// copyable curl lines, and the request tester.

#include <QtWidgets/QWidget>

class QLabel;
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
    ListenersModel *m_model;
    QTableView *m_table;
    RequestTester *m_tester;
};

} // namespace Torii::Gui
